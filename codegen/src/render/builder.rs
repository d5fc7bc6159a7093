//! Construction: `new` takes the required members, `with_*` sets the optional ones, so that
//! code building a request keeps compiling when the model adds optional members.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::rust_types::{type_text, type_tokens, StdPaths};
use crate::naming;
use crate::space::{MemberDef, StructDef, TypeDef};

/// Above this many required members, `new` carries `#[allow(clippy::too_many_arguments)]`: it
/// mirrors the model, which has that many.
const MANY_ARGUMENTS: usize = 7;

/// The structure's `new`, taking its required members (none when it has none).
pub fn struct_impl(def: &TypeDef, s: &StructDef, std: &StdPaths) -> Option<TokenStream> {
    let name = naming::ident(&def.name);
    let required: Vec<&MemberDef> = s.members.iter().filter(|f| f.is_required()).collect();
    if required.is_empty() {
        return None;
    }
    let new = {
        let params = required.iter().map(|f| {
            let param = param_ident(f);
            let ty = field_type(f, std);
            quote!(#param: impl Into<#ty>)
        });
        let assigns = required.iter().map(|f| {
            let (ident, param) = (naming::ident(&f.rust_name), param_ident(f));
            if ident == param {
                quote!(#ident: #ident.into(),)
            } else {
                quote!(#ident: #param.into(),)
            }
        });
        let allow = (required.len() > MANY_ARGUMENTS).then(|| quote!(#[allow(clippy::too_many_arguments)]));
        let default = std.path("Default");
        let rest = (required.len() < s.members.len()).then(|| quote!(..#default::default()));
        quote! {
            /// A value with the required members set; optional members are `None` and defaulted
            /// ones hold the model's default.
            #allow
            #[inline]
            pub fn new(#(#params),*) -> Self {
                Self { #(#assigns)* #rest }
            }
        }
    };
    Some(quote! {
        impl #name {
            #new
        }
    })
}

/// The parameter of `new` that sets a member: its field name, with a `_` after the names that
/// Clippy reserves for placeholders (`foo`, `baz`, `quux`).
fn param_ident(f: &MemberDef) -> proc_macro2::Ident {
    match f.rust_name.as_str() {
        "foo" | "baz" | "quux" => format_ident!("{}_", f.rust_name),
        _ => naming::ident(&f.rust_name),
    }
}

/// The `with_*` setters of the optional members (see the `setters!` macro of the crate's `shape`
/// module), one a line; `None` when there are none.
pub fn setters_macro(def: &TypeDef, s: &StructDef, std: &StdPaths) -> Option<String> {
    let optional: Vec<&MemberDef> = s.members.iter().filter(|f| f.is_optional()).collect();
    if optional.is_empty() {
        return None;
    }
    let mut out = format!("crate::setters!({} {{\n", def.name);
    for f in optional {
        let field = naming::ident(&f.rust_name).to_string();
        let setter = format!("with_{}", field.trim_start_matches("r#"));
        let ty = type_text(&f.ty, std);
        let ty = if f.boxed { format!("{}<{ty}>", std.path("Box").to_string().replace(' ', "")) } else { ty };
        out.push_str(&format!("    {setter}({field}: {ty}),\n"));
    }
    out.push_str("});\n");
    Some(out)
}

/// The type a member is set with (without `Option`).
fn field_type(f: &MemberDef, std: &StdPaths) -> TokenStream {
    let ty = type_tokens(&f.ty, std);
    if f.boxed {
        let boxed = std.path("Box");
        quote!(#boxed<#ty>)
    } else {
        ty
    }
}
