//! The generated types: one record per structure, union and enum of the service closure.

use smithy_model::{Deprecated, ErrorFault, Shape, ShapeId, ShapeKind};

use super::members::{self, MemberDef};
use crate::error::Error;
use crate::naming;

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
    /// The operations that take this structure as input or output, or return it as an error.
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
    /// A union: one variant per member.
    Union(Vec<MemberDef>),
}

/// A generated structure.
#[derive(Debug)]
pub struct StructDef {
    /// Its fields, in model order.
    pub members: Vec<MemberDef>,
    /// `@error`, if it is an error structure.
    pub error: Option<ErrorInfo>,
}

impl StructDef {
    /// Whether `Default` can be derived (every field type has a default and every model default
    /// is the type's own zero value).
    pub fn derives_default(&self) -> bool {
        self.members.iter().all(|m| m.is_optional() || (m.ty.has_default() && m.default().is_none_or(|d| d.is_zero())))
    }

    /// The member that holds an error's message: `message` or `Message`, a string.
    pub fn message_member(&self) -> Option<&MemberDef> {
        self.members.iter().find(|m| m.name.eq_ignore_ascii_case("message") && m.ty == super::types::RustType::String)
    }
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

/// The record of one shape that generates a type (its name and module already decided).
pub fn type_def(
    cx: &mut members::Context<'_>,
    shape: &Shape,
    name: String,
    module: String,
    bindings: Vec<Binding>,
) -> Result<TypeDef, Error> {
    let kind = match &shape.kind {
        ShapeKind::Structure(members) => {
            let error = shape.traits.error.map(|fault| ErrorInfo {
                fault,
                http_status: shape.traits.http_error.unwrap_or(match fault {
                    ErrorFault::Client => 400,
                    ErrorFault::Server => 500,
                }),
                retryable: shape.traits.retryable,
                code: shape.id.name().to_owned(),
            });
            TypeKind::Struct(StructDef { members: cx.structure(shape, members)?, error })
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
        ShapeKind::Union(members) => TypeKind::Union(cx.union(shape, members)?),
        other => return Err(Error::bug(shape.id.to_string(), format!("a {} has no Rust type", other.type_name()))),
    };
    Ok(TypeDef {
        shape: shape.id.clone(),
        name,
        module,
        docs: shape.traits.documentation.clone(),
        deprecated: shape.traits.deprecated.clone(),
        bindings,
        sensitive: shape.traits.sensitive,
        kind,
    })
}
