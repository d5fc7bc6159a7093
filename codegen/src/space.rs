//! The type space: every Rust type the crate will contain, fully resolved, built once from the
//! model before anything is rendered.

use std::collections::{BTreeMap, BTreeSet};

use smithy_model::{Deprecated, ErrorFault, Model, Shape, ShapeId, ShapeKind};

use crate::boxing;
use crate::constraints::{self, Checks, Patterns};
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
    /// Names every structure, union and enum of `shapes` (sorted by shape ID).
    ///
    /// Shapes of the service's namespace (and renamed shapes) keep their names. A shape of
    /// another namespace keeps its name too unless that name is taken; then it is prefixed with
    /// its namespace's last segment (`other.ns#Foo` → `NsFoo`). Whatever still clashes gets `2`,
    /// `3`, ... in shape-ID order. Every step is deterministic.
    fn assign(shapes: &[&Shape], service: &ShapeId, renames: &BTreeMap<ShapeId, String>) -> Names {
        let home = |s: &Shape| s.id.namespace() == service.namespace() || renames.contains_key(&s.id);
        let plain = |s: &Shape| naming::type_name(renames.get(&s.id).map_or(s.id.name(), String::as_str));
        let mut wanted: BTreeMap<String, usize> = BTreeMap::new();
        for shape in shapes {
            *wanted.entry(plain(shape)).or_default() += 1;
        }
        let home_names: BTreeSet<String> = shapes.iter().filter(|s| home(s)).map(|s| plain(s)).collect();
        let candidates = shapes.iter().map(|shape| {
            let name = plain(shape);
            if home(shape) || (!home_names.contains(&name) && wanted[&name] == 1) {
                name
            } else {
                naming::foreign_type_name(shape.id.namespace(), shape.id.name())
            }
        });
        // Home shapes first, so that a foreign shape never takes a home shape's name.
        let mut order: Vec<usize> = (0..shapes.len()).collect();
        order.sort_by_key(|&i| !home(shapes[i]));
        let candidates: Vec<String> = candidates.collect();
        let unique = naming::disambiguate_camel(order.iter().map(|&i| candidates[i].clone()));
        let mut names = vec![String::new(); shapes.len()];
        for (&i, name) in order.iter().zip(unique) {
            names[i] = name;
        }
        let modules = naming::disambiguate(names.iter().map(|n| naming::module_name(n)));
        let types =
            shapes.iter().zip(names.into_iter().zip(modules)).map(|(shape, pair)| (shape.id.clone(), pair)).collect();
        Names { types }
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
    /// `@sensitive` on the shape: `Debug` redacts all of it.
    pub sensitive: bool,
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
    /// An `intEnum`.
    IntEnum(Vec<IntVariantDef>),
    /// A union.
    Union(Vec<UnionMemberDef>),
}

/// A variant of a generated `intEnum`.
#[derive(Debug)]
pub struct IntVariantDef {
    /// The variant name.
    pub name: String,
    /// The number on the wire.
    pub value: i32,
    /// Documentation (HTML).
    pub docs: Option<String>,
    /// `@deprecated`.
    pub deprecated: Option<Deprecated>,
}

