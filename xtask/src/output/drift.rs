//! The drift check's findings: what a run would change in a folder, and what is in it that the
//! generator did not write. Derived from the same plan that writing carries out.

use std::fmt;

use super::plan::Plan;

/// A difference between a folder and the files the generator produces. Each holds the path of
/// the file as shown to the user.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Drift {
    /// The generator produces this file, and it is missing.
    Missing(String),
    /// The generator's file differs from what it produces now.
    Stale(String),
    /// The generator's file, which it no longer produces, or a leftover of an interrupted run:
    /// `cargo xtask codegen` removes it.
    Extra(String),
    /// A file (or a folder, ending in `/`) the generator did not write: `cargo xtask codegen`
    /// keeps it, so it must be moved out by hand.
    Foreign(String),
    /// Something the generator did not write, where it writes a file: `cargo xtask codegen`
    /// refuses to run until it is moved away.
    Blocking(String),
}

impl Drift {
    /// Whether `cargo xtask codegen` puts this right.
    pub fn fixed_by_codegen(&self) -> bool {
        matches!(self, Drift::Missing(_) | Drift::Stale(_) | Drift::Extra(_))
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Drift::Missing(path) => write!(f, "missing:  {path}"),
            Drift::Stale(path) => write!(f, "stale:    {path}"),
            Drift::Extra(path) => write!(f, "extra:    {path} (no longer generated)"),
            Drift::Foreign(path) => write!(f, "foreign:  {path} (not written by the generator: move it out)"),
            Drift::Blocking(path) => {
                write!(f, "blocking: {path} (not written by the generator, in the way of a file it writes)")
            }
        }
    }
}

/// Every difference that `plan` shows, sorted; `show` turns a path relative to the folder into
/// the path shown.
pub fn from_plan(plan: &Plan, show: &dyn Fn(&str) -> String) -> Vec<Drift> {
    let mut drift: Vec<Drift> = plan
        .writes
        .iter()
        .map(|w| if w.replaces { Drift::Stale(show(&w.path)) } else { Drift::Missing(show(&w.path)) })
        .chain(plan.removals.iter().chain(&plan.leftovers).map(|p| Drift::Extra(show(p))))
        .chain(plan.kept.iter().map(|p| Drift::Foreign(show(p))))
        .chain(plan.conflicts.iter().map(|c| Drift::Blocking(show(&c.path))))
        .collect();
    drift.sort();
    drift
}
