//! Reads the Smithy JSON AST (IDL 2.0 and the 1.0 forms AWS models still use) into shapes.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::error::LoadError;
use crate::shape::{EnumValue, IntEnumValue, Member, Operation, Resource, Service, Shape, ShapeKind, Simple};
use crate::traits::{parse_traits, short, EnumValueTrait, Traits};
use crate::ShapeId;

/// The IDL version a model was written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlVersion {
    /// Smithy IDL 1.0.
    V1,
    /// Smithy IDL 2.0.
    V2,
}

/// What the loader reads from a document, before validation.
pub(crate) struct Parsed {
    pub version: IdlVersion,
    pub shapes: BTreeMap<ShapeId, Shape>,
    /// `apply` statements: target (shape ID, optional member name) and the traits to add.
    pub applies: Vec<(ShapeId, Option<String>, Traits)>,
}

pub(crate) fn parse_document(text: &str) -> Result<Parsed, LoadError> {
    let root: Value = serde_json::from_str(text).map_err(|e| {
        LoadError::new(format!("line {}, column {}", e.line(), e.column()), format!("malformed JSON: {e}"))
    })?;
    let root = root.as_object().ok_or_else(|| LoadError::new("$", "expected a JSON object"))?;
    let version = match root.get("smithy") {
        Some(Value::String(v)) if v == "2" || v == "2.0" => IdlVersion::V2,
        Some(Value::String(v)) if v == "1" || v == "1.0" => IdlVersion::V1,
        Some(Value::String(other)) => {
            return Err(LoadError::unsupported("$.smithy", format!("unsupported Smithy IDL version `{other}`")))
        }
        Some(other) => {
            return Err(LoadError::new("$.smithy", format!("expected a version string, found {}", short(other))))
        }
        None => return Err(LoadError::new("$.smithy", "missing the Smithy IDL version string")),
    };
    let mut parsed = Parsed { version, shapes: BTreeMap::new(), applies: Vec::new() };
    let shapes = match root.get("shapes") {
        None => return Ok(parsed),
        Some(Value::Object(shapes)) => shapes,
        Some(other) => return Err(LoadError::new("$.shapes", format!("expected an object, found {}", short(other)))),
    };
    for (key, json) in shapes {
        let at = format!("$.shapes[\"{key}\"]");
        let body = json.as_object().ok_or_else(|| LoadError::new(&at, "expected a shape object"))?;
        let kind = str_field(body, "type", &at)?;
        if kind == "apply" {
            parsed.applies.push(parse_apply(key, body, &at)?);
            continue;
        }
        let id = ShapeId::parse(key).map_err(|e| LoadError::new(&at, e))?;
        if id.namespace() == crate::prelude::NAMESPACE {
            return Err(LoadError::new(
                id.to_string(),
                "models may not define shapes in the prelude namespace `smithy.api`",
            ));
        }
        if let Some(mixins) = body.get("mixins") {
            if !matches!(mixins, Value::Array(m) if m.is_empty()) {
                return Err(LoadError::unsupported(
                    id.to_string(),
                    "mixins are not supported: flatten the model (smithy build's `flattenAndRemoveMixins`) first",
                ));
            }
        }
        let traits = traits_field(body, &id.to_string())?;
        let kind = parse_kind(&id, kind, body, &traits, &at)?;
        parsed.shapes.insert(id.clone(), Shape { id, kind, traits });
    }
    Ok(parsed)
}

fn parse_apply(key: &str, body: &Map<String, Value>, at: &str) -> Result<(ShapeId, Option<String>, Traits), LoadError> {
    let (shape, member) = match key.split_once('$') {
        Some((shape, member)) => (shape, Some(member.to_owned())),
        None => (key, None),
    };
    let id = ShapeId::parse(shape).map_err(|e| LoadError::new(at, e))?;
    let traits = traits_field(body, key)?;
    Ok((id, member, traits))
}

