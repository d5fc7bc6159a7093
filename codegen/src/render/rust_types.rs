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
    match ty {
        RustType::String => std.path("String"),
        RustType::Bool => quote!(bool),
        RustType::I8 => quote!(i8),
        RustType::I16 => quote!(i16),
        RustType::I32 => quote!(i32),
        RustType::I64 => quote!(i64),
        RustType::F32 => quote!(f32),
        RustType::F64 => quote!(f64),
        RustType::BigNumber => quote!(wire::BigNumber),
        RustType::Timestamp(_) => quote!(time::OffsetDateTime),
        RustType::Blob => {
            let vec = std.path("Vec");
            quote!(#vec<u8>)
        }
        RustType::Document => quote!(serde_json::Value),
        RustType::Named(named) => named_tokens(named, std),
        RustType::List { item, sparse } => {
            let vec = std.path("Vec");
            let item = type_tokens(item, std);
            if *sparse {
                let option = std.path("Option");
                quote!(#vec<#option<#item>>)
            } else {
                quote!(#vec<#item>)
            }
        }
        RustType::Map { value, sparse } => {
            let map = std.path("HashMap");
            let string = std.path("String");
            let value = type_tokens(value, std);
            if *sparse {
                let option = std.path("Option");
                quote!(#map<#string, #option<#value>>)
            } else {
                quote!(#map<#string, #value>)
            }
        }
        RustType::Unit => quote!(()),
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
/// member is.
pub fn member_format(ty: &RustType, boxed: bool, optional: bool) -> TokenStream {
    let mut format = value_format(ty);
    if boxed {
        format = quote!(wire::Boxed(#format));
    }
    if optional {
        format = quote!(wire::Opt(#format));
    }
    format
}

/// The format value of a type.
pub fn value_format(ty: &RustType) -> TokenStream {
    match ty.wire_format() {
        None => quote!(wire::Same),
        Some(format) => format_value(&format),
    }
}

fn format_value(format: &WireFormat) -> TokenStream {
    let inner = |inner: Option<&WireFormat>| inner.map_or_else(|| quote!(wire::Same), format_value);
    match format {
        WireFormat::Float => quote!(wire::Float),
        WireFormat::EpochSeconds => quote!(wire::EpochSeconds),
        WireFormat::DateTime => quote!(wire::DateTime),
        WireFormat::HttpDate => quote!(wire::HttpDate),
        WireFormat::Base64 => quote!(wire::Base64),
        WireFormat::List { item, sparse } => {
            let item = inner(item.as_deref());
            if *sparse {
                quote!(wire::SparseList(#item))
            } else {
                quote!(wire::List(#item))
            }
        }
        WireFormat::Map { value, sparse } => {
            let value = inner(value.as_deref());
            if *sparse {
                quote!(wire::SparseMap(#value))
            } else {
                quote!(wire::Map(#value))
            }
        }
    }
}
