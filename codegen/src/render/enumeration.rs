//! A string enum: one variant per known value, plus `Unknown(String)` for values added later.
//! The file is one `string_enum!` invocation (the crate's `shape` module), which declares the
//! enum and writes its conversions once for every enum.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs_attr::{deprecated_attr, doc_attrs, value_doc_attrs};
use crate::emit::{Part, RustFile};
use crate::naming;
use crate::space::{TypeDef, VariantDef};

/// Renders the file of one enum.
pub fn render(def: &TypeDef, variants: &[VariantDef]) -> RustFile {
    let name = naming::ident(&def.name);
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    // A sensitive enum's `Debug` prints `*** Sensitive Data Redacted ***` (below).
    let derive_debug = (!def.sensitive).then(|| quote!(#[derive(Debug)]));
    let docs = doc_attrs(def.docs.as_deref());
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let variant_defs = variants.iter().map(|v| {
        let docs = value_doc_attrs(&v.value, v.docs.as_deref(), v.deprecated.as_ref());
        let ident = naming::ident(&v.name);
        let value = &v.value;
        quote!(#docs #ident = #value,)
    });
    let item = quote! {
        #docs
        #deprecated
        #allow_case
        #derive_debug
        pub enum #name {
            #(#variant_defs)*
        }
    };
    let mut parts = vec![
        Part::Tokens(TokenStream::new()),
        Part::Invocation { path: "crate::string_enum", head: String::new(), items: item },
    ];
    if def.sensitive {
        let debug_impl = super::debug::enum_impl(def);
        parts.push(Part::Tokens(quote!(use std::fmt; #debug_impl)));
    }
    RustFile { parts }
}
