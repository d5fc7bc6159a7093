//! The generator's error (which kind of failure, which place, and why) and its warnings.

use std::fmt;

/// What kind of failure an [`Error`] is. Callers decide by kind, never by the message: the CLI
/// says whose problem it is, and the fuzz targets treat [`ErrorKind::Bug`] as a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The model is not valid Smithy, or not coherent (a dangling target, a cycle that has no
    /// finite value, a pagination member that does not exist).
    InvalidModel,
    /// The model is valid but uses something this generator does not support.
    Unsupported,
    /// The generator produced something it should not have: a bug in the generator.
    Bug,
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ErrorKind::InvalidModel => "invalid model",
            ErrorKind::Unsupported => "not supported",
            ErrorKind::Bug => "bug in the generator",
        })
    }
}

/// A model that cannot be turned into Rust: the kind of failure, the place (a shape or member ID,
/// a trait, a file) and the reason. `Display` shows the place and the reason; callers say what
/// the kind means to their users (the CLI does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    /// What kind of failure this is.
    pub kind: ErrorKind,
    /// The shape or member ID, or another description of the place.
    pub place: String,
    /// What is wrong.
    pub reason: String,
}

impl Error {
    /// The model is invalid at `place`.
    pub(crate) fn invalid(place: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidModel, place, reason)
    }

    /// The model uses, at `place`, something the generator does not support.
    pub(crate) fn unsupported(place: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::Unsupported, place, reason)
    }

    /// The generator went wrong at `place`.
    pub(crate) fn bug(place: impl Into<String>, reason: impl Into<String>) -> Error {
        Error::new(ErrorKind::Bug, place, reason)
    }

    fn new(kind: ErrorKind, place: impl Into<String>, reason: impl Into<String>) -> Error {
        Error {
            kind,
            place: smithy_model::error::shorten(place.into()),
            reason: smithy_model::error::shorten(reason.into()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.reason)
    }
}

impl std::error::Error for Error {}

/// Something the generator left out of the crate rather than refuse the model: the place (a shape
/// or member ID) and what was left out and why.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Warning {
    /// The shape or member ID.
    pub place: String,
    /// What was left out, and why.
    pub message: String,
}

impl Warning {
    pub(crate) fn new(place: impl Into<String>, message: impl Into<String>) -> Warning {
        Warning {
            place: smithy_model::error::shorten(place.into()),
            message: smithy_model::error::shorten(message.into()),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl From<smithy_model::LoadError> for Error {
    fn from(e: smithy_model::LoadError) -> Error {
        let kind = match e.kind {
            smithy_model::LoadErrorKind::Invalid => ErrorKind::InvalidModel,
            smithy_model::LoadErrorKind::Unsupported => ErrorKind::Unsupported,
        };
        let place = match &e.file {
            Some(file) if e.place.is_empty() => file.clone(),
            Some(file) => format!("{file}: {}", e.place),
            None => e.place.clone(),
        };
        Error::new(kind, place, e.reason)
    }
}
