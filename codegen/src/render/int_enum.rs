//! An `intEnum`: one variant per known number, plus `Unknown(i32)` for numbers added later. The
//! file is one `int_enum!` invocation (the crate's `shape` module), which declares the enum and
//! writes its conversions once for every enum.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs_attr::{deprecated_attr, doc_attrs, value_doc_attrs};
use crate::emit::{Part, RustFile};
use crate::naming;
use crate::space::{IntVariantDef, TypeDef};

/// Renders the file of one `intEnum`.
pub fn render(def: &TypeDef, variants: &[IntVariantDef]) -> RustFile {
    let name = naming::ident(&def.name);
    let docs = doc_attrs(def.docs.as_deref());
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let variant_defs = variants.iter().map(|v| {
        let docs = value_doc_attrs(&v.value.to_string(), v.docs.as_deref(), v.deprecated.as_ref());
        let ident = naming::ident(&v.name);
        let value = proc_macro2::Literal::i32_unsuffixed(v.value);
        quote!(#docs #ident = #value,)
    });
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    let item = quote! {
        #docs
        #deprecated
        #allow_case
        pub enum #name {
            #(#variant_defs)*
        }
    };
    RustFile {
        parts: vec![
            Part::Tokens(TokenStream::new()),
            Part::Invocation { path: "crate::int_enum", head: String::new(), items: item },
        ],
    }
}
