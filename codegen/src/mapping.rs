//! The type mapping: which Rust type holds each Smithy shape, and which wire format adapter
//! (see the generated crate's `wire` module) reads and writes it. This is the only place that
//! decides either.

use proc_macro2::TokenStream;
use quote::quote;
use smithy_model::{Model, ShapeId, ShapeKind, Simple, TimestampFormat, Traits};

use crate::error::Error;
use crate::space::Names;

/// The Rust type of a member (before `Option` and `Box` are applied).
#[derive(Clone, Debug, PartialEq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`, with non-finite values as strings on the wire.
    F32,
    /// `f64`, with non-finite values as strings on the wire.
    F64,
    /// `wire::BigNumber`: the exact digits of an arbitrary precision number.
    BigNumber,
    /// `time::OffsetDateTime` in the given wire format.
    Timestamp(TimestampFormat),
    /// `Vec<u8>`, base64 on the wire.
    Blob,
    /// `serde_json::Value`.
    Document,
    /// A generated structure, union or enum, by Rust name.
    Named(String),
    /// `Vec<T>`, or `Vec<Option<T>>` when sparse.
    List { item: Box<RustType>, sparse: bool },
    /// `HashMap<String, T>`, or `HashMap<String, Option<T>>` when sparse.
    Map { value: Box<RustType>, sparse: bool },
}

/// How std names are spelled in the generated code: short, unless a shape of the model has
/// the same name (then by full path).
#[derive(Clone, Debug, Default)]
pub struct StdPaths {
    /// Names of [`crate::naming::STD_NAMES`] that a generated type also uses.
    pub clashing: std::collections::BTreeSet<String>,
}

impl StdPaths {
    /// The path of a std item, e.g. `String` or `::std::string::String`.
    pub fn path(&self, name: &str) -> TokenStream {
        let short = crate::naming::ident(name);
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

    /// The path as a string, for serde attributes.
    pub fn path_str(&self, name: &str) -> String {
        self.path(name).to_string().replace(' ', "")
    }
}

/// How deep lists and maps may nest inside one another (`Vec<Vec<...>>`). Real models nest two
/// or three; the limit keeps hostile ones from recursing without end.
pub const MAX_COLLECTION_DEPTH: usize = 32;

impl RustType {
    /// Resolves the type of a member from its target and its effective traits.
    pub fn of_member(model: &Model, names: &Names, target: &ShapeId, traits: &Traits) -> Result<RustType, Error> {
        RustType::of_member_at(model, names, target, traits, 0)
    }

    /// [`RustType::of_member`] inside `depth` lists and maps.
    fn of_member_at(
        model: &Model,
        names: &Names,
        target: &ShapeId,
        traits: &Traits,
        depth: usize,
    ) -> Result<RustType, Error> {
        let shape = model.expect(target);
        if depth >= MAX_COLLECTION_DEPTH && matches!(shape.kind, ShapeKind::List { .. } | ShapeKind::Map { .. }) {
            return Err(Error::new(
                target.to_string(),
                format!("lists and maps nest more than {MAX_COLLECTION_DEPTH} levels deep here; the generator supports at most {MAX_COLLECTION_DEPTH}"),
            ));
        }
        Ok(match &shape.kind {
            ShapeKind::Simple(simple) => match simple {
                Simple::String => RustType::String,
                Simple::Boolean => RustType::Bool,
                Simple::Byte => RustType::I8,
                Simple::Short => RustType::I16,
                Simple::Integer => RustType::I32,
                Simple::Long => RustType::I64,
                Simple::Float => RustType::F32,
                Simple::Double => RustType::F64,
                Simple::BigInteger | Simple::BigDecimal => RustType::BigNumber,
                Simple::Timestamp => RustType::Timestamp(
                    traits.timestamp_format.or(shape.traits.timestamp_format).unwrap_or(TimestampFormat::EpochSeconds),
                ),
                Simple::Blob => RustType::Blob,
                Simple::Document => RustType::Document,
            },
            ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Structure(_) | ShapeKind::Union(_) => {
                RustType::Named(names.type_name(target)?.to_owned())
            }
            ShapeKind::List { member, .. } => RustType::List {
                item: Box::new(RustType::of_member_at(
                    model,
                    names,
                    &member.target,
                    &model.effective_traits(member),
                    depth + 1,
                )?),
                sparse: shape.traits.sparse,
            },
            ShapeKind::Map { value, .. } => RustType::Map {
                value: Box::new(RustType::of_member_at(
                    model,
                    names,
                    &value.target,
                    &model.effective_traits(value),
                    depth + 1,
                )?),
                sparse: shape.traits.sparse,
            },
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => {
                return Err(Error::new(target.to_string(), "a member cannot target an operation, service or resource"))
            }
        })
    }

