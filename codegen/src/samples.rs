//! Sample wire values built from the model alone (never from the generated Rust), for the tests
//! that the generator writes into every crate.
//!
//! A sample is a pair: the JSON a service might send (`input`), and the JSON the generated types
//! must write after reading it (`output`). They differ exactly where the wire rules say reading
//! is lenient: unknown members, `null` items in dense collections, and `__type` in unions are
//! dropped; defaulted members that were absent are written with their default.

use serde_json::{json, Map, Value};
use smithy_model::{Member, Model, Shape, ShapeId, ShapeKind, Simple, TimestampFormat};

/// Which members a sample structure sets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    /// Every member, with known enum values.
    All,
    /// Only required members (defaulted ones appear in the output), with enum values the crate
    /// does not know.
    RequiredOnly,
}

/// A sample wire value and what it must be written back as.
#[derive(Clone, Debug, PartialEq)]
pub struct Sample {
    /// What is read.
    pub input: Value,
    /// What must be written after reading `input`.
    pub output: Value,
}

impl Sample {
    fn same(value: Value) -> Sample {
        Sample { input: value.clone(), output: value }
    }
}

/// What samples are built from.
struct Cx<'m> {
    model: &'m Model,
    /// Whether members are keyed by `@jsonName` (restJson1).
    json_names: bool,
}

impl Cx<'_> {
    /// The key of a member on the wire.
    fn key(&self, member: &Member) -> String {
        match (&member.traits.json_name, self.json_names) {
            (Some(name), true) => name.clone(),
            _ => member.name.clone(),
        }
    }
}

/// An enum value that no model defines.
pub const UNKNOWN_ENUM_VALUE: &str = "FUTURE_VALUE_NOT_IN_THE_MODEL";

/// An intEnum value that no model defines.
pub const UNKNOWN_INT_ENUM_VALUE: i32 = 987_654;

/// Below this depth nested structures set only required members, to keep samples small.
const FULL_DEPTH: usize = 2;

/// A sample of the shape `id`; a structure gets an unknown member at the top when `Fill::All`.
pub fn of_shape(model: &Model, id: &ShapeId, fill: Fill, json_names: bool) -> Sample {
    let cx = Cx { model, json_names };
    let mut sample = shape(&cx, model.expect(id), fill, 0);
    if fill == Fill::All && matches!(model.expect(id).kind, ShapeKind::Structure(_)) {
        if let Value::Object(input) = &mut sample.input {
            input.insert("MemberFromTheFuture".to_owned(), json!({"Nested": [1, "two", null]}));
        }
    }
    sample
}

/// From this depth on, lists and maps are empty and unions prefer a member that ends the value
/// (not a structure or union), so that recursive shapes give finite samples: a structure that
/// requires a list of itself, a union whose first member is itself.
const SHALLOW_DEPTH: usize = 8;

/// No sample nests deeper than this (the generated crate could not read it: serde_json reads at
/// most 128 levels). Only reached by a model whose unions all prefer deep members; the generator
/// refuses types that have no value shallower than `boxing::MAX_VALUE_DEPTH`.
const MAX_SAMPLE_DEPTH: usize = 100;

/// The member of a union that a sample sets: the first one with a value, or deep in a sample,
/// the first whose value ends there; a union of `Unit` members only sets its first (`{}`).
fn union_member<'m>(cx: &Cx, members: &'m [Member], depth: usize) -> Option<&'m Member> {
    let mut valued = members.iter().filter(|m| !m.target.is_unit());
    let chosen = if depth < SHALLOW_DEPTH {
        valued.next()
    } else {
        let ends =
            |m: &&Member| !matches!(cx.model.expect(&m.target).kind, ShapeKind::Structure(_) | ShapeKind::Union(_));
        valued.clone().find(ends).or_else(|| valued.next())
    };
    chosen.or(members.first())
}

