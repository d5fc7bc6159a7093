//! The loader's error: where in the input, and why.

use std::fmt;

/// Why a model cannot be loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LoadErrorKind {
    /// The input is not a valid (or not a coherent) Smithy JSON AST model.
    Invalid,
    /// The model is valid Smithy, but uses something the loader does not support.
    Unsupported,
}

/// A model that cannot be loaded: names the file (when known), the place (a shape ID or a JSON
/// path) and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// Whether the model is invalid or unsupported.
    pub kind: LoadErrorKind,
    /// The file the model came from, if it came from a file.
    pub file: Option<String>,
    /// A shape ID (`ns#Shape`, `ns#Shape$member`) or a JSON path (`$.shapes`), or empty.
    pub place: String,
    /// What is wrong.
    pub reason: String,
}

impl LoadError {
    pub(crate) fn new(place: impl Into<String>, reason: impl Into<String>) -> LoadError {
        LoadError {
            kind: LoadErrorKind::Invalid,
            file: None,
            place: shorten(place.into()),
            reason: shorten(reason.into()),
        }
    }

    pub(crate) fn unsupported(place: impl Into<String>, reason: impl Into<String>) -> LoadError {
        LoadError { kind: LoadErrorKind::Unsupported, ..LoadError::new(place, reason) }
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

/// Messages quote names and values from the model; a hostile model's megabyte-long name is cut
/// in the middle, so that a message stays readable.
pub fn shorten(text: String) -> String {
    const KEEP_START: usize = 1000;
    const KEEP_END: usize = 200;
    let count = text.chars().count();
    if count <= KEEP_START + KEEP_END + 100 {
        return text;
    }
    let start: String = text.chars().take(KEEP_START).collect();
    let end: String = text.chars().skip(count - KEEP_END).collect();
    format!("{start}[... {} characters left out ...]{end}", count - KEEP_START - KEEP_END)
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_messages_are_cut_in_the_middle() {
        let text = format!("unknown shape type `{}`", "x".repeat(1_000_000));
        let short = super::shorten(text);
        assert_eq!(short.len(), 1000 + 200 + "[... 998821 characters left out ...]".len());
        assert!(short.starts_with("unknown shape type `xxx") && short.ends_with("xxx`"));
        assert_eq!(super::shorten("short".into()), "short");
    }
}