fn parse_kind(
    id: &ShapeId,
    kind: &str,
    body: &Map<String, Value>,
    traits: &Traits,
    at: &str,
) -> Result<ShapeKind, LoadError> {
    let place = id.to_string();
    if let Some(simple) = Simple::from_type_name(kind) {
        if simple == Simple::String {
            if let Some(values) = &traits.legacy_enum {
                return legacy_enum(id, values).map(ShapeKind::Enum);
            }
        }
        return Ok(ShapeKind::Simple(simple));
    }
    Ok(match kind {
        "enum" => ShapeKind::Enum(enum_members(id, body, at)?),
        "intEnum" => ShapeKind::IntEnum(int_enum_members(id, body, at)?),
        "list" | "set" => ShapeKind::List { member: member_field(id, body, "member", at)?, unique: kind == "set" },
        "map" => {
            ShapeKind::Map { key: member_field(id, body, "key", at)?, value: member_field(id, body, "value", at)? }
        }
        "structure" => ShapeKind::Structure(members(id, body, at)?),
        "union" => ShapeKind::Union(members(id, body, at)?),
        "operation" => ShapeKind::Operation(Operation {
            input: optional_ref(body, "input", at)?.unwrap_or_else(|| ShapeId::prelude("Unit")),
            output: optional_ref(body, "output", at)?.unwrap_or_else(|| ShapeId::prelude("Unit")),
            errors: ref_list(body, "errors", at)?,
        }),
        "service" => ShapeKind::Service(Service {
            version: match body.get("version") {
                None => String::new(),
                Some(Value::String(v)) => v.clone(),
                Some(_) => return Err(LoadError::new(format!("{at}.version"), "expected a string")),
            },
            operations: ref_list(body, "operations", at)?,
            resources: ref_list(body, "resources", at)?,
            errors: ref_list(body, "errors", at)?,
            rename: renames(body, at)?,
        }),
        "resource" => {
            let mut operations = Vec::new();
            for lifecycle in ["create", "put", "read", "update", "delete", "list"] {
                operations.extend(optional_ref(body, lifecycle, at)?);
            }
            operations.extend(ref_list(body, "operations", at)?);
            operations.extend(ref_list(body, "collectionOperations", at)?);
            ShapeKind::Resource(Resource { operations, resources: ref_list(body, "resources", at)? })
        }
        other => return Err(LoadError::new(place, format!("unknown shape type `{other}`"))),
    })
}

fn str_field<'a>(body: &'a Map<String, Value>, key: &str, at: &str) -> Result<&'a str, LoadError> {
    match body.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(other) => Err(LoadError::new(format!("{at}.{key}"), format!("expected a string, found {}", short(other)))),
        None => Err(LoadError::new(at, format!("missing `{key}`"))),
    }
}

fn traits_field(body: &Map<String, Value>, place: &str) -> Result<Traits, LoadError> {
    match body.get("traits") {
        None => Ok(Traits::default()),
        Some(Value::Object(traits)) => parse_traits(traits, place).map_err(|e| LoadError::new("", e)),
        Some(other) => Err(LoadError::new(place, format!("`traits` must be an object, found {}", short(other)))),
    }
}

/// A `{"target": "ns#X"}` reference.
fn reference(value: &Value, at: &str) -> Result<ShapeId, LoadError> {
    let target = value
        .as_object()
        .and_then(|o| o.get("target"))
        .and_then(Value::as_str)
        .ok_or_else(|| LoadError::new(at, "expected an object with a `target` string"))?;
    ShapeId::parse(target).map_err(|e| LoadError::new(at, e))
}

fn optional_ref(body: &Map<String, Value>, key: &str, at: &str) -> Result<Option<ShapeId>, LoadError> {
    body.get(key).map(|v| reference(v, &format!("{at}.{key}"))).transpose()
}

fn ref_list(body: &Map<String, Value>, key: &str, at: &str) -> Result<Vec<ShapeId>, LoadError> {
    match body.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => {
            items.iter().enumerate().map(|(i, item)| reference(item, &format!("{at}.{key}[{i}]"))).collect()
        }
        Some(_) => Err(LoadError::new(format!("{at}.{key}"), "expected an array of references")),
    }
}

fn renames(body: &Map<String, Value>, at: &str) -> Result<BTreeMap<ShapeId, String>, LoadError> {
    let mut out = BTreeMap::new();
    if let Some(rename) = body.get("rename") {
        let rename = rename.as_object().ok_or_else(|| LoadError::new(format!("{at}.rename"), "expected an object"))?;
        for (from, to) in rename {
            let here = format!("{at}.rename[\"{from}\"]");
            let id = ShapeId::parse(from).map_err(|e| LoadError::new(&here, e))?;
            let to = to.as_str().ok_or_else(|| LoadError::new(&here, "expected a string"))?;
            if !crate::shape_id::is_identifier(to) {
                return Err(LoadError::new(&here, format!("`{to}` is not a valid shape name")));
            }
            out.insert(id, to.to_owned());
        }
    }
    Ok(out)
}

