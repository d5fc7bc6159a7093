//! Loads Smithy JSON AST models into a validated, typed shape graph.
//!
//! ```no_run
//! let model = smithy_model::Model::from_file("model/aws/cognito-identity-provider-2016-04-18.json")?;
//! let service = model.service()?;
//! let closure = model.closure(&service.id);
//! println!("{} shapes reachable from {}", closure.len(), service.id);
//! # Ok::<(), smithy_model::LoadError>(())
//! ```
//!
//! Loading is three steps, each in its own module: [`load`] parses the JSON AST, the prelude is
//! added, and [`validate`] checks every reference. The result is immutable.

pub mod error;
pub mod load;
pub mod prelude;
pub mod shape;
pub mod shape_id;
pub mod test_cases;
pub mod traits;
pub mod validate;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use traits::EnumValueTrait;

pub use error::{LoadError, LoadErrorKind};
pub use load::IdlVersion;
pub use shape::{EnumValue, IntEnumValue, Member, Operation, Resource, Service, Shape, ShapeKind, Simple};
pub use shape_id::ShapeId;
pub use test_cases::{HttpTestCase, HttpTestKind};
pub use traits::{
    AwsService, Bounds, Deprecated, ErrorFault, Example, ExampleError, HttpTrait, Paginated, Protocol, Retryable,
    TimestampFormat, Traits,
};

/// A loaded and validated Smithy model, prelude included.
#[derive(Clone, Debug)]
pub struct Model {
    version: IdlVersion,
    shapes: BTreeMap<ShapeId, Shape>,
}

impl Model {
    /// Loads a model from JSON AST text.
    pub fn from_json(text: &str) -> Result<Model, LoadError> {
        let parsed = load::parse_document(text)?;
        let mut shapes = parsed.shapes;
        for shape in prelude::shapes() {
            shapes.insert(shape.id.clone(), shape);
        }
        for (target, member, traits) in parsed.applies {
            apply(&mut shapes, &target, member.as_deref(), &traits)?;
        }
        if parsed.version == IdlVersion::V1 {
            give_v1_zero_defaults(&mut shapes);
        }
        let model = Model { version: parsed.version, shapes };
        validate::validate(&model)?;
        Ok(model)
    }

    /// Loads a model from a file; errors name the file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Model, LoadError> {
        let path = path.as_ref();
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| LoadError::new("", format!("cannot read the model: {e}")).in_file(&file))?;
        Model::from_json(&text).map_err(|e| e.in_file(&file))
    }

    /// The IDL version the model was written in.
    pub fn version(&self) -> IdlVersion {
        self.version
    }

    /// A shape by ID (prelude shapes included).
    pub fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        self.shapes.get(id)
    }

    /// A shape that validation guarantees exists.
    ///
    /// # Panics
    /// Only if `id` was not taken from this model: every reference inside a validated model
    /// resolves.
    pub fn expect(&self, id: &ShapeId) -> &Shape {
        match self.shapes.get(id) {
            Some(shape) => shape,
            None => panic!("shape {id} is not part of this model"),
        }
    }

    /// Every shape, ordered by shape ID.
    pub fn shapes(&self) -> impl Iterator<Item = &Shape> {
        self.shapes.values()
    }

    /// The model's single service shape; an error when there is none or more than one.
    pub fn service(&self) -> Result<&Shape, LoadError> {
        self.select_service(None)
    }

    /// Every service shape, ordered by shape ID.
    pub fn services(&self) -> Vec<&Shape> {
        self.shapes().filter(|s| matches!(s.kind, ShapeKind::Service(_))).collect()
    }

    /// The service `id`, or with `None` the model's single service. The error names the services
    /// the model defines when `id` is not one of them, or when `None` leaves a choice.
    pub fn select_service(&self, id: Option<&ShapeId>) -> Result<&Shape, LoadError> {
        let services = self.services();
        let list = || services.iter().map(|s| s.id.to_string()).collect::<Vec<_>>().join(", ");
        match (id, services.as_slice()) {
            (Some(id), _) => services.iter().copied().find(|s| &s.id == id).ok_or_else(|| {
                LoadError::new(id.to_string(), format!("no such service in the model; it defines: {}", list()))
            }),
            (None, [one]) => Ok(one),
            (None, []) => Err(LoadError::new("$.shapes", "the model defines no service shape")),
            (None, many) => Err(LoadError::new(
                "$.shapes",
                format!("the model defines {} services ({}); choose one of them", many.len(), list()),
            )),
        }
    }

    /// Every shape reachable from `root` (through members, operations, resources and errors),
    /// `root` included.
    pub fn closure(&self, root: &ShapeId) -> BTreeSet<ShapeId> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![root.clone()];
        while let Some(id) = stack.pop() {
            if !seen.insert(id.clone()) {
                continue;
            }
            if let Some(shape) = self.shapes.get(&id) {
                stack.extend(shape.kind.references().into_iter().filter(|r| !seen.contains(*r)).cloned());
            }
        }
        seen
    }

    /// The traits that hold for a member: its own, then its target's where it sets none
    /// (documentation, sensitive, timestampFormat, length, ...).
    pub fn effective_traits(&self, member: &Member) -> Traits {
        let mut traits = member.traits.clone();
        if let Some(target) = self.shapes.get(&member.target) {
            traits.merge_missing_from(&target.traits);
        }
        traits
    }
}