    /// The Rust type as tokens, for code outside the `types` module that imports nothing:
    /// generated types as `crate::Name`, `HashMap` by its full path.
    pub fn qualified_tokens(&self) -> TokenStream {
        let all_clash = StdPaths {
            clashing: ["HashMap".to_owned()]
                .into_iter()
                .chain(self.named_types().into_iter().map(str::to_owned))
                .collect(),
        };
        self.tokens(&all_clash)
    }

    /// The Rust type as tokens.
    pub fn tokens(&self, std: &StdPaths) -> TokenStream {
        match self {
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
            RustType::Named(name) => named(name, std),
            RustType::List { item, sparse } => {
                let vec = std.path("Vec");
                let item = item.tokens(std);
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
                let value = value.tokens(std);
                if *sparse {
                    let option = std.path("Option");
                    quote!(#map<#string, #option<#value>>)
                } else {
                    quote!(#map<#string, #value>)
                }
            }
        }
    }

    /// The `wire` adapter that reads and writes this type, or `None` when the type's own serde
    /// implementation is exactly the wire format.
    pub fn wire_format(&self) -> Option<TokenStream> {
        match self {
            RustType::String
            | RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::BigNumber
            | RustType::Document
            | RustType::Named(_) => None,
            RustType::F32 | RustType::F64 => Some(quote!(wire::Float)),
            RustType::Timestamp(TimestampFormat::EpochSeconds) => Some(quote!(wire::EpochSeconds)),
            RustType::Timestamp(TimestampFormat::DateTime) => Some(quote!(wire::DateTime)),
            RustType::Timestamp(TimestampFormat::HttpDate) => Some(quote!(wire::HttpDate)),
            RustType::Blob => Some(quote!(wire::Base64)),
            RustType::List { item, sparse } => {
                let name = if *sparse { quote!(wire::SparseList) } else { quote!(wire::List) };
                Some(Self::collection_format(name, item))
            }
            RustType::Map { value, sparse } => {
                let name = if *sparse { quote!(wire::SparseMap) } else { quote!(wire::Map) };
                Some(Self::collection_format(name, value))
            }
        }
    }

    /// The collection format with its item format; `Same` is the default and left out.
    fn collection_format(name: TokenStream, item: &RustType) -> TokenStream {
        match item.wire_format() {
            Some(inner) => quote!(#name<#inner>),
            None => name,
        }
    }

    /// Whether the type implements `Default` (every generated type does; timestamps do not).
    pub fn has_default(&self) -> bool {
        !matches!(self, RustType::Timestamp(_))
    }

    /// Generated types this type refers to.
    pub fn named_types(&self) -> Vec<&str> {
        match self {
            RustType::Named(name) => vec![name.as_str()],
            RustType::List { item: inner, .. } | RustType::Map { value: inner, .. } => inner.named_types(),
            _ => Vec::new(),
        }
    }

    /// Whether the type spells `HashMap`.
    pub fn uses_map(&self) -> bool {
        match self {
            RustType::Map { .. } => true,
            RustType::List { item, .. } => item.uses_map(),
            _ => false,
        }
    }

    /// Whether the `wire` module is needed to spell or read the type.
    pub fn uses_wire(&self) -> bool {
        matches!(self, RustType::BigNumber) || self.wire_format().is_some()
    }
}

/// A generated type: by short name, or through `crate::` when the name clashes with std.
pub fn named(name: &str, std: &StdPaths) -> TokenStream {
    let ident = crate::naming::ident(name);
    if std.clashing.contains(name) {
        quote!(crate::#ident)
    } else {
        quote!(#ident)
    }
}
