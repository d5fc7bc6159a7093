//! `cargo xtask fmt [--check]`: formats (or checks) the hand-written Rust code with rustfmt and
//! the repository's `rustfmt.toml`.
//!
//! That is the workspace's hand-written packages, the fuzz workspace, and the templates in
//! `codegen/templates/` (plain files that no package compiles, so `cargo fmt` does not see them).
//! The generated crates are not: the generator formats them (prettyplease).

use std::path::Path;
use std::process::Command;

use crate::{repo_root, TaskError};

/// The workspace packages written by hand.
const PACKAGES: &[&str] = &["smithy-model", "smithy-codegen", "xtask"];

/// Formats everything, or with `check` fails naming what is not formatted.
pub fn run(check: bool) -> Result<(), TaskError> {
    let root = repo_root();
    let check_flag: &[&str] = if check { &["--check"] } else { &[] };
    let mut workspace = vec!["fmt"];
    workspace.extend(check_flag);
    for package in PACKAGES {
        workspace.extend(["-p", package]);
    }
    run_in(&root, "cargo", &workspace)?;
    let mut fuzz = vec!["fmt", "--manifest-path", "xtask/fuzz/Cargo.toml"];
    fuzz.extend(check_flag);
    run_in(&root, "cargo", &fuzz)?;
    let mut templates: Vec<String> = vec!["--edition".into(), "2021".into()];
    templates.extend(check_flag.iter().map(|s| s.to_string()));
    let dir = root.join("codegen/templates");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| TaskError(format!("{}: {e}", dir.display())))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "rs"))
        .map(|path| path.display().to_string())
        .collect();
    files.sort();
    templates.extend(files);
    let templates: Vec<&str> = templates.iter().map(String::as_str).collect();
    run_in(&root, "rustfmt", &templates)
}

fn run_in(dir: &Path, program: &str, args: &[&str]) -> Result<(), TaskError> {
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .map_err(|e| TaskError(format!("cannot run {program}: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(TaskError(format!(
            "`{program} {}` failed: the code is not formatted; run `cargo xtask fmt`",
            args.join(" ")
        )))
    }
}
