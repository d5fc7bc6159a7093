//! Rendering: the type space becomes the crate's files, as token streams (and the templates and
//! `Cargo.toml` as text). Nothing here reads the model or decides anything the type space has
//! not decided; this stage only spells it.

mod builder;
mod crate_docs;
mod crate_files;
mod debug;
pub(crate) mod docs_attr;
mod enumeration;
mod imports;
mod int_enum;
mod operation;
mod rest;
pub(crate) mod rust_types;
mod structure;
mod union;
mod validation;

use std::collections::BTreeSet;

use proc_macro2::TokenStream;

use crate::emit::Job;
use crate::space::{TypeDef, TypeKind, TypeSpace};
use crate::Options;

/// The jobs that make the crate's `Cargo.toml` and `src/` files, and the template test files.
pub fn crate_jobs<'a>(space: &'a TypeSpace, options: &'a Options) -> Vec<Job<'a>> {
    let template = |path: &str, source: &str| Job::text(path, crate_files::template(source, space));
    let mut jobs = vec![
        Job::text("Cargo.toml", crate_files::cargo_toml(space, options)),
        Job::tokens("src/lib.rs", || Ok(crate_files::lib_rs(space))),
        template("src/wire.rs", crate_files::WIRE_RS),
        template("src/json.rs", crate_files::JSON_RS),
        template("src/shape.rs", crate_files::SHAPE_RS),
        template("src/error.rs", crate_files::ERROR_RS),
        template("src/operation.rs", crate_files::OPERATION_RS),
        template("src/validate.rs", crate_files::VALIDATE_RS),
        template("src/protocol.rs", crate_files::PROTOCOL_RS),
        template("tests/wire.rs", crate_files::WIRE_TESTS_RS),
        template("tests/support/mod.rs", crate_files::TEST_SUPPORT_RS),
        Job::tokens("src/patterns.rs", || Ok(validation::patterns_module(space))),
        Job::tokens("src/constraints.rs", || Ok(validation::constraints_module(space))),
        Job::rust("src/operations/mod.rs", || {
            let mut file = operation::operations_mod(space);
            if let Some(tokens) = file.first_tokens() {
                *tokens = allow_deprecated_uses(std::mem::take(tokens), space, &[]);
            }
            Ok(file)
        }),
        Job::tokens("src/types/mod.rs", || Ok(allow_deprecated_uses(crate_files::types_mod(space), space, &[]))),
    ];
    let optional = crate_files::Optional::of(space);
    for (present, path, source) in [
        (optional.compression, "src/compression.rs", crate_files::COMPRESSION_RS),
        (optional.checksum, "src/checksum.rs", crate_files::CHECKSUM_RS),
        (optional.idempotency, "src/idempotency.rs", crate_files::IDEMPOTENCY_RS),
        (optional.rest, "src/rest.rs", crate_files::REST_RS),
    ] {
        if present {
            jobs.push(template(path, source));
        }
    }
    for def in &space.types {
        jobs.push(Job::rust(format!("src/types/{}.rs", def.module), move || {
            let mut file = match &def.kind {
                TypeKind::Struct(s) => structure::render(def, s, space),
                TypeKind::Enum(variants) => enumeration::render(def, variants),
                TypeKind::IntEnum(variants) => int_enum::render(def, variants),
                TypeKind::Union(members) => union::render(def, members, space).into(),
            };
            if let Some(tokens) = file.first_tokens() {
                *tokens = allow_deprecated_uses(std::mem::take(tokens), space, &deprecated_members(def));
            }
            Ok(file)
        }));
    }
    for op in &space.operations {
        jobs.push(Job::rust(format!("src/operations/{}.rs", op.module), move || Ok(operation::render(op, space))));
    }
    jobs
}

/// Names of a type's deprecated fields and variants (Rust identifiers as written).
fn deprecated_members(def: &TypeDef) -> Vec<String> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .members
            .iter()
            .filter(|f| f.deprecated.is_some())
            .map(|f| crate::naming::ident(&f.rust_name).to_string())
            .collect(),
        TypeKind::Enum(v) => v.iter().filter(|v| v.deprecated.is_some()).map(|v| v.name.clone()).collect(),
        TypeKind::IntEnum(v) => v.iter().filter(|v| v.deprecated.is_some()).map(|v| v.name.clone()).collect(),
        TypeKind::Union(m) => m.iter().filter(|m| m.deprecated.is_some()).map(|m| m.rust_name.clone()).collect(),
    }
}

/// The crate must define and use what the model deprecates (users still get the warning). A
/// file that mentions a deprecated type, or its own deprecated members, gets
/// `#![allow(deprecated)]`; no other file does.
pub(crate) fn allow_deprecated_uses(tokens: TokenStream, space: &TypeSpace, members: &[String]) -> TokenStream {
    fn mentions(tokens: TokenStream, found: &dyn Fn(&str) -> bool) -> bool {
        tokens.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Ident(ident) => found(&ident.to_string()),
            proc_macro2::TokenTree::Group(group) => mentions(group.stream(), found),
            _ => false,
        })
    }
    let types: BTreeSet<&str> =
        space.types.iter().filter(|t| t.deprecated.is_some()).map(|t| t.name.as_str()).collect();
    let found = |name: &str| types.contains(name) || members.iter().any(|m| m == name);
    if mentions(tokens.clone(), &found) {
        quote::quote!(#![allow(deprecated)] #tokens)
    } else {
        tokens
    }
}
