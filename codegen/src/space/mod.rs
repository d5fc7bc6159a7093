//! The type space: the one resolved description of the crate, built once from the model before
//! anything is rendered. Every decision lives here — names, Rust types, wire names and formats,
//! optionality, boxing, constraints, service and operation facts — and rendering only spells it.
//!
//! Its parts are built in this order, each from the ones before it:
//!
//! 1. [`service`]: the service record ([`ServiceDef`]);
//! 2. [`names`]: the Rust name and file of every generated type;
//! 3. [`boxing`]: which members are boxed to keep recursive types finite;
//! 4. [`type_defs`] with [`members`], [`types`] and [`constraints`]: one record per type and per
//!    member;
//! 5. [`operations`]: one record per operation.

pub mod boxing;
pub mod constraints;
pub mod defaults;
pub mod http;
pub mod members;
pub mod names;
pub mod operations;
pub mod service;
pub mod type_defs;
pub mod types;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use smithy_model::{Model, Shape, ShapeId, ShapeKind};

use crate::error::Error;
use crate::error::Warning;
use crate::naming;
use crate::pattern::Translated;

pub use self::constraints::Checks;
pub use self::defaults::DefaultValue;
pub use self::http::{HttpBinding, HttpMember, HttpRoute, PathPart};
pub use self::members::{MemberDef, Presence};
pub use self::names::{NamedKind, Names, TypeRef};
pub use self::operations::{Auth, ErrorRef, Example, HostPart, OperationDef, PageMember, Pagination};
pub use self::service::ServiceDef;
pub use self::type_defs::{Binding, ErrorInfo, IntVariantDef, StructDef, TypeDef, TypeKind, VariantDef};
pub use self::types::{RustType, WireFormat};
pub use smithy_model::Protocol;

/// Everything the renderer needs, resolved.
#[derive(Debug)]
pub struct TypeSpace {
    /// The service.
    pub service: ServiceDef,
    /// Every generated type, ordered by Rust name.
    pub types: Vec<TypeDef>,
    /// The index of each type in `types`, by shape ID.
    by_shape: BTreeMap<ShapeId, usize>,
    /// The std names ([`naming::STD_NAMES`]) that a generated type also has: the generated code
    /// spells those std items by their full path.
    pub std_clashes: BTreeSet<String>,
    /// Every operation, ordered by name.
    pub operations: Vec<OperationDef>,
    /// Every error structure, ordered by name.
    pub errors: Vec<ErrorRef>,
    /// The name of each distinct pattern's `static` in the generated `patterns` module.
    pub patterns: BTreeMap<Translated, String>,
    /// The name of each distinct set of checks (other than none) in the generated
    /// `constraints` module.
    pub constraints: HashMap<Checks, String>,
    /// What the generator left out of the crate rather than refuse the model, sorted by place.
    pub warnings: Vec<Warning>,
}

impl TypeSpace {
    /// Builds the type space of the closure of the model's service `service` (with `None`, of
    /// its only service).
    pub fn build(model: &Model, service: Option<&ShapeId>) -> Result<TypeSpace, Error> {
        let service_shape = model.select_service(service)?;
        let ShapeKind::Service(svc) = &service_shape.kind else {
            return Err(Error::bug(
                service_shape.id.to_string(),
                "`Model::service` returned a shape that is no service",
            ));
        };
        let service = ServiceDef::of(service_shape)?;
        let closure = model.closure(&service.shape);
        let shapes: Vec<&Shape> =
            closure.iter().map(|id| model.expect(id)).filter(|s| !s.id.is_unit() && generates_type(s)).collect();
        let names = Names::assign(&shapes, &service.shape, &svc.rename);
        let boxed = boxing::boxed_members(model, &shapes)?;
        let mut bindings = operation_bindings(model, &closure);
        let mut constraints = constraints::Builder::default();
        let mut cx = members::Context {
            model,
            names: &names,
            boxed: &boxed,
            constraints: &mut constraints,
            protocol: service.protocol,
        };
        let mut types = Vec::new();
        for shape in &shapes {
            let name = names.type_ref(&shape.id)?.name;
            let module = names.module(&shape.id).unwrap_or_default().to_owned();
            let bindings = bindings.remove(&shape.id).unwrap_or_default();
            types.push(type_defs::type_def(&mut cx, shape, name, module, bindings)?);
        }
        types.sort_by(|a, b| a.name.cmp(&b.name));
        let by_shape: BTreeMap<ShapeId, usize> = types.iter().enumerate().map(|(i, t)| (t.shape.clone(), i)).collect();
        let std_clashes =
            types.iter().map(|t| t.name.clone()).filter(|n| naming::STD_NAMES.contains(&n.as_str())).collect();
        let operations = {
            let lookup: BTreeMap<ShapeId, &TypeDef> = types.iter().map(|t| (t.shape.clone(), t)).collect();
            operations::operations(model, &service, &names, &lookup)?
        };
        let errors = operations::all_errors(&types);
        let constraints::Constraints { patterns, names: constraints, warnings } = constraints.finish();
        Ok(TypeSpace { service, types, by_shape, std_clashes, operations, errors, patterns, constraints, warnings })
    }

    /// The name of the constant that holds `checks` in the generated `constraints` module
    /// (`None` for no checks at all).
    pub fn constraint_name(&self, checks: &Checks) -> Option<&str> {
        self.constraints.get(checks).map(String::as_str)
    }

    /// The generated type of a shape.
    pub fn get(&self, shape: &ShapeId) -> Option<&TypeDef> {
        self.by_shape.get(shape).map(|&i| &self.types[i])
    }
}

impl TypeDef {
    /// The members of a structure or union (none for enums).
    pub fn members(&self) -> &[MemberDef] {
        match &self.kind {
            TypeKind::Struct(s) => &s.members,
            TypeKind::Union(members) => members,
            TypeKind::Enum(_) | TypeKind::IntEnum(_) => &[],
        }
    }
}

/// For each structure, the operations that use it, sorted.
fn operation_bindings(model: &Model, closure: &BTreeSet<ShapeId>) -> BTreeMap<ShapeId, Vec<Binding>> {
    let mut out: BTreeMap<ShapeId, Vec<Binding>> = BTreeMap::new();
    for id in closure {
        let ShapeKind::Operation(op) = &model.expect(id).kind else { continue };
        let name = id.name().to_owned();
        out.entry(op.input.clone()).or_default().push(Binding::Input(name.clone()));
        out.entry(op.output.clone()).or_default().push(Binding::Output(name.clone()));
        for error in &op.errors {
            out.entry(error.clone()).or_default().push(Binding::Error(name.clone()));
        }
    }
    for list in out.values_mut() {
        list.sort();
    }
    out
}

fn generates_type(shape: &Shape) -> bool {
    matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Union(_))
}
