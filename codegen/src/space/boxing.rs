//! Which members must be boxed so that recursive types have a finite size, and whether every
//! type has a value at all.
//!
//! Only structure-to-structure (or union) edges without a collection in between make a type
//! infinite; `Vec` and `HashMap` already allocate. The shapes are walked depth-first in shape-ID
//! order and every edge that closes a cycle (a back edge) is boxed: one box per cycle, and the
//! same boxes on every run. The walk keeps its own stack, so a chain of any length (100,000
//! structures) is walked without deep recursion.
//!
//! A type must also have a value that can be written and read back: a cycle of required
//! structure members has none, nor has a union whose every member leads back to it. And since
//! `serde_json` reads at most 128 levels of nesting, a type whose every value nests more than
//! [`MAX_VALUE_DEPTH`] objects deep is refused too.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap};

use smithy_model::{Model, Shape, ShapeId, ShapeKind};

use crate::error::Error;

/// The deepest that the smallest value of a type may nest (objects inside objects through
/// required members and union members). `serde_json` refuses input nested more than 128 levels,
/// so a type that cannot be written shallower could never be read.
pub const MAX_VALUE_DEPTH: usize = 64;

/// An edge of the containment graph: from a shape through a member to a shape.
struct Edge {
    member: String,
    target: ShapeId,
    /// Whether the member must hold a value (required or defaulted structure member).
    required: bool,
}

