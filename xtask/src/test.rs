//! `cargo xtask test`: every check CI runs, in order, stopping at the first failure.

use std::process::Command;

use crate::{repo_root, TaskError};

/// One step: a description and the command line.
struct Step {
    what: &'static str,
    program: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

const STEPS: &[Step] = &[
    Step {
        what: "the checked-in crates match the generator",
        program: "cargo",
        args: &["xtask", "codegen", "--check"],
        env: &[],
    },
    Step {
        what: "tests",
        program: "cargo",
        args: &["test", "--workspace", "--all-targets"],
        env: &[],
    },
    Step {
        what: "doc tests",
        program: "cargo",
        args: &["test", "--workspace", "--doc"],
        env: &[],
    },
    Step {
        what: "clippy, warnings denied",
        program: "cargo",
        args: &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"],
        env: &[],
    },
    Step {
        what: "rustdoc, warnings denied",
        program: "cargo",
        args: &["doc", "--workspace", "--no-deps"],
        env: &[("RUSTDOCFLAGS", "-D warnings")],
    },
];

/// Runs every step from the repository root.
pub fn run_all() -> Result<(), TaskError> {
    let root = repo_root();
    for (n, step) in STEPS.iter().enumerate() {
        println!("==> [{}/{}] {}: {} {}", n + 1, STEPS.len(), step.what, step.program, step.args.join(" "));
        let status = Command::new(step.program)
            .args(step.args)
            .envs(step.env.iter().copied())
            .current_dir(&root)
            .status()
            .map_err(|e| TaskError(format!("cannot run {}: {e}", step.program)))?;
        if !status.success() {
            return Err(TaskError(format!("step {} ({}) failed", n + 1, step.what)));
        }
    }
    println!("==> all {} steps passed", STEPS.len());
    Ok(())
}