fn shape(cx: &Cx, shape: &Shape, fill: Fill, depth: usize) -> Sample {
    if depth > MAX_SAMPLE_DEPTH {
        return Sample::same(Value::Null);
    }
    match &shape.kind {
        ShapeKind::List { .. } if depth >= SHALLOW_DEPTH => Sample::same(json!([])),
        ShapeKind::Map { .. } if depth >= SHALLOW_DEPTH => Sample::same(json!({})),
        ShapeKind::Simple(simple) => Sample::same(simple_value(*simple, shape.traits.timestamp_format, fill)),
        ShapeKind::Enum(values) => Sample::same(match fill {
            Fill::All => Value::String(values.first().map(|v| v.value.clone()).unwrap_or_default()),
            Fill::RequiredOnly => Value::String(UNKNOWN_ENUM_VALUE.to_owned()),
        }),
        ShapeKind::IntEnum(values) => Sample::same(match fill {
            Fill::All => json!(values.first().map_or(0, |v| v.value)),
            Fill::RequiredOnly => json!(UNKNOWN_INT_ENUM_VALUE),
        }),
        ShapeKind::List { member: item, .. } => {
            let item = member(cx, item, fill, depth + 1);
            if shape.traits.sparse {
                Sample { input: json!([item.input, null]), output: json!([item.output, null]) }
            } else {
                Sample { input: json!([item.input, null]), output: json!([item.output]) }
            }
        }
        ShapeKind::Map { value, .. } => {
            let value = member(cx, value, fill, depth + 1);
            if shape.traits.sparse {
                Sample {
                    input: json!({"key-1": value.input, "key-2": null}),
                    output: json!({"key-1": value.output, "key-2": null}),
                }
            } else {
                Sample { input: json!({"key-1": value.input, "key-2": null}), output: json!({"key-1": value.output}) }
            }
        }
        ShapeKind::Structure(members) => structure_members(cx, shape, members, fill, depth),
        ShapeKind::Union(members) => {
            let Some(first) = union_member(cx, members, depth) else {
                return Sample::same(json!({}));
            };
            let value = member(cx, first, fill, depth + 1);
            Sample {
                input: json!({ "__type": "ignored", cx.key(first): value.input }),
                output: json!({ cx.key(first): value.output }),
            }
        }
        ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => Sample::same(Value::Null),
    }
}

fn structure_members(cx: &Cx, shape: &Shape, members: &[Member], fill: Fill, depth: usize) -> Sample {
    let fill = if depth >= FULL_DEPTH { Fill::RequiredOnly } else { fill };
    let mut input = Map::new();
    let mut output = Map::new();
    for m in members {
        let default = written_default(shape, m);
        if fill == Fill::All || m.traits.required {
            let value = member(cx, m, fill, depth + 1);
            input.insert(cx.key(m), value.input);
            output.insert(cx.key(m), value.output);
        } else if let Some(default) = default {
            output.insert(cx.key(m), wire_default(cx, m, default));
        }
    }
    Sample { input: Value::Object(input), output: Value::Object(output) }
}

fn member(cx: &Cx, m: &Member, fill: Fill, depth: usize) -> Sample {
    let target = cx.model.expect(&m.target);
    match (&target.kind, m.traits.timestamp_format) {
        (ShapeKind::Simple(Simple::Timestamp), Some(format)) => {
            Sample::same(simple_value(Simple::Timestamp, Some(format), fill))
        }
        _ => shape(cx, target, fill, depth),
    }
}

