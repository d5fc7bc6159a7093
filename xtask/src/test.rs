//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use std::path::Path;
use std::process::Command;

use crate::step::Step;
use crate::{repo_root, TaskError};

const STEPS: &[Step] = &[
    Step {
        what: "the hand-written code is formatted (rustfmt.toml)",
        program: "cargo",
        args: &["xtask", "fmt", "--check"],
        env: &[],
    },
    Step {
        what: "the checked-in crates match the generator",
        program: "cargo",
        args: &["xtask", "codegen", "--check"],
        env: &[],
    },
    Step { what: "tests", program: "cargo", args: &["test", "--workspace", "--all-targets"], env: &[] },
    Step { what: "doc tests", program: "cargo", args: &["test", "--workspace", "--doc"], env: &[] },
    Step {
        what: "clippy, warnings denied",
        program: "cargo",
        args: &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
        env: &[],
    },
    Step {
        what: "the checked-in crates without their default features (types and wire only), warnings denied",
        program: "cargo",
        args: &[
            "clippy",
            "-p",
            "cognito-identity-provider-types",
            "-p",
            "eks-types",
            "-p",
            "pattern-families-types",
            "--all-targets",
            "--no-default-features",
            "--",
            "-D",
            "warnings",
        ],
        env: &[],
    },
    Step {
        what: "rustdoc, warnings denied",
        program: "cargo",
        args: &["doc", "--workspace", "--no-deps"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
    Step {
        what: "rustdoc of the checked-in crates without their default features, warnings denied",
        program: "cargo",
        args: &[
            "doc",
            "-p",
            "cognito-identity-provider-types",
            "-p",
            "eks-types",
            "-p",
            "pattern-families-types",
            "--no-deps",
            "--no-default-features",
        ],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
    Step {
        what: "every other model in model/ generates a crate that passes clippy, its tests and rustdoc",
        program: "cargo",
        args: &["xtask", "models"],
        env: &[],
    },
    Step {
        what: "each fuzz target runs for its share of 60 seconds without a crash",
        program: "cargo",
        args: &["xtask", "fuzz", "60"],
        env: &[],
    },
];

/// What `codegen/tests/moto.rs` runs its scenarios against: the moto server, pinned.
pub const MOTO_REQUIREMENT: &str = "moto[server]==5.2.5";
/// The Python virtual environment that holds it; the tests look for `bin/moto_server` here.
pub const MOTO_VENV: &str = "target/moto-venv";

/// Needs a JDK, so it runs only where `javac` is on the `PATH`.
const PATTERNS: Step = Step {
    what: "every @pattern in model/ translates and agrees with Java's java.util.regex but for the documented choices",
    program: "cargo",
    args: &["xtask", "patterns"],
    env: &[],
};

/// Runs every step from the repository root.
pub fn run_all() -> Result<(), TaskError> {
    let root = repo_root();
    install_moto(&root)?;
    // Incremental compilation is off: one run never reuses its state (each step builds with
    // other settings), and on a clean clone it cost gigabytes of disk.
    let env = [("CARGO_INCREMENTAL", std::ffi::OsStr::new("0"))];
    for (n, step) in STEPS.iter().enumerate() {
        println!("==> [{}/{}] {}: {}", n + 1, STEPS.len(), step.what, step.command_line());
        step.run(&root, &env).map_err(|e| TaskError(format!("step {}: {e}", n + 1)))?;
    }
    if Command::new("javac").arg("-version").output().is_ok_and(|o| o.status.success()) {
        println!("==> {}: {}", PATTERNS.what, PATTERNS.command_line());
        PATTERNS.run(&root, &env)?;
    } else {
        println!("==> skipped (no JDK: `javac` is not on the PATH): {}", PATTERNS.command_line());
    }
    println!("==> all {} steps passed", STEPS.len());
    Ok(())
}

/// Installs [`MOTO_REQUIREMENT`] into [`MOTO_VENV`] (`python3 -m venv`, then `pip install`), unless
/// an earlier run already did: a stamp file holding the requirement marks a finished install.
fn install_moto(root: &Path) -> Result<(), TaskError> {
    let venv = root.join(MOTO_VENV);
    let stamp = venv.join("installed-requirement.txt");
    if std::fs::read_to_string(&stamp).is_ok_and(|s| s.trim() == MOTO_REQUIREMENT) {
        println!("==> moto server: {MOTO_REQUIREMENT} is in {MOTO_VENV}");
        return Ok(());
    }
    println!("==> moto server: installing {MOTO_REQUIREMENT} into {MOTO_VENV}");
    let run = |program: &Path, args: &[&str]| -> Result<(), TaskError> {
        let status = Command::new(program).args(args).current_dir(root).status();
        match status {
            Ok(s) if s.success() => Ok(()),
            Ok(s) => Err(TaskError(format!(
                "`{} {}` failed ({s}); the moto tests need it",
                program.display(),
                args.join(" ")
            ))),
            Err(e) => {
                Err(TaskError(format!("cannot run {}: {e}; the moto tests need Python 3 with venv", program.display())))
            }
        }
    };
    run(Path::new("python3"), &["-m", "venv", MOTO_VENV])?;
    run(
        &venv.join("bin/python"),
        &["-m", "pip", "install", "--quiet", "--disable-pip-version-check", MOTO_REQUIREMENT],
    )?;
    std::fs::write(&stamp, MOTO_REQUIREMENT).map_err(|e| TaskError(format!("cannot write {}: {e}", stamp.display())))
}
