//! The Rust names of the generated types and their files, decided for the whole service at once
//! (a name depends on which other shapes want it).

use std::collections::{BTreeMap, BTreeSet};

use smithy_model::{Shape, ShapeId, ShapeKind};

use crate::error::Error;
use crate::naming;

/// Rust names of the generated types, by shape ID.
#[derive(Debug, Default)]
pub struct Names {
    types: BTreeMap<ShapeId, Named>,
}

#[derive(Debug)]
struct Named {
    name: String,
    module: String,
    kind: NamedKind,
}

impl Names {
    /// Names every structure, union and enum of `shapes` (sorted by shape ID).
    ///
    /// Shapes of the service's namespace (and renamed shapes) keep their names. A shape of
    /// another namespace keeps its name too unless that name is taken; then it is prefixed with
    /// its namespace's last segment (`other.ns#Foo` → `NsFoo`). Whatever still clashes gets `2`,
    /// `3`, ... in shape-ID order. Every step is deterministic.
    pub fn assign(shapes: &[&Shape], service: &ShapeId, renames: &BTreeMap<ShapeId, String>) -> Names {
        let home = |s: &Shape| s.id.namespace() == service.namespace() || renames.contains_key(&s.id);
        let plain = |s: &Shape| naming::type_name(renames.get(&s.id).map_or(s.id.name(), String::as_str));
        let mut wanted: BTreeMap<String, usize> = BTreeMap::new();
        for shape in shapes {
            *wanted.entry(plain(shape)).or_default() += 1;
        }
        let home_names: BTreeSet<String> = shapes.iter().filter(|s| home(s)).map(|s| plain(s)).collect();
        let candidates: Vec<String> = shapes
            .iter()
            .map(|shape| {
                let name = plain(shape);
                if home(shape) || (!home_names.contains(&name) && wanted[&name] == 1) {
                    name
                } else {
                    naming::foreign_type_name(shape.id.namespace(), shape.id.name())
                }
            })
            .collect();
        // Home shapes first, so that a foreign shape never takes a home shape's name.
        let mut order: Vec<usize> = (0..shapes.len()).collect();
        order.sort_by_key(|&i| !home(shapes[i]));
        let unique = naming::disambiguate_camel(order.iter().map(|&i| candidates[i].clone()));
        let mut names = vec![String::new(); shapes.len()];
        for (&i, name) in order.iter().zip(unique) {
            names[i] = name;
        }
        let modules = naming::disambiguate(names.iter().map(|n| naming::module_name(n)));
        let types = shapes
            .iter()
            .zip(names.into_iter().zip(modules))
            .filter_map(|(shape, (name, module))| {
                let kind = match shape.kind {
                    ShapeKind::Structure(_) => NamedKind::Structure,
                    ShapeKind::Union(_) => NamedKind::Union,
                    ShapeKind::Enum(_) => NamedKind::Enum,
                    ShapeKind::IntEnum(_) => NamedKind::IntEnum,
                    _ => return None,
                };
                Some((shape.id.clone(), Named { name, module, kind }))
            })
            .collect();
        Names { types }
    }

    /// The generated type of a shape.
    pub fn type_ref(&self, id: &ShapeId) -> Result<TypeRef, Error> {
        self.types
            .get(id)
            .map(|named| TypeRef { shape: id.clone(), name: named.name.clone(), kind: named.kind })
            .ok_or_else(|| Error::invalid(id.to_string(), "no Rust type is generated for this shape"))
    }

    /// The file (module) name of a generated type.
    pub fn module(&self, id: &ShapeId) -> Option<&str> {
        self.types.get(id).map(|named| named.module.as_str())
    }
}

/// A reference to a generated type: its shape, its Rust name and what kind of type it is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TypeRef {
    /// The shape the type comes from.
    pub shape: ShapeId,
    /// The Rust type name.
    pub name: String,
    /// What kind of type it is.
    pub kind: NamedKind,
}

/// The kinds of generated types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NamedKind {
    /// A structure.
    Structure,
    /// A union.
    Union,
    /// A string enum.
    Enum,
    /// An `intEnum`.
    IntEnum,
}
