//! The operations of the service: one record per operation with its types, errors, auth,
//! pagination and examples, decided once from the model and the generated types.

use std::collections::BTreeMap;

use serde_json::Value;
use smithy_model::{Model, Paginated, ShapeId, ShapeKind};

use super::http::{self, HttpRoute};
use super::names::{Names, TypeRef};
use super::service::ServiceDef;
use super::type_defs::{TypeDef, TypeKind};
use super::types::RustType;
use crate::error::Error;
use crate::naming;

/// How an operation is authenticated (mirrors the generated `operation::Auth`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Auth {
    /// SigV4.
    SigV4,
    /// SigV4, optional (`@optionalAuth`).
    SigV4Optional,
    /// None (`@auth([])`).
    None,
}

/// One operation.
#[derive(Debug)]
pub struct OperationDef {
    /// The operation shape.
    pub shape: ShapeId,
    /// The name of the operation's unit struct.
    pub name: String,
    /// The operation's name in the model (the shape's name).
    pub wire_name: String,
    /// The `X-Amz-Target` header.
    pub target: String,
    /// The name of its error enum.
    pub error_name: String,
    /// The file name under `src/operations/`.
    pub module: String,
    /// The input type (`None` for `smithy.api#Unit`).
    pub input: Option<TypeRef>,
    /// The output type (`None` for `smithy.api#Unit`).
    pub output: Option<TypeRef>,
    /// Its errors (operation errors, then service errors).
    pub errors: Vec<ErrorRef>,
    /// How requests are authenticated.
    pub auth: Auth,
    /// The model's documentation (HTML).
    pub docs: Option<String>,
    /// Pagination, when the operation is `@paginated`.
    pub pagination: Option<Pagination>,
    /// The model's examples (`smithy.api#examples`).
    pub examples: Vec<Example>,
    /// `@endpoint`: the prefix a client puts before the endpoint's host.
    pub host_prefix: Option<Vec<HostPart>>,
    /// `@requestCompression` with `gzip`: bodies large enough are sent gzip-compressed.
    pub gzip: bool,
    /// restJson1: the `@http` route.
    pub route: Option<HttpRoute>,
    /// `@httpChecksumRequired`: requests carry the `Content-MD5` of their body.
    pub checksum_required: bool,
}

/// A piece of an `@endpoint` host prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostPart {
    /// Text as written, e.g. `foo.`.
    Text(String),
    /// The value of an input member marked `@hostLabel`.
    Label {
        /// The member's name in the model.
        member: String,
        /// The Rust field name.
        field: String,
        /// Whether the field is an `Option`.
        optional: bool,
    },
}

/// An error an operation can return.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct ErrorRef {
    /// The Rust type (and variant) name.
    pub name: String,
    /// The code on the wire: the shape name.
    pub code: String,
}

/// A member of an input or output used by pagination.
#[derive(Debug)]
pub struct PageMember {
    /// The member's name in the model.
    pub member: String,
    /// The Rust field name.
    pub field: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
}

/// Resolved `@paginated` members.
#[derive(Debug)]
pub struct Pagination {
    /// The input token.
    pub input_token: PageMember,
    /// The output token.
    pub output_token: PageMember,
    /// The page size member, if any.
    pub page_size: Option<String>,
    /// The items member and its item type, when it is a dense list.
    pub items: Option<(PageMember, RustType)>,
}

/// One example call of an operation, as JSON of its input, output or error.
#[derive(Debug)]
pub struct Example {
    /// The input, when the operation has an input type and the example shows it.
    pub input: Option<Value>,
    /// The output, when the operation has an output type and the example shows it.
    pub output: Option<Value>,
    /// The error type and its members, when the example returns an error.
    pub error: Option<(TypeRef, Value)>,
}

