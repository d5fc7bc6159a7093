//! What `validate()` checks for a member, and whether its value is sensitive: both are decided
//! from the member's traits and those of the shapes it reaches, down through lists and maps,
//! stopping at generated types (which check and redact themselves).
//!
//! A constraint is checked only where it means something for the value's Rust type: `@length`
//! on strings, lists, maps, blobs and string enums; `@range` on numbers and `intEnum`s;
//! `@pattern` on strings and string enums; enums are checked by their value whether it is known
//! or not. A `@pattern` the engine cannot use is left out with a warning naming the shape and
//! the pattern, and a note in the docs of every member it would apply to.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use smithy_model::{Bounds, Member, Model, Shape, ShapeKind, Traits};

use super::names::NamedKind;
use super::types::RustType;
use crate::error::Warning;
use crate::naming;
use crate::pattern::{self, Translated};

/// `@length` bounds, as counts of characters (Unicode scalar values), items or bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Length {
    /// The inclusive minimum.
    pub min: Option<u64>,
    /// The inclusive maximum.
    pub max: Option<u64>,
}

/// `@range` bounds, as the model writes them.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Range {
    /// The inclusive minimum.
    pub min: Option<serde_json::Number>,
    /// The inclusive maximum.
    pub max: Option<serde_json::Number>,
}

/// The checks on one value: its own constraints, and those of the values inside it. Equal
/// checks share one constant in the generated crate, named after their origin.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Checks {
    /// Where the constraints come from: the target shape when the member adds nothing to it
    /// (`AttributeNameType`), else the member (`AdminCreateUserRequest_Username`).
    pub origin: String,
    /// `@length`.
    pub length: Option<Length>,
    /// `@range`.
    pub range: Option<Range>,
    /// `@pattern`, translated for the engine.
    pub pattern: Option<Translated>,
    /// Whether a violation must not show the value (it is `@sensitive`, or inside something
    /// that is); set only where a violation could show it.
    pub sensitive: bool,
    /// The checks of each list item or map value, when they need any.
    pub items: Option<Box<Checks>>,
    /// The checks of each map key, when they need any (a sensitive key is hidden in paths).
    pub keys: Option<Box<Checks>>,
}

impl Checks {
    /// Whether the value has no constraint of its own and nothing inside it is checked: it is
    /// only walked into (a generated type checks itself).
    pub fn is_none(&self) -> bool {
        let Checks { origin: _, length, range, pattern, sensitive, items, keys } = self;
        length.is_none() && range.is_none() && pattern.is_none() && !sensitive && items.is_none() && keys.is_none()
    }
}

/// A `@pattern` that `validate()` leaves out, for the docs of a member it applies to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UncheckedPattern {
    /// The shape or member that carries the trait.
    pub place: String,
    /// The model's pattern.
    pub pattern: String,
    /// Why it cannot be checked.
    pub reason: String,
}

/// The constraints of the whole crate, once every member has been built.
#[derive(Debug, Default)]
pub struct Constraints {
    /// The name of each distinct pattern's `static` in the generated `patterns` module.
    pub patterns: BTreeMap<Translated, String>,
    /// The name of each distinct [`Checks`] (other than none) in the generated `constraints`
    /// module: its origin, made unique.
    pub names: HashMap<Checks, String>,
    /// Constraints left out of `validate()`, sorted by place.
    pub warnings: Vec<Warning>,
}

/// Builds the checks of every member, sharing pattern translations (a model repeats a few
/// dozen patterns on hundreds of members, and compiling each once is most of the type space's
/// build time), and collects every distinct set of checks to name its constant.
#[derive(Debug, Default)]
pub struct Builder {
    translations: HashMap<String, Result<Translated, String>>,
    pattern_origins: BTreeMap<Translated, BTreeSet<String>>,
    checks: BTreeMap<String, Vec<Checks>>,
    warnings: BTreeSet<Warning>,
    /// The patterns left out of the member being built.
    unchecked: Vec<UncheckedPattern>,
}

