//! Carries plans out all-or-nothing, as far as the file system allows.
//!
//! 1. **Stage**: every file to write is written as a hidden sibling (`.<name>.codegen-new`),
//!    creating the folders it needs. Nothing the folder held has changed yet.
//! 2. **Commit**: each file that is replaced or removed is renamed aside
//!    (`.<name>.codegen-old`), and each staged file is renamed into place. Renames within a
//!    folder need no space and are atomic.
//! 3. **Finish**: the files moved aside, the leftovers of earlier runs, and folders that only
//!    held removed files are deleted.
//!
//! A failure in step 1 or 2 undoes every step done so far, in reverse: files moved aside are
//! renamed back, new files and staged copies are deleted, created folders are removed. The
//! folder is then as it was, leftovers of earlier runs included. A run that is killed cannot
//! undo anything: it leaves the old files plus staged copies (step 1), or a mix of old and new
//! files plus staged copies and files moved aside (step 2, which is only renames and takes
//! milliseconds). The copies are the leftovers that the next run recognises and removes, and
//! the next run writes what still differs, so it completes the interrupted one. Files are not
//! flushed to the disk one by one (that makes a full write of the Cognito crate take seconds
//! instead of milliseconds), so a power loss may lose more; the next run rewrites whatever
//! differs.
//!
//! The file system is reached through [`Disk`] for the writes and renames that change the
//! folder, so that tests can make them fail (a full disk, a failing rename).

use std::io;
use std::path::{Path, PathBuf};

use super::ownership;
use super::plan::Plan;
use crate::TaskError;

/// The operations by which a run changes what a folder holds.
pub trait Disk {
    /// Creates or truncates the file at `path` and writes `contents` into it.
    fn write(&self, path: &Path, contents: &[u8]) -> io::Result<()>;
    /// Renames `from` to `to` (in the same folder), replacing `to` if it is a file.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
}

/// The real file system.
pub struct RealDisk;

