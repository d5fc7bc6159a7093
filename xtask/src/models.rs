//! `cargo xtask models`: generates a crate for every model in `model/` into `target/models/`,
//! then builds, tests, lints and documents each one with warnings denied, with its default
//! features, and lints and documents it again without them (types and wire only: the tests are
//! the same code either way, and clippy type-checks them). The models whose crates are checked
//! in as workspace members (Cognito, EKS, the patterns model) are left out unless named: the
//! workspace's own steps of `cargo xtask test` check those, in both configurations.
//!
//! The crates share one build folder (`target/models/target`), so their common dependencies are
//! compiled once. Each crate is written like any other (`crate::output`): only changed files,
//! and never over a folder the generator did not write. Disk stays bounded: incremental
//! compilation is off (it kept gigabytes per crate that a checking run never reuses), and once a
//! crate passes, its own build products and its documentation are removed (`cargo clean -p`,
//! `cargo clean --doc`), leaving the shared dependencies for the next crate.

use std::path::{Path, PathBuf};

use smithy_model::{Model, ShapeId};

use crate::step::Step;
use crate::{generate_model, print_warnings, repo_root, write_crate, TaskError};

/// The folders whose `*.json` files are models to check.
const MODEL_DIRS: &[&str] = &["model/aws", "model/protocol-tests", "model/test"];

/// What is run in each generated crate, in order: the first [`DEFAULT_CHECKS`] with the crate's
/// default features, the rest without them. Clippy runs every rustc lint too, so its
/// `-D warnings` makes any compiler warning fail.
const CHECKS: &[Step] = &[
    Step {
        what: "clippy, warnings denied",
        program: "cargo",
        args: &["clippy", "--all-targets", "--", "-D", "warnings"],
        env: &[],
    },
    Step { what: "tests", program: "cargo", args: &["test"], env: &[] },
    Step {
        what: "rustdoc, warnings denied",
        program: "cargo",
        args: &["doc", "--no-deps"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
    Step {
        what: "clippy without the default features, warnings denied",
        program: "cargo",
        args: &["clippy", "--all-targets", "--no-default-features", "--", "-D", "warnings"],
        env: &[],
    },
    Step {
        what: "rustdoc without the default features, warnings denied",
        program: "cargo",
        args: &["doc", "--no-deps", "--no-default-features"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
];

/// How many of [`CHECKS`] run with the default features.
const DEFAULT_CHECKS: usize = 3;

/// Every model file, sorted.
pub fn model_files(root: &Path) -> Result<Vec<PathBuf>, TaskError> {
    let mut files = Vec::new();
    for dir in MODEL_DIRS {
        let dir = root.join(dir);
        let entries = std::fs::read_dir(&dir).map_err(|e| TaskError(format!("{}: {e}", dir.display())))?;
        for entry in entries {
            let path = entry.map_err(|e| TaskError(format!("{}: {e}", dir.display())))?.path();
            if path.extension().is_some_and(|e| e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// The crates of a model file: one in `dir` for a model with one service, else one per service
/// in `dir-<service name>`.
fn crates_of(model: &Path, dir: &Path) -> Result<Vec<(Option<ShapeId>, PathBuf)>, TaskError> {
    let loaded = Model::from_file(model).map_err(|e| TaskError(format!("cannot load the model: {e}")))?;
    let services = loaded.services();
    if services.len() <= 1 {
        return Ok(vec![(None, dir.to_path_buf())]);
    }
    Ok(services
        .iter()
        .map(|s| {
            let name = format!("{}-{}", dir.display(), codegen::naming::module_name(s.id.name()).replace('_', "-"));
            (Some(s.id.clone()), PathBuf::from(name))
        })
        .collect())
}

/// The environment of every check: the shared build folder; line tables, which are enough for
/// test failures (full debug info doubles link time and disk); no incremental compilation.
fn env(target: &Path) -> [(&'static str, &std::ffi::OsStr); 4] {
    [
        ("CARGO_TARGET_DIR", target.as_os_str()),
        ("CARGO_PROFILE_DEV_DEBUG", "line-tables-only".as_ref()),
        ("CARGO_PROFILE_TEST_DEBUG", "line-tables-only".as_ref()),
        ("CARGO_INCREMENTAL", "0".as_ref()),
    ]
}

/// Removes the build products of `package`, the crate in `dir`, from `target` (not its
/// dependencies), and the documentation (every doc step is `--no-deps`: it is this crate's).
fn clean_crate(dir: &Path, target: &Path, package: &str) -> Result<(), TaskError> {
    const PACKAGE: Step =
        Step { what: "removing its build products", program: "cargo", args: &["clean", "--quiet", "-p"], env: &[] };
    const DOCS: Step =
        Step { what: "removing its documentation", program: "cargo", args: &["clean", "--quiet", "--doc"], env: &[] };
    PACKAGE.run_with(dir, &env(target), &[package])?;
    DOCS.run(dir, &env(target))
}

/// Generates and checks every model (or those whose file name contains `only`).
pub fn check_all(only: Option<&str>) -> Result<(), TaskError> {
    let root = repo_root();
    let out = root.join("target/models");
    let mut checked = 0;
    // Time spent checking with the default features, and without them.
    let mut seconds = [0.0; 2];
    for model in model_files(&root)? {
        let stem = model.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if only.is_some_and(|o| !stem.contains(o)) {
            continue;
        }
        let relative = model.strip_prefix(&root).unwrap_or(&model).display().to_string();
        if only.is_none() && crate::checked_in::CHECKED_IN.iter().any(|c| !c.standalone && c.model == relative) {
            println!("==> {relative}: checked in as a workspace member, checked by the workspace's steps");
            continue;
        }
        for (service, dir) in crates_of(&model, &out.join(&stem))? {
            println!("==> {relative}: generating into {}", dir.strip_prefix(&root).unwrap_or(&dir).display());
            let generated = generate_model(&model, &relative, true, service.as_ref())?;
            print_warnings(&generated.warnings);
            println!("    {}", write_crate(&dir, &generated.files)?);
            let target = out.join("target");
            for (n, step) in CHECKS.iter().enumerate() {
                println!("==> {}: {}", dir.display(), step.command_line());
                let started = std::time::Instant::now();
                step.run(&dir, &env(&target))
                    .map_err(|e| TaskError(format!("{relative}: {e} (in {})", dir.display())))?;
                seconds[usize::from(n >= DEFAULT_CHECKS)] += started.elapsed().as_secs_f64();
            }
            clean_crate(&dir, &target, &generated.package_name)
                .map_err(|e| TaskError(format!("{relative}: {e} (in {})", dir.display())))?;
        }
        checked += 1;
    }
    if checked == 0 {
        return Err(TaskError("no model matched".into()));
    }
    println!("==> {checked} models generated, built, tested, linted and documented");
    println!("    checks with the default features took {:.0} s, without them {:.0} s", seconds[0], seconds[1]);
    Ok(())
}
