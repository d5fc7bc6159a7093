//! Models that crashed the generator, found by the fuzz targets in `xtask/fuzz` (`cargo xtask
//! fuzz`) or while measuring limits, kept small in `tests/regressions/`. Each must now generate,
//! or fail with a message; the comment says what happened before.

use smithy_model::Model;

fn load(name: &str) -> Model {
    let path = format!("{}/tests/regressions/{name}", env!("CARGO_MANIFEST_DIR"));
    Model::from_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

fn generate(model: &Model) -> Result<Vec<codegen::GeneratedFile>, codegen::Error> {
    let options = codegen::Options::new("regression.json");
    codegen::generate(model, &options).map(|generated| generated.files)
}

fn file<'f>(files: &'f [codegen::GeneratedFile], path: &str) -> &'f str {
    &files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}")).contents
}

/// `model_bytes`: an `sdkId` with `/` and `.` became the package name, and so the crate name in
/// `tests/wire.rs`: "the generator produced invalid Rust (expected `;`)".
#[test]
fn an_sdk_id_that_is_not_a_crate_name() {
    let model = load("sdk-id-with-slash.json");
    let files = generate(&model).unwrap();
    assert!(file(&files, "Cargo.toml").contains("name = \"restests-examples-rst-notes-types\""));
    assert!(file(&files, "tests/shapes.rs").contains("use restests_examples_rst_notes_types::*;"));
}

/// Shape names `__` and `_1` are Smithy identifiers, but their snake_case module names (``
/// and `1`) are not Rust identifiers: `format_ident!` panicked.
#[test]
fn shape_names_without_a_module_name() {
    let files = generate(&load("shape-names-without-a-module-name.json")).unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for path in ["src/types/m_.rs", "src/types/m_2.rs", "src/types/m_3.rs", "src/operations/m_1.rs"] {
        assert!(paths.contains(&path), "{path} is not in {paths:?}");
    }
    assert!(file(&files, "src/types/m_.rs").contains("pub struct __ {"));
}

/// Smithy 1.0 `@enum` values (and names) are any text, and the variant named
/// after `٣` (a digit, but not an ASCII one) was no Rust identifier: `Ident::new` panicked.
#[test]
fn enum_values_that_are_not_identifiers() {
    let files = generate(&load("enum-values-that-are-not-identifiers.json")).unwrap();
    let digits = file(&files, "src/types/digits.rs");
    for variant in ["V٣", "Accent", "AB", "Ωmega", "Empty", "V٣2"] {
        assert!(digits.contains(&format!("        {variant} = ")), "{variant} is not in\n{digits}");
    }
}

/// `@pattern` constants are named after their shape: `__` and `_1` gave the empty name and `1`,
/// and `format_ident!` panicked.
#[test]
fn patterns_on_shapes_without_a_constant_name() {
    let files = generate(&load("patterns-on-shapes-without-a-constant-name.json")).unwrap();
    let patterns = file(&files, "src/patterns.rs");
    assert!(patterns.contains("static P: Pattern") && patterns.contains("static P_1: Pattern"), "{patterns}");
}

/// A service `rename` to text that is no shape name became a type name: `Ident::new` panicked.
/// The loader now refuses it.
#[test]
fn a_rename_to_a_non_identifier() {
    let path = format!("{}/tests/regressions/rename-to-a-non-identifier.json", env!("CARGO_MANIFEST_DIR"));
    let error = Model::from_file(&path).unwrap_err();
    assert_eq!(error.reason, "`Not A Name` is not a valid shape name");
    assert_eq!(error.place, r#"$.shapes["test#Service"].rename["other#Input"]"#);
}

/// Found when the EKS crate was checked in: a restJson1 operation reads and writes the fields
/// that HTTP bindings take, and EKS's `DescribeClusterVersionsRequest.status` is `@deprecated`
/// and bound to the query, so `src/operations/describe_cluster_versions.rs` used a deprecated
/// field without `#![allow(deprecated)]` and the crate built with a warning (an error under
/// `clippy -D warnings`). Only files that use deprecated fields allow them.
#[test]
fn restjson1_operations_that_bind_deprecated_members_allow_them() {
    let files = generate(&load("restjson1-query-members.json")).unwrap();
    let list = file(&files, "src/operations/list_clusters.rs");
    assert!(list.contains("#![allow(deprecated)]"), "{list}");
    assert!(list.contains("input.status") && list.contains("value.region"), "{list}");
    let ping = file(&files, "src/operations/ping.rs");
    assert!(!ping.contains("allow(deprecated)"), "{ping}");
}

/// Found when the EKS crate became a workspace member: an optional query member was written
/// as `if let Some(value) = &input.x { let value = value; ... }` (clippy: `redundant_locals`)
/// and an enum's text as `&value.as_str().to_owned()` (`unnecessary_to_owned`), so
/// `cargo clippy -- -D warnings` failed on the generated crate.
#[test]
fn restjson1_query_members_are_written_without_redundant_code() {
    let files = generate(&load("restjson1-query-members.json")).unwrap();
    let ping = file(&files, "src/operations/ping.rs");
    assert!(ping.contains("request.query(\"name\", Some(&value.clone()));"), "{ping}");
    assert!(ping.contains("request.query(\"color\", Some(&String::from(value.as_str())));"), "{ping}");
    for file in &files {
        assert!(!file.contents.contains("let value = value;"), "{}:\n{}", file.path, file.contents);
        for owned in ["&value.as_str().to_owned()", "&item.as_str().to_owned()"] {
            assert!(!file.contents.contains(owned), "{}:\n{}", file.path, file.contents);
        }
    }
}