/// One value per simple type; `RequiredOnly` samples use the edge cases.
fn simple_value(simple: Simple, format: Option<TimestampFormat>, fill: Fill) -> Value {
    let all = fill == Fill::All;
    match simple {
        Simple::String => json!(if all { "Grüße, 世界 \"quoted\" \\ \n" } else { "" }),
        Simple::Boolean => json!(all),
        Simple::Byte => json!(if all { -128 } else { 127 }),
        Simple::Short => json!(if all { -32768 } else { 32767 }),
        Simple::Integer => json!(if all { -2_147_483_648_i64 } else { 2_147_483_647 }),
        Simple::Long => json!(if all { 9_007_199_254_740_993_i64 } else { -9_223_372_036_854_775_808_i64 }),
        Simple::Float => {
            if all {
                json!(1.5)
            } else {
                json!("-Infinity")
            }
        }
        Simple::Double => {
            if all {
                json!(2.25)
            } else {
                json!("NaN")
            }
        }
        Simple::BigInteger => json!(if all { 1234567 } else { -7 }),
        Simple::BigDecimal => json!(if all { 1234.5 } else { 0.25 }),
        Simple::Timestamp => match format.unwrap_or(TimestampFormat::EpochSeconds) {
            TimestampFormat::EpochSeconds => {
                if all {
                    json!(1_700_000_000.125)
                } else {
                    json!(-86_400)
                }
            }
            TimestampFormat::DateTime => json!(if all { "2023-11-14T22:13:20.125Z" } else { "1969-12-31T00:00:00Z" }),
            TimestampFormat::HttpDate => {
                json!(if all { "Tue, 14 Nov 2023 22:13:20 GMT" } else { "Wed, 31 Dec 1969 00:00:00 GMT" })
            }
        },
        Simple::Blob => json!(if all { "aGVsbG8gd29ybGQ=" } else { "" }),
        Simple::Document => {
            if all {
                json!({"a": [1, "two", null, true, {"b": 2.5}]})
            } else {
                Value::Null
            }
        }
    }
}

/// What the generated types write after reading `value` as the shape `id`: the same JSON, plus
/// every defaulted member that was absent, with its default (Smithy: "all default values SHOULD
/// be serialized").
pub fn with_defaults(model: &Model, id: &ShapeId, value: &Value, json_names: bool) -> Value {
    defaults(&Cx { model, json_names }, id, value)
}

fn defaults(cx: &Cx, id: &ShapeId, value: &Value) -> Value {
    let shape = cx.model.expect(id);
    match (&shape.kind, value) {
        (ShapeKind::Structure(members), Value::Object(object)) => {
            let mut out = Map::new();
            for m in members {
                match object.get(&cx.key(m)) {
                    Some(v) => {
                        out.insert(cx.key(m), defaults(cx, &m.target, v));
                    }
                    None => {
                        if let Some(default) = written_default(shape, m) {
                            out.insert(cx.key(m), wire_default(cx, m, default));
                        }
                    }
                }
            }
            // Members the model does not know are kept, so that a test notices they are dropped.
            for (key, v) in object {
                if !members.iter().any(|m| &cx.key(m) == key) {
                    out.insert(key.clone(), v.clone());
                }
            }
            Value::Object(out)
        }
        (ShapeKind::Union(members), Value::Object(object)) => Value::Object(
            object
                .iter()
                .map(|(key, v)| match members.iter().find(|m| &cx.key(m) == key) {
                    Some(m) => (key.clone(), defaults(cx, &m.target, v)),
                    None => (key.clone(), v.clone()),
                })
                .collect(),
        ),
        (ShapeKind::List { member, .. }, Value::Array(items)) => {
            Value::Array(items.iter().map(|v| defaults(cx, &member.target, v)).collect())
        }
        (ShapeKind::Map { value: member, .. }, Value::Object(entries)) => {
            Value::Object(entries.iter().map(|(k, v)| (k.clone(), defaults(cx, &member.target, v))).collect())
        }
        _ => value.clone(),
    }
}

/// A node value for the shape `id` (a protocol compliance case's `params`, an example: keyed by
/// member name, blobs as their raw text, timestamps as epoch seconds or RFC 3339 text) in the
/// serde form of the generated types: keyed by wire name, blobs in base64, timestamps in their
/// member's format.
pub fn params_as_wire(model: &Model, id: &ShapeId, params: &Value, json_names: bool) -> Value {
    params_value(&Cx { model, json_names }, model.expect(id), None, params)
}

