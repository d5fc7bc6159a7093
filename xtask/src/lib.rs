//! The repository's tasks: generating the checked-in crates, checking them for drift, and the
//! checks CI runs (`cargo xtask --help` lists them; `cli` reads the command line).
//!
//! Every file a task writes goes through [`output`], which decides what may be touched and
//! makes a failed run leave the disk as it was. [`checked_in`] lists the crates that
//! `cargo xtask codegen` writes and checks.

use std::path::{Path, PathBuf};

pub mod checked_in;
pub mod cli;
pub mod format;
pub mod fuzz;
pub mod models;
pub mod output;
pub mod patterns;
pub mod step;
pub mod suggest;
pub mod test;

pub use checked_in::{CheckedIn, CHECKED_IN};
pub use output::{check_crate, write_crate, Drift, Writer, Written};

use codegen::{ErrorKind, Generated, Options, Warning};
use smithy_model::{Model, ShapeId};

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives one level below the root").to_path_buf()
}

/// Any failure of a task, with a message for the person running it.
#[derive(Debug)]
pub struct TaskError(pub String);

impl std::fmt::Display for TaskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TaskError {}

/// Loads a model file and generates the crate of its service (`service` picks one when the model
/// defines several) in memory.
pub fn generate_model(
    model_path: &Path,
    model_name: &str,
    standalone: bool,
    service: Option<&ShapeId>,
) -> Result<Generated, TaskError> {
    let model = Model::from_file(model_path).map_err(|e| TaskError(format!("cannot load the model: {e}")))?;
    let options = Options { standalone, service: service.cloned(), ..Options::new(model_name) };
    codegen::generate(&model, &options).map_err(|e| {
        let what = match e.kind {
            ErrorKind::InvalidModel => "the model is invalid",
            ErrorKind::Unsupported => "the model uses something this generator does not support",
            ErrorKind::Bug => "a bug in the generator (please report it with the model)",
        };
        TaskError(format!("{}: {what}: {e}", model_path.display()))
    })
}

/// Prints what the generator left out of a crate, one `warning: <place>: <message>` line each.
pub fn print_warnings(warnings: &[Warning]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}
