//! The loader's error: where in the input, and why.

use std::fmt;

/// A model that cannot be loaded: names the file (when known), the place (a shape ID or a JSON
/// path) and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// The file the model came from, if it came from a file.
    pub file: Option<String>,
    /// A shape ID (`ns#Shape`, `ns#Shape$member`) or a JSON path (`$.shapes`), or empty.
    pub place: String,
    /// What is wrong.
    pub reason: String,
}

impl LoadError {
    pub(crate) fn new(place: impl Into<String>, reason: impl Into<String>) -> LoadError {
        LoadError { file: None, place: place.into(), reason: reason.into() }
    }

    pub(crate) fn in_file(mut self, file: &str) -> LoadError {
        self.file = Some(file.to_owned());
        self
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}: ")?;
        }
        if !self.place.is_empty() {
            write!(f, "{}: ", self.place)?;
        }
        f.write_str(&self.reason)
    }
}

impl std::error::Error for LoadError {}
