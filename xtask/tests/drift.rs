//! The drift check: the checked-in crates (the Cognito crate and the golden crates of the test
//! models) must be exactly what the generator writes. This runs with `cargo test`, so the check
//! cannot be skipped.

mod support;

use std::path::Path;

use support::{generated, Scratch};
use xtask::checked_in::{check_all, write_all, CheckedIn, COGNITO};
use xtask::{check_crate, repo_root, write_crate, Drift, CHECKED_IN};

#[test]
fn checked_in_crates_are_up_to_date() {
    check_all(&repo_root(), CHECKED_IN).unwrap_or_else(|e| panic!("{e}"));
}

fn cognito() -> Vec<codegen::GeneratedFile> {
    COGNITO.generate(&repo_root()).unwrap().files
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

#[test]
fn the_check_reports_edited_missing_and_extra_files() {
    let files = cognito();
    let scratch = Scratch::new("drift-edits");
    let out = scratch.join("crate");
    write_crate(&out, &files).unwrap();
    assert_eq!(check_crate(&out, &files).unwrap(), vec![]);

    edit(&out.join("src/types/user_type.rs"), |t| t.replace("pub username", "pub user_name"));
    std::fs::remove_file(out.join("src/wire.rs")).unwrap();
    let old = generated("src/types/no_longer_generated.rs", "");
    std::fs::write(out.join(&old.path), &old.contents).unwrap();
    std::fs::write(out.join("src/types/hand_written.rs"), "// not generated\n").unwrap();
    std::fs::write(out.join("src/operation.rs"), "// taken over by hand\n").unwrap();

    let drift = check_crate(&out, &files).unwrap();
    let names: Vec<String> = drift
        .iter()
        .map(|d| match d {
            Drift::Missing(p) => format!("missing {}", file_name(p)),
            Drift::Stale(p) => format!("stale {}", file_name(p)),
            Drift::Extra(p) => format!("extra {}", file_name(p)),
            Drift::Foreign(p) => format!("foreign {}", file_name(p)),
            Drift::Blocking(p) => format!("blocking {}", file_name(p)),
        })
        .collect();
    assert_eq!(
        names,
        [
            "missing wire.rs",
            "stale user_type.rs",
            "extra no_longer_generated.rs",
            "foreign hand_written.rs",
            "blocking operation.rs"
        ]
    );
}

#[test]
fn a_stale_golden_file_fails_the_check_naming_the_command_that_fixes_it() {
    let scratch = Scratch::new("stale-golden");
    let root = &scratch.0;
    std::fs::create_dir_all(root.join("model/test")).unwrap();
    std::fs::copy(repo_root().join("model/test/edge-cases.json"), root.join("model/test/edge-cases.json")).unwrap();
    let golden =
        [CheckedIn { model: "model/test/edge-cases.json", out: "codegen/tests/golden/edge-cases", standalone: true }];
    write_all(root, &golden).unwrap();
    check_all(root, &golden).unwrap();

    edit(&root.join("codegen/tests/golden/edge-cases/src/types/keywords.rs"), |t| t.replace("r#type", "kind"));
    let error = check_all(root, &golden).unwrap_err().to_string();

    assert!(
        error.contains("stale:    ") && error.contains("codegen/tests/golden/edge-cases/src/types/keywords.rs"),
        "{error}"
    );
    assert!(error.ends_with("run `cargo xtask codegen` to update them"), "{error}");
    let written = write_all(root, &golden).unwrap();
    assert_eq!(written[0].written, ["src/types/keywords.rs"]);
    check_all(root, &golden).unwrap();
}

#[test]
fn the_golden_crates_are_standalone_crates_of_the_test_models() {
    let golden: Vec<&CheckedIn> = CHECKED_IN.iter().filter(|c| c.out.starts_with("codegen/tests/golden/")).collect();
    let models: Vec<&str> = golden.iter().map(|c| c.model).collect();
    assert_eq!(models, ["model/test/edge-cases.json", "model/test/rest-json.json"]);
    for krate in golden {
        let manifest = std::fs::read_to_string(repo_root().join(krate.out).join("Cargo.toml")).unwrap();
        // Its own workspace: the repository's workspace neither builds it nor complains about it.
        assert!(manifest.contains("\n[workspace]\n"), "{}: {manifest}", krate.out);
    }
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap()
}

#[test]
fn any_model_outside_the_repository_generates_a_standalone_crate() {
    let scratch = Scratch::new("drift-outside");
    let model = scratch.0.join("my-support-model.json");
    std::fs::copy(repo_root().join("model/aws/support-2013-04-15.json"), &model).unwrap();
    let out = scratch.0.join("support-crate");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["codegen", "--model"])
        .arg(&model)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let manifest = std::fs::read_to_string(out.join("Cargo.toml")).unwrap();
    assert!(manifest.contains("name = \"support-types\""), "{manifest}");
    // Built on its own: the crate declares itself a workspace root.
    assert!(manifest.contains("\n[workspace]\n"), "{manifest}");
    assert!(out.join("src/types/case_details.rs").exists());
    assert!(out.join("tests/examples.rs").exists());
}
