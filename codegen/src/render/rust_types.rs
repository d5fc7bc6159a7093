//! How the type space's Rust types and wire formats are spelled in generated code.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use crate::naming;
use crate::space::{RustType, TypeRef, TypeSpace, WireFormat};

/// How std names are spelled in the generated code: short, unless a generated type has the
/// same name (then by full path).
#[derive(Clone, Debug, Default)]
pub struct StdPaths {
    /// Names of [`naming::STD_NAMES`] that a generated type also uses.
    pub clashing: BTreeSet<String>,
}

impl StdPaths {
    /// The spelling of std names in the files of `space`.
    pub fn of(space: &TypeSpace) -> StdPaths {
        StdPaths { clashing: space.std_clashes.clone() }
    }

    /// The path of a std item, e.g. `String` or `::std::string::String`.
    pub fn path(&self, name: &str) -> TokenStream {
        let short = naming::ident(name);
        if !self.clashing.contains(name) {
            return quote!(#short);
        }
        match name {
            "String" => quote!(::std::string::String),
            "Vec" => quote!(::std::vec::Vec),
            "Option" => quote!(::std::option::Option),
            "Box" => quote!(::std::boxed::Box),
            "HashMap" => quote!(::std::collections::HashMap),
            "Result" => quote!(::std::result::Result),
            "Default" => quote!(::std::default::Default),
            _ => quote!(#short),
        }
    }
}

/// The Rust type as tokens.
pub fn type_tokens(ty: &RustType, std: &StdPaths) -> TokenStream {
    type_text(ty, std).parse().expect("a Rust type tokenizes")
}

/// The Rust type as text, e.g. `Vec<AttributeType>` (for macro invocations the generator lays
/// out itself; [`type_tokens`] parses the same text).
pub fn type_text(ty: &RustType, std: &StdPaths) -> String {
    let path = |name: &str| std.path(name).to_string().replace(' ', "");
    match ty {
        RustType::String => path("String"),
        RustType::Bool => "bool".to_owned(),
        RustType::I8 => "i8".to_owned(),
        RustType::I16 => "i16".to_owned(),
        RustType::I32 => "i32".to_owned(),
        RustType::I64 => "i64".to_owned(),
        RustType::F32 => "f32".to_owned(),
        RustType::F64 => "f64".to_owned(),
        RustType::BigNumber => "wire::BigNumber".to_owned(),
        RustType::Timestamp(_) => "time::OffsetDateTime".to_owned(),
        RustType::Blob => format!("{}<u8>", path("Vec")),
        RustType::Document => "serde_json::Value".to_owned(),
        RustType::Named(named) => named_tokens(named, std).to_string().replace(' ', ""),
        RustType::List { item, sparse: false } => format!("{}<{}>", path("Vec"), type_text(item, std)),
        RustType::List { item, sparse: true } => {
            format!("{}<{}<{}>>", path("Vec"), path("Option"), type_text(item, std))
        }
        RustType::Map { value, sparse: false } => {
            format!("{}<{}, {}>", path("HashMap"), path("String"), type_text(value, std))
        }
        RustType::Map { value, sparse: true } => {
            format!("{}<{}, {}<{}>>", path("HashMap"), path("String"), path("Option"), type_text(value, std))
        }
        RustType::Unit => "()".to_owned(),
    }
}

/// The Rust type as tokens, for code outside the `types` module that imports nothing:
/// generated types as `crate::Name`, `HashMap` by its full path.
pub fn qualified_type_tokens(ty: &RustType) -> TokenStream {
    let all_clash = StdPaths {
        clashing: ["HashMap".to_owned()]
            .into_iter()
            .chain(ty.named_types().into_iter().map(|t| t.name.clone()))
            .collect(),
    };
    type_tokens(ty, &all_clash)
}

/// A generated type: by short name, or through `crate::` when the name clashes with std.
pub fn named_tokens(named: &TypeRef, std: &StdPaths) -> TokenStream {
    named_type(&named.name, std)
}

/// A generated type by name: short, or through `crate::` when the name clashes with std.
pub fn named_type(name: &str, std: &StdPaths) -> TokenStream {
    let ident = naming::ident(name);
    if std.clashing.contains(name) {
        quote!(crate::#ident)
    } else {
        quote!(#ident)
    }
}

/// The format value that reads and writes a member (see the generated `wire` module), e.g.
/// `wire::Opt(wire::List(wire::EpochSeconds))`: the type's format, boxed and optional as the
/// member is. As text, formatted: it goes into macro invocations the generator lays out itself.
pub fn member_format(ty: &RustType, boxed: bool, optional: bool) -> String {
    let mut format = value_format(ty);
    if boxed {
        format = format!("wire::Boxed({format})");
    }
    if optional {
        format = format!("wire::Opt({format})");
    }
    format
}

/// [`member_format`] as tokens.
pub fn member_format_tokens(ty: &RustType, boxed: bool, optional: bool) -> TokenStream {
    member_format(ty, boxed, optional).parse().expect("a format value tokenizes")
}

/// The format value of a type.
fn value_format(ty: &RustType) -> String {
    match ty.wire_format() {
        None => "wire::Same".to_owned(),
        Some(format) => format_value(&format),
    }
}

fn format_value(format: &WireFormat) -> String {
    let inner = |inner: Option<&WireFormat>| inner.map_or_else(|| "wire::Same".to_owned(), format_value);
    match format {
        WireFormat::Float => "wire::Float".to_owned(),
        WireFormat::EpochSeconds => "wire::EpochSeconds".to_owned(),
        WireFormat::DateTime => "wire::DateTime".to_owned(),
        WireFormat::HttpDate => "wire::HttpDate".to_owned(),
        WireFormat::Base64 => "wire::Base64".to_owned(),
        WireFormat::List { item, sparse: false } => format!("wire::List({})", inner(item.as_deref())),
        WireFormat::List { item, sparse: true } => format!("wire::SparseList({})", inner(item.as_deref())),
        WireFormat::Map { value, sparse: false } => format!("wire::Map({})", inner(value.as_deref())),
        WireFormat::Map { value, sparse: true } => format!("wire::SparseMap({})", inner(value.as_deref())),
    }
}
