//! Checking values against the model's constraints (`@length`, `@range`, `@pattern`, enum
//! values) before sending them.
//!
//! Only with the crate's `validate` feature, which is on by default; without it
//! (`default-features = false`) the crate has its types and wire code only, and no regex engine
//! in its build.
//!
//! Every structure and union implements [`Validate`]; import the trait to call `validate()` or
//! `validate_strict()`. All violations are collected in one pass, each with the path of the value
//! (`UserAttributes[2].Name`), the constraint, and the value's length or size — never a value
//! that the model marks `@sensitive`.
//!
//! Enum values that this version of the crate does not know are accepted by
//! [`Validate::validate`] (the service may know them) and reported by
//! [`Validate::validate_strict`].
//!
//! `@pattern`s are checked with [`fancy-regex`](https://docs.rs/fancy-regex), translated by the
//! generator from the model's dialect (Java's `java.util.regex`, which Smithy's tooling uses,
//! with ECMAScript's meaning where the two differ); a value is valid when the pattern matches
//! anywhere in it. One check gives up after [`BACKTRACK_LIMIT`] backtracking steps and reports
//! [`ViolationKind::PatternGaveUp`]; a string longer than its `@length` maximum is reported for
//! its length and not matched at all.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// How many backtracking steps one `@pattern` check may take. Patterns without look-around or
/// back-references never backtrack: they run in time linear in the value.
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// A value that breaks one of the model's constraints.
#[derive(Clone, Debug, PartialEq)]
pub struct Violation {
    /// Where the value is (empty for the value itself): `.` before a member, `[2]` for a list
    /// item, `["key"]` for a map value and `{"key"}` for the key itself, e.g.
    /// `UserAttributes[2].Name` or `Tags{"bad key"}`. A sensitive key shows as
    /// `<sensitive key>`.
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
    /// `@pattern`: the check gave up after [`BACKTRACK_LIMIT`] steps; the value counts as not
    /// matching.
    PatternGaveUp {
        /// The model's pattern.
        pattern: &'static str,
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
            ViolationKind::PatternGaveUp { pattern } => {
                write!(f, "the check of the pattern {pattern} gave up after {BACKTRACK_LIMIT} steps")
            }
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

/// The constraints of one value, and of the values inside it: what a member's `@length`,
/// `@range` and `@pattern` (and those of its list items, map keys and map values) say. The
/// generated code has one constant per distinct set.
#[derive(Clone, Copy, Debug)]
pub struct Constraints {
    length: Option<(Option<u64>, Option<u64>)>,
    range: Option<(Option<f64>, Option<f64>)>,
    pattern: Option<&'static Pattern>,
    sensitive: bool,
    items: Option<&'static Constraints>,
    keys: Option<&'static Constraints>,
}

impl Constraints {
    /// No constraint: a value that is only walked into (a structure checks its own members).
    pub const NONE: Constraints =
        Constraints { length: None, range: None, pattern: None, sensitive: false, items: None, keys: None };

    /// With `@length` (inclusive bounds).
    pub const fn length(self, min: Option<u64>, max: Option<u64>) -> Constraints {
        Constraints { length: Some((min, max)), ..self }
    }

    /// With `@range` (inclusive bounds).
    pub const fn range(self, min: Option<f64>, max: Option<f64>) -> Constraints {
        Constraints { range: Some((min, max)), ..self }
    }

    /// With `@pattern`.
    pub const fn pattern(self, pattern: &'static Pattern) -> Constraints {
        Constraints { pattern: Some(pattern), ..self }
    }

    /// With a value that violations must not show.
    pub const fn sensitive(self) -> Constraints {
        Constraints { sensitive: true, ..self }
    }

    /// With constraints on each list item or map value (which are walked into only then).
    pub const fn items(self, items: &'static Constraints) -> Constraints {
        Constraints { items: Some(items), ..self }
    }

    /// With constraints on each map key.
    pub const fn keys(self, keys: &'static Constraints) -> Constraints {
        Constraints { keys: Some(keys), ..self }
    }
}

/// A value that constraints apply to: strings, numbers, lists, maps, blobs, enums, `Option`s of
/// those, and every [`Validate`] type (which checks its own members).
pub trait Check {
    /// Records the violations of `constraints` by this value and the values inside it.
    fn check(&self, constraints: &Constraints, validator: &mut Validator);
}

impl<T: Validate + ?Sized> Check for T {
    fn check(&self, _: &Constraints, validator: &mut Validator) {
        self.validate_into(validator);
    }
}

impl<T: Check> Check for Option<T> {
    fn check(&self, constraints: &Constraints, validator: &mut Validator) {
        if let Some(value) = self {
            value.check(constraints, validator);
        }
    }
}

impl Check for String {
    fn check(&self, constraints: &Constraints, validator: &mut Validator) {
        validator.string(self, constraints);
    }
}

impl<T: Check> Check for Vec<T> {
    fn check(&self, constraints: &Constraints, validator: &mut Validator) {
        validator.length(self.len(), constraints);
        if let Some(items) = constraints.items {
            for (index, item) in self.iter().enumerate() {
                let at = validator.enter(format_args!("[{index}]"));
                item.check(items, validator);
                validator.leave(at);
            }
        }
    }
}

/// A byte of a blob (`Vec<u8>`, whose `@length` counts bytes): bytes have no constraints.
impl Check for u8 {
    fn check(&self, _: &Constraints, _: &mut Validator) {}
}

impl<V: Check> Check for HashMap<String, V> {
    fn check(&self, constraints: &Constraints, validator: &mut Validator) {
        validator.length(self.len(), constraints);
        if constraints.items.is_none() && constraints.keys.is_none() {
            return;
        }
        let hidden = constraints.keys.is_some_and(|keys| keys.sensitive);
        for (key, value) in self {
            if let Some(keys) = constraints.keys {
                let at = if hidden {
                    validator.enter(format_args!("{{<sensitive key>}}"))
                } else {
                    validator.enter(format_args!("{{{key:?}}}"))
                };
                validator.string(key, keys);
                validator.leave(at);
            }
            if let Some(items) = constraints.items {
                let at = if hidden {
                    validator.enter(format_args!("[<sensitive key>]"))
                } else {
                    validator.enter(format_args!("[{key:?}]"))
                };
                value.check(items, validator);
                validator.leave(at);
            }
        }
    }
}

macro_rules! numbers {
    ($($number:ty: |$n:ident| $value:expr;)*) => {$(
        impl Check for $number {
            fn check(&self, constraints: &Constraints, validator: &mut Validator) {
                let $n = self;
                validator.number($value, constraints);
            }
        }
    )*};
}

numbers! {
    i8: |n| f64::from(*n);
    i16: |n| f64::from(*n);
    i32: |n| f64::from(*n);
    i64: |n| *n as f64;
    f32: |n| f64::from(*n);
    f64: |n| *n;
    crate::wire::BigNumber: |n| n.as_str().parse().unwrap_or(f64::NAN);
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

    /// Appends a step to the path; returns what [`Validator::leave`] cuts it back to.
    fn enter(&mut self, step: fmt::Arguments<'_>) -> usize {
        let at = self.path.len();
        fmt::Write::write_fmt(&mut self.path, step).expect("writing to a String cannot fail");
        at
    }

    fn leave(&mut self, at: usize) {
        self.path.truncate(at);
    }

    /// Checks the member `name` (a field, or the variant of a union that is set).
    pub fn member<T: Check + ?Sized>(&mut self, name: &str, value: &T, constraints: &Constraints) {
        let at =
            if self.path.is_empty() { self.enter(format_args!("{name}")) } else { self.enter(format_args!(".{name}")) };
        value.check(constraints, self);
        self.leave(at);
    }

    /// Checks the member `name` that has no constraint of its own: a structure, union or enum.
    pub fn nested<T: Check + ?Sized>(&mut self, name: &str, value: &T) {
        self.member(name, value, &Constraints::NONE);
    }

    fn report(&mut self, kind: ViolationKind) {
        self.violations.push(Violation { path: self.path.clone(), kind });
    }

    /// `@length`; whether the value is longer than the maximum.
    fn length(&mut self, actual: usize, constraints: &Constraints) -> bool {
        let Some((min, max)) = constraints.length else { return false };
        let actual = actual as u64;
        let too_long = max.is_some_and(|max| actual > max);
        if too_long || min.is_some_and(|min| actual < min) {
            self.report(ViolationKind::Length { min, max, actual });
        }
        too_long
    }

    /// `@length` (in characters) and `@pattern`, which is not run on a value that is too long.
    fn string(&mut self, value: &str, constraints: &Constraints) {
        let too_long = constraints.length.is_some() && self.length(value.chars().count(), constraints);
        let Some(pattern) = constraints.pattern.filter(|_| !too_long) else { return };
        match pattern.matches(value) {
            Some(true) => {}
            Some(false) => {
                let value = (!constraints.sensitive).then(|| value.to_owned());
                self.report(ViolationKind::Pattern { pattern: pattern.source, value });
            }
            None => self.report(ViolationKind::PatternGaveUp { pattern: pattern.source }),
        }
    }

    /// `@range`.
    fn number(&mut self, actual: f64, constraints: &Constraints) {
        let Some((min, max)) = constraints.range else { return };
        if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
            let actual = (!constraints.sensitive).then_some(actual);
            self.report(ViolationKind::Range { min, max, actual });
        }
    }

    /// A string enum's value: its constraints, and whether it is known (reported only when
    /// validation is strict).
    pub fn enum_value(&mut self, value: &str, known: bool, constraints: &Constraints) {
        self.string(value, constraints);
        self.unknown(known, constraints, || value.to_owned());
    }

    /// An `intEnum`'s value: its `@range`, and whether it is known (reported only when
    /// validation is strict).
    pub fn int_enum_value(&mut self, value: i32, known: bool, constraints: &Constraints) {
        self.number(f64::from(value), constraints);
        self.unknown(known, constraints, || value.to_string());
    }

    fn unknown(&mut self, known: bool, constraints: &Constraints, value: impl FnOnce() -> String) {
        if self.strict && !known {
            let value = (!constraints.sensitive).then(value);
            self.report(ViolationKind::UnknownEnumValue { value });
        }
    }
}

/// A model `@pattern` and its translation, compiled on first use.
pub struct Pattern {
    /// The model's pattern.
    pub source: &'static str,
    translated: &'static str,
    regex: OnceLock<fancy_regex::Regex>,
}

impl Pattern {
    /// The model's pattern `source` and its translation for fancy-regex, which the generator
    /// compiled with the same engine.
    pub const fn new(source: &'static str, translated: &'static str) -> Pattern {
        Pattern { source, translated, regex: OnceLock::new() }
    }

    /// Whether the pattern matches anywhere in `value`; `None` when the check gave up after
    /// [`BACKTRACK_LIMIT`] steps.
    pub fn matches(&self, value: &str) -> Option<bool> {
        let regex = self.regex.get_or_init(|| {
            fancy_regex::RegexBuilder::new(self.translated)
                .backtrack_limit(BACKTRACK_LIMIT)
                .build()
                .expect("the generator compiled this pattern with the same engine")
        });
        regex.is_match(value).ok()
    }
}

impl fmt::Debug for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}
