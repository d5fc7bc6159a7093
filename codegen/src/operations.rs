//! The operations of the service, resolved for rendering: names, bound types, auth, errors and
//! pagination.

use smithy_model::{Member, Model, Paginated, ShapeId, ShapeKind};

use crate::error::Error;
use crate::mapping::RustType;
use crate::naming;
use crate::space::{Names, Protocol};

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
    /// The operation's name, also the name of its unit struct.
    pub name: String,
    /// The name of its error enum.
    pub error_name: String,
    /// The file name under `src/operations/`.
    pub module: String,
    /// The input type (`None` for `smithy.api#Unit`).
    pub input: Option<String>,
    /// The output type (`None` for `smithy.api#Unit`).
    pub output: Option<String>,
    /// Its errors (operation errors, then service errors), by Rust type name and wire code.
    pub errors: Vec<ErrorRef>,
    /// How requests are authenticated.
    pub auth: Auth,
    /// The model's documentation (HTML).
    pub docs: Option<String>,
    /// Pagination, when the operation is `@paginated`.
    pub pagination: Option<Pagination>,
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
    /// The items member and its item type, when it is a list.
    pub items: Option<(PageMember, RustType)>,
}

/// Facts about the service for `operation::ServiceMetadata`.
#[derive(Debug)]
pub struct ServiceInfo {
    /// `sdkId`.
    pub sdk_id: String,
    /// The API version.
    pub version: String,
    /// The endpoint prefix.
    pub endpoint_prefix: String,
    /// The SigV4 signing name.
    pub signing_name: String,
    /// The `X-Amz-Target` prefix: the service shape's name.
    pub target_prefix: String,
    /// The protocol.
    pub protocol: Protocol,
}

impl Protocol {
    /// The protocol's name.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
            Protocol::RestJson1 => "restJson1",
        }
    }

    /// The `Content-Type` of bodies.
    pub fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
            Protocol::RestJson1 => "application/json",
        }
    }
}

/// A text member of the service's `aws.api#service` trait (`sdkId`, `endpointPrefix`, ...).
pub fn aws_service_text(service: &smithy_model::Shape, key: &str) -> Option<String> {
    service.traits.other.get("aws.api#service")?.get(key)?.as_str().map(str::to_owned)
}

/// The service's metadata.
pub fn service_info(model: &Model, service: &ShapeId, protocol: Protocol) -> ServiceInfo {
    let shape = model.expect(service);
    let text = |key: &str| aws_service_text(shape, key);
    let sdk_id = text("sdkId").unwrap_or_else(|| service.name().to_owned());
    let endpoint_prefix = text("endpointPrefix").unwrap_or_else(|| sdk_id.to_lowercase().replace(' ', "-"));
    let signing_name = shape
        .traits
        .other
        .get("aws.auth#sigv4")
        .and_then(|s| s.get("name"))
        .and_then(|v| v.as_str())
        .map_or_else(|| endpoint_prefix.clone(), str::to_owned);
    let version = match &shape.kind {
        ShapeKind::Service(svc) => svc.version.clone(),
        _ => String::new(),
    };
    ServiceInfo { sdk_id, version, endpoint_prefix, signing_name, target_prefix: service.name().to_owned(), protocol }
}

/// Every operation of the service closure, sorted by name.
pub fn operations(model: &Model, names: &Names, service: &ShapeId) -> Result<Vec<OperationDef>, Error> {
    let svc_shape = model.expect(service);
    let ShapeKind::Service(svc) = &svc_shape.kind else {
        return Err(Error::new(service.to_string(), "is not a service"));
    };
    let service_paginated = svc_shape.traits.paginated.clone().unwrap_or_default();
    let service_has_sigv4 = svc_shape.traits.other.contains_key("aws.auth#sigv4");
    let mut out = Vec::new();
    for id in model.closure(service) {
        let shape = model.expect(&id);
        let ShapeKind::Operation(op) = &shape.kind else { continue };
        let type_of = |target: &ShapeId| -> Result<Option<String>, Error> {
            if target.is_unit() {
                Ok(None)
            } else {
                names.type_name(target).map(|n| Some(n.to_owned()))
            }
        };
        let mut errors = Vec::new();
        for error in op.errors.iter().chain(&svc.errors) {
            let name = names.type_name(error)?.to_owned();
            let code = error.name().to_owned();
            if !errors.iter().any(|e: &ErrorRef| e.name == name) {
                errors.push(ErrorRef { name, code });
            }
        }
        let auth = match shape.traits.other.get("smithy.api#auth").and_then(|a| a.as_array()) {
            Some(schemes) if schemes.is_empty() => Auth::None,
            _ if shape.traits.other.contains_key("smithy.api#optionalAuth") => Auth::SigV4Optional,
            _ if service_has_sigv4 => Auth::SigV4,
            _ => Auth::None,
        };
        let pagination = match &shape.traits.paginated {
            Some(p) => Some(pagination(model, &id, op, &merge(p, &service_paginated), names)?),
            None => None,
        };
        let name = naming::type_name(id.name());
        out.push(OperationDef {
            shape: id.clone(),
            error_name: format!("{name}Error"),
            module: naming::module_name(&name),
            name,
            input: type_of(&op.input)?,
            output: type_of(&op.output)?,
            errors,
            auth,
            docs: shape.traits.documentation.clone(),
            pagination,
        });
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

/// Every error structure of the closure, sorted by name.
pub fn all_errors(model: &Model, names: &Names, service: &ShapeId) -> Result<Vec<ErrorRef>, Error> {
    let mut out = Vec::new();
    for id in model.closure(service) {
        let shape = model.expect(&id);
        if shape.traits.error.is_some() && matches!(shape.kind, ShapeKind::Structure(_)) {
            out.push(ErrorRef { name: names.type_name(&id)?.to_owned(), code: id.name().to_owned() });
        }
    }
    out.sort();
    Ok(out)
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
    model: &Model,
    id: &ShapeId,
    op: &smithy_model::Operation,
    p: &Paginated,
    names: &Names,
) -> Result<Pagination, Error> {
    let place = format!("{id}: smithy.api#paginated");
    let (Some(input_token), Some(output_token)) = (&p.input_token, &p.output_token) else {
        return Err(Error::new(place, "needs both `inputToken` and `outputToken`"));
    };
    let find = |structure: &ShapeId, path: &str| -> Result<(PageMember, Member), Error> {
        if path.contains('.') {
            return Err(Error::new(&place, format!("nested pagination paths (`{path}`) are not supported")));
        }
        let ShapeKind::Structure(members) = &model.expect(structure).kind else {
            return Err(Error::new(&place, format!("`{structure}` is not a structure")));
        };
        let member = members
            .iter()
            .find(|m| m.name == path)
            .ok_or_else(|| Error::new(&place, format!("`{structure}` has no member `{path}`")))?;
        let optional = !member.traits.required && !member.traits.has_default();
        Ok((PageMember { member: path.to_owned(), field: naming::field_name(path), optional }, member.clone()))
    };
    let (input_token, _) = find(&op.input, input_token)?;
    let (output_token, _) = find(&op.output, output_token)?;
    let items = match &p.items {
        Some(path) => {
            let (page_member, member) = find(&op.output, path)?;
            match &model.expect(&member.target).kind {
                ShapeKind::List { member: item, .. } if !model.expect(&member.target).traits.sparse => {
                    let ty = RustType::of_member(model, names, &item.target, &model.effective_traits(item))?;
                    Some((page_member, ty))
                }
                _ => None,
            }
        }
        None => None,
    };
    Ok(Pagination { input_token, output_token, page_size: p.page_size.clone(), items })
}
