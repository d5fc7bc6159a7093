//! A command that a task runs: what it checks, the program and its arguments, extra environment.

use std::path::Path;
use std::process::Command;

use crate::TaskError;

/// One command of a task.
pub struct Step {
    /// What the step checks, for the progress line.
    pub what: &'static str,
    /// The program, e.g. `cargo`.
    pub program: &'static str,
    /// Its arguments.
    pub args: &'static [&'static str],
    /// Extra environment variables.
    pub env: &'static [(&'static str, &'static str)],
}

impl Step {
    /// Runs the step in `dir` with the extra environment `env`; fails when it fails.
    pub fn run(&self, dir: &Path, env: &[(&str, &std::ffi::OsStr)]) -> Result<(), TaskError> {
        self.run_with(dir, env, &[])
    }

    /// Runs the step as [`Step::run`] does, with `more` arguments after its own.
    pub fn run_with(&self, dir: &Path, env: &[(&str, &std::ffi::OsStr)], more: &[&str]) -> Result<(), TaskError> {
        let status = Command::new(self.program)
            .args(self.args)
            .args(more)
            .envs(self.env.iter().copied())
            .envs(env.iter().copied())
            .current_dir(dir)
            .status()
            .map_err(|e| TaskError(format!("cannot run {}: {e}", self.program)))?;
        if status.success() {
            Ok(())
        } else {
            let args: Vec<&str> = self.args.iter().chain(more).copied().collect();
            Err(TaskError(format!("{} failed: {} {}", self.what, self.program, args.join(" "))))
        }
    }

    /// The command line, for progress lines.
    pub fn command_line(&self) -> String {
        format!("{} {}", self.program, self.args.join(" "))
    }
}
