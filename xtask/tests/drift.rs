//! The drift check: the checked-in crates must be exactly what the generator writes. This runs
//! with `cargo test`, so the check cannot be skipped.

use std::path::{Path, PathBuf};

use xtask::{check_crate, generate_model, repo_root, write_crate, Drift, CHECKED_IN};

#[test]
fn checked_in_crates_are_up_to_date() {
    let root = repo_root();
    for krate in CHECKED_IN {
        let files = generate_model(&root.join(krate.model), krate.model, false).unwrap();
        let drift = check_crate(&root.join(krate.out), &files).unwrap();
        let list: Vec<String> = drift.iter().map(|d| format!("  {d}")).collect();
        assert!(
            drift.is_empty(),
            "{} differs from what the generator writes:\n{}\nrun `cargo xtask codegen` to update it",
            krate.out,
            list.join("\n")
        );
    }
}

/// A scratch folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("xtask-drift-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        Scratch(dir)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn cognito() -> Vec<codegen::GeneratedFile> {
    let krate = &CHECKED_IN[0];
    generate_model(&repo_root().join(krate.model), krate.model, false).unwrap()
}

fn edit(path: &Path, f: impl FnOnce(String) -> String) {
    let text = std::fs::read_to_string(path).unwrap();
    std::fs::write(path, f(text)).unwrap();
}

#[test]
fn the_check_reports_edited_missing_and_extra_files() {
    let files = cognito();
    let scratch = Scratch::new("edits");
    write_crate(&scratch.0, &files).unwrap();
    assert_eq!(check_crate(&scratch.0, &files).unwrap(), vec![]);

    edit(&scratch.0.join("src/types/user_type.rs"), |t| t.replace("pub username", "pub user_name"));
    std::fs::remove_file(scratch.0.join("src/wire.rs")).unwrap();
    std::fs::write(scratch.0.join("src/types/hand_written.rs"), "// not generated\n").unwrap();

    let drift = check_crate(&scratch.0, &files).unwrap();
    let names: Vec<String> = drift
        .iter()
        .map(|d| match d {
            Drift::Missing(p) => format!("missing {}", file_name(p)),
            Drift::Stale(p) => format!("stale {}", file_name(p)),
            Drift::Extra(p) => format!("extra {}", file_name(p)),
        })
        .collect();
    assert_eq!(names, ["missing wire.rs", "stale user_type.rs", "extra hand_written.rs"]);
}

#[test]
fn writing_replaces_the_crate_exactly_and_keeps_its_build_folder() {
    let files = cognito();
    let scratch = Scratch::new("write");
    std::fs::create_dir_all(scratch.0.join("src/types")).unwrap();
    std::fs::write(scratch.0.join("src/types/stale.rs"), "// left over").unwrap();
    std::fs::create_dir_all(scratch.0.join("target/debug")).unwrap();
    std::fs::write(scratch.0.join("target/debug/marker"), "kept").unwrap();

    write_crate(&scratch.0, &files).unwrap();

    assert_eq!(check_crate(&scratch.0, &files).unwrap(), vec![]);
    assert!(!scratch.0.join("src/types/stale.rs").exists());
    assert_eq!(std::fs::read_to_string(scratch.0.join("target/debug/marker")).unwrap(), "kept");
}

#[test]
fn a_failed_generation_leaves_the_output_untouched() {
    let scratch = Scratch::new("failed");
    std::fs::create_dir_all(&scratch.0).unwrap();
    let bad_model = scratch.0.join("bad.json");
    std::fs::write(
        &bad_model,
        r#"{"smithy": "2.0", "shapes": {"a#B": {"type": "structure", "members": {"X": {"target": "a#Missing"}}}}}"#,
    )
    .unwrap();
    std::fs::write(scratch.0.join("keep.txt"), "precious").unwrap();
    let error = generate_model(&bad_model, "bad.json", true).unwrap_err().to_string();
    assert!(error.contains("a#B$X") && error.contains("a#Missing"), "{error}");
    assert_eq!(std::fs::read_to_string(scratch.0.join("keep.txt")).unwrap(), "precious");
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap()
}

#[test]
fn any_model_outside_the_repository_generates_a_standalone_crate() {
    let scratch = Scratch::new("outside");
    std::fs::create_dir_all(&scratch.0).unwrap();
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
