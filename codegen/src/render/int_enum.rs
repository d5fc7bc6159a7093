//! An `intEnum`: one variant per known number, plus `Unknown(i32)` for numbers added later.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs_attr::{deprecated_attr, doc_attrs, value_doc_attrs};
use crate::naming;
use crate::space::{IntVariantDef, TypeDef};

/// Renders the file of one `intEnum`.
pub fn render(def: &TypeDef, variants: &[IntVariantDef]) -> TokenStream {
    let name = naming::ident(&def.name);
    let docs = doc_attrs(def.docs.as_deref());
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let idents: Vec<_> = variants.iter().map(|v| naming::ident(&v.name)).collect();
    let values: Vec<i32> = variants.iter().map(|v| v.value).collect();
    let variant_defs = variants.iter().zip(&idents).map(|(v, ident)| {
        let docs = value_doc_attrs(&v.value.to_string(), v.docs.as_deref(), v.deprecated.as_ref());
        quote!(#docs #ident,)
    });
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    quote! {

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

            /// The number as it is written on the wire.
            pub fn as_i32(self) -> i32 {
                match self {
                    #(Self::#idents => #values,)*
                    Self::Unknown(value) => value,
                }
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

        crate::int_enum!(#name);
    }
}
