//! Checks that a loaded model is coherent: every reference resolves to a shape of the right kind.

use std::collections::BTreeSet;

use crate::error::LoadError;
use crate::shape::{Shape, ShapeKind, Simple};
use crate::{Model, ShapeId};

/// Validates every shape of the model; the first problem found is returned.
pub fn validate(model: &Model) -> Result<(), LoadError> {
    for shape in model.shapes() {
        validate_shape(model, shape)?;
    }
    check_collection_cycles(model)
}

/// The lists and maps that a list or map holds directly.
fn collection_targets<'m>(model: &'m Model, shape: &'m Shape) -> Vec<&'m ShapeId> {
    let is_collection = |kind: &ShapeKind| matches!(kind, ShapeKind::List { .. } | ShapeKind::Map { .. });
    if !is_collection(&shape.kind) {
        return Vec::new();
    }
    shape
        .kind
        .members()
        .into_iter()
        .map(|m| &m.target)
        .filter(|t| model.shape(t).is_some_and(|s| is_collection(&s.kind)))
        .collect()
}

/// Smithy allows recursion only through a structure or union: a list or map that contains
/// itself through lists and maps alone has no end. Walked with an explicit stack, so that long
/// chains of lists cannot overflow the call stack.
fn check_collection_cycles(model: &Model) -> Result<(), LoadError> {
    use std::collections::BTreeMap;
    // Per shape: `false` while on the current path, `true` once done.
    let mut state: BTreeMap<&ShapeId, bool> = BTreeMap::new();
    for root in model.shapes() {
        if state.contains_key(&root.id) || collection_targets(model, root).is_empty() {
            continue;
        }
        state.insert(&root.id, false);
        let mut stack: Vec<(&ShapeId, Vec<&ShapeId>)> = vec![(&root.id, collection_targets(model, root))];
        while let Some((id, targets)) = stack.last_mut() {
            let id = *id;
            let Some(target) = targets.pop() else {
                state.insert(id, true);
                stack.pop();
                continue;
            };
            match state.get(target) {
                Some(true) => {}
                Some(false) => {
                    let start = stack.iter().position(|(s, _)| *s == target).unwrap_or_default();
                    let cycle: Vec<String> =
                        stack[start..].iter().map(|(s, _)| s.to_string()).chain([target.to_string()]).collect();
                    return Err(LoadError::new(
                        target.to_string(),
                        format!(
                            "lists and maps contain each other without a structure or union in between, so a value never ends: {}",
                            cycle.join(" -> ")
                        ),
                    ));
                }
                None => {
                    state.insert(target, false);
                    let next = collection_targets(model, model.expect(target));
                    stack.push((target, next));
                }
            }
        }
    }
    Ok(())
}

fn validate_shape(model: &Model, shape: &Shape) -> Result<(), LoadError> {
    let id = &shape.id;
    for member in shape.kind.members() {
        let place = format!("{id}${}", member.name);
        let target = resolve(model, &member.target, &place, "member target")?;
        if matches!(target.kind, ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_)) {
            return Err(LoadError::new(
                place,
                format!("a member cannot target the {} `{}`", target.kind.type_name(), target.id),
            ));
        }
        // `Unit` is the value of union members (and enum members, and operations without input
        // or output) that carry none; a structure, list or map member needs a value.
        if member.target.is_unit() && !matches!(shape.kind, ShapeKind::Union(_)) {
            return Err(LoadError::new(
                place,
                format!("only union members may target `smithy.api#Unit`, not {} members", shape.kind.type_name()),
            ));
        }
    }
    match &shape.kind {
        ShapeKind::Map { key, .. } => {
            let target = model.expect(&key.target);
            if !matches!(target.kind, ShapeKind::Simple(Simple::String) | ShapeKind::Enum(_)) {
                return Err(LoadError::new(
                    format!("{id}$key"),
                    format!(
                        "a map key must target a string or enum, not the {} `{}`",
                        target.kind.type_name(),
                        target.id
                    ),
                ));
            }
        }
        ShapeKind::Enum(values) => {
            let mut seen = BTreeSet::new();
            for value in values {
                if !seen.insert(value.value.as_str()) {
                    return Err(LoadError::new(
                        id.to_string(),
                        format!("the enum value `{}` appears twice", value.value),
                    ));
                }
            }
        }
        ShapeKind::IntEnum(values) => {
            let mut seen = BTreeSet::new();
            for value in values {
                if !seen.insert(value.value) {
                    return Err(LoadError::new(
                        id.to_string(),
                        format!("the intEnum value {} appears twice", value.value),
                    ));
                }
            }
        }
        ShapeKind::Operation(op) => {
            expect_structure(model, &op.input, &format!("{id}: input"))?;
            expect_structure(model, &op.output, &format!("{id}: output"))?;
            for error in &op.errors {
                expect_error(model, error, &format!("{id}: errors"))?;
            }
        }
        ShapeKind::Service(svc) => {
            for op in &svc.operations {
                expect_kind(model, op, &format!("{id}: operations"), "operation", |k| {
                    matches!(k, ShapeKind::Operation(_))
                })?;
            }
            for res in &svc.resources {
                expect_kind(model, res, &format!("{id}: resources"), "resource", |k| {
                    matches!(k, ShapeKind::Resource(_))
                })?;
            }
            for error in &svc.errors {
                expect_error(model, error, &format!("{id}: errors"))?;
            }
        }
        ShapeKind::Resource(res) => {
            for op in &res.operations {
                expect_kind(model, op, &format!("{id}: operations"), "operation", |k| {
                    matches!(k, ShapeKind::Operation(_))
                })?;
            }
            for child in &res.resources {
                expect_kind(model, child, &format!("{id}: resources"), "resource", |k| {
                    matches!(k, ShapeKind::Resource(_))
                })?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn resolve<'m>(model: &'m Model, target: &ShapeId, place: &str, what: &str) -> Result<&'m Shape, LoadError> {
    model.shape(target).ok_or_else(|| LoadError::new(place, format!("{what} `{target}` does not exist in the model")))
}

fn expect_kind(
    model: &Model,
    target: &ShapeId,
    place: &str,
    expected: &str,
    check: impl Fn(&ShapeKind) -> bool,
) -> Result<(), LoadError> {
    let shape = resolve(model, target, place, "reference")?;
    if check(&shape.kind) {
        Ok(())
    } else {
        Err(LoadError::new(
            place,
            format!(
                "`{target}` must be {} {expected}, but it is {} {}",
                article(expected),
                article(shape.kind.type_name()),
                shape.kind.type_name()
            ),
        ))
    }
}

fn expect_structure(model: &Model, target: &ShapeId, place: &str) -> Result<(), LoadError> {
    expect_kind(model, target, place, "structure", |k| matches!(k, ShapeKind::Structure(_)))
}

fn expect_error(model: &Model, target: &ShapeId, place: &str) -> Result<(), LoadError> {
    expect_structure(model, target, place)?;
    if model.expect(target).traits.error.is_none() {
        return Err(LoadError::new(
            place,
            format!("`{target}` is listed as an error but has no `smithy.api#error` trait"),
        ));
    }
    Ok(())
}

fn article(word: &str) -> &'static str {
    // "a union": the `u` sounds like "you".
    if word.starts_with(['a', 'e', 'i', 'o']) {
        "an"
    } else {
        "a"
    }
}
