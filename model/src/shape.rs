//! The typed shape graph: what a loaded model holds.

use crate::traits::Traits;
use crate::ShapeId;

/// One shape of the model, with its typed traits.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// The shape's absolute ID.
    pub id: ShapeId,
    /// What kind of shape it is, with its members or bindings.
    pub kind: ShapeKind,
    /// The traits applied to the shape itself.
    pub traits: Traits,
}

/// The simple (member-less) Smithy types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Simple {
    /// `blob`: bytes.
    Blob,
    /// `boolean`.
    Boolean,
    /// `string` without enum values.
    String,
    /// `byte`: 8-bit signed integer.
    Byte,
    /// `short`: 16-bit signed integer.
    Short,
    /// `integer`: 32-bit signed integer.
    Integer,
    /// `long`: 64-bit signed integer.
    Long,
    /// `float`: 32-bit IEEE 754.
    Float,
    /// `double`: 64-bit IEEE 754.
    Double,
    /// `bigInteger`: arbitrary precision integer.
    BigInteger,
    /// `bigDecimal`: arbitrary precision decimal.
    BigDecimal,
    /// `timestamp`: an instant in time.
    Timestamp,
    /// `document`: untyped JSON-like data.
    Document,
}

impl Simple {
    /// Maps a JSON AST `type` name to a simple type.
    pub fn from_type_name(name: &str) -> Option<Simple> {
        Some(match name {
            "blob" => Simple::Blob,
            "boolean" => Simple::Boolean,
            "string" => Simple::String,
            "byte" => Simple::Byte,
            "short" => Simple::Short,
            "integer" => Simple::Integer,
            "long" => Simple::Long,
            "float" => Simple::Float,
            "double" => Simple::Double,
            "bigInteger" => Simple::BigInteger,
            "bigDecimal" => Simple::BigDecimal,
            "timestamp" => Simple::Timestamp,
            "document" => Simple::Document,
            _ => return None,
        })
    }

    /// Whether the type is a number or boolean, i.e. has a zero value in Smithy IDL 1.0.
    pub fn is_number_or_boolean(self) -> bool {
        matches!(
            self,
            Simple::Boolean
                | Simple::Byte
                | Simple::Short
                | Simple::Integer
                | Simple::Long
                | Simple::Float
                | Simple::Double
        )
    }
}

/// A value of a string enum: from an `enum` shape member or a Smithy 1.0 `smithy.api#enum` entry.
#[derive(Clone, Debug, PartialEq)]
pub struct EnumValue {
    /// The member name (`enum` shapes) or the entry's `name` (1.0 `@enum`), if any.
    pub name: Option<String>,
    /// The exact string on the wire.
    pub value: String,
    /// Traits of the member (documentation, deprecated, ...).
    pub traits: Traits,
}

/// A value of an `intEnum`.
#[derive(Clone, Debug, PartialEq)]
pub struct IntEnumValue {
    /// The member name.
    pub name: String,
    /// The number on the wire.
    pub value: i32,
    /// Traits of the member.
    pub traits: Traits,
}

/// A member of a structure, union, list or map.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// The member name exactly as in the model (`UserMFASettingList`, `member`, `key`, `value`).
    pub name: String,
    /// The shape the member targets.
    pub target: ShapeId,
    /// The traits applied to the member.
    pub traits: Traits,
}

/// What a shape is.
// Shapes are built once and kept in a map; boxing `Member` would only complicate every match.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum ShapeKind {
    /// A simple type.
    Simple(Simple),
    /// A string enum (`enum`, or `string` with `smithy.api#enum`).
    Enum(Vec<EnumValue>),
    /// An `intEnum`.
    IntEnum(Vec<IntEnumValue>),
    /// A `list`, or a Smithy 1.0 `set` (`unique` is true then).
    List {
        /// The `member` member.
        member: Member,
        /// Whether it came from a `set` shape.
        unique: bool,
    },
    /// A `map`.
    Map {
        /// The `key` member.
        key: Member,
        /// The `value` member.
        value: Member,
    },
    /// A `structure`.
    Structure(Vec<Member>),
    /// A `union`.
    Union(Vec<Member>),
    /// An `operation`.
    Operation(Operation),
    /// A `service`.
    Service(Service),
    /// A `resource`: only its operations and child resources matter here.
    Resource(Resource),
}

/// The bindings of an operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Operation {
    /// The input structure (`smithy.api#Unit` when absent).
    pub input: ShapeId,
    /// The output structure (`smithy.api#Unit` when absent).
    pub output: ShapeId,
    /// The error structures the operation can return.
    pub errors: Vec<ShapeId>,
}

/// The bindings of a service.
#[derive(Clone, Debug, PartialEq)]
pub struct Service {
    /// The service version, e.g. `2016-04-18`.
    pub version: String,
    /// The operations bound directly to the service.
    pub operations: Vec<ShapeId>,
    /// The resources bound to the service.
    pub resources: Vec<ShapeId>,
    /// Errors every operation of the service can return.
    pub errors: Vec<ShapeId>,
    /// `rename`: names that replace shape names in this service's closure (to resolve conflicts).
    pub rename: std::collections::BTreeMap<ShapeId, String>,
}

/// The bindings of a resource that lead to other shapes.
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    /// Every operation bound to the resource (lifecycle and plain operations).
    pub operations: Vec<ShapeId>,
    /// Child resources.
    pub resources: Vec<ShapeId>,
}

impl ShapeKind {
    /// The JSON AST name of the kind, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Simple(s) => match s {
                Simple::Blob => "blob",
                Simple::Boolean => "boolean",
                Simple::String => "string",
                Simple::Byte => "byte",
                Simple::Short => "short",
                Simple::Integer => "integer",
                Simple::Long => "long",
                Simple::Float => "float",
                Simple::Double => "double",
                Simple::BigInteger => "bigInteger",
                Simple::BigDecimal => "bigDecimal",
                Simple::Timestamp => "timestamp",
                Simple::Document => "document",
            },
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List { unique: false, .. } => "list",
            ShapeKind::List { unique: true, .. } => "set",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Service(_) => "service",
            ShapeKind::Resource(_) => "resource",
        }
    }

    /// The members of an aggregate shape, in model order (empty for other kinds).
    pub fn members(&self) -> Vec<&Member> {
        match self {
            ShapeKind::List { member, .. } => vec![member],
            ShapeKind::Map { key, value } => vec![key, value],
            ShapeKind::Structure(members) | ShapeKind::Union(members) => members.iter().collect(),
            _ => Vec::new(),
        }
    }

    /// Shapes this shape refers to (member targets and bindings), in model order.
    pub fn references(&self) -> Vec<&ShapeId> {
        match self {
            ShapeKind::Operation(op) => {
                let mut out = vec![&op.input, &op.output];
                out.extend(&op.errors);
                out
            }
            ShapeKind::Service(svc) => svc.operations.iter().chain(&svc.resources).chain(&svc.errors).collect(),
            ShapeKind::Resource(res) => res.operations.iter().chain(&res.resources).collect(),
            other => other.members().into_iter().map(|m| &m.target).collect(),
        }
    }
}
