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
    for variant in ["V٣,", "Accent,", "AB,", "Ωmega,", "Empty,", "V٣2,"] {
        assert!(digits.contains(&format!("    {variant}\n")), "{variant} is not in\n{digits}");
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