impl Disk for RealDisk {
    fn write(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
        std::fs::write(path, contents)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
}

/// A step that has been done, and can be undone.
enum Done {
    /// A folder was created.
    CreatedFolder(PathBuf),
    /// A staged copy was (or was being) written.
    Staged(PathBuf),
    /// A file was renamed to its backup name.
    MovedAside { path: PathBuf, backup: PathBuf },
    /// A staged copy was renamed into place; `replaced` when a file was there before.
    Placed { path: PathBuf, replaced: bool },
}

/// Carries out `plans`; on failure, undoes everything and says what failed. Returns, for each
/// plan, what could not be cleaned up after success (the folders hold the new files regardless).
pub fn apply(plans: &[Plan], disk: &dyn Disk) -> Result<Vec<Vec<String>>, TaskError> {
    let mut done = Vec::new();
    let result = stage(plans, disk, &mut done).and_then(|()| commit(plans, disk, &mut done));
    match result {
        Ok(()) => Ok(plans.iter().map(finish).collect()),
        Err(error) => Err(roll_back(done, error)),
    }
}

fn stage(plans: &[Plan], disk: &dyn Disk, done: &mut Vec<Done>) -> Result<(), TaskError> {
    for plan in plans {
        if plan.writes.is_empty() {
            continue;
        }
        create_folder(&plan.dir, done)?;
        // `Cargo.toml` first: a run killed while creating a crate leaves a folder that the next
        // run recognises by its staged `Cargo.toml` (see `ownership`).
        let mut writes: Vec<_> = plan.writes.iter().collect();
        writes.sort_by_key(|w| w.path != "Cargo.toml");
        for write in writes {
            let path = plan.path(&write.path);
            if let Some(folder) = path.parent() {
                create_folder(folder, done)?;
            }
            let staged = ownership::staged(&path);
            done.push(Done::Staged(staged.clone()));
            disk.write(&staged, write.contents).map_err(|e| failed("write", &staged, e))?;
        }
    }
    Ok(())
}

/// Creates `folder` and its missing parents, outermost first, noting each one created.
fn create_folder(folder: &Path, done: &mut Vec<Done>) -> Result<(), TaskError> {
    let missing: Vec<&Path> = folder
        .ancestors()
        .filter(|p| !p.as_os_str().is_empty())
        .take_while(|p| std::fs::symlink_metadata(p).is_err())
        .collect();
    for path in missing.into_iter().rev() {
        std::fs::create_dir(path).map_err(|e| failed("create", path, e))?;
        done.push(Done::CreatedFolder(path.to_path_buf()));
    }
    Ok(())
}

fn commit(plans: &[Plan], disk: &dyn Disk, done: &mut Vec<Done>) -> Result<(), TaskError> {
    for plan in plans {
        for write in &plan.writes {
            let path = plan.path(&write.path);
            if write.replaces {
                move_aside(&path, disk, done)?;
            }
            let staged = ownership::staged(&path);
            disk.rename(&staged, &path).map_err(|e| failed("move into place", &path, e))?;
            done.push(Done::Placed { path, replaced: write.replaces });
        }
        for removal in &plan.removals {
            move_aside(&plan.path(removal), disk, done)?;
        }
    }
    Ok(())
}

fn move_aside(path: &Path, disk: &dyn Disk, done: &mut Vec<Done>) -> Result<(), TaskError> {
    let backup = ownership::backup(path);
    disk.rename(path, &backup).map_err(|e| failed("move aside", path, e))?;
    done.push(Done::MovedAside { path: path.to_path_buf(), backup });
    Ok(())
}

/// Deletes what was moved aside, the leftovers of earlier runs, and the folders that removed
/// files leave empty; returns what could not be deleted.
fn finish(plan: &Plan) -> Vec<String> {
    let mut problems = Vec::new();
    let mut remove = |path: &Path| match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            problems.push(format!("cannot remove {}: {e}", path.display()))
        }
        _ => {}
    };
    let moved_aside = plan.writes.iter().filter(|w| w.replaces).map(|w| &w.path).chain(&plan.removals);
    for path in moved_aside {
        remove(&ownership::backup(&plan.path(path)));
    }
    for leftover in &plan.leftovers {
        remove(&plan.path(leftover));
    }
    let mut emptied: Vec<PathBuf> = plan
        .removals
        .iter()
        .chain(&plan.leftovers)
        .flat_map(|file| plan.path(file).ancestors().skip(1).map(Path::to_path_buf).collect::<Vec<_>>())
        .filter(|folder| folder.starts_with(&plan.dir) && *folder != plan.dir)
        .collect();
    // Deepest first, so that a folder emptied by removing its empty subfolders goes too.
    emptied.sort_by_key(|folder| (std::cmp::Reverse(folder.components().count()), folder.clone()));
    emptied.dedup();
    for folder in emptied {
        if std::fs::read_dir(&folder).is_ok_and(|mut entries| entries.next().is_none()) {
            if let Err(e) = std::fs::remove_dir(&folder) {
                problems.push(format!("cannot remove the empty folder {}: {e}", folder.display()));
            }
        }
    }
    problems
}

/// Undoes `done` in reverse; the error says whether that worked.
fn roll_back(done: Vec<Done>, error: TaskError) -> TaskError {
    let mut problems = Vec::new();
    for step in done.into_iter().rev() {
        let result = match &step {
            Done::Placed { path, replaced: false } => std::fs::remove_file(path),
            // The file moved aside is renamed back over it.
            Done::Placed { replaced: true, .. } => Ok(()),
            Done::MovedAside { path, backup } => std::fs::rename(backup, path),
            Done::Staged(path) => match std::fs::remove_file(path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            },
            Done::CreatedFolder(path) => std::fs::remove_dir(path),
        };
        if let Err(e) = result {
            let path = match &step {
                Done::Placed { path, .. } | Done::Staged(path) | Done::CreatedFolder(path) => path,
                Done::MovedAside { backup, .. } => backup,
            };
            problems.push(format!("  {}: {e}", path.display()));
        }
    }
    if problems.is_empty() {
        TaskError(format!("{error}\nnothing was changed"))
    } else {
        TaskError(format!(
            "{error}\nundoing the run failed for:\n{}\nthe next run recognises these leftovers and removes them",
            problems.join("\n")
        ))
    }
}

fn failed(what: &str, path: &Path, e: io::Error) -> TaskError {
    TaskError(format!("cannot {what} {}: {e}", path.display()))
}
