//! A string enum: one variant per known value, plus `Unknown(String)` for values added later.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs_attr::{deprecated_attr, doc_attrs, value_doc_attrs};
use super::rust_types::StdPaths;
use crate::naming;
use crate::space::{TypeDef, VariantDef};

/// Renders the file of one enum.
pub fn render(def: &TypeDef, variants: &[VariantDef], std: &StdPaths) -> TokenStream {
    let name = naming::ident(&def.name);
    let (string, result, default) = (std.path("String"), std.path("Result"), std.path("Default"));
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    let derive_debug = (!def.sensitive).then(|| quote!(Debug,));
    let debug_impl = def.sensitive.then(|| super::debug::enum_impl(def));
    let docs = doc_attrs(def.docs.as_deref());
    let check_impl = super::validation::enum_impl(def, false);
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let idents: Vec<_> = variants.iter().map(|v| naming::ident(&v.name)).collect();
    let values: Vec<&str> = variants.iter().map(|v| v.value.as_str()).collect();
    let variant_defs = variants.iter().zip(&idents).map(|(v, ident)| {
        let docs = value_doc_attrs(&v.value, v.docs.as_deref(), v.deprecated.as_ref());
        quote!(#docs #ident,)
    });
    let unknown_doc = " A value that this version of the crate does not know, kept exactly as received. \
         Do not match on it: a later version may add the value as a variant of its own.";
    quote! {
        use std::fmt;

        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        use crate::wire;

        #docs
        #deprecated
        #allow_case
        #[derive(Clone, #derive_debug PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum #name {
            #(#variant_defs)*
            #[doc = #unknown_doc]
            Unknown(#string),
        }

        impl #name {
            /// Every value this version of the crate knows, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];

            /// Whether the value is one this version of the crate knows (not `Unknown`).
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }

            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#idents => #values,)*
                    Self::Unknown(value) => value,
                }
            }
        }

        /// The empty [`Unknown`](Self::Unknown) value: what a required member that is missing
        /// on the wire reads as (Smithy's client error correction).
        impl #default for #name {
            fn default() -> Self {
                Self::Unknown(#string::new())
            }
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#values => Self::#idents,)*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl From<#string> for #name {
            fn from(value: #string) -> Self {
                match value.as_str() {
                    #(#values => Self::#idents,)*
                    _ => Self::Unknown(value),
                }
            }
        }

        impl std::str::FromStr for #name {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> #result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl fmt::Display for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for #name {
            fn serialize<S: Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                wire::deserialize_enum(deserializer)
            }
        }

        #debug_impl

        #check_impl
    }
}
