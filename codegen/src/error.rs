//! The generator's error: which shape, and why it cannot be generated.

use std::fmt;

/// A model that cannot be turned into Rust: names the place (a shape or member ID) and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// The shape or member ID, or another description of the place.
    pub place: String,
    /// What is wrong.
    pub reason: String,
}

impl Error {
    pub(crate) fn new(place: impl Into<String>, reason: impl Into<String>) -> Error {
        Error { place: smithy_model::error::shorten(place.into()), reason: smithy_model::error::shorten(reason.into()) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

impl std::error::Error for Error {}

impl From<smithy_model::LoadError> for Error {
    fn from(e: smithy_model::LoadError) -> Error {
        Error::new(e.place.clone(), e.to_string())
    }
}
