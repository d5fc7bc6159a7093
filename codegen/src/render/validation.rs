//! `Validate` implementations: each member's constraints checked in place, nested types
//! validated through their own implementation, and the `patterns` module they share.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::naming;
use crate::pattern::Translated;
use crate::space::constraints::Checks;
use crate::space::{MemberDef, NamedKind, RustType, TypeDef, TypeSpace};

/// The `static` of a pattern in the `patterns` module.
fn pattern_ident(space: &TypeSpace, pattern: &Translated) -> proc_macro2::Ident {
    format_ident!("{}", space.patterns[pattern])
}

/// `src/patterns.rs`: every `@pattern` of the crate, compiled on first use.
pub fn patterns_module(space: &TypeSpace) -> TokenStream {
    let statics = space.patterns.iter().map(|(p, name)| {
        let ident = format_ident!("{name}");
        let (source, accept) = (&p.source, &p.accept);
        let reject = match &p.reject {
            Some(reject) => quote!(Some(|| Regex::new(#reject).expect(CHECKED))),
            None => quote!(None),
        };
        let doc = format!(" {}", crate::docs::code_span(source));
        quote! {
            #[doc = #doc]
            pub(crate) static #ident: Pattern = Pattern::new(#source, || Regex::new(#accept).expect(CHECKED), #reject);
        }
    });
    let uses = (!space.patterns.is_empty()).then(|| {
        quote! {
            use regex::Regex;

            use crate::validate::Pattern;

            /// Every pattern was compiled by the generator with the same `regex` crate.
            const CHECKED: &str = "the generator checked that this pattern compiles";
        }
    });
    quote! {
        //! The model's `@pattern`s, translated for the `regex` crate where ECMA 262 and Rust
        //! differ (see the generator's `pattern` module), each compiled on first use.

        #uses

        #(#statics)*
    }
}

/// `impl Validate` for a structure.
pub fn struct_impl(def: &TypeDef, fields: &[MemberDef], space: &TypeSpace) -> TokenStream {
    let name = naming::ident(&def.name);
    let checks: Vec<TokenStream> = fields
        .iter()
        .filter_map(|f| {
            let field = naming::ident(&f.rust_name);
            let wire = &f.wire_name;
            let body = value_checks(&quote!(value), &f.ty, &f.checks, space)?;
            Some(if f.is_optional() {
                quote! {
                    if let Some(value) = &self.#field {
                        validator.member(#wire, |validator| { #body });
                    }
                }
            } else {
                quote! {
                    let value = &self.#field;
                    validator.member(#wire, |validator| { #body });
                }
            })
        })
        .collect();
    validate_impl(&name, checks)
}

/// `impl Validate` for a union: the member that is set is checked.
pub fn union_impl(def: &TypeDef, members: &[MemberDef], space: &TypeSpace) -> TokenStream {
    let name = naming::ident(&def.name);
    let arms: Vec<(TokenStream, TokenStream)> = members
        .iter()
        .filter_map(|m| {
            let variant = format_ident!("{}", m.rust_name);
            let wire = &m.wire_name;
            let body = value_checks(&quote!(value), &m.ty, &m.checks, space)?;
            Some((quote!(Self::#variant(value)), quote!(validator.member(#wire, |validator| { #body });)))
        })
        .collect();
    let check = match arms.as_slice() {
        [] => None,
        [(pattern, check)] => Some(quote!(if let #pattern = self { #check })),
        many => {
            let arms = many.iter().map(|(pattern, check)| quote!(#pattern => { #check }));
            Some(quote! {
                match self {
                    #(#arms)*
                    _ => {}
                }
            })
        }
    };
    validate_impl(&name, check.into_iter().collect())
}

fn validate_impl(name: &proc_macro2::Ident, checks: Vec<TokenStream>) -> TokenStream {
    let validator = if checks.is_empty() { quote!(_validator) } else { quote!(validator) };
    quote! {
        impl Validate for #name {
            fn validate_into(&self, #validator: &mut Validator) {
                #(#checks)*
            }
        }
    }
}

/// Checks on `value` (a reference to a value of type `ty`), or `None` when nothing is checked.
fn value_checks(value: &TokenStream, ty: &RustType, checks: &Checks, space: &TypeSpace) -> Option<TokenStream> {
    let sensitive = checks.sensitive;
    let mut out = Vec::new();
    if let Some(length) = &checks.length {
        let (min, max) = (bound_u64(length.min.as_ref()), bound_u64(length.max.as_ref()));
        let measure = match ty {
            RustType::String => Some(quote!(#value.chars().count())),
            RustType::List { .. } | RustType::Map { .. } | RustType::Blob => Some(quote!(#value.len())),
            _ => None,
        };
        if let Some(measure) = measure {
            out.push(quote!(validator.length(#measure, #min, #max);));
        }
    }
    if let Some(range) = &checks.range {
        let (min, max) = (bound_f64(range.min.as_ref()), bound_f64(range.max.as_ref()));
        let number = match ty {
            RustType::I8 | RustType::I16 | RustType::I32 | RustType::F32 => Some(quote!(f64::from(*#value))),
            RustType::I64 => Some(quote!(*#value as f64)),
            RustType::F64 => Some(quote!(*#value)),
            RustType::BigNumber => Some(quote!(#value.as_str().parse::<f64>().unwrap_or(f64::NAN))),
            _ => None,
        };
        if let Some(number) = number {
            out.push(quote!(validator.range(#number, #min, #max, #sensitive);));
        }
    }
    if let (Some(pattern), RustType::String) = (&checks.pattern, ty) {
        let ident = pattern_ident(space, pattern);
        out.push(quote!(validator.pattern(#value, &crate::patterns::#ident, #sensitive);));
    }
    match ty {
        RustType::Named(named) => match named.kind {
            NamedKind::Structure | NamedKind::Union => out.push(quote!(#value.validate_into(validator);)),
            NamedKind::Enum => out.push(quote!(validator.known(#value.as_str(), #value.is_known(), #sensitive);)),
            NamedKind::IntEnum => {
                out.push(quote!(validator.known(&#value.to_string(), #value.is_known(), #sensitive);));
            }
        },
        RustType::List { item, sparse } => {
            let item_checks = checks.item.as_deref().cloned().unwrap_or_default();
            if let Some(body) = value_checks(&quote!(item), item, &item_checks, space) {
                let body = if *sparse { quote!(if let Some(item) = item { #body }) } else { body };
                out.push(quote! {
                    for (index, item) in #value.iter().enumerate() {
                        validator.index(index, |validator| { #body });
                    }
                });
            }
        }
        RustType::Map { value: item, sparse } => {
            let item_checks = checks.item.as_deref().cloned().unwrap_or_default();
            if let Some(body) = value_checks(&quote!(item), item, &item_checks, space) {
                let body = if *sparse { quote!(if let Some(item) = item { #body }) } else { body };
                out.push(quote! {
                    for (key, item) in #value {
                        validator.key(key, |validator| { #body });
                    }
                });
            }
        }
        _ => {}
    }
    (!out.is_empty()).then(|| quote!(#(#out)*))
}

fn bound_u64(bound: Option<&serde_json::Number>) -> TokenStream {
    match bound.and_then(|n| n.as_u64().or_else(|| n.as_f64().map(|f| f.max(0.0) as u64))) {
        Some(n) => {
            let literal = proc_macro2::Literal::u64_unsuffixed(n);
            quote!(Some(#literal))
        }
        None => quote!(None),
    }
}

fn bound_f64(bound: Option<&serde_json::Number>) -> TokenStream {
    match bound.and_then(serde_json::Number::as_f64) {
        Some(n) => {
            let literal = proc_macro2::Literal::f64_unsuffixed(n);
            quote!(Some(#literal))
        }
        None => quote!(None),
    }
}
