//! Which members must be boxed so that recursive types have a finite size.
//!
//! Only structure-to-structure (or union) edges without a collection in between make a type
//! infinite; `Vec` and `HashMap` already allocate. The shapes are walked depth-first in shape-ID
//! order and every edge that closes a cycle (a back edge) is boxed: one box per cycle, and the
//! same boxes on every run.

use std::collections::{BTreeMap, BTreeSet};

use smithy_model::{Model, Shape, ShapeId, ShapeKind};

use crate::error::Error;

/// An edge of the containment graph: from a shape through a member to a shape.
struct Edge {
    member: String,
    target: ShapeId,
    /// Whether the member must hold a value (required or defaulted structure member).
    required: bool,
}

/// Returns `(shape, member)` pairs to box. A cycle made only of required structure members
/// has no finite value and is an error.
pub fn boxed_members(model: &Model, shapes: &[&Shape]) -> Result<BTreeSet<(ShapeId, String)>, Error> {
    let edges: BTreeMap<&ShapeId, Vec<Edge>> = shapes.iter().map(|s| (&s.id, direct_edges(model, s))).collect();
    let mut walk = Walk { edges: &edges, state: BTreeMap::new(), path: Vec::new(), boxed: BTreeSet::new() };
    for shape in shapes {
        if !walk.state.contains_key(&shape.id) {
            walk.visit(&shape.id)?;
        }
    }
    Ok(walk.boxed)
}

fn direct_edges(model: &Model, shape: &Shape) -> Vec<Edge> {
    let (members, is_union) = match &shape.kind {
        ShapeKind::Structure(members) => (members, false),
        ShapeKind::Union(members) => (members, true),
        _ => return Vec::new(),
    };
    members
        .iter()
        .filter(|m| matches!(model.expect(&m.target).kind, ShapeKind::Structure(_) | ShapeKind::Union(_)))
        .filter(|m| !m.target.is_unit())
        .map(|m| Edge { member: m.name.clone(), target: m.target.clone(), required: !is_union && m.traits.required })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    OnPath,
    Done,
}

struct Walk<'a> {
    edges: &'a BTreeMap<&'a ShapeId, Vec<Edge>>,
    state: BTreeMap<ShapeId, State>,
    /// The current path: shape and the member taken out of it.
    path: Vec<(ShapeId, String, bool)>,
    boxed: BTreeSet<(ShapeId, String)>,
}

impl Walk<'_> {
    fn visit(&mut self, id: &ShapeId) -> Result<(), Error> {
        self.state.insert(id.clone(), State::OnPath);
        for edge in self.edges.get(id).map(Vec::as_slice).unwrap_or_default() {
            match self.state.get(&edge.target) {
                Some(State::OnPath) => {
                    self.check_finite(id, edge)?;
                    self.boxed.insert((id.clone(), edge.member.clone()));
                }
                Some(State::Done) => {}
                None => {
                    self.path.push((id.clone(), edge.member.clone(), edge.required));
                    self.visit(&edge.target)?;
                    self.path.pop();
                }
            }
        }
        self.state.insert(id.clone(), State::Done);
        Ok(())
    }

    /// The cycle closed by `edge` is the path from `edge.target` to `from`, then `edge`.
    fn check_finite(&self, from: &ShapeId, edge: &Edge) -> Result<(), Error> {
        let start = self.path.iter().position(|(s, _, _)| *s == edge.target).unwrap_or(self.path.len());
        let cycle = &self.path[start..];
        if edge.required && cycle.iter().all(|(_, _, required)| *required) {
            let steps: Vec<String> = cycle
                .iter()
                .map(|(s, m, _)| format!("{s}${m}"))
                .chain([format!("{from}${}", edge.member)])
                .collect();
            return Err(Error::new(
                edge.target.to_string(),
                format!("a cycle of required members has no finite value: {}", steps.join(" -> ")),
            ));
        }
        Ok(())
    }
}
