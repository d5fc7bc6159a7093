//! The type mapping: which Rust type holds each Smithy shape, and which wire format (an adapter
//! of the generated crate's `wire` module) reads and writes it. This is the only place that
//! decides either; `render` only spells the decision.

use smithy_model::{Model, ShapeId, ShapeKind, Simple, TimestampFormat, Traits};

use super::names::{Names, TypeRef};
use crate::error::Error;

/// The Rust type of a member (before `Option` and `Box` are applied).
#[derive(Clone, Debug, PartialEq)]
pub enum RustType {
    /// `String`.
    String,
    /// `bool`.
    Bool,
    /// `i8`.
    I8,
    /// `i16`.
    I16,
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`, with non-finite values as strings on the wire.
    F32,
    /// `f64`, with non-finite values as strings on the wire.
    F64,
    /// `wire::BigNumber`: the exact digits of an arbitrary precision number.
    BigNumber,
    /// `time::OffsetDateTime` in the given wire format.
    Timestamp(TimestampFormat),
    /// `Vec<u8>`, base64 on the wire.
    Blob,
    /// `serde_json::Value`.
    Document,
    /// A generated structure, union or enum.
    Named(TypeRef),
    /// `Vec<T>`, or `Vec<Option<T>>` when sparse.
    List { item: Box<RustType>, sparse: bool },
    /// `HashMap<String, T>`, or `HashMap<String, Option<T>>` when sparse.
    Map { value: Box<RustType>, sparse: bool },
    /// No value: a union member that targets `smithy.api#Unit`.
    Unit,
}

/// A wire format of the generated crate's `wire` module, for types whose own serde form is not
/// what the service sends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WireFormat {
    /// `wire::Float`: non-finite values as strings.
    Float,
    /// `wire::EpochSeconds`.
    EpochSeconds,
    /// `wire::DateTime` (RFC 3339).
    DateTime,
    /// `wire::HttpDate` (IMF-fixdate).
    HttpDate,
    /// `wire::Base64`.
    Base64,
    /// `wire::List` (or `wire::SparseList`), with the items' format when they have one.
    List { item: Option<Box<WireFormat>>, sparse: bool },
    /// `wire::Map` (or `wire::SparseMap`), with the values' format when they have one.
    Map { value: Option<Box<WireFormat>>, sparse: bool },
}

/// How deep lists and maps may nest inside one another (`Vec<Vec<...>>`). Real models nest two
/// or three; the limit keeps hostile ones from recursing without end.
pub const MAX_COLLECTION_DEPTH: usize = 32;

impl RustType {
    /// Resolves the type of a member from its target and its effective traits.
    pub fn of_member(model: &Model, names: &Names, target: &ShapeId, traits: &Traits) -> Result<RustType, Error> {
        RustType::of_member_at(model, names, target, traits, 0)
    }

    /// [`RustType::of_member`] inside `depth` lists and maps.
    fn of_member_at(
        model: &Model,
        names: &Names,
        target: &ShapeId,
        traits: &Traits,
        depth: usize,
    ) -> Result<RustType, Error> {
        if target.is_unit() {
            return Ok(RustType::Unit);
        }
        let shape = model.expect(target);
        if depth >= MAX_COLLECTION_DEPTH && matches!(shape.kind, ShapeKind::List { .. } | ShapeKind::Map { .. }) {
            return Err(Error::unsupported(
                target.to_string(),
                format!("lists and maps nest more than {MAX_COLLECTION_DEPTH} levels deep here; the generator supports at most {MAX_COLLECTION_DEPTH}"),
            ));
        }
        Ok(match &shape.kind {
            ShapeKind::Simple(simple) => match simple {
                Simple::String => RustType::String,
                Simple::Boolean => RustType::Bool,
                Simple::Byte => RustType::I8,
                Simple::Short => RustType::I16,
                Simple::Integer => RustType::I32,
                Simple::Long => RustType::I64,
                Simple::Float => RustType::F32,
                Simple::Double => RustType::F64,
                Simple::BigInteger | Simple::BigDecimal => RustType::BigNumber,
                Simple::Timestamp => RustType::Timestamp(
                    traits.timestamp_format.or(shape.traits.timestamp_format).unwrap_or(TimestampFormat::EpochSeconds),
                ),
                Simple::Blob => RustType::Blob,
                Simple::Document => RustType::Document,
            },
            ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Structure(_) | ShapeKind::Union(_) => {
                RustType::Named(names.type_ref(target)?)
            }
            ShapeKind::List { member, .. } => RustType::List {
                item: Box::new(RustType::of_member_at(
                    model,
                    names,
                    &member.target,
                    &model.effective_traits(member),
                    depth + 1,
                )?),
                sparse: shape.traits.sparse,
            },
            ShapeKind::Map { value, .. } => RustType::Map {
                value: Box::new(RustType::of_member_at(
                    model,
                    names,
                    &value.target,
                    &model.effective_traits(value),
                    depth + 1,
                )?),
                sparse: shape.traits.sparse,
            },
            ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => {
                return Err(Error::invalid(
                    target.to_string(),
                    "a member cannot target an operation, service or resource",
                ))
            }
        })
    }

    /// The wire format that reads and writes this type, or `None` when the type's own serde
    /// implementation is exactly the wire format.
    pub fn wire_format(&self) -> Option<WireFormat> {
        match self {
            RustType::String
            | RustType::Bool
            | RustType::I8
            | RustType::I16
            | RustType::I32
            | RustType::I64
            | RustType::BigNumber
            | RustType::Document
            | RustType::Named(_)
            | RustType::Unit => None,
            RustType::F32 | RustType::F64 => Some(WireFormat::Float),
            RustType::Timestamp(TimestampFormat::EpochSeconds) => Some(WireFormat::EpochSeconds),
            RustType::Timestamp(TimestampFormat::DateTime) => Some(WireFormat::DateTime),
            RustType::Timestamp(TimestampFormat::HttpDate) => Some(WireFormat::HttpDate),
            RustType::Blob => Some(WireFormat::Base64),
            RustType::List { item, sparse } => {
                Some(WireFormat::List { item: item.wire_format().map(Box::new), sparse: *sparse })
            }
            RustType::Map { value, sparse } => {
                Some(WireFormat::Map { value: value.wire_format().map(Box::new), sparse: *sparse })
            }
        }
    }

    /// Whether the type implements `Default` (every generated type does; timestamps do not).
    pub fn has_default(&self) -> bool {
        !matches!(self, RustType::Timestamp(_))
    }

    /// Generated types this type refers to.
    pub fn named_types(&self) -> Vec<&TypeRef> {
        match self {
            RustType::Named(named) => vec![named],
            RustType::List { item: inner, .. } | RustType::Map { value: inner, .. } => inner.named_types(),
            _ => Vec::new(),
        }
    }

    /// Whether the type spells `HashMap`.
    pub fn uses_map(&self) -> bool {
        match self {
            RustType::Map { .. } => true,
            RustType::List { item, .. } => item.uses_map(),
            _ => false,
        }
    }

    /// Whether the `wire` module is needed to spell or read the type.
    pub fn uses_wire(&self) -> bool {
        matches!(self, RustType::BigNumber) || self.wire_format().is_some()
    }
}