fn apply(
    shapes: &mut BTreeMap<ShapeId, Shape>,
    target: &ShapeId,
    member: Option<&str>,
    traits: &Traits,
) -> Result<(), LoadError> {
    let place = match member {
        Some(m) => format!("{target}${m}"),
        None => target.to_string(),
    };
    let shape =
        shapes.get_mut(target).ok_or_else(|| LoadError::new(&place, "`apply` targets a shape that does not exist"))?;
    let slot = match member {
        None => &mut shape.traits,
        Some(name) => match &mut shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                &mut members
                    .iter_mut()
                    .find(|m| m.name == name)
                    .ok_or_else(|| LoadError::new(&place, "`apply` targets a member that does not exist"))?
                    .traits
            }
            ShapeKind::Enum(values) => {
                &mut values
                    .iter_mut()
                    .find(|v| v.name.as_deref() == Some(name))
                    .ok_or_else(|| LoadError::new(&place, "`apply` targets a member that does not exist"))?
                    .traits
            }
            ShapeKind::IntEnum(values) => {
                &mut values
                    .iter_mut()
                    .find(|v| v.name == name)
                    .ok_or_else(|| LoadError::new(&place, "`apply` targets a member that does not exist"))?
                    .traits
            }
            ShapeKind::List { member, .. } if name == "member" => &mut member.traits,
            ShapeKind::Map { key, .. } if name == "key" => &mut key.traits,
            ShapeKind::Map { value, .. } if name == "value" => &mut value.traits,
            _ => return Err(LoadError::new(&place, "`apply` targets a member that does not exist")),
        },
    };
    let mut merged = traits.clone();
    merged.merge_missing_from(slot);
    *slot = merged;
    // An applied `enumValue` changes the value on the wire.
    match (&mut shape.kind, member) {
        (ShapeKind::Enum(values), Some(name)) => {
            for v in values.iter_mut().filter(|v| v.name.as_deref() == Some(name)) {
                match &v.traits.enum_value {
                    Some(EnumValueTrait::String(s)) => v.value = s.clone(),
                    Some(EnumValueTrait::Int(_)) => {
                        return Err(LoadError::new(&place, "an enum member's `enumValue` must be a string"))
                    }
                    None => {}
                }
            }
        }
        (ShapeKind::IntEnum(values), Some(name)) => {
            for v in values.iter_mut().filter(|v| v.name == name) {
                match &v.traits.enum_value {
                    Some(EnumValueTrait::Int(i)) => v.value = *i,
                    _ => return Err(LoadError::new(&place, "an intEnum member needs an integer `enumValue`")),
                }
            }
        }
        _ => {}
    }
    Ok(())
}

/// IDL 1.0: a structure member targeting an unboxed number or boolean has a zero default; a
/// `@box` member gets `@default(null)` (as Smithy's 1.0 → 2.0 upgrade does), so it stays optional
/// even when its target has a default (`PrimitiveInteger`).
fn give_v1_zero_defaults(shapes: &mut BTreeMap<ShapeId, Shape>) {
    let unboxed: BTreeMap<ShapeId, serde_json::Value> = shapes
        .values()
        .filter_map(|s| match s.kind {
            ShapeKind::Simple(simple) if simple.is_number_or_boolean() && !s.traits.boxed => {
                let zero = if simple == Simple::Boolean { false.into() } else { 0.into() };
                Some((s.id.clone(), zero))
            }
            _ => None,
        })
        .collect();
    for shape in shapes.values_mut() {
        if let ShapeKind::Structure(members) = &mut shape.kind {
            for member in members {
                if member.traits.default.is_some() {
                    continue;
                }
                if member.traits.boxed {
                    member.traits.default = Some(serde_json::Value::Null);
                } else if let Some(zero) = unboxed.get(&member.target) {
                    member.traits.default = Some(zero.clone());
                }
            }
        }
    }
}
