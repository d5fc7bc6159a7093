//! The repository's tasks: generating the checked-in crates and checking them for drift.
//!
//! `cargo xtask codegen` and `cargo xtask codegen --check` (see `main.rs`) are thin wrappers
//! around [`generate_model`], [`write_crate`] and [`check_crate`], which tests call directly.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

pub mod format;
pub mod fuzz;
pub mod models;
pub mod step;
pub mod test;

use codegen::{ErrorKind, GeneratedFile, Options};
use smithy_model::Model;

/// The repository root (the workspace directory).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask lives one level below the root").to_path_buf()
}

/// A crate that is generated and checked in.
pub struct CheckedIn {
    /// The model, relative to the repository root.
    pub model: &'static str,
    /// The crate's folder, relative to the repository root.
    pub out: &'static str,
}

/// The crates that `cargo xtask codegen` writes.
pub const CHECKED_IN: &[CheckedIn] = &[CheckedIn {
    model: "model/aws/cognito-identity-provider-2016-04-18.json",
    out: "generated/cognito-identity-provider",
}];

/// Any failure of a task, with a message for the person running it.
#[derive(Debug)]
pub struct TaskError(pub String);

impl fmt::Display for TaskError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TaskError {}

/// Loads a model file and generates its crate's files in memory.
pub fn generate_model(model_path: &Path, model_name: &str, standalone: bool) -> Result<Vec<GeneratedFile>, TaskError> {
    let model = Model::from_file(model_path).map_err(|e| TaskError(format!("cannot load the model: {e}")))?;
    let options = Options { standalone, ..Options::new(model_name) };
    codegen::generate(&model, &options).map_err(|e| {
        let what = match e.kind {
            ErrorKind::InvalidModel => "the model is invalid",
            ErrorKind::Unsupported => "the model uses something this generator does not support",
            ErrorKind::Bug => "a bug in the generator (please report it with the model)",
        };
        TaskError(format!("{}: {what}: {e}", model_path.display()))
    })
}

/// A difference between the files on disk and the files the generator produces.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drift {
    /// The generator produces this file, and it is missing on disk.
    Missing(String),
    /// The file on disk differs from what the generator produces.
    Stale(String),
    /// The file is on disk but the generator does not produce it.
    Extra(String),
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Drift::Missing(path) => write!(f, "missing: {path}"),
            Drift::Stale(path) => write!(f, "stale:   {path}"),
            Drift::Extra(path) => write!(f, "extra:   {path}"),
        }
    }
}

/// Compares `files` with the folder `dir`; writes nothing.
pub fn check_crate(dir: &Path, files: &[GeneratedFile]) -> Result<Vec<Drift>, TaskError> {
    let mut drift = Vec::new();
    let expected: BTreeSet<&str> = files.iter().map(|f| f.path.as_str()).collect();
    for file in files {
        let path = dir.join(&file.path);
        match std::fs::read(&path) {
            Ok(bytes) if bytes == file.contents.as_bytes() => {}
            Ok(_) => drift.push(Drift::Stale(display(dir, &file.path))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => drift.push(Drift::Missing(display(dir, &file.path))),
            Err(e) => return Err(TaskError(format!("{}: {e}", path.display()))),
        }
    }
    for existing in files_under(dir)? {
        if !expected.contains(existing.as_str()) {
            drift.push(Drift::Extra(display(dir, &existing)));
        }
    }
    drift.sort();
    Ok(drift)
}

/// Writes the crate into `dir` so that it holds exactly `files`.
///
/// Nothing in `dir` changes unless every file could be prepared: the crate is first written to
/// a sibling folder, which then replaces `dir` (the old folder is kept until the swap is done).
pub fn write_crate(dir: &Path, files: &[GeneratedFile]) -> Result<(), TaskError> {
    let io = |what: &str, path: &Path, e: std::io::Error| TaskError(format!("cannot {what} {}: {e}", path.display()));
    let parent = dir.parent().ok_or_else(|| TaskError(format!("{} has no parent folder", dir.display())))?;
    std::fs::create_dir_all(parent).map_err(|e| io("create", parent, e))?;
    let name = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let staging = parent.join(format!(".{name}.new"));
    let previous = parent.join(format!(".{name}.old"));
    for leftover in [&staging, &previous] {
        if leftover.exists() {
            std::fs::remove_dir_all(leftover).map_err(|e| io("remove", leftover, e))?;
        }
    }
    let staged = files.iter().try_for_each(|file| {
        let path = staging.join(&file.path);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| io("create", folder, e))?;
        }
        std::fs::write(&path, &file.contents).map_err(|e| io("write", &path, e))
    });
    if let Err(e) = staged {
        // Leave nothing behind: `dir` was not touched, and the half-written copy goes.
        let _ = std::fs::remove_dir_all(&staging);
        return Err(e);
    }
    // A standalone crate's build folder is kept: it is not generated, and costly to rebuild.
    let build = dir.join("target");
    if build.is_dir() {
        std::fs::rename(&build, staging.join("target")).map_err(|e| io("keep", &build, e))?;
    }
    if dir.exists() {
        std::fs::rename(dir, &previous).map_err(|e| io("move aside", dir, e))?;
    }
    if let Err(e) = std::fs::rename(&staging, dir) {
        // Put the previous crate back so that nothing is lost.
        let _ = std::fs::rename(&previous, dir);
        return Err(io("move into place", dir, e));
    }
    if previous.exists() {
        std::fs::remove_dir_all(&previous).map_err(|e| io("remove", &previous, e))?;
    }
    Ok(())
}

/// Relative paths (with `/`) of every file under `dir`, skipping `target/` folders.
fn files_under(dir: &Path) -> Result<Vec<String>, TaskError> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(TaskError(format!("{}: {e}", folder.display()))),
        };
        for entry in entries {
            let entry = entry.map_err(|e| TaskError(format!("{}: {e}", folder.display())))?;
            let path = entry.path();
            if path.is_dir() {
                if entry.file_name() != "target" {
                    stack.push(path);
                }
            } else if let Ok(relative) = path.strip_prefix(dir) {
                let parts: Vec<String> =
                    relative.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
                out.push(parts.join("/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

fn display(dir: &Path, relative: &str) -> String {
    let root = repo_root();
    let full = dir.join(relative);
    full.strip_prefix(&root).map(|p| p.display().to_string()).unwrap_or_else(|_| full.display().to_string())
}
