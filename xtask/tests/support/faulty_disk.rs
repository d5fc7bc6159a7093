//! A [`Disk`] that fails at a chosen operation: a full disk, a failing rename, or the process
//! being killed (a panic, so that no undo code runs).

use std::cell::Cell;
use std::io;
use std::path::Path;

use xtask::output::Disk;

/// How the disk fails.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The `n`th write writes half its contents, then fails as a full disk does.
    DiskFull,
    /// The `n`th rename fails.
    RenameFails,
    /// The `n`th write or rename is cut short by the process dying: a write leaves half its
    /// contents, then the run stops without undoing anything.
    Killed,
}

/// Fails with `fault` at the operation numbered `at` (from 0) of the kind it applies to.
pub struct FaultyDisk {
    fault: Fault,
    at: usize,
    seen: Cell<usize>,
    /// Whether the fault happened.
    pub struck: Cell<bool>,
}

/// The panic payload of [`Fault::Killed`].
pub const KILLED: &str = "killed by the test";

impl FaultyDisk {
    pub fn new(fault: Fault, at: usize) -> FaultyDisk {
        FaultyDisk { fault, at, seen: Cell::new(0), struck: Cell::new(false) }
    }

    /// Whether this operation is the one that fails.
    fn strikes(&self, applies: bool) -> bool {
        if !applies {
            return false;
        }
        let n = self.seen.get();
        self.seen.set(n + 1);
        let strikes = n == self.at;
        if strikes {
            self.struck.set(true);
        }
        strikes
    }
}

impl Disk for FaultyDisk {
    fn write(&self, path: &Path, contents: &[u8]) -> io::Result<()> {
        if self.strikes(matches!(self.fault, Fault::DiskFull | Fault::Killed)) {
            std::fs::write(path, &contents[..contents.len() / 2])?;
            if self.fault == Fault::Killed {
                std::panic::panic_any(KILLED);
            }
            return Err(io::Error::new(io::ErrorKind::StorageFull, "No space left on device"));
        }
        std::fs::write(path, contents)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        if self.strikes(matches!(self.fault, Fault::RenameFails | Fault::Killed)) {
            if self.fault == Fault::Killed {
                std::panic::panic_any(KILLED);
            }
            return Err(io::Error::new(io::ErrorKind::PermissionDenied, "rename refused by the test"));
        }
        std::fs::rename(from, to)
    }
}