impl Builder {
    /// The checks of `member` of `shape`, whose Rust type (before `Option`) is `ty`: `None` when
    /// `validate()` has nothing to do with it. With them, the patterns left out, for its docs.
    pub fn member(
        &mut self,
        model: &Model,
        shape: &Shape,
        member: &Member,
        ty: &RustType,
    ) -> (Option<Checks>, Vec<UncheckedPattern>) {
        let place = format!("{}${}", shape.id, member.name);
        let checks = self.value(model, &place, member, ty, shape.traits.sensitive, false);
        (checks, std::mem::take(&mut self.unchecked))
    }

    /// The checks of a value held by `member` (at `place`), inside something sensitive when
    /// `inside_sensitive`. Sensitivity is kept where a violation could show the value, and
    /// always with `in_paths` (a map key, which paths show).
    fn value(
        &mut self,
        model: &Model,
        place: &str,
        member: &Member,
        ty: &RustType,
        inside_sensitive: bool,
        in_paths: bool,
    ) -> Option<Checks> {
        let traits = model.effective_traits(member);
        let sensitive = traits.sensitive || inside_sensitive;
        let named = match ty {
            RustType::Named(named) => Some(named.kind),
            _ => None,
        };
        let enumeration = matches!(named, Some(NamedKind::Enum | NamedKind::IntEnum));
        let has_length = matches!(ty, RustType::String | RustType::List { .. } | RustType::Map { .. } | RustType::Blob)
            || named == Some(NamedKind::Enum);
        let has_range = matches!(
            ty,
            RustType::I8
                | RustType::I16
                | RustType::I32
                | RustType::I64
                | RustType::F32
                | RustType::F64
                | RustType::BigNumber
        ) || named == Some(NamedKind::IntEnum);
        let has_pattern = matches!(ty, RustType::String) || named == Some(NamedKind::Enum);

        let length = traits.length.as_ref().filter(|_| has_length).map(length_of);
        let range = traits
            .range
            .as_ref()
            .filter(|_| has_range)
            .map(|Bounds { min, max }| Range { min: min.clone(), max: max.clone() });
        let pattern = match &traits.pattern {
            Some(source) if has_pattern => {
                // The trait is on the member, or else on its target.
                let holder = if member.traits.pattern.is_some() { place.to_owned() } else { member.target.to_string() };
                self.pattern(source, &holder)
            }
            _ => None,
        };
        let (items, keys) = match (model.shape(&member.target).map(|s| &s.kind), ty) {
            (Some(ShapeKind::List { member: item, .. }), RustType::List { item: item_ty, .. }) => {
                let place = format!("{}${}", member.target, item.name);
                (self.value(model, &place, item, item_ty, sensitive, false), None)
            }
            (Some(ShapeKind::Map { key, value }), RustType::Map { value: value_ty, .. }) => {
                let value_place = format!("{}${}", member.target, value.name);
                let items = self.value(model, &value_place, value, value_ty, sensitive, false);
                // A key shows in the paths of its own violations and its value's: a sensitive
                // one is hidden there.
                let key_traits = model.effective_traits(key);
                let in_paths = items.is_some() || key_traits.length.is_some() || key_traits.pattern.is_some();
                let key_place = format!("{}${}", member.target, key.name);
                let keys = self.value(model, &key_place, key, &RustType::String, sensitive, in_paths);
                (items, keys)
            }
            _ => (None, None),
        };
        let shows_value = range.is_some() || pattern.is_some() || enumeration;
        let checks = Checks {
            origin: String::new(),
            length,
            range,
            pattern,
            sensitive: sensitive && (shows_value || in_paths),
            items: items.map(Box::new),
            keys: keys.map(Box::new),
        };
        if checks.is_none() {
            // Generated types are walked into, for their own checks.
            return named.map(|_| checks);
        }
        Some(self.named(checks, place, member, inside_sensitive))
    }

