//! What `validate()` checks for a member, and whether its value is sensitive: both are decided
//! from the member's traits and those of the shapes it reaches, down through lists and maps,
//! stopping at generated types (which check and redact themselves).

use smithy_model::{Bounds, Model, ShapeId, ShapeKind, Traits};

use std::collections::{BTreeMap, BTreeSet};

use crate::error::Error;
use crate::naming;
use crate::pattern::{self, Translated};

/// The checks on one value, and on the items (list) or values (map) inside it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Checks {
    /// `@length`: characters of a string, items of a list or map, bytes of a blob.
    pub length: Option<Bounds>,
    /// `@range`.
    pub range: Option<Bounds>,
    /// `@pattern`, translated for the `regex` crate.
    pub pattern: Option<Translated>,
    /// Where the pattern is defined: the target shape's name, or `Shape_Member` for a member.
    pub pattern_origin: String,
    /// Whether the value is `@sensitive` (violations then never show it).
    pub sensitive: bool,
    /// Checks on each list item or map value.
    pub item: Option<Box<Checks>>,
}

impl Checks {
    /// The checks of a member: its effective traits, then those of its target's items.
    pub fn of_member(
        model: &Model,
        patterns: &mut Patterns,
        place: &str,
        traits: &Traits,
        target: &ShapeId,
    ) -> Result<Checks, Error> {
        let shape = model.expect(target);
        let pattern_origin = if shape.traits.pattern.is_some() && shape.traits.pattern == traits.pattern {
            shape.id.name().to_owned()
        } else {
            place.rsplit('#').next().unwrap_or(place).replace('$', "_")
        };
        // The origin names a constant: `__` or `_1` would give none (`` or `1`).
        let pattern_origin = if pattern_origin.starts_with(|c: char| c.is_ascii_alphabetic()) {
            pattern_origin
        } else {
            format!("P{pattern_origin}")
        };
        let pattern = match &traits.pattern {
            Some(p) => Some(patterns.translate(p).map_err(|e| Error::unsupported(place, e))?),
            None => None,
        };
        let item = match &shape.kind {
            ShapeKind::List { member, .. } => Some(member),
            ShapeKind::Map { value, .. } => Some(value),
            _ => None,
        };
        let item = match item {
            Some(m) => {
                let place = format!("{}${}", shape.id, m.name);
                let checks = Checks::of_member(model, patterns, &place, &model.effective_traits(m), &m.target)?;
                (!checks.is_empty()).then(|| Box::new(checks))
            }
            None => None,
        };
        Ok(Checks {
            length: traits.length.clone(),
            range: traits.range.clone(),
            pattern,
            pattern_origin,
            sensitive: traits.sensitive,
            item,
        })
    }

    /// Whether nothing is checked at any depth (sensitivity alone checks nothing).
    pub fn is_empty(&self) -> bool {
        self.length.is_none() && self.range.is_none() && self.pattern.is_none() && self.item.is_none()
    }
}

/// The name of each distinct pattern's `static` in the generated `patterns` module: the first
/// (sorted) shape or member that defines it, in SHOUTY_SNAKE_CASE, made unique.
pub fn pattern_names<'a>(all: impl IntoIterator<Item = &'a Checks>) -> BTreeMap<Translated, String> {
    fn collect(checks: &Checks, out: &mut BTreeMap<Translated, BTreeSet<String>>) {
        if let Some(p) = &checks.pattern {
            out.entry(p.clone()).or_default().insert(checks.pattern_origin.clone());
        }
        if let Some(item) = &checks.item {
            collect(item, out);
        }
    }
    let mut origins = BTreeMap::new();
    for checks in all {
        collect(checks, &mut origins);
    }
    let (translated, first): (Vec<Translated>, Vec<String>) =
        origins.into_iter().map(|(p, origins)| (p, origins.into_iter().next().unwrap_or_default())).unzip();
    let names = naming::disambiguate(first.iter().map(|o| heck::ToShoutySnakeCase::to_shouty_snake_case(o.as_str())));
    translated.into_iter().zip(names).collect()
}

/// Translated patterns by model text: a model repeats a few dozen patterns on hundreds of
/// members, and compiling each once is most of the type space's build time.
#[derive(Debug, Default)]
pub struct Patterns(std::collections::HashMap<String, Result<Translated, String>>);

impl Patterns {
    fn translate(&mut self, source: &str) -> Result<Translated, String> {
        self.0.entry(source.to_owned()).or_insert_with(|| pattern::translate(source)).clone()
    }
}

/// Whether a member's value must be redacted in `Debug`: the member, its target, or the items,
/// keys or values of the lists and maps it holds are `@sensitive`. Generated types that are
/// sensitive redact themselves, so the walk stops at them.
pub fn redacted(model: &Model, traits: &Traits, target: &ShapeId) -> bool {
    traits.sensitive || reaches_sensitive(model, target)
}

fn reaches_sensitive(model: &Model, target: &ShapeId) -> bool {
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
