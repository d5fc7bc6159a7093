//! Rendering: the type space becomes Rust files (tokens → `syn::File` → prettyplease text).

mod builder;
mod crate_docs;
mod crate_files;
mod debug;
mod docs_attr;
mod enumeration;
mod imports;
mod int_enum;
mod operation;
mod structure;
mod tests;
mod union;
mod validation;

use proc_macro2::TokenStream;

use crate::error::Error;
use crate::space::{TypeKind, TypeSpace};
use crate::{GeneratedFile, Options};

/// One file to render: its path and what makes its tokens.
type Job<'a> = (String, Box<dyn Fn() -> Result<TokenStream, Error> + Sync + 'a>);

/// Renders every file of the crate, ordered by path. Files are independent, so they are
/// rendered and formatted on all cores; the result does not depend on how many.
pub fn render(model: &smithy_model::Model, space: &TypeSpace, options: &Options) -> Result<Vec<GeneratedFile>, Error> {
    let checks = validation::Context::new(space);
    let deprecated = deprecated_type_names(space);
    let (checks, deprecated) = (&checks, &deprecated);
    let template = |name: &'static str, source: &'static str| -> Box<dyn Fn() -> Result<TokenStream, Error> + Sync> {
        Box::new(move || crate_files::template(name, source, options))
    };
    let mut jobs: Vec<Job> = vec![
        ("src/lib.rs".into(), Box::new(|| Ok(crate_files::lib_rs(model, space, options)))),
        ("src/wire.rs".into(), template("wire.rs", crate_files::WIRE_RS)),
        ("src/error.rs".into(), template("error.rs", crate_files::ERROR_RS)),
        ("src/operation.rs".into(), template("operation.rs", crate_files::OPERATION_RS)),
        ("src/validate.rs".into(), template("validate.rs", crate_files::VALIDATE_RS)),
        ("src/patterns.rs".into(), Box::new(|| Ok(validation::patterns_module(checks)))),
        (
            "src/operations/mod.rs".into(),
            Box::new(|| Ok(allow_deprecated_uses(operation::operations_mod(space), deprecated, &[]))),
        ),
        (
            "src/types/mod.rs".into(),
            Box::new(|| Ok(allow_deprecated_uses(crate_files::types_mod(space), deprecated, &[]))),
        ),
        ("tests/wire.rs".into(), template("wire_tests.rs", crate_files::WIRE_TESTS_RS)),
        ("tests/support/mod.rs".into(), Box::new(|| tests::support(options))),
        (
            "tests/redaction.rs".into(),
            Box::new(|| {
                Ok(allow_deprecated_uses(tests::redaction(model, space, &options.package_name)?, deprecated, &[]))
            }),
        ),
        (
            "tests/shapes.rs".into(),
            Box::new(|| {
                Ok(allow_deprecated_uses(tests::shapes(model, space, &options.package_name)?, deprecated, &[]))
            }),
        ),
        (
            "tests/examples.rs".into(),
            Box::new(|| {
                Ok(allow_deprecated_uses(tests::examples(model, space, &options.package_name)?, deprecated, &[]))
            }),
        ),
    ];
    for def in &space.types {
        jobs.push((
            format!("src/types/{}.rs", def.module),
            Box::new(move || {
                let tokens = match &def.kind {
                    TypeKind::Struct(s) => structure::render(def, s, space, checks),
                    TypeKind::Enum(variants) => enumeration::render(def, variants, &space.std),
                    TypeKind::IntEnum(variants) => int_enum::render(def, variants, &space.std),
                    TypeKind::Union(members) => union::render(def, members, space, checks),
                };
                Ok(allow_deprecated_uses(tokens, deprecated, &deprecated_members(def)))
            }),
        ));
    }
    for op in &space.operations {
        jobs.push((
            format!("src/operations/{}.rs", op.module),
            Box::new(move || Ok(allow_deprecated_uses(operation::render(op, space), deprecated, &[]))),
        ));
    }
    let mut files = vec![GeneratedFile::new("Cargo.toml", crate_files::cargo_toml(model, space, options))];
    for file in parallel_map(&jobs, |(path, make)| rust_file(path, make()?, options)) {
        files.push(file?);
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// `f` over `items` on every available core, results in the order of `items`. Thread `k` of
/// `n` takes items `k`, `k + n`, ... so that large and small files spread evenly.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, items.len().max(1));
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                scope.spawn(move || {
                    items.iter().enumerate().skip(k).step_by(threads).map(|(i, item)| (i, f(item))).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Names of the generated types the model marks `@deprecated`.
fn deprecated_type_names(space: &TypeSpace) -> std::collections::BTreeSet<String> {
    space.types.iter().filter(|t| t.deprecated.is_some()).map(|t| t.name.clone()).collect()
}

/// Names of a type's deprecated fields and variants (Rust identifiers as written).
fn deprecated_members(def: &crate::space::TypeDef) -> Vec<String> {
    match &def.kind {
        TypeKind::Struct(s) => s
            .fields
            .iter()
            .filter(|f| f.deprecated.is_some())
            .map(|f| crate::naming::ident(&f.name).to_string())
            .collect(),
        TypeKind::Enum(v) => v.iter().filter(|v| v.deprecated.is_some()).map(|v| v.name.clone()).collect(),
        TypeKind::IntEnum(v) => v.iter().filter(|v| v.deprecated.is_some()).map(|v| v.name.clone()).collect(),
        TypeKind::Union(m) => m.iter().filter(|m| m.deprecated.is_some()).map(|m| m.variant.clone()).collect(),
    }
}

/// The crate must define and use what the model deprecates (users still get the warning). A
/// file that mentions a deprecated type, or its own deprecated members, gets
/// `#![allow(deprecated)]`; no other file does.
fn allow_deprecated_uses(
    tokens: TokenStream,
    types: &std::collections::BTreeSet<String>,
    members: &[String],
) -> TokenStream {
    fn mentions(tokens: TokenStream, found: &dyn Fn(&str) -> bool) -> bool {
        tokens.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Ident(ident) => found(&ident.to_string()),
            proc_macro2::TokenTree::Group(group) => mentions(group.stream(), found),
            _ => false,
        })
    }
    let found = |name: &str| types.contains(name) || members.iter().any(|m| m == name);
    if mentions(tokens.clone(), &found) {
        quote::quote!(#![allow(deprecated)] #tokens)
    } else {
        tokens
    }
}

/// Formats tokens as a Rust file with the generated-code header.
fn rust_file(path: &str, tokens: TokenStream, options: &Options) -> Result<GeneratedFile, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| {
        Error::new(path, format!("the generator produced invalid Rust ({e}); this is a bug in the generator"))
    })?;
    let text = blank_lines_between_items(&prettyplease::unparse(&file));
    Ok(GeneratedFile::new(path, format!("{}\n{text}", header("//", options))))
}

/// The header of every generated file.
pub(crate) fn header(comment: &str, options: &Options) -> String {
    format!("{comment} Code generated by `cargo xtask codegen` from {}. DO NOT EDIT.\n", options.model_name)
}

/// prettyplease puts no blank lines between top-level items; rustfmt-formatted code written by
/// a person has one after the imports and between items, and it reads better. A blank line is
/// added after every top-level item that ends on a line of its own, except between consecutive
/// one-line `use`/`mod` declarations.
fn blank_lines_between_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        if let Some(prev) = previous {
            if ends_item(prev) && starts_item(line) && !(is_declaration(prev) && is_declaration(line)) {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
        previous = Some(line);
    }
    out
}

/// A top-level line that ends an item: `}`, `};`, or a one-line item or inner attribute.
fn ends_item(line: &str) -> bool {
    let top_level = !line.starts_with(char::is_whitespace) && !line.starts_with("//");
    top_level && (line.ends_with(';') || line.ends_with('}') || line.starts_with("#!["))
}

/// A top-level line that starts an item (or its docs or attributes).
fn starts_item(line: &str) -> bool {
    !line.is_empty() && !line.starts_with(char::is_whitespace) && !line.starts_with('}')
}

/// A one-line `use` or `mod` declaration.
fn is_declaration(line: &str) -> bool {
    let line = line.strip_prefix("pub ").unwrap_or(line);
    (line.starts_with("use ") || line.starts_with("mod ")) && line.ends_with(';')
}
