//! A union: an enum with one newtype variant per member, plus `Unknown` for members added to
//! the model later. On the wire it is an object with exactly one member; `__type` is ignored on
//! read, and members whose value is `null` count as unset.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs_attr::{deprecated_attr, doc_attrs};
use super::imports::Imports;
use super::rust_types::{type_tokens, wire_format_tokens, StdPaths};
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
    let serialize_arms = members.iter().map(serialize_arm);
    let deserialize_arms = members.iter().map(|m| deserialize_arm(&name, m, std));
    let expecting = format!("the union `{}`: an object with exactly one member", def.name);
    let two_members = format!("more than one member of the union `{}` is set", def.name);
    let no_member = format!("no member of the union `{}` is set", def.name);
    let string = std.path("String");
    let option = std.path("Option");
    let result = std.path("Result");
    let default = std.path("Default");
    let mut imports = Imports::default();
    imports
        .add("std", "fmt")
        .add("serde::de", "self")
        .add("serde::de", "MapAccess")
        .add("serde::de", "Visitor")
        .add("serde::ser", "SerializeMap")
        .add("serde", "Deserialize")
        .add("serde", "Deserializer")
        .add("serde", "Serialize")
        .add("serde", "Serializer");
    imports.types(members.iter().map(|m| &m.ty), &def.name, std);
    if members.iter().any(|m| m.ty == RustType::Unit || m.ty.wire_format().is_some()) {
        imports.add("crate", "wire");
    }
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    let redacts = debug::union_redacts(def, members);
    let derive_debug = (!redacts).then(|| quote!(Debug,));
    let debug_impl = redacts.then(|| debug::union_impl(def, members));
    if redacts {
        imports.add("crate::wire", "Redacted");
    }
    let imports = imports.tokens();
    let validate = validation::union_impl(def, members, space);
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

        /// An empty [`Unknown`](Self::Unknown) value: what a required member that is missing on
        /// the wire reads as (Smithy's client error correction). It is written as `{}`.
        impl #default for #name {
            fn default() -> Self {
                Self::Unknown { member: #string::new(), value: serde_json::Value::Null }
            }
        }

        impl Serialize for #name {
            fn serialize<S: Serializer>(&self, serializer: S) -> #result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(#option::None)?;
                match self {
                    #(#serialize_arms)*
                    Self::Unknown { member, .. } if member.is_empty() => {}
                    Self::Unknown { member, value } => map.serialize_entry(member, value)?,
                }
                map.end()
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> #result<Self, D::Error> {
                struct UnionVisitor;

                impl<'de> Visitor<'de> for UnionVisitor {
                    type Value = #name;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str(#expecting)
                    }

                    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> #result<#name, A::Error> {
                        let mut found: #option<#name> = #option::None;
                        while let #option::Some(key) = map.next_key::<#string>()? {
                            let value = match key.as_str() {
                                "__type" => {
                                    map.next_value::<de::IgnoredAny>()?;
                                    continue;
                                }
                                #(#deserialize_arms)*
                                _ => map
                                    .next_value::<#option<serde_json::Value>>()?
                                    .map(|value| #name::Unknown { member: key, value }),
                            };
                            if value.is_some() && found.is_some() {
                                return Err(de::Error::custom(#two_members));
                            }
                            found = found.or(value);
                        }
                        found.ok_or_else(|| de::Error::custom(#no_member))
                    }
                }

                deserializer.deserialize_map(UnionVisitor)
            }
        }

        #debug_impl

        #validate
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

fn serialize_arm(m: &MemberDef) -> TokenStream {
    let variant = format_ident!("{}", m.rust_name);
    let key = &m.wire_name;
    match (&m.ty, m.ty.wire_format()) {
        (RustType::Unit, _) => quote!(Self::#variant => map.serialize_entry(#key, &wire::Empty)?,),
        (_, Some(format)) => {
            let format = wire_format_tokens(&format);
            quote!(Self::#variant(value) => wire::serialize_entry_as::<#format, _, _>(&mut map, #key, value)?,)
        }
        (_, None) => quote!(Self::#variant(value) => map.serialize_entry(#key, value)?,),
    }
}

fn deserialize_arm(name: &Ident, m: &MemberDef, std: &StdPaths) -> TokenStream {
    let variant = format_ident!("{}", m.rust_name);
    let key = &m.wire_name;
    let option = std.path("Option");
    let ty = &m.ty;
    if *ty == RustType::Unit {
        return quote!(#key => map.next_value::<#option<de::IgnoredAny>>()?.map(|_| #name::#variant),);
    }
    let wrap = if m.boxed {
        let boxed = std.path("Box");
        quote!(|value| #name::#variant(#boxed::new(value)))
    } else {
        quote!(#name::#variant)
    };
    match ty.wire_format() {
        Some(format) => {
            let format = wire_format_tokens(&format);
            quote!(#key => wire::next_value_as::<#option<#format>, _, _>(&mut map)?.map(#wrap),)
        }
        None => {
            let ty = type_tokens(ty, std);
            quote!(#key => map.next_value::<#option<#ty>>()?.map(#wrap),)
        }
    }
}