/// A member (variant) of a generated union.
#[derive(Debug)]
pub struct UnionMemberDef {
    /// The member name in the model.
    pub member: String,
    /// The key on the wire.
    pub wire_name: String,
    /// The variant name.
    pub variant: String,
    /// The variant's value type; `None` for members targeting `smithy.api#Unit`.
    pub ty: Option<RustType>,
    /// Whether the value is boxed to keep a recursive type finite.
    pub boxed: bool,
    /// Documentation (HTML).
    pub docs: Option<String>,
    /// `@deprecated` on the member.
    pub deprecated: Option<Deprecated>,
    /// What `validate()` checks.
    pub checks: Checks,
    /// Whether `Debug` prints a redaction marker instead of the value.
    pub redact: bool,
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
    /// What `validate()` checks.
    pub checks: Checks,
    /// Whether `Debug` prints a redaction marker instead of the value.
    pub redact: bool,
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
        let shapes: Vec<&Shape> =
            closure.iter().map(|id| model.expect(id)).filter(|s| !s.id.is_unit() && generates_type(s)).collect();
        let names = Names::assign(&shapes, &service.id, &svc.rename);
        let boxed = boxing::boxed_members(model, &shapes)?;
        let bindings = operation_bindings(model, &closure);
        let mut patterns = Patterns::default();
        let mut types = Vec::new();
        for shape in &shapes {
            let mut def = type_def(model, &names, &boxed, &mut patterns, protocol, shape)?;
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
    matches!(shape.kind, ShapeKind::Structure(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Union(_))
}

/// The key of a member on the wire: `@jsonName` in restJson1, else the member name.
fn wire_name(protocol: Protocol, member: &smithy_model::Member) -> String {
    match (protocol, &member.traits.json_name) {
        (Protocol::RestJson1, Some(json_name)) => json_name.clone(),
        _ => member.name.clone(),
    }
}

fn type_def(
    model: &Model,
    names: &Names,
    boxed: &BTreeSet<(ShapeId, String)>,
    patterns: &mut Patterns,
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
                let place = format!("{}${}", shape.id, member.name);
                // IDL 2.0 repeats a target's default on the member; `@default(null)` removes it.
                let default = member.traits.default.clone().filter(|v| !v.is_null());
                fields.push(FieldDef {
                    member: member.name.clone(),
                    wire_name: wire_name(protocol, member),
                    name: naming::field_name(&member.name),
                    optional: !member.traits.required && default.is_none(),
                    boxed: boxed.contains(&(shape.id.clone(), member.name.clone())),
                    ty,
                    default,
                    docs: member.traits.documentation.clone(),
                    deprecated: member.traits.deprecated.clone(),
                    checks: Checks::of_member(model, patterns, &place, &traits, &member.target)?,
                    redact: shape.traits.sensitive || constraints::redacted(model, &traits, &member.target),
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
            let variant_names = naming::disambiguate_camel(
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
        ShapeKind::IntEnum(values) => {
            let variant_names = naming::disambiguate_camel(values.iter().map(|v| naming::variant_name(&v.name)));
            TypeKind::IntEnum(
                values
                    .iter()
                    .zip(variant_names)
                    .map(|(v, name)| IntVariantDef {
                        name,
                        value: v.value,
                        docs: v.traits.documentation.clone(),
                        deprecated: v.traits.deprecated.clone(),
                    })
                    .collect(),
            )
        }
        ShapeKind::Union(members) => {
            if members.is_empty() {
                return Err(Error::new(shape.id.to_string(), "a union needs at least one member"));
            }
            let variant_names = naming::disambiguate_camel(members.iter().map(|m| naming::variant_name(&m.name)));
            let mut variants = Vec::new();
            for (member, variant) in members.iter().zip(variant_names) {
                let traits = model.effective_traits(member);
                let ty = if member.target.is_unit() {
                    None
                } else {
                    Some(RustType::of_member(model, names, &member.target, &traits)?)
                };
                let place = format!("{}${}", shape.id, member.name);
                variants.push(UnionMemberDef {
                    member: member.name.clone(),
                    wire_name: wire_name(protocol, member),
                    variant,
                    ty,
                    boxed: boxed.contains(&(shape.id.clone(), member.name.clone())),
                    docs: member.traits.documentation.clone(),
                    deprecated: member.traits.deprecated.clone(),
                    checks: Checks::of_member(model, patterns, &place, &traits, &member.target)?,
                    redact: shape.traits.sensitive || constraints::redacted(model, &traits, &member.target),
                });
            }
            TypeKind::Union(variants)
        }
        other => {
            return Err(Error::new(shape.id.to_string(), format!("a {} has no Rust type", other.type_name())));
        }
    };
    Ok(TypeDef {
        shape: shape.id.clone(),
        name,
        module,
        docs: shape.traits.documentation.clone(),
        deprecated: shape.traits.deprecated.clone(),
        bindings: Vec::new(),
        sensitive: shape.traits.sensitive,
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
