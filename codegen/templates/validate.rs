//! Checking values against the model's constraints (`@length`, `@range`, `@pattern`, enum
//! values) before sending them.
//!
//! Every structure and union implements [`Validate`]; structures also have an inherent
//! `validate()`. All violations are collected in one pass, each with the path of the value
//! (`UserAttributes[2].Name`), the constraint, and the value's length or size — never a value
//! that the model marks `@sensitive`.
//!
//! Enum values that this version of the crate does not know are accepted by
//! [`Validate::validate`] (the service may know them) and reported by
//! [`Validate::validate_strict`].

use std::fmt;

/// A value that breaks one of the model's constraints.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    /// Where the value is, e.g. `UserAttributes[2].Name` (empty for the value itself).
    pub path: String,
    /// What is wrong.
    pub kind: ViolationKind,
}

/// The constraint that a value breaks.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ViolationKind {
    /// `@length`: the length (characters, items or bytes) is out of bounds.
    Length {
        /// The inclusive minimum.
        min: Option<u64>,
        /// The inclusive maximum.
        max: Option<u64>,
        /// The value's length.
        actual: u64,
    },
    /// `@range`: the number is out of bounds.
    Range {
        /// The inclusive minimum.
        min: Option<f64>,
        /// The inclusive maximum.
        max: Option<f64>,
        /// The value (`None` when it is sensitive).
        actual: Option<f64>,
    },
    /// `@pattern`: the string does not match.
    Pattern {
        /// The model's pattern.
        pattern: &'static str,
        /// The value (`None` when it is sensitive).
        value: Option<String>,
    },
    /// An enum value that this version of the crate does not know (strict validation only).
    UnknownEnumValue {
        /// The value (`None` when it is sensitive).
        value: Option<String>,
    },
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        let bounds = |f: &mut fmt::Formatter<'_>, min: Option<String>, max: Option<String>| match (min, max) {
            (Some(min), Some(max)) => write!(f, "between {min} and {max}"),
            (Some(min), None) => write!(f, "at least {min}"),
            (None, Some(max)) => write!(f, "at most {max}"),
            (None, None) => write!(f, "unbounded"),
        };
        match &self.kind {
            ViolationKind::Length { min, max, actual } => {
                write!(f, "length {actual} is not ")?;
                bounds(f, min.map(|m| m.to_string()), max.map(|m| m.to_string()))
            }
            ViolationKind::Range { min, max, actual } => {
                match actual {
                    Some(actual) => write!(f, "{actual} is not ")?,
                    None => write!(f, "the (sensitive) value is not ")?,
                }
                bounds(f, min.map(|m| m.to_string()), max.map(|m| m.to_string()))
            }
            ViolationKind::Pattern { pattern, value } => match value {
                Some(value) => write!(f, "{value:?} does not match the pattern {pattern}"),
                None => write!(f, "the (sensitive) value does not match the pattern {pattern}"),
            },
            ViolationKind::UnknownEnumValue { value } => match value {
                Some(value) => write!(f, "{value:?} is not a known value"),
                None => write!(f, "the (sensitive) value is not a known value"),
            },
        }
    }
}

/// Every violation found in a value.
#[derive(Clone, Debug, PartialEq)]
pub struct Violations(pub Vec<Violation>);

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} constraint violation(s)", self.0.len())?;
        for violation in &self.0 {
            write!(f, "\n- {violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// A type whose values can be checked against the model's constraints.
pub trait Validate {
    /// Records every violation in `self` (and the values inside it) into `validator`.
    fn validate_into(&self, validator: &mut Validator);

    /// Checks every constraint; unknown enum values are accepted.
    fn validate(&self) -> Result<(), Violations> {
        Validator::run(self, false)
    }

    /// Checks every constraint, and reports enum values this crate does not know.
    fn validate_strict(&self) -> Result<(), Violations> {
        Validator::run(self, true)
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_into(&self, validator: &mut Validator) {
        (**self).validate_into(validator);
    }
}

/// Collects violations while walking a value.
#[derive(Debug)]
pub struct Validator {
    path: String,
    strict: bool,
    violations: Vec<Violation>,
}

impl Validator {
    fn run<T: Validate + ?Sized>(value: &T, strict: bool) -> Result<(), Violations> {
        let mut validator = Validator { path: String::new(), strict, violations: Vec::new() };
        value.validate_into(&mut validator);
        if validator.violations.is_empty() {
            Ok(())
        } else {
            Err(Violations(validator.violations))
        }
    }

    fn within(&mut self, step: fmt::Arguments<'_>, check: impl FnOnce(&mut Validator)) {
        let length = self.path.len();
        fmt::Write::write_fmt(&mut self.path, step).expect("writing to a String cannot fail");
        check(self);
        self.path.truncate(length);
    }

    /// Checks inside the member `name`.
    pub fn member(&mut self, name: &str, check: impl FnOnce(&mut Validator)) {
        let dot = if self.path.is_empty() { "" } else { "." };
        self.within(format_args!("{dot}{name}"), check);
    }

    /// Checks inside the list item at `index`.
    pub fn index(&mut self, index: usize, check: impl FnOnce(&mut Validator)) {
        self.within(format_args!("[{index}]"), check);
    }

    /// Checks inside the map value at `key`.
    pub fn key(&mut self, key: &str, check: impl FnOnce(&mut Validator)) {
        self.within(format_args!("[{key:?}]"), check);
    }

    fn report(&mut self, kind: ViolationKind) {
        self.violations.push(Violation { path: self.path.clone(), kind });
    }

    /// `@length`.
    pub fn length(&mut self, actual: usize, min: Option<u64>, max: Option<u64>) {
        let actual = actual as u64;
        if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
            self.report(ViolationKind::Length { min, max, actual });
        }
    }

    /// `@range`.
    pub fn range(&mut self, actual: f64, min: Option<f64>, max: Option<f64>, sensitive: bool) {
        if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
            let actual = (!sensitive).then_some(actual);
            self.report(ViolationKind::Range { min, max, actual });
        }
    }

    /// `@pattern`.
    pub fn pattern(&mut self, value: &str, pattern: &Pattern, sensitive: bool) {
        if !pattern.matches(value) {
            let value = (!sensitive).then(|| value.to_owned());
            self.report(ViolationKind::Pattern { pattern: pattern.source, value });
        }
    }

    /// An enum value, reported when it is unknown and validation is strict.
    pub fn known(&mut self, value: &str, known: bool, sensitive: bool) {
        if self.strict && !known {
            let value = (!sensitive).then(|| value.to_owned());
            self.report(ViolationKind::UnknownEnumValue { value });
        }
    }
}

/// A model `@pattern`, compiled on first use.
pub struct Pattern {
    /// The model's (ECMA 262) pattern.
    pub source: &'static str,
    accept: std::sync::LazyLock<regex::Regex>,
    reject: Option<std::sync::LazyLock<regex::Regex>>,
}

impl Pattern {
    /// A pattern whose translation `accept` must match and `reject` must not (the generator
    /// checked that both compile).
    pub const fn new(
        source: &'static str,
        accept: fn() -> regex::Regex,
        reject: Option<fn() -> regex::Regex>,
    ) -> Pattern {
        Pattern {
            source,
            accept: std::sync::LazyLock::new(accept),
            reject: match reject {
                Some(reject) => Some(std::sync::LazyLock::new(reject)),
                None => None,
            },
        }
    }

    /// Whether `value` matches the pattern.
    pub fn matches(&self, value: &str) -> bool {
        self.accept.is_match(value) && !self.reject.as_ref().is_some_and(|r| r.is_match(value))
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}
