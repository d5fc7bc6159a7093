//! A run's plan: what the generator produces compared with what the folder holds, decided before
//! anything is touched. Writing carries a plan out (`transaction`); the drift check reports it
//! (`drift`), so the two never disagree.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use codegen::GeneratedFile;

use super::ownership::{self, Folder, NOT_OURS};
use super::scan::{scan, Kind};
use crate::TaskError;

/// What a run does to one folder.
#[derive(Debug)]
pub struct Plan<'a> {
    /// The folder.
    pub dir: PathBuf,
    /// Files to write: new ones, and the generator's files whose contents change.
    pub writes: Vec<Write<'a>>,
    /// How many produced files are on disk with the right contents already.
    pub unchanged: usize,
    /// The generator's files that it no longer produces.
    pub removals: Vec<String>,
    /// Files an interrupted run left behind.
    pub leftovers: Vec<String>,
    /// What the generator did not write, kept: files, and folders (ending in `/`) that were not
    /// looked into.
    pub kept: Vec<String>,
    /// What the generator did not write, in the way of a file it writes.
    pub conflicts: Vec<Conflict>,
}

/// A file to write.
#[derive(Debug)]
pub struct Write<'a> {
    /// Relative to the folder, with `/`.
    pub path: String,
    /// The new contents.
    pub contents: &'a [u8],
    /// Whether a file is there now (and is replaced), or the file is new.
    pub replaces: bool,
}

/// An entry that stops a run: it was not written by the generator and is where it writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// The entry, relative to the folder.
    pub path: String,
    /// Why it is in the way.
    pub why: &'static str,
}

impl Plan<'_> {
    fn empty(dir: &Path) -> Self {
        Plan {
            dir: dir.to_path_buf(),
            writes: Vec::new(),
            unchanged: 0,
            removals: Vec::new(),
            leftovers: Vec::new(),
            kept: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    /// The path of a relative entry of the folder.
    pub fn path(&self, relative: &str) -> PathBuf {
        relative.split('/').fold(self.dir.clone(), |path, part| path.join(part))
    }
}

/// Plans writing a crate's `files` into `dir`, which `classify` found to be `folder`.
///
/// In a crate the generator wrote (or an empty folder) every entry is looked at, so that files
/// it no longer produces are found. In a foreign folder (written into only with `--force`) only
/// the folders it writes into are: it holds no earlier output to remove.
pub fn for_crate<'a>(dir: &Path, files: &'a [GeneratedFile], folder: &Folder) -> Result<Plan<'a>, TaskError> {
    check_paths(files, true)?;
    let produced: BTreeMap<&str, &[u8]> = files.iter().map(|f| (f.path.as_str(), f.contents.as_bytes())).collect();
    let written_folders: BTreeSet<&str> =
        produced.keys().flat_map(|path| path.match_indices('/').map(move |(i, _)| &path[..i])).collect();
    let entries = match folder {
        Folder::Absent => BTreeMap::new(),
        Folder::Foreign(_) => scan(dir, &|folder| written_folders.contains(folder))?,
        Folder::Empty | Folder::Generated => scan(dir, &|_| true)?,
    };
    let mut plan = Plan::empty(dir);
    for (path, kind) in &entries {
        if produced.contains_key(path.as_str()) {
            continue;
        }
        match kind {
            Kind::File if ownership::is_leftover(file_name(path)) => plan.leftovers.push(path.clone()),
            Kind::File if ownership::is_generated(&ownership::read_prefix(&plan.path(path))?) => {
                plan.removals.push(path.clone())
            }
            Kind::File | Kind::Other => plan.kept.push(path.clone()),
            Kind::Unlisted => plan.kept.push(format!("{path}/")),
            Kind::Folder => {}
        }
    }
    for (path, contents) in produced {
        if let Some(conflict) = blocked(path, &entries) {
            plan.conflicts.push(conflict);
            continue;
        }
        let why = match entries.get(path) {
            None => {
                plan.writes.push(Write { path: path.to_owned(), contents, replaces: false });
                continue;
            }
            Some(Kind::File) => {
                let existing = read(&plan.path(path))?;
                if existing == contents {
                    plan.unchanged += 1;
                    continue;
                }
                if ownership::is_generated(&existing) {
                    plan.writes.push(Write { path: path.to_owned(), contents, replaces: true });
                    continue;
                }
                "was not written by the generator (it does not begin with the generated-file header)"
            }
            Some(Kind::Folder | Kind::Unlisted) => "is a folder",
            Some(Kind::Other) => "is a link or a special file",
        };
        plan.conflicts.push(Conflict { path: path.to_owned(), why });
    }
    Ok(plan)
}

/// Plans writing plain files into `dir` (the fuzz task's seeds): each file is written when its
/// contents differ; nothing is removed, and only a file is ever replaced.
pub fn for_files<'a>(dir: &Path, files: &'a [GeneratedFile]) -> Result<Plan<'a>, TaskError> {
    check_paths(files, false)?;
    let mut plan = Plan::empty(dir);
    for file in files {
        let path = plan.path(&file.path);
        let contents = file.contents.as_bytes();
        match std::fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_file() => {
                if read(&path)? == contents {
                    plan.unchanged += 1;
                } else {
                    plan.writes.push(Write { path: file.path.clone(), contents, replaces: true });
                }
            }
            Ok(_) => plan.conflicts.push(Conflict { path: file.path.clone(), why: "is not a file" }),
            Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {
                plan.writes.push(Write { path: file.path.clone(), contents, replaces: false })
            }
            Err(e) => return Err(TaskError(format!("cannot read {}: {e}", path.display()))),
        }
    }
    Ok(plan)
}

/// The entry in the way of writing `path`: a file or link where a folder must be.
fn blocked(path: &str, entries: &BTreeMap<String, Kind>) -> Option<Conflict> {
    let folders = path.match_indices('/').map(|(i, _)| &path[..i]);
    for folder in folders {
        if matches!(entries.get(folder), Some(Kind::File | Kind::Other)) {
            return Some(Conflict {
                path: folder.to_owned(),
                why: "is a file or a link where the generator writes a folder",
            });
        }
    }
    None
}

/// Refuses paths that could escape the folder, touch cargo's or git's files, look like
/// leftovers, repeat, or (for a crate) lack the header that later runs recognise them by: each
/// would be a bug in the generator, found before anything is written.
fn check_paths(files: &[GeneratedFile], crate_files: bool) -> Result<(), TaskError> {
    let mut seen = BTreeSet::new();
    for file in files {
        let bug = |why: &str| TaskError(format!("the generator produced `{}`, which {why}; this is a bug", file.path));
        let parts: Vec<&str> = file.path.split('/').collect();
        if parts.iter().any(|p| p.is_empty() || *p == "." || *p == ".." || p.contains('\\') || p.contains(':')) {
            return Err(bug("is not a plain relative path"));
        }
        if crate_files && NOT_OURS.contains(&parts[0]) {
            return Err(bug("belongs to cargo or git"));
        }
        if ownership::is_leftover(parts[parts.len() - 1]) {
            return Err(bug("is named like a leftover of an interrupted run"));
        }
        if crate_files && !ownership::is_generated(file.contents.as_bytes()) {
            return Err(bug("does not begin with the generated-file header that later runs recognise it by"));
        }
        if !seen.insert(file.path.as_str()) {
            return Err(bug("appears twice"));
        }
    }
    Ok(())
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn read(path: &Path) -> Result<Vec<u8>, TaskError> {
    std::fs::read(path).map_err(|e| TaskError(format!("cannot read {}: {e}", path.display())))
}
