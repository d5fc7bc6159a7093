//! The Smithy prelude: the shapes every model may target without defining them.

use serde_json::Value;

use crate::shape::{Shape, ShapeKind, Simple};
use crate::traits::Traits;
use crate::ShapeId;

/// The prelude's namespace.
pub const NAMESPACE: &str = "smithy.api";

/// The prelude's shapes, as Smithy IDL 2.0 defines them.
///
/// `Primitive*` shapes carry a zero `@default`; the others may be absent. In IDL 1.0 models the
/// boxed ones are marked `@box`, which the loader uses to give 1.0 members their zero defaults.
pub fn shapes() -> Vec<Shape> {
    let simple = |name: &str, simple: Simple, default: Option<Value>| {
        let boxed = default.is_none() && simple.is_number_or_boolean();
        Shape {
            id: ShapeId::prelude(name),
            kind: ShapeKind::Simple(simple),
            traits: Traits { default, boxed, ..Traits::default() },
        }
    };
    let zero = || Some(Value::from(0));
    vec![
        simple("String", Simple::String, None),
        simple("Blob", Simple::Blob, None),
        simple("BigInteger", Simple::BigInteger, None),
        simple("BigDecimal", Simple::BigDecimal, None),
        simple("Timestamp", Simple::Timestamp, None),
        simple("Document", Simple::Document, None),
        simple("Boolean", Simple::Boolean, None),
        simple("Byte", Simple::Byte, None),
        simple("Short", Simple::Short, None),
        simple("Integer", Simple::Integer, None),
        simple("Long", Simple::Long, None),
        simple("Float", Simple::Float, None),
        simple("Double", Simple::Double, None),
        simple("PrimitiveBoolean", Simple::Boolean, Some(Value::Bool(false))),
        simple("PrimitiveByte", Simple::Byte, zero()),
        simple("PrimitiveShort", Simple::Short, zero()),
        simple("PrimitiveInteger", Simple::Integer, zero()),
        simple("PrimitiveLong", Simple::Long, zero()),
        simple("PrimitiveFloat", Simple::Float, zero()),
        simple("PrimitiveDouble", Simple::Double, zero()),
        Shape { id: ShapeId::prelude("Unit"), kind: ShapeKind::Structure(Vec::new()), traits: Traits::default() },
    ]
}
