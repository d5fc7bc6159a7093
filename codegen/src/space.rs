//! The type space: every Rust type the crate will contain, fully resolved, built once from the
//! model before anything is rendered.

use std::collections::{BTreeMap, BTreeSet};

use smithy_model::{Deprecated, ErrorFault, Model, Shape, ShapeId, ShapeKind};

use crate::boxing;
use crate::error::Error;
use crate::mapping::{RustType, StdPaths};
use crate::naming;
use crate::operations::{self, ErrorRef, OperationDef, ServiceInfo};

/// The wire protocol of the service, which decides member wire names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restJson1` (`@jsonName` is honoured).
    RestJson1,
}

impl Protocol {
    fn of(service: &Shape) -> Result<Protocol, Error> {
        let has = |t: &str| service.traits.other.contains_key(t);
        if has("aws.protocols#awsJson1_1") {
            Ok(Protocol::AwsJson1_1)
        } else if has("aws.protocols#awsJson1_0") {
            Ok(Protocol::AwsJson1_0)
        } else if has("aws.protocols#restJson1") {
            Ok(Protocol::RestJson1)
        } else {
            Err(Error::new(
                service.id.to_string(),
                "the service has no JSON protocol trait (awsJson1_0, awsJson1_1 or restJson1); only JSON protocols are supported",
            ))
        }
    }
}

/// Rust names of the generated types, by shape ID.
#[derive(Debug, Default)]
pub struct Names {
    types: BTreeMap<ShapeId, (String, String)>,
}

impl Names {
    /// Names every structure, union and enum of `shapes` (sorted by shape ID), applying the
    /// service's renames. Two shapes that end up with the same Rust name are an error.
    fn assign(shapes: &[&Shape], renames: &BTreeMap<ShapeId, String>) -> Result<Names, Error> {
        let mut by_name: BTreeMap<String, &ShapeId> = BTreeMap::new();
        let mut names = Vec::new();
        for shape in shapes {
            let name = naming::type_name(renames.get(&shape.id).map_or(shape.id.name(), String::as_str));
            if let Some(other) = by_name.insert(name.clone(), &shape.id) {
                return Err(Error::new(
                    shape.id.to_string(),
                    format!("its Rust name `{name}` is also the name of `{other}`; add a `rename` for one of them to the service"),
                ));
            }
            names.push(name);
        }
        let modules = naming::disambiguate(names.iter().map(|n| naming::module_name(n)));
        let types = shapes
            .iter()
            .zip(names.into_iter().zip(modules))
            .map(|(shape, pair)| (shape.id.clone(), pair))
            .collect();
        Ok(Names { types })
    }

    /// The Rust type name of a generated shape.
    pub fn type_name(&self, id: &ShapeId) -> Result<&str, Error> {
        self.types
            .get(id)
            .map(|(name, _)| name.as_str())
            .ok_or_else(|| Error::new(id.to_string(), "no Rust type is generated for this shape"))
    }
}

/// Everything the renderer needs, resolved.
#[derive(Debug)]
pub struct TypeSpace {
    /// The service shape.
    pub service: ShapeId,
    /// The service's protocol.
    pub protocol: Protocol,
    /// Every generated type, ordered by Rust name.
    pub types: Vec<TypeDef>,
    /// How std names are spelled.
    pub std: StdPaths,
    /// The service's metadata.
    pub service_info: ServiceInfo,
    /// Every operation, ordered by name.
    pub operations: Vec<OperationDef>,
    /// Every error structure, ordered by name.
    pub errors: Vec<ErrorRef>,
}

/// One generated type.
#[derive(Debug)]
pub struct TypeDef {
    /// The shape it comes from.
    pub shape: ShapeId,
    /// The Rust type name.
    pub name: String,
    /// The file (module) name under `src/types/`.
    pub module: String,
    /// The model's documentation (HTML).
    pub docs: Option<String>,
    /// `@deprecated`.
    pub deprecated: Option<Deprecated>,
    /// The operations that take this structure as input or output, by operation name.
    pub bindings: Vec<Binding>,
    /// What kind of type.
    pub kind: TypeKind,
}

