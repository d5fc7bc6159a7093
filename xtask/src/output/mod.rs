//! Writing generated files to disk: the only place where xtask changes files in a folder, so
//! that every task that writes (`cargo xtask codegen`, `codegen --out`, `models`, the fuzz
//! seeds) keeps the same promises:
//!
//! - **Nothing it did not write is destroyed.** A crate is written only into a folder that does
//!   not exist, is empty, or is a crate the generator wrote; anything else is refused, naming
//!   the folder and why, before anything is touched. With `--force` the crate's files are added
//!   beside what is there. Either way only the generator's own files are replaced or removed;
//!   other files are kept and listed, and one in the way of a generated file stops the run.
//!   What counts as the generator's is decided in [`ownership`].
//! - **Only what changed is written.** A file whose contents are already right is not touched
//!   (its modification time stays, so cargo does not rebuild); files the generator no longer
//!   produces are removed.
//! - **A failure leaves the folder as it was.** Changes are staged beside the files and then
//!   renamed into place, with the replaced files kept until the end to put back on failure
//!   (`transaction`); an interrupted run leaves leftovers that the next run removes.
//!
//! The drift check (`check_crate`) reports the same plan that writing would carry out.

mod drift;
pub mod ownership;
mod plan;
mod scan;
mod transaction;

use std::fmt;
use std::path::{Path, PathBuf};

use codegen::GeneratedFile;

pub use drift::Drift;
pub use transaction::{Disk, RealDisk};

use ownership::Folder;
use plan::Plan;

use crate::TaskError;

/// How a run writes: whether it may write into a foreign folder, and through which [`Disk`].
pub struct Writer<'d> {
    force: bool,
    disk: &'d dyn Disk,
}

impl Default for Writer<'static> {
    fn default() -> Self {
        Writer { force: false, disk: &RealDisk }
    }
}

impl<'d> Writer<'d> {
    /// `--force`: also write a crate into a folder that holds other things.
    pub fn force(self, force: bool) -> Self {
        Writer { force, ..self }
    }

    /// Writes through `disk` (tests make it fail).
    pub fn disk<'e>(self, disk: &'e dyn Disk) -> Writer<'e> {
        Writer { force: self.force, disk }
    }

    /// Writes a crate's `files` into `dir`; see the module documentation for what is touched.
    pub fn write_crate(&self, dir: &Path, files: &[GeneratedFile]) -> Result<Written, TaskError> {
        let mut written = self.write_crates(&[(dir, files)])?;
        Ok(written.remove(0))
    }

    /// Writes several crates, all or none: every folder is checked before any is touched.
    pub fn write_crates(&self, crates: &[(&Path, &[GeneratedFile])]) -> Result<Vec<Written>, TaskError> {
        let plans = crates.iter().map(|(dir, files)| self.plan_crate(dir, files)).collect::<Result<Vec<_>, _>>()?;
        self.apply(plans)
    }

    /// Writes plain files (not a crate) into `dir`, replacing those whose contents differ; only
    /// a file is ever replaced, and nothing is removed.
    pub fn write_files(&self, dir: &Path, files: &[GeneratedFile]) -> Result<Written, TaskError> {
        let plan = plan::for_files(dir, files)?;
        refuse_conflicts(&plan)?;
        let mut written = self.apply(vec![plan])?;
        Ok(written.remove(0))
    }

    fn plan_crate<'a>(&self, dir: &Path, files: &'a [GeneratedFile]) -> Result<Plan<'a>, TaskError> {
        let folder = ownership::classify(dir)?;
        if let Folder::Foreign(why) = &folder {
            if !self.force {
                return Err(TaskError(format!(
                    "refusing to write into {}: {why}. Nothing was changed.\n\
                     The generator writes only into a folder that does not exist, is empty, or holds a crate it \
                     generated. `cargo xtask codegen --out DIR --force` adds the crate's files beside what is \
                     there; files the generator did not write are never replaced or removed.",
                    named(dir)
                )));
            }
        }
        let plan = plan::for_crate(dir, files, &folder)?;
        refuse_conflicts(&plan)?;
        Ok(plan)
    }

    fn apply(&self, plans: Vec<Plan>) -> Result<Vec<Written>, TaskError> {
        let problems = transaction::apply(&plans, self.disk)?;
        Ok(plans.into_iter().zip(problems).map(|(plan, problems)| Written::new(plan, problems)).collect())
    }
}