fn params_value(cx: &Cx, shape: &Shape, member: Option<&Member>, value: &Value) -> Value {
    let of_member = |m: &Member, v: &Value| params_value(cx, cx.model.expect(&m.target), Some(m), v);
    match (&shape.kind, value) {
        (ShapeKind::Structure(members) | ShapeKind::Union(members), Value::Object(object)) => Value::Object(
            object
                .iter()
                .map(|(key, v)| match members.iter().find(|m| &m.name == key) {
                    Some(m) => (cx.key(m), of_member(m, v)),
                    None => (key.clone(), v.clone()),
                })
                .collect(),
        ),
        (ShapeKind::List { member: item, .. }, Value::Array(items)) => {
            Value::Array(items.iter().map(|v| of_member(item, v)).collect())
        }
        (ShapeKind::Map { value: item, .. }, Value::Object(entries)) => {
            Value::Object(entries.iter().map(|(k, v)| (k.clone(), of_member(item, v))).collect())
        }
        (ShapeKind::Simple(Simple::Blob), Value::String(text)) => {
            use base64::Engine as _;
            json!(base64::engine::general_purpose::STANDARD.encode(text))
        }
        (ShapeKind::Simple(Simple::Timestamp), Value::Number(_) | Value::String(_)) => {
            let format = member.and_then(|m| m.traits.timestamp_format).or(shape.traits.timestamp_format);
            timestamp_in_format(value, format).unwrap_or_else(|| value.clone())
        }
        _ => value.clone(),
    }
}

/// Epoch seconds (a JSON number) or RFC 3339 text, written in a timestamp format as the
/// generated types write it.
fn timestamp_in_format(value: &Value, format: Option<TimestampFormat>) -> Option<Value> {
    use time::format_description::well_known::Rfc3339;
    use time::OffsetDateTime;
    let instant = match value {
        Value::String(text) => OffsetDateTime::parse(text, &Rfc3339).ok()?,
        Value::Number(n) => {
            let secs = n.as_f64()?;
            let whole = secs.floor();
            let nanos = ((secs - whole) * 1e6).round() as i64 * 1000;
            OffsetDateTime::from_unix_timestamp(whole as i64).ok()? + time::Duration::nanoseconds(nanos)
        }
        _ => return None,
    };
    Some(match format.unwrap_or(TimestampFormat::EpochSeconds) {
        TimestampFormat::EpochSeconds => match instant.nanosecond() {
            0 => json!(instant.unix_timestamp()),
            nanos => json!(instant.unix_timestamp() as f64 + f64::from(nanos) / 1e9),
        },
        TimestampFormat::DateTime => json!(instant.format(&Rfc3339).ok()?),
        TimestampFormat::HttpDate => {
            let http_date = time::macros::format_description!(
                "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
            );
            json!(instant.format(&http_date).ok()?)
        }
    })
}

/// The default that is written for a member left out on the wire: none for a member that a
/// client may leave unset — `@clientOptional`, or a member of an operation's input, whose
/// default the service applies (Smithy's client nullability rules).
fn written_default<'m>(shape: &Shape, m: &'m Member) -> Option<&'m Value> {
    let unset_by_client = shape.traits.input || m.traits.client_optional;
    m.traits.default.as_ref().filter(|v| !v.is_null() && !unset_by_client)
}

/// A member's default as the generated types write it: the model writes timestamps as epoch
/// seconds or RFC 3339 text and blobs as base64 with or without padding, and a floating-point
/// default may be a JSON integer.
fn wire_default(cx: &Cx, m: &Member, default: &Value) -> Value {
    let target = cx.model.expect(&m.target);
    match (&target.kind, default) {
        (ShapeKind::Simple(Simple::Float | Simple::Double), Value::Number(n)) => json!(n.as_f64()),
        (ShapeKind::Simple(Simple::Blob), Value::String(text)) => {
            use base64::Engine as _;
            let engine = base64::engine::general_purpose::GeneralPurpose::new(
                &base64::alphabet::STANDARD,
                base64::engine::GeneralPurposeConfig::new()
                    .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
            );
            engine.decode(text).map_or_else(|_| default.clone(), |bytes| json!(engine.encode(bytes)))
        }
        (ShapeKind::Simple(Simple::Timestamp), _) => {
            let format = m.traits.timestamp_format.or(target.traits.timestamp_format);
            timestamp_in_format(default, format).unwrap_or_else(|| default.clone())
        }
        _ => default.clone(),
    }
}