/// How an operation uses a structure.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Binding {
    /// The structure is the input of the named operation.
    Input(String),
    /// The structure is the output of the named operation.
    Output(String),
    /// The structure is an error the named operation can return.
    Error(String),
}

/// The kinds of generated types.
#[derive(Debug)]
pub enum TypeKind {
    /// A structure.
    Struct(StructDef),
    /// A string enum.
    Enum(Vec<VariantDef>),
}

/// A generated structure.
#[derive(Debug)]
pub struct StructDef {
    /// Its fields, in model order.
    pub fields: Vec<FieldDef>,
    /// `@error`, if it is an error structure.
    pub error: Option<ErrorInfo>,
}

/// What the model says about an error structure.
#[derive(Debug)]
pub struct ErrorInfo {
    /// Who is at fault.
    pub fault: ErrorFault,
    /// `@httpError`, or 400/500 by fault.
    pub http_status: u16,
    /// `@retryable`.
    pub retryable: Option<smithy_model::Retryable>,
    /// The code on the wire (the shape name).
    pub code: String,
}

impl StructDef {
    /// Whether `Default` can be derived (every field type has a default and every model default
    /// is the type's own zero value).
    pub fn derives_default(&self) -> bool {
        self.fields.iter().all(|f| f.optional || (f.ty.has_default() && f.default.as_ref().is_none_or(is_zero)))
    }
}

/// Whether a model default equals the Rust type's `Default` value.
fn is_zero(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Null => true,
    }
}

/// A field of a generated structure.
#[derive(Debug)]
pub struct FieldDef {
    /// The member name in the model.
    pub member: String,
    /// The key on the wire.
    pub wire_name: String,
    /// The Rust field name (not yet keyword-escaped).
    pub name: String,
    /// The field's type, before `Option`/`Box`.
    pub ty: RustType,
    /// Whether the field is an `Option` (neither required nor defaulted).
    pub optional: bool,
    /// Whether the type is boxed to keep a recursive type finite.
    pub boxed: bool,
    /// The model's default value (not null).
    pub default: Option<serde_json::Value>,
    /// Documentation of the member (HTML).
    pub docs: Option<String>,
    /// `@deprecated` on the member.
    pub deprecated: Option<Deprecated>,
}

/// A variant of a generated enum.
#[derive(Debug)]
pub struct VariantDef {
    /// The variant name.
    pub name: String,
    /// The string on the wire.
    pub value: String,
    /// Documentation (HTML).
    pub docs: Option<String>,
    /// `@deprecated`.
    pub deprecated: Option<Deprecated>,
}

impl TypeSpace {
    /// Builds the type space of the model's service closure.
    pub fn build(model: &Model) -> Result<TypeSpace, Error> {
        let service = model.service()?;
        let ShapeKind::Service(svc) = &service.kind else { unreachable!("service() returns a service") };
        let protocol = Protocol::of(service)?;
        let closure = model.closure(&service.id);
        let shapes: Vec<&Shape> = closure
            .iter()
            .map(|id| model.expect(id))
            .filter(|s| !s.id.is_unit() && generates_type(s))
            .collect();
        let names = Names::assign(&shapes, &svc.rename)?;
        let boxed = boxing::boxed_members(model, &shapes)?;
        let bindings = operation_bindings(model, &closure);
        let mut types = Vec::new();
        for shape in &shapes {
            let mut def = type_def(model, &names, &boxed, protocol, shape)?;
            def.bindings = bindings.get(&shape.id).cloned().unwrap_or_default();
            types.push(def);
        }
        types.sort_by(|a, b| a.name.cmp(&b.name));
        let std = StdPaths {
            clashing: types
                .iter()
                .map(|t| t.name.clone())
                .filter(|n| naming::STD_NAMES.contains(&n.as_str()))
                .collect::<BTreeSet<_>>(),
        };
        let operations = operations::operations(model, &names, &service.id)?;
        let errors = operations::all_errors(model, &names, &service.id)?;
        let service_info = operations::service_info(model, &service.id, protocol);
        Ok(TypeSpace { service: service.id.clone(), protocol, types, std, service_info, operations, errors })
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
    matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Enum(_))
        || unsupported(shape).is_some()
}