/// Returns `(shape, member)` pairs to box. A cycle made only of required structure members
/// has no finite value and is an error; so is a type with no value that `serde_json` can read
/// (see [`MAX_VALUE_DEPTH`]).
pub fn boxed_members(model: &Model, shapes: &[&Shape]) -> Result<BTreeSet<(ShapeId, String)>, Error> {
    let edges: BTreeMap<&ShapeId, Vec<Edge>> = shapes.iter().map(|s| (&s.id, direct_edges(model, s))).collect();
    let mut walk = Walk { edges: &edges, state: BTreeMap::new(), path: Vec::new(), boxed: BTreeSet::new() };
    for shape in shapes {
        if !walk.state.contains_key(&shape.id) {
            walk.visit(&shape.id)?;
        }
    }
    check_values(model, &edges)?;
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

impl<'a> Walk<'a> {
    /// Depth-first from `root`, edges in model order; the explicit stack holds each shape on the
    /// path with the index of its next edge.
    fn visit(&mut self, root: &'a ShapeId) -> Result<(), Error> {
        let edges = self.edges;
        let edges_of = |id: &ShapeId| edges.get(id).map(Vec::as_slice).unwrap_or_default();
        self.state.insert(root.clone(), State::OnPath);
        let mut stack: Vec<(&'a ShapeId, usize)> = vec![(root, 0)];
        while let Some(top) = stack.last_mut() {
            let (id, next) = (top.0, top.1);
            let Some(edge) = edges_of(id).get(next) else {
                self.state.insert(id.clone(), State::Done);
                stack.pop();
                // Leave the edge that led here.
                self.path.pop();
                continue;
            };
            top.1 += 1;
            match self.state.get(&edge.target) {
                Some(State::OnPath) => {
                    self.check_finite(id, edge)?;
                    self.boxed.insert((id.clone(), edge.member.clone()));
                }
                Some(State::Done) => {}
                None => {
                    self.path.push((id.clone(), edge.member.clone(), edge.required));
                    self.state.insert(edge.target.clone(), State::OnPath);
                    stack.push((&edge.target, 0));
                }
            }
        }
        Ok(())
    }

    /// The cycle closed by `edge` is the path from `edge.target` to `from`, then `edge`.
    fn check_finite(&self, from: &ShapeId, edge: &Edge) -> Result<(), Error> {
        let start = self.path.iter().position(|(s, _, _)| *s == edge.target).unwrap_or(self.path.len());
        let cycle = &self.path[start..];
        if edge.required && cycle.iter().all(|(_, _, required)| *required) {
            let steps: Vec<String> =
                cycle.iter().map(|(s, m, _)| format!("{s}${m}")).chain([format!("{from}${}", edge.member)]).collect();
            return Err(Error::invalid(
                edge.target.to_string(),
                format!("a cycle of required members has no finite value: {}", steps.join(" -> ")),
            ));
        }
        Ok(())
    }
}

/// Checks that every structure and union has a value no deeper than [`MAX_VALUE_DEPTH`].
///
/// The depth of the smallest value of each type is found like shortest paths (Knuth's
/// generalisation of Dijkstra's algorithm): a structure's is one more than the deepest of its
/// required members', a union's one more than its shallowest member's; members that are not
/// structures or unions count as depth 0 (lists and maps can be empty). Types settle in
/// increasing depth; those that never settle have no finite value.
fn check_values(model: &Model, edges: &BTreeMap<&ShapeId, Vec<Edge>>) -> Result<(), Error> {
    let index: BTreeMap<&ShapeId, usize> = edges.keys().enumerate().map(|(i, id)| (*id, i)).collect();
    let ids: Vec<&ShapeId> = edges.keys().copied().collect();
    // For each shape, the shapes whose depth waits for it: unions with it as a member,
    // structures that require it (once per required edge).
    let mut parents: Vec<Vec<usize>> = vec![Vec::new(); ids.len()];
    // For structures: required edges not yet settled, and the deepest settled one.
    let mut pending = vec![0usize; ids.len()];
    let mut deepest = vec![0usize; ids.len()];
    let mut is_union = vec![false; ids.len()];
    let mut queue = BinaryHeap::new();
    for (i, id) in ids.iter().enumerate() {
        let shape = model.expect(id);
        match &shape.kind {
            ShapeKind::Union(members) => {
                is_union[i] = true;
                // A member that is not a structure or union (or is `Unit`) ends the value here.
                let leaf = members.len() > edges[id].len();
                if leaf {
                    queue.push(Reverse((1, i)));
                }
                for edge in &edges[id] {
                    if let Some(&target) = index.get(&edge.target) {
                        parents[target].push(i);
                    }
                }
            }
            _ => {
                for edge in edges[id].iter().filter(|e| e.required) {
                    if let Some(&target) = index.get(&edge.target) {
                        parents[target].push(i);
                        pending[i] += 1;
                    }
                }
                if pending[i] == 0 {
                    queue.push(Reverse((1, i)));
                }
            }
        }
    }
    let mut depth: Vec<Option<usize>> = vec![None; ids.len()];
    while let Some(Reverse((d, i))) = queue.pop() {
        if depth[i].is_some() {
            continue;
        }
        depth[i] = Some(d);
        for &parent in &parents[i] {
            if depth[parent].is_some() {
                continue;
            }
            if is_union[parent] {
                queue.push(Reverse((d + 1, parent)));
            } else {
                pending[parent] -= 1;
                deepest[parent] = deepest[parent].max(d);
                if pending[parent] == 0 {
                    queue.push(Reverse((deepest[parent] + 1, parent)));
                }
            }
        }
    }
    // A structure without a value requires (through other structures) a union without one:
    // name the union.
    let infinite = (0..ids.len()).filter(|&i| depth[i].is_none());
    if let Some(i) = infinite.clone().find(|&i| is_union[i]).or(infinite.clone().next()) {
        let reason = if is_union[i] {
            "the union has no finite value: each of its members is a structure or union that contains it again"
        } else {
            "the structure has no finite value: a required member leads to a type that contains it again"
        };
        return Err(Error::invalid(ids[i].to_string(), reason));
    }
    if let Some(i) = (0..ids.len()).find(|&i| depth[i].is_some_and(|d| d > MAX_VALUE_DEPTH)) {
        let d = depth[i].unwrap_or_default();
        return Err(Error::unsupported(
            ids[i].to_string(),
            format!(
                "every value of the type nests at least {d} objects deep (through required members and unions); \
                 the limit is {MAX_VALUE_DEPTH}, as serde_json reads at most 128 levels"
            ),
        ));
    }
    Ok(())
}