    /// Sets where `checks` comes from (the target shape when the member adds nothing to it,
    /// else the member at `place`) and keeps it, to name its constant.
    fn named(&mut self, mut checks: Checks, place: &str, member: &Member, inside_sensitive: bool) -> Checks {
        let own = &member.traits;
        let adds =
            own.length.is_some() || own.range.is_some() || own.pattern.is_some() || own.sensitive || inside_sensitive;
        checks.origin = constant_origin(if adds { place } else { member.target.name() });
        let same_origin = self.checks.entry(checks.origin.clone()).or_default();
        if !same_origin.contains(&checks) {
            same_origin.push(checks.clone());
        }
        checks
    }

    /// The translation of a pattern carried by `holder`, or `None` (with a warning, and a note
    /// for the member being built) when it cannot be used.
    fn pattern(&mut self, source: &str, holder: &str) -> Option<Translated> {
        let translated = self.translations.entry(source.to_owned()).or_insert_with(|| pattern::translate(source));
        match translated {
            Ok(translated) => {
                self.pattern_origins.entry(translated.clone()).or_default().insert(constant_origin(holder));
                Some(translated.clone())
            }
            Err(reason) => {
                self.warnings.insert(Warning::new(
                    holder,
                    format!("the @pattern `{source}` is left out of validate(): {reason}"),
                ));
                self.unchecked.push(UncheckedPattern {
                    place: holder.to_owned(),
                    pattern: source.to_owned(),
                    reason: reason.clone(),
                });
                None
            }
        }
    }

    /// Names every distinct pattern and set of checks, and returns the warnings.
    pub fn finish(self) -> Constraints {
        let first = |origins: BTreeSet<String>| origins.into_iter().next().unwrap_or_default();
        let patterns = names(self.pattern_origins.into_iter().map(|(p, origins)| (p, first(origins))).collect());
        // By origin, then (for the seldom origin whose members differ) in the order first built.
        let checks = self.checks.into_values().flatten().map(|checks| {
            let origin = checks.origin.clone();
            (checks, origin)
        });
        Constraints {
            patterns: patterns.into_iter().collect(),
            names: names(checks.collect()).into_iter().collect(),
            warnings: self.warnings.into_iter().collect(),
        }
    }
}

/// A constant's name for each item, in order: its origin in SHOUTY_SNAKE_CASE, made unique.
fn names<K>(items: Vec<(K, String)>) -> Vec<(K, String)> {
    let (keys, origins): (Vec<K>, Vec<String>) = items.into_iter().unzip();
    let names = naming::disambiguate(origins.iter().map(|o| heck::ToShoutySnakeCase::to_shouty_snake_case(o.as_str())));
    keys.into_iter().zip(names).collect()
}

/// `ns#Shape` → `Shape`, `ns#Shape$member` → `Shape_member`; a name that does not start with a
/// letter (`__`, `_1`) gets a `P` in front, so that it makes a constant.
fn constant_origin(place: &str) -> String {
    let origin = place.rsplit('#').next().unwrap_or(place).replace('$', "_");
    if origin.starts_with(|c: char| c.is_ascii_alphabetic()) {
        origin
    } else {
        format!("P{origin}")
    }
}

fn length_of(bounds: &Bounds) -> Length {
    let count = |n: &serde_json::Number| n.as_u64().unwrap_or_else(|| n.as_f64().unwrap_or_default().max(0.0) as u64);
    Length { min: bounds.min.as_ref().map(count), max: bounds.max.as_ref().map(count) }
}

/// Whether a member's value must be redacted in `Debug`: the member, its target, or the items,
/// keys or values of the lists and maps it holds are `@sensitive`. Generated types that are
/// sensitive redact themselves, so the walk stops at them.
pub fn redacted(model: &Model, traits: &Traits, target: &smithy_model::ShapeId) -> bool {
    traits.sensitive || reaches_sensitive(model, target)
}

fn reaches_sensitive(model: &Model, target: &smithy_model::ShapeId) -> bool {
    let shape = model.expect(target);
    match &shape.kind {
        ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) => false,
        ShapeKind::List { member, .. } => shape.traits.sensitive || redacted(model, &member.traits, &member.target),
        ShapeKind::Map { key, value } => {
            shape.traits.sensitive
                || redacted(model, &key.traits, &key.target)
                || redacted(model, &value.traits, &value.target)
        }
        _ => shape.traits.sensitive,
    }
}
