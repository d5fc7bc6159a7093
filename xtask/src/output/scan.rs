//! Lists what a folder holds, without following links, so that a plan can tell every entry
//! apart: a file, a folder, a folder not looked into, or something else (a link, a socket).

use std::collections::BTreeMap;
use std::path::Path;

use super::ownership::NOT_OURS;
use crate::TaskError;

/// What an entry of the folder is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A regular file.
    File,
    /// A folder whose entries are listed too.
    Folder,
    /// A folder that was not looked into.
    Unlisted,
    /// A symbolic link, socket, pipe or device, or an entry whose name is not UTF-8: never
    /// read, never followed.
    Other,
}

/// Every entry under `dir` by its relative path (with `/`), skipping [`NOT_OURS`] at the top.
/// Folders for which `look_into` says no are listed as [`Kind::Unlisted`], without their
/// entries. A missing `dir` has no entries.
pub fn scan(dir: &Path, look_into: &dyn Fn(&str) -> bool) -> Result<BTreeMap<String, Kind>, TaskError> {
    let mut entries = BTreeMap::new();
    let mut folders = vec![String::new()];
    while let Some(folder) = folders.pop() {
        let path = if folder.is_empty() { dir.to_path_buf() } else { dir.join(&folder) };
        let error = |e: std::io::Error| TaskError(format!("cannot read {}: {e}", path.display()));
        let listing = match std::fs::read_dir(&path) {
            Ok(listing) => listing,
            Err(e) if folder.is_empty() && e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(error(e)),
        };
        for entry in listing {
            let entry = entry.map_err(error)?;
            let file_name = entry.file_name();
            // A name that is not UTF-8 is never the generator's; it is listed, never read.
            let readable = file_name.to_str().is_some();
            let name = file_name.to_string_lossy().into_owned();
            if folder.is_empty() && NOT_OURS.contains(&name.as_str()) {
                continue;
            }
            let relative = if folder.is_empty() { name } else { format!("{folder}/{name}") };
            let file_type = entry.file_type().map_err(error)?;
            let kind = if !readable {
                Kind::Other
            } else if file_type.is_file() {
                Kind::File
            } else if file_type.is_dir() && look_into(&relative) {
                folders.push(relative.clone());
                Kind::Folder
            } else if file_type.is_dir() {
                Kind::Unlisted
            } else {
                Kind::Other
            };
            entries.insert(relative, kind);
        }
    }
    Ok(entries)
}
