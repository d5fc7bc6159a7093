//! An `intEnum`: one variant per known number, plus `Unknown(i32)` for numbers added later.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs_attr::{deprecated_attr, doc_attrs, value_doc_attrs};
use super::rust_types::StdPaths;
use crate::naming;
use crate::space::{IntVariantDef, TypeDef};

/// Renders the file of one `intEnum`.
pub fn render(def: &TypeDef, variants: &[IntVariantDef], std: &StdPaths) -> TokenStream {
    let name = naming::ident(&def.name);
    let (result, default) = (std.path("Result"), std.path("Default"));
    let docs = doc_attrs(def.docs.as_deref());
    let check_impl = super::validation::enum_impl(def, true);
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let idents: Vec<_> = variants.iter().map(|v| naming::ident(&v.name)).collect();
    let values: Vec<i32> = variants.iter().map(|v| v.value).collect();
    let variant_defs = variants.iter().zip(&idents).map(|(v, ident)| {
        let docs = value_doc_attrs(&v.value.to_string(), v.docs.as_deref(), v.deprecated.as_ref());
        quote!(#docs #ident,)
    });
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    quote! {
        use std::fmt;

        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        #docs
        #deprecated
        #allow_case
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_defs)*
            /// A number that this version of the crate does not know, kept exactly as received.
            /// Do not match on it: a later version may add the number as a variant of its own.
            Unknown(i32),
        }

        impl #name {
            /// Every number this version of the crate knows, in model order.
            pub const VALUES: &'static [i32] = &[#(#values),*];

            /// Whether the value is one this version of the crate knows (not `Unknown`).
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }

            /// The number as it is written on the wire.
            pub fn as_i32(self) -> i32 {
                match self {
                    #(Self::#idents => #values,)*
                    Self::Unknown(value) => value,
                }
            }
        }

        /// [`Unknown(0)`](Self::Unknown): what a required member that is missing on the wire
        /// reads as (Smithy's client error correction), unless 0 is a known value.
        impl #default for #name {
            fn default() -> Self {
                Self::from(0)
            }
        }

        impl From<i32> for #name {
            fn from(value: i32) -> Self {
                match value {
                    #(#values => Self::#idents,)*
                    other => Self::Unknown(other),
                }
            }
        }

        impl From<#name> for i32 {
            fn from(value: #name) -> i32 {
                value.as_i32()
            }
        }

        impl fmt::Display for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.as_i32())
            }
        }

        impl Serialize for #name {
            fn serialize<S: Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                serializer.serialize_i32(self.as_i32())
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                i32::deserialize(deserializer).map(Self::from)
            }
        }

        #check_impl
    }
}