fn refuse_conflicts(plan: &Plan) -> Result<(), TaskError> {
    if plan.conflicts.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = plan.conflicts.iter().map(|c| format!("  {}: {}", c.path, c.why)).collect();
    Err(TaskError(format!(
        "cannot write into {}: these are in the way of files the generator writes:\n{}\n\
         Nothing was changed; move them away and run again.",
        named(&plan.dir),
        list.join("\n")
    )))
}

/// Writes a crate's `files` into `dir`, refusing a folder that is not the generator's.
pub fn write_crate(dir: &Path, files: &[GeneratedFile]) -> Result<Written, TaskError> {
    Writer::default().write_crate(dir, files)
}

/// Compares `files` with the folder `dir`, writing nothing: what `write_crate` would change,
/// and what it would keep although the generator did not write it.
pub fn check_crate(dir: &Path, files: &[GeneratedFile]) -> Result<Vec<Drift>, TaskError> {
    let folder = ownership::classify(dir)?;
    if let Folder::Foreign(why) = &folder {
        return Err(TaskError(format!("{} is not a crate written by `cargo xtask codegen`: {why}", named(dir))));
    }
    let plan = plan::for_crate(dir, files, &folder)?;
    Ok(drift::from_plan(&plan, &|relative| shown(&plan.path(relative))))
}

/// What a run did to one folder.
#[derive(Debug)]
pub struct Written {
    /// The folder.
    pub dir: PathBuf,
    /// Files written (new or changed), relative to the folder.
    pub written: Vec<String>,
    /// The generator's files removed because it no longer produces them.
    pub removed: Vec<String>,
    /// Files that already had the right contents, untouched.
    pub unchanged: usize,
    /// What the generator did not write, kept (folders that were not looked into end in `/`).
    pub kept: Vec<String>,
    /// What could not be cleaned up after the files were written.
    pub problems: Vec<String>,
}

impl Written {
    fn new(plan: Plan, problems: Vec<String>) -> Written {
        Written {
            written: plan.writes.iter().map(|w| w.path.clone()).collect(),
            removed: plan.removals,
            unchanged: plan.unchanged,
            kept: plan.kept,
            dir: plan.dir,
            problems,
        }
    }
}

/// How many kept entries a summary names.
const KEPT_SHOWN: usize = 10;

impl fmt::Display for Written {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files = if self.written.len() == 1 { "file" } else { "files" };
        write!(
            f,
            "{}: {} {files} written, {} removed, {} unchanged",
            shown(&self.dir),
            self.written.len(),
            self.removed.len(),
            self.unchanged
        )?;
        if !self.kept.is_empty() {
            let names: Vec<&str> = self.kept.iter().take(KEPT_SHOWN).map(String::as_str).collect();
            let more = self.kept.len().saturating_sub(KEPT_SHOWN);
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            write!(f, "\n  kept, not written by the generator: {}{more}", names.join(", "))?;
        }
        for problem in &self.problems {
            write!(f, "\n  warning: {problem} (the next run removes it)")?;
        }
        Ok(())
    }
}

/// A folder as named in an error: as given, and in full when that is different (`.`).
fn named(dir: &Path) -> String {
    match dir.canonicalize() {
        Ok(full) if full != dir => format!("{} ({})", dir.display(), full.display()),
        _ => dir.display().to_string(),
    }
}

/// A path as shown to the user: relative to the repository when it is inside it.
fn shown(path: &Path) -> String {
    path.strip_prefix(crate::repo_root()).unwrap_or(path).display().to_string()
}