fn member(owner: &ShapeId, name: &str, json: &Value, at: &str) -> Result<Member, LoadError> {
    let place = format!("{owner}${name}");
    if !crate::shape_id::is_identifier(name) {
        return Err(LoadError::new(place, "member name is not a valid identifier"));
    }
    let target = reference(json, at).map_err(|e| LoadError::new(&place, e.reason))?;
    let traits = match json.get("traits") {
        None => Traits::default(),
        Some(_) => traits_field(json.as_object().expect("reference() checked it is an object"), &place)?,
    };
    Ok(Member { name: name.to_owned(), target, traits })
}

fn member_field(owner: &ShapeId, body: &Map<String, Value>, key: &str, at: &str) -> Result<Member, LoadError> {
    let json = body.get(key).ok_or_else(|| LoadError::new(owner.to_string(), format!("missing `{key}` member")))?;
    member(owner, key, json, &format!("{at}.{key}"))
}

fn members(owner: &ShapeId, body: &Map<String, Value>, at: &str) -> Result<Vec<Member>, LoadError> {
    match body.get("members") {
        None => Ok(Vec::new()),
        Some(Value::Object(members)) => {
            members.iter().map(|(name, json)| member(owner, name, json, &format!("{at}.members.{name}"))).collect()
        }
        Some(_) => Err(LoadError::new(owner.to_string(), "`members` must be an object")),
    }
}

fn enum_members(id: &ShapeId, body: &Map<String, Value>, at: &str) -> Result<Vec<EnumValue>, LoadError> {
    members(id, body, at)?
        .into_iter()
        .map(|m| {
            unit_target(id, &m)?;
            let value = match &m.traits.enum_value {
                None => m.name.clone(),
                Some(EnumValueTrait::String(v)) => v.clone(),
                Some(EnumValueTrait::Int(_)) => {
                    return Err(LoadError::new(
                        format!("{id}${}", m.name),
                        "an enum member's `enumValue` must be a string",
                    ))
                }
            };
            Ok(EnumValue { name: Some(m.name), value, traits: m.traits })
        })
        .collect()
}

fn int_enum_members(id: &ShapeId, body: &Map<String, Value>, at: &str) -> Result<Vec<IntEnumValue>, LoadError> {
    members(id, body, at)?
        .into_iter()
        .map(|m| {
            unit_target(id, &m)?;
            match m.traits.enum_value {
                Some(EnumValueTrait::Int(value)) => Ok(IntEnumValue { name: m.name, value, traits: m.traits }),
                _ => Err(LoadError::new(format!("{id}${}", m.name), "an intEnum member needs an integer `enumValue`")),
            }
        })
        .collect()
}

/// Members of `enum` and `intEnum` shapes carry no value shape: they target `smithy.api#Unit`.
fn unit_target(id: &ShapeId, member: &Member) -> Result<(), LoadError> {
    if member.target.is_unit() {
        Ok(())
    } else {
        Err(LoadError::new(
            format!("{id}${}", member.name),
            format!("an enum member must target `smithy.api#Unit`, not `{}`", member.target),
        ))
    }
}

/// Smithy 1.0 `@enum([{value, name?, documentation?, deprecated?}])` on a string shape.
fn legacy_enum(id: &ShapeId, values: &Value) -> Result<Vec<EnumValue>, LoadError> {
    let place = || format!("{id}: trait `smithy.api#enum`");
    let entries = values.as_array().ok_or_else(|| LoadError::new(place(), "expected an array"))?;
    entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let entry =
                entry.as_object().ok_or_else(|| LoadError::new(place(), format!("entry {i} is not an object")))?;
            let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_owned);
            let value =
                text("value").ok_or_else(|| LoadError::new(place(), format!("entry {i} has no `value` string")))?;
            let mut traits = Traits { documentation: text("documentation"), ..Traits::default() };
            if entry.get("deprecated").and_then(Value::as_bool) == Some(true) {
                traits.deprecated = Some(Default::default());
            }
            Ok(EnumValue { name: text("name"), value, traits })
        })
        .collect()
}
