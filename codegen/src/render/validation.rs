//! Validation, behind the generated crate's `validate` feature: `impl Validate` for unions (one
//! call per checked member, naming a constant that describes its constraints; structures name
//! theirs in their `structure!` line, and enums get `impl Check` from `string_enum!`/`int_enum!`),
//! and the `patterns` and `constraints` modules those constants live in.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::naming;
use crate::space::{Checks, MemberDef, TypeDef, TypeSpace};

/// `src/patterns.rs`: every usable `@pattern` of the crate, compiled on first use.
pub fn patterns_module(space: &TypeSpace) -> TokenStream {
    let statics = space.patterns.iter().map(|(p, name)| {
        let ident = format_ident!("{name}");
        let (source, regex) = (&p.source, &p.regex);
        let doc = format!(" {}", crate::docs::code_span(&printable(source)));
        quote! {
            #[doc = #doc]
            pub(crate) static #ident: Pattern = Pattern::new(#source, #regex);
        }
    });
    let uses = (!space.patterns.is_empty()).then(|| {
        quote!(
            use crate::validate::Pattern;
        )
    });
    quote! {
        //! The model's `@pattern`s, each with its translation for fancy-regex (Java's syntax read
        //! with ECMAScript's meanings where the two differ; see the generator's `pattern` module),
        //! compiled on first use.

        #uses

        #(#statics)*
    }
}

/// `src/constraints.rs`: every distinct set of constraints of the crate's members.
pub fn constraints_module(space: &TypeSpace) -> TokenStream {
    let mut all: Vec<(&String, &Checks)> = space.constraints.iter().map(|(checks, name)| (name, checks)).collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    let statics = all.iter().map(|(name, checks)| {
        let ident = format_ident!("{name}");
        let value = constraints_value(checks, space);
        quote!(pub(crate) static #ident: Constraints = #value;)
    });
    let uses_patterns = all.iter().any(|(_, checks)| checks.pattern.is_some()).then(|| {
        quote!(
            use crate::patterns;
        )
    });
    let uses = (!all.is_empty()).then(|| {
        quote!(
            use crate::validate::Constraints;
        )
    });
    quote! {
        //! The constraints of the crate's members, one constant per distinct set, named after
        //! the shape they come from (or `Shape_Member`, when the member adds its own).

        #uses_patterns
        #uses

        #(#statics)*
    }
}

/// `Constraints::NONE.length(..).pattern(..)...` for one set of checks.
fn constraints_value(checks: &Checks, space: &TypeSpace) -> TokenStream {
    let mut value = quote!(Constraints::NONE);
    if let Some(length) = &checks.length {
        let (min, max) = (
            bound(length.min.map(proc_macro2::Literal::u64_unsuffixed)),
            bound(length.max.map(proc_macro2::Literal::u64_unsuffixed)),
        );
        value = quote!(#value.length(#min, #max));
    }
    if let Some(range) = &checks.range {
        let number = |n: &Option<serde_json::Number>| {
            n.as_ref().and_then(serde_json::Number::as_f64).map(proc_macro2::Literal::f64_unsuffixed)
        };
        let (min, max) = (bound(number(&range.min)), bound(number(&range.max)));
        value = quote!(#value.range(#min, #max));
    }
    if let Some(pattern) = &checks.pattern {
        let ident = format_ident!("{}", space.patterns[pattern]);
        value = quote!(#value.pattern(&patterns::#ident));
    }
    if checks.sensitive {
        value = quote!(#value.sensitive());
    }
    if let Some(items) = &checks.items {
        let items = constant(items, space);
        value = quote!(#value.items(&#items));
    }
    if let Some(keys) = &checks.keys {
        let keys = constant(keys, space);
        value = quote!(#value.keys(&#keys));
    }
    value
}

fn bound(literal: Option<proc_macro2::Literal>) -> TokenStream {
    match literal {
        Some(literal) => quote!(Some(#literal)),
        None => quote!(None),
    }
}

/// The constant of nested checks, inside the `constraints` module.
fn constant(checks: &Checks, space: &TypeSpace) -> TokenStream {
    match constant_ident(checks, space) {
        Some(ident) => quote!(#ident),
        None => quote!(Constraints::NONE),
    }
}

fn constant_ident(checks: &Checks, space: &TypeSpace) -> Option<Ident> {
    space.constraint_name(checks).map(|name| format_ident!("{name}"))
}

/// The check of one member whose value is `value` (a reference).
fn member_check(m: &MemberDef, value: TokenStream, space: &TypeSpace) -> Option<TokenStream> {
    let checks = m.checks.as_ref()?;
    let wire = &m.wire_name;
    Some(match constant_ident(checks, space) {
        Some(ident) => quote!(v.member(#wire, #value, &#ident);),
        None => quote!(v.nested(#wire, #value);),
    })
}

/// `impl Validate` for a union: the member that is set is checked.
pub fn union_impl(def: &TypeDef, members: &[MemberDef], space: &TypeSpace) -> TokenStream {
    let name = naming::ident(&def.name);
    let arms: Vec<(TokenStream, TokenStream)> = members
        .iter()
        .filter_map(|m| {
            let variant = format_ident!("{}", m.rust_name);
            Some((quote!(Self::#variant(value)), member_check(m, quote!(value), space)?))
        })
        .collect();
    let body = match arms.as_slice() {
        [] => TokenStream::new(),
        [(pattern, check)] => quote!(if let #pattern = self { #check }),
        many => {
            let arms = many.iter().map(|(pattern, check)| quote!(#pattern => { #check }));
            quote! {
                match self {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    };
    validate_impl(&name, members, space, body)
}

fn validate_impl(name: &Ident, members: &[MemberDef], space: &TypeSpace, body: TokenStream) -> TokenStream {
    let validator = if body.is_empty() { quote!(_v) } else { quote!(v) };
    let named = members.iter().filter_map(|m| m.checks.as_ref()).any(|c| space.constraint_name(c).is_some());
    let uses = named.then(|| {
        quote!(
            use crate::constraints::*;
        )
    });
    quote! {
        #[cfg(feature = "validate")]
        impl crate::validate::Validate for #name {
            #[inline]
            fn validate_into(&self, #validator: &mut crate::validate::Validator) {
                #uses
                #body
            }
        }
    }
}

/// The docs of a member whose `@pattern` `validate()` leaves out, after its own.
pub fn unchecked_docs(m: &MemberDef) -> TokenStream {
    let notes = m.unchecked.iter().enumerate().map(|(i, u)| {
        let note = format!(
            " Not checked by `validate()`: the `@pattern` {} of {}, which the generator cannot use ({}).",
            crate::docs::code_span(&printable(&u.pattern)),
            crate::docs::code_span(&u.place),
            crate::docs::code_span(&printable(&u.reason)),
        );
        let paragraph = (i > 0 || m.docs.is_some()).then(|| quote!(#[doc = ""]));
        quote!(#paragraph #[doc = #note])
    });
    quote!(#(#notes)*)
}

/// Text for a doc comment: control characters (a line break would end the code span's line)
/// escaped.
fn printable(text: &str) -> String {
    text.chars().map(|c| if c.is_control() { c.escape_unicode().to_string() } else { c.to_string() }).collect()
}