/// Every operation of the service closure, sorted by name. `types` are the generated types by
/// shape ID (pagination reads their members).
pub fn operations(
    model: &Model,
    service: &ServiceDef,
    names: &Names,
    types: &BTreeMap<ShapeId, &TypeDef>,
) -> Result<Vec<OperationDef>, Error> {
    let svc_shape = model.expect(&service.shape);
    let ShapeKind::Service(svc) = &svc_shape.kind else {
        return Err(Error::bug(service.shape.to_string(), "is not a service"));
    };
    let service_paginated = svc_shape.traits.paginated.clone().unwrap_or_default();
    let mut out = Vec::new();
    for id in model.closure(&service.shape) {
        let shape = model.expect(&id);
        let ShapeKind::Operation(op) = &shape.kind else { continue };
        let type_of = |target: &ShapeId| (!target.is_unit()).then(|| names.type_ref(target)).transpose();
        let mut errors = Vec::new();
        for error in op.errors.iter().chain(&svc.errors) {
            let error = ErrorRef { name: names.type_ref(error)?.name, code: error.name().to_owned() };
            if !errors.contains(&error) {
                errors.push(error);
            }
        }
        let auth = match &shape.traits.auth {
            Some(schemes) if schemes.is_empty() => Auth::None,
            _ if shape.traits.optional_auth => Auth::SigV4Optional,
            _ if svc_shape.traits.sigv4.is_some() => Auth::SigV4,
            _ => Auth::None,
        };
        let pagination = match &shape.traits.paginated {
            Some(p) => Some(pagination(&id, op, &merge(p, &service_paginated), types)?),
            None => None,
        };
        let (input, output) = (type_of(&op.input)?, type_of(&op.output)?);
        let examples = examples(&id, shape.traits.examples.as_deref().unwrap_or_default(), &input, &output, names)?;
        let host_prefix = match &shape.traits.endpoint_host_prefix {
            Some(prefix) => Some(host_prefix(&id, prefix, op, types)?),
            None => None,
        };
        let gzip = shape.traits.request_compression.iter().flatten().any(|e| e == "gzip");
        let route = if service.protocol == smithy_model::Protocol::RestJson1 {
            let input_members = match types.get(&op.input).map(|def| &def.kind) {
                Some(TypeKind::Struct(s)) => s.members.as_slice(),
                _ => &[],
            };
            let route = http::route(model, &id, input_members)?;
            Some(route.ok_or_else(|| Error::invalid(id.to_string(), "a restJson1 operation needs `smithy.api#http`"))?)
        } else {
            None
        };
        let name = naming::type_name(id.name());
        out.push(OperationDef {
            shape: id.clone(),
            wire_name: id.name().to_owned(),
            target: service.target(id.name()),
            error_name: format!("{name}Error"),
            module: naming::module_name(&name),
            name,
            input,
            output,
            errors,
            auth,
            docs: shape.traits.documentation.clone(),
            pagination,
            examples,
            host_prefix,
            gzip,
            route,
            checksum_required: shape.traits.http_checksum_required,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Every error structure of the service, sorted by name.
pub fn all_errors<'a>(types: impl IntoIterator<Item = &'a TypeDef>) -> Vec<ErrorRef> {
    let mut out: Vec<ErrorRef> = types
        .into_iter()
        .filter_map(|def| match &def.kind {
            TypeKind::Struct(s) => s.error.as_ref().map(|e| ErrorRef { name: def.name.clone(), code: e.code.clone() }),
            _ => None,
        })
        .collect();
    out.sort();
    out
}

/// The examples that apply: parts for a `Unit` input or output are left out.
fn examples(
    id: &ShapeId,
    examples: &[smithy_model::Example],
    input: &Option<TypeRef>,
    output: &Option<TypeRef>,
    names: &Names,
) -> Result<Vec<Example>, Error> {
    examples
        .iter()
        .enumerate()
        .map(|(index, example)| {
            let error = match &example.error {
                Some(smithy_model::ExampleError { shape_id, content: Some(content) }) => {
                    let ty = names.type_ref(shape_id).map_err(|_| {
                        Error::invalid(
                            format!("{id}: smithy.api#examples[{index}]"),
                            format!("`{shape_id}` has no generated type"),
                        )
                    })?;
                    Some((ty, content.clone()))
                }
                _ => None,
            };
            Ok(Example {
                input: example.input.clone().filter(|_| input.is_some()),
                output: example.output.clone().filter(|_| output.is_some()),
                error,
            })
        })
        .collect()
}

/// The parts of an `@endpoint` host prefix such as `foo.{label}.`: each label names a string
/// member of the input marked `@hostLabel`.
fn host_prefix(
    id: &ShapeId,
    prefix: &str,
    op: &smithy_model::Operation,
    types: &BTreeMap<ShapeId, &TypeDef>,
) -> Result<Vec<HostPart>, Error> {
    let place = format!("{id}: smithy.api#endpoint");
    let members = match types.get(&op.input).map(|def| &def.kind) {
        Some(TypeKind::Struct(s)) => s.members.as_slice(),
        _ => &[],
    };
    let mut parts = Vec::new();
    let mut rest = prefix;
    while let Some(open) = rest.find('{') {
        let close =
            rest[open..].find('}').ok_or_else(|| Error::invalid(&place, format!("`{prefix}` has an unclosed `{{`")))?;
        let label = &rest[open + 1..open + close];
        let member = members.iter().find(|m| m.name == label && m.ty == RustType::String).ok_or_else(|| {
            Error::invalid(&place, format!("the label `{label}` of `{prefix}` names no string member of the input"))
        })?;
        if open > 0 {
            parts.push(HostPart::Text(rest[..open].to_owned()));
        }
        parts.push(HostPart::Label {
            member: member.name.clone(),
            field: member.rust_name.clone(),
            optional: member.is_optional(),
        });
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        parts.push(HostPart::Text(rest.to_owned()));
    }
    Ok(parts)
}

/// The operation's `@paginated` over the service's (operation values win).
fn merge(op: &Paginated, service: &Paginated) -> Paginated {
    Paginated {
        input_token: op.input_token.clone().or_else(|| service.input_token.clone()),
        output_token: op.output_token.clone().or_else(|| service.output_token.clone()),
        page_size: op.page_size.clone().or_else(|| service.page_size.clone()),
        items: op.items.clone().or_else(|| service.items.clone()),
    }
}

fn pagination(
    id: &ShapeId,
    op: &smithy_model::Operation,
    p: &Paginated,
    types: &BTreeMap<ShapeId, &TypeDef>,
) -> Result<Pagination, Error> {
    let place = format!("{id}: smithy.api#paginated");
    let (Some(input_token), Some(output_token)) = (&p.input_token, &p.output_token) else {
        return Err(Error::invalid(place, "needs both `inputToken` and `outputToken`"));
    };
    let find = |structure: &ShapeId, path: &str| -> Result<(PageMember, RustType), Error> {
        if path.contains('.') {
            return Err(Error::unsupported(&place, format!("nested pagination paths (`{path}`) are not supported")));
        }
        let Some(TypeKind::Struct(s)) = types.get(structure).map(|def| &def.kind) else {
            return Err(Error::invalid(&place, format!("`{structure}` is not a structure")));
        };
        let member = s
            .members
            .iter()
            .find(|m| m.name == path)
            .ok_or_else(|| Error::invalid(&place, format!("`{structure}` has no member `{path}`")))?;
        let page_member =
            PageMember { member: path.to_owned(), field: member.rust_name.clone(), optional: member.is_optional() };
        Ok((page_member, member.ty.clone()))
    };
    let (input_token, _) = find(&op.input, input_token)?;
    let (output_token, _) = find(&op.output, output_token)?;
    let items = match &p.items {
        Some(path) => match find(&op.output, path)? {
            (member, RustType::List { item, sparse: false }) => Some((member, *item)),
            _ => None,
        },
        None => None,
    };
    Ok(Pagination { input_token, output_token, page_size: p.page_size.clone(), items })
}
