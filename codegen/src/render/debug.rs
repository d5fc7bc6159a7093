//! `Debug` that never prints a `@sensitive` value: a redaction marker stands in for it, and the
//! rest of the value prints normally. Types with nothing sensitive derive `Debug`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::naming;
use crate::space::{MemberDef, RustType, StructDef, TypeDef};

/// Whether a structure needs the hand-written `Debug` below.
pub fn struct_redacts(def: &TypeDef, s: &StructDef) -> bool {
    def.sensitive || s.members.iter().any(|f| f.redact)
}

/// `impl Debug` for a structure with sensitive members.
pub fn struct_impl(def: &TypeDef, s: &StructDef) -> TokenStream {
    let name = naming::ident(&def.name);
    let type_name = &def.name;
    let fields = s.members.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let label = ident.to_string().trim_start_matches("r#").to_owned();
        let value = match (f.redact, f.is_optional()) {
            (false, _) => quote!(&self.#ident),
            (true, true) => quote!(&self.#ident.as_ref().map(|_| Redacted)),
            (true, false) => quote!(&Redacted),
        };
        quote!(.field(#label, #value))
    });
    quote! {
        impl fmt::Debug for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(#type_name)
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// Whether a union needs the hand-written `Debug` below.
pub fn union_redacts(def: &TypeDef, members: &[MemberDef]) -> bool {
    def.sensitive || members.iter().any(|m| m.redact)
}

/// `impl Debug` for a union with sensitive members.
pub fn union_impl(def: &TypeDef, members: &[MemberDef]) -> TokenStream {
    let name = naming::ident(&def.name);
    let arms = members.iter().map(|m| {
        let variant = format_ident!("{}", m.rust_name);
        let label = &m.rust_name;
        match (&m.ty, m.redact) {
            (RustType::Unit, _) => quote!(Self::#variant => f.write_str(#label),),
            (_, true) => quote!(Self::#variant(_) => f.debug_tuple(#label).field(&Redacted).finish(),),
            (_, false) => quote!(Self::#variant(value) => f.debug_tuple(#label).field(value).finish(),),
        }
    });
    let unknown_value = if def.sensitive { quote!(&Redacted) } else { quote!(value) };
    quote! {
        impl fmt::Debug for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                match self {
                    #(#arms)*
                    Self::Unknown { member, value } => f
                        .debug_struct("Unknown")
                        .field("member", member)
                        .field("value", #unknown_value)
                        .finish(),
                }
            }
        }
    }
}

/// `impl Debug` for a sensitive enum: only the marker.
pub fn enum_impl(def: &TypeDef) -> TokenStream {
    let name = naming::ident(&def.name);
    quote! {
        impl fmt::Debug for #name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&crate::wire::Redacted, f)
            }
        }
    }
}