/// Shapes that need a type the generator cannot make yet.
fn unsupported(shape: &Shape) -> Option<&'static str> {
    match shape.kind {
        ShapeKind::Union(_) => Some("unions"),
        ShapeKind::IntEnum(_) => Some("intEnum shapes"),
        _ => None,
    }
}

fn type_def(
    model: &Model,
    names: &Names,
    boxed: &BTreeSet<(ShapeId, String)>,
    protocol: Protocol,
    shape: &Shape,
) -> Result<TypeDef, Error> {
    let (name, module) = names.types[&shape.id].clone();
    let kind = match &shape.kind {
        ShapeKind::Structure(members) => {
            let mut fields = Vec::new();
            for member in members {
                let traits = model.effective_traits(member);
                let ty = RustType::of_member(model, names, &member.target, &traits)?;
                // IDL 2.0 repeats a target's default on the member; `@default(null)` removes it.
                let default = member.traits.default.clone().filter(|v| !v.is_null());
                let wire_name = match (protocol, &member.traits.json_name) {
                    (Protocol::RestJson1, Some(json_name)) => json_name.clone(),
                    _ => member.name.clone(),
                };
                fields.push(FieldDef {
                    member: member.name.clone(),
                    wire_name,
                    name: naming::field_name(&member.name),
                    optional: !member.traits.required && default.is_none(),
                    boxed: boxed.contains(&(shape.id.clone(), member.name.clone())),
                    ty,
                    default,
                    docs: member.traits.documentation.clone(),
                    deprecated: member.traits.deprecated.clone(),
                });
            }
            check_unique_fields(shape, &fields)?;
            let error = shape.traits.error.map(|fault| ErrorInfo {
                fault,
                http_status: shape.traits.http_error.unwrap_or(match fault {
                    ErrorFault::Client => 400,
                    ErrorFault::Server => 500,
                }),
                retryable: shape.traits.retryable,
                code: shape.id.name().to_owned(),
            });
            TypeKind::Struct(StructDef { fields, error })
        }
        ShapeKind::Enum(values) => {
            let variant_names = naming::disambiguate(
                values.iter().map(|v| naming::variant_name(v.name.as_deref().unwrap_or(&v.value))),
            );
            TypeKind::Enum(
                values
                    .iter()
                    .zip(variant_names)
                    .map(|(v, name)| VariantDef {
                        name,
                        value: v.value.clone(),
                        docs: v.traits.documentation.clone(),
                        deprecated: v.traits.deprecated.clone(),
                    })
                    .collect(),
            )
        }
        _ => {
            let feature = unsupported(shape).unwrap_or("this kind of shape");
            return Err(Error::new(shape.id.to_string(), format!("{feature} are not supported yet")));
        }
    };
    Ok(TypeDef {
        shape: shape.id.clone(),
        name,
        module,
        docs: shape.traits.documentation.clone(),
        deprecated: shape.traits.deprecated.clone(),
        bindings: Vec::new(),
        kind,
    })
}

/// Two members whose field names fold together are an error naming both.
fn check_unique_fields(shape: &Shape, fields: &[FieldDef]) -> Result<(), Error> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for field in fields {
        if let Some(first) = seen.insert(&field.name, &field.member) {
            return Err(Error::new(
                shape.id.to_string(),
                format!(
                    "members `{first}` and `{}` both become the Rust field `{}`; rename one of them in the model",
                    field.member, field.name
                ),
            ));
        }
    }
    Ok(())
}
