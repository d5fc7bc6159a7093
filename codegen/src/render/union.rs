//! A union: an enum with one newtype variant per member, plus `Unknown` for members added to
//! the model later. On the wire it is an object with exactly one member; `__type` is ignored on
//! read, and members whose value is `null` count as unset.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs_attr::{deprecated_attr, doc_attrs};
use super::imports::Imports;
use super::rust_types::{member_format_tokens, type_tokens, StdPaths};
use super::{debug, validation};
use crate::naming;
use crate::space::{MemberDef, RustType, TypeDef, TypeSpace};

/// Renders the file of one union.
pub fn render(def: &TypeDef, members: &[MemberDef], space: &TypeSpace) -> TokenStream {
    let std = &StdPaths::of(space);
    let name = naming::ident(&def.name);
    let docs = doc_attrs(def.docs.as_deref());
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let variants = members.iter().map(|m| variant(m, std));
    let string = std.path("String");
    let mut imports = Imports::default();
    imports.add("crate", "json").add("crate", "shape").add("crate", "wire");
    imports.types(members.iter().map(|m| &m.ty), &def.name, std);
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    let redacts = debug::union_redacts(def, members);
    let derive_debug = (!redacts).then(|| quote!(Debug,));
    let debug_impl = redacts.then(|| debug::union_impl(def, members));
    if redacts {
        imports.add("std", "fmt").add("crate::shape", "Redacted");
    }
    let imports = imports.tokens();
    let validate = validation::union_impl(def, members, space);
    let union = union_impl(&name, def, members, std);
    quote! {
        #imports

        #docs
        #deprecated
        #allow_case
        #[derive(Clone, #derive_debug PartialEq)]
        #[non_exhaustive]
        pub enum #name {
            #(#variants)*
            /// A member that this version of the crate does not know, kept as received so that it
            /// is written back unchanged. Do not match on it: a later version may know it.
            Unknown {
                /// The member's name on the wire.
                member: #string,
                /// The member's value.
                value: serde_json::Value,
            },
        }

        #union

        crate::union!(#name);

        #debug_impl

        #validate
    }
}

/// `impl Union`: the members' wire names, and how each is read and written.
fn union_impl(name: &proc_macro2::Ident, def: &TypeDef, members: &[MemberDef], std: &StdPaths) -> TokenStream {
    let (type_name, result, string) = (&def.name, std.path("Result"), std.path("String"));
    let names = members.iter().map(|m| &m.wire_name);
    let reads = members.iter().enumerate().map(|(index, m)| {
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        let variant = format_ident!("{}", m.rust_name);
        if m.ty == RustType::Unit {
            quote!(#index => r.value(wire::Same).map(|wire::Empty| Self::#variant),)
        } else {
            let format = member_format_tokens(&m.ty, m.boxed, false);
            quote!(#index => r.value(#format).map(Self::#variant),)
        }
    });
    let writes = members.iter().enumerate().map(|(index, m)| {
        let index = proc_macro2::Literal::usize_unsuffixed(index);
        let variant = format_ident!("{}", m.rust_name);
        if m.ty == RustType::Unit {
            quote!(Self::#variant => w.field(#index, &wire::Empty, wire::Same),)
        } else {
            let format = member_format_tokens(&m.ty, m.boxed, false);
            quote!(Self::#variant(value) => w.field(#index, value, #format),)
        }
    });
    quote! {
        impl shape::Union for #name {
            const NAME: &'static str = #type_name;
            const VARIANTS: json::Fields<'static> = json::Fields::new(&[#(#names),*]);

            fn read_variant<R: shape::FieldReader>(index: usize, r: R) -> #result<Self, R::Error> {
                match index {
                    #(#reads)*
                    _ => r.value(wire::Same).map(|value| Self::Unknown { member: #string::new(), value }),
                }
            }

            #[inline]
            fn unknown(member: #string, value: serde_json::Value) -> Self {
                Self::Unknown { member, value }
            }

            fn write_variant<W: shape::VariantWriter>(&self, w: &mut W) -> #result<(), W::Error> {
                match self {
                    #(#writes)*
                    Self::Unknown { member, value } => w.unknown(member, value),
                }
            }
        }
    }
}

fn variant(m: &MemberDef, std: &StdPaths) -> TokenStream {
    let docs = doc_attrs(m.docs.as_deref());
    let unchecked = validation::unchecked_docs(m);
    let docs = quote!(#docs #unchecked);
    let deprecated = deprecated_attr(m.deprecated.as_ref());
    let variant = format_ident!("{}", m.rust_name);
    match &m.ty {
        RustType::Unit => quote!(#docs #deprecated #variant,),
        ty => {
            let mut ty = type_tokens(ty, std);
            if m.boxed {
                let boxed = std.path("Box");
                ty = quote!(#boxed<#ty>);
            }
            quote!(#docs #deprecated #variant(#ty),)
        }
    }
}
