//! The tests written into every generated crate: each structure and enum round-trips samples
//! built from the model, and each `smithy.api#examples` entry round-trips unchanged.
//!
//! Unlike `render`, this stage reads the model: the samples are built from the model alone
//! ([`crate::samples`]), so that they check the type space's decisions instead of repeating them.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;
use smithy_model::Model;

use crate::emit::Job;
use crate::naming;
use crate::render::allow_deprecated_uses;
use crate::render::rust_types::{named_type, StdPaths};
use crate::samples::{self, Fill, UNKNOWN_ENUM_VALUE, UNKNOWN_INT_ENUM_VALUE};
use crate::space::{TypeKind, TypeSpace};

/// The jobs that make the generated tests: shapes, redaction and the model's examples.
pub fn jobs<'a>(model: &'a Model, space: &'a TypeSpace) -> Vec<Job<'a>> {
    vec![
        Job::tokens("tests/shapes.rs", move || Ok(allow_deprecated_uses(shapes(model, space), space, &[]))),
        Job::tokens("tests/redaction.rs", move || Ok(allow_deprecated_uses(redaction(model, space), space, &[]))),
        Job::tokens("tests/examples.rs", move || Ok(allow_deprecated_uses(examples(model, space), space, &[]))),
    ]
}

/// `tests/shapes.rs`: every structure with all members and with required members only, and
/// every enum with its known values and an unknown one.
fn shapes(model: &Model, space: &TypeSpace) -> TokenStream {
    let crate_name = format_ident!("{}", space.service.library_name);
    let json_names = space.service.protocol.uses_json_name();
    let std = StdPaths::of(space);
    let tests = space.types.iter().map(|def| {
        let ty = named_type(&def.name, &std);
        let test = format_ident!("{}", def.module);
        match &def.kind {
            TypeKind::Struct(_) => {
                let all = samples::of_shape(model, &def.shape, Fill::All, json_names);
                let required = samples::of_shape(model, &def.shape, Fill::RequiredOnly, json_names);
                let (all_in, all_out) = (json_literal(&all.input), json_literal(&all.output));
                let (req_in, req_out) = (json_literal(&required.input), json_literal(&required.output));
                quote! {
                    #[test]
                    fn #test() {
                        assert_round_trip::<#ty>(#all_in, #all_out);
                        assert_round_trip::<#ty>(#req_in, #req_out);
                    }
                }
            }
            TypeKind::Enum(_) => quote! {
                #[test]
                fn #test() {
                    assert_enum_round_trips::<#ty>(#ty::VALUES, #UNKNOWN_ENUM_VALUE);
                }
            },
            TypeKind::IntEnum(_) => quote! {
                #[test]
                fn #test() {
                    assert_int_enum_round_trips::<#ty>(#ty::VALUES, #UNKNOWN_INT_ENUM_VALUE);
                }
            },
            TypeKind::Union(_) => {
                let all = samples::of_shape(model, &def.shape, Fill::All, json_names);
                let required = samples::of_shape(model, &def.shape, Fill::RequiredOnly, json_names);
                let (all_in, all_out) = (json_literal(&all.input), json_literal(&all.output));
                let (req_in, req_out) = (json_literal(&required.input), json_literal(&required.output));
                let unknown = json_literal(&serde_json::json!({"MemberFromTheFuture": {"Nested": [1, "two", null]}}));
                quote! {
                    #[test]
                    fn #test() {
                        assert_round_trip::<#ty>(#all_in, #all_out);
                        assert_round_trip::<#ty>(#req_in, #req_out);
                        assert_round_trip::<#ty>(#unknown, #unknown);
                    }
                }
            }
        }
    });
    quote! {
        //! Every type reads a sample of its wire form and writes it back unchanged. Samples are
        //! built from the model: all members set (plus a member the model does not have, and
        //! `null` items in lists and maps, which are dropped), and required members only (with
        //! enum values the crate does not know, which are kept).

        mod support;

        use #crate_name::*;
        use support::*;

        #(#tests)*
    }
}