/// A sample for the redaction test: every string the model marks `@sensitive` (on the member,
/// its target, or any container above it) is `SECRET-<n>`, every other string `visible-<n>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Marked {
    /// The JSON to read.
    pub json: Value,
    /// How many sensitive strings it holds.
    pub secrets: usize,
}

/// Prefix of the sensitive strings of [`marked`] samples.
pub const SECRET: &str = "SECRET-";

/// A [`Marked`] sample of the shape `id`, with every member set down to a bounded depth.
pub fn marked(model: &Model, id: &ShapeId, json_names: bool) -> Marked {
    let cx = Cx { model, json_names };
    let mut counter = Counter::default();
    let json = mark(&cx, model.expect(id), false, 0, &mut counter);
    Marked { json, secrets: counter.secrets }
}

#[derive(Default)]
struct Counter {
    next: usize,
    secrets: usize,
}

impl Counter {
    fn string(&mut self, sensitive: bool) -> Value {
        self.next += 1;
        if sensitive {
            self.secrets += 1;
            Value::String(format!("{SECRET}{}", self.next))
        } else {
            Value::String(format!("visible-{}", self.next))
        }
    }
}

/// Below this depth only required members are set, so recursive shapes stay finite.
const MARKED_DEPTH: usize = 6;

fn mark(cx: &Cx, shape: &Shape, sensitive: bool, depth: usize, counter: &mut Counter) -> Value {
    let sensitive = sensitive || shape.traits.sensitive;
    let member_value = |m: &Member, counter: &mut Counter| {
        let target = cx.model.expect(&m.target);
        let inner = sensitive || m.traits.sensitive;
        match (&target.kind, m.traits.timestamp_format) {
            (ShapeKind::Simple(Simple::Timestamp), Some(format)) => {
                simple_value(Simple::Timestamp, Some(format), Fill::All)
            }
            _ => mark(cx, target, inner, depth + 1, counter),
        }
    };
    if depth > MAX_SAMPLE_DEPTH {
        return Value::Null;
    }
    match &shape.kind {
        ShapeKind::List { .. } if depth >= SHALLOW_DEPTH => json!([]),
        ShapeKind::Map { .. } if depth >= SHALLOW_DEPTH => json!({}),
        ShapeKind::Simple(Simple::String) => counter.string(sensitive),
        ShapeKind::Simple(simple) => simple_value(*simple, shape.traits.timestamp_format, Fill::All),
        ShapeKind::Enum(values) if !sensitive => {
            Value::String(values.first().map(|v| v.value.clone()).unwrap_or_default())
        }
        ShapeKind::Enum(_) => counter.string(true),
        ShapeKind::IntEnum(values) => json!(values.first().map_or(0, |v| v.value)),
        ShapeKind::List { member, .. } => json!([member_value(member, counter)]),
        ShapeKind::Map { key, value } => {
            let key_sensitive = sensitive || key.traits.sensitive || cx.model.expect(&key.target).traits.sensitive;
            let key = match counter.string(key_sensitive) {
                Value::String(s) => s,
                _ => unreachable!("Counter::string makes strings"),
            };
            let mut object = Map::new();
            object.insert(key, member_value(value, counter));
            Value::Object(object)
        }
        ShapeKind::Structure(members) => {
            let mut object = Map::new();
            for m in members {
                if depth < MARKED_DEPTH || m.traits.required {
                    object.insert(cx.key(m), member_value(m, counter));
                }
            }
            Value::Object(object)
        }
        ShapeKind::Union(members) => match union_member(cx, members, depth) {
            Some(first) => json!({ cx.key(first): member_value(first, counter) }),
            None => json!({}),
        },
        ShapeKind::Operation(_) | ShapeKind::Service(_) | ShapeKind::Resource(_) => Value::Null,
    }
}