/// `tests/redaction.rs`: every structure and union that holds a `@sensitive` string, read from a
/// sample where those strings are `SECRET-<n>`, prints none of them with `Debug`, and prints the
/// redaction marker instead.
fn redaction(model: &Model, space: &TypeSpace) -> TokenStream {
    let crate_name = format_ident!("{}", space.service.library_name);
    let json_names = space.service.protocol.uses_json_name();
    let std = StdPaths::of(space);
    let tests: Vec<TokenStream> = space
        .types
        .iter()
        .filter(|def| matches!(def.kind, TypeKind::Struct(_) | TypeKind::Union(_)))
        .filter_map(|def| {
            let sample = samples::marked(model, &def.shape, json_names);
            (sample.secrets > 0).then(|| {
                let ty = named_type(&def.name, &std);
                let test = format_ident!("{}", def.module);
                let json = json_literal(&sample.json);
                quote! {
                    #[test]
                    fn #test() {
                        assert_redacted::<#ty>(#json);
                    }
                }
            })
        })
        .collect();
    let secret = samples::SECRET;
    let uses = (!tests.is_empty()).then(|| {
        quote! {
            use std::fmt::Debug;

            use serde::de::DeserializeOwned;
            use #crate_name::*;

            /// Reads `json` and checks that `Debug` shows no sensitive string, but the marker.
            fn assert_redacted<T: DeserializeOwned + Debug>(json: &str) {
                let value: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("reading {}: {e}", std::any::type_name::<T>()));
                let printed = format!("{value:?}");
                assert!(!printed.contains(#secret), "Debug shows a sensitive value: {printed}");
                assert!(printed.contains("*** Sensitive Data Redacted ***"), "{printed}");
                let pretty = format!("{value:#?}");
                assert!(!pretty.contains(#secret), "{pretty}");
            }
        }
    });
    quote! {
        //! `Debug` never prints a value the model marks `@sensitive`. Every structure and union
        //! that can hold one is read from a sample where each sensitive string is `SECRET-<n>`
        //! (and every other string `visible-<n>`), and its `Debug` output is searched for them.

        #uses

        #(#tests)*
    }
}

/// `tests/examples.rs`: the model's `smithy.api#examples`, read and written back unchanged.
fn examples(model: &Model, space: &TypeSpace) -> TokenStream {
    let crate_name = format_ident!("{}", space.service.library_name);
    let json_names = space.service.protocol.uses_json_name();
    let std = StdPaths::of(space);
    let mut tests = Vec::new();
    for op in &space.operations {
        for (index, example) in op.examples.iter().enumerate() {
            let prefix = format!("{}_example_{}", naming::module_name(&op.wire_name), index + 1);
            let cases = [
                ("input", example.input.as_ref().zip(op.input.as_ref())),
                ("output", example.output.as_ref().zip(op.output.as_ref())),
                ("error", example.error.as_ref().map(|(ty, json)| (json, ty))),
            ];
            for (part, case) in cases {
                let Some((json, target)) = case else { continue };
                // Examples are node values (blobs as text, timestamps as epoch seconds or
                // date-time text), read here in the wire form of the generated types.
                let json = &samples::params_as_wire(model, &target.shape, json, json_names);
                let ty = named_type(&target.name, &std);
                let test = format_ident!("{prefix}_{part}");
                let input = json_literal(json);
                let expected = samples::with_defaults(model, &target.shape, json, json_names);
                let check = if &expected == json {
                    quote! {
                        assert_round_trip::<#ty>(#input, #input);
                        #[cfg(feature = "validate")]
                        support::assert_valid::<#ty>(#input);
                    }
                } else {
                    let expected = json_literal(&expected);
                    quote! {
                        // The model's defaults are written for members the example leaves out.
                        assert_round_trip::<#ty>(#input, #expected);
                        #[cfg(feature = "validate")]
                        support::assert_valid::<#ty>(#input);
                    }
                };
                tests.push(quote! {
                    #[test]
                    fn #test() {
                        #check
                    }
                });
            }
        }
    }
    let uses = (!tests.is_empty()).then(|| {
        quote! {
            mod support;

            use #crate_name::*;
            use support::assert_round_trip;
        }
    });
    quote! {
        //! The examples of the model (`smithy.api#examples`): each input, output and error reads
        //! into its type, writes back to the same JSON, and (with the `validate` feature) breaks
        //! none of the model's constraints. Members that an example leaves out are written with
        //! the model's default, when they have one.

        #uses

        #(#tests)*
    }
}

/// A raw string literal holding pretty-printed JSON, with enough `#`s to be unambiguous.
fn json_literal(value: &Value) -> TokenStream {
    let text = serde_json::to_string_pretty(value).expect("JSON values always serialize");
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}").parse().expect("a raw string literal tokenizes")
}
