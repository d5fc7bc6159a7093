//! What the fuzz targets share: the generator run with its oracles, and the structure-aware
//! mutations of real models.
//!
//! The targets are in `fuzz_targets/`; `cargo xtask fuzz` runs them (see the README's
//! "Reliability" section).

use arbitrary::{Arbitrary, Unstructured};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

/// Loads `text` as a model and, when it loads, generates its crate. Panics only when the
/// generator breaks a promise: a load or generation error is a fine outcome, but an error that
/// admits a generator bug, an empty message, or output that differs between two runs is not.
pub fn load_and_generate(text: &str, twice: bool) {
    let Ok(model) = smithy_model::Model::from_json(text) else { return };
    let options = codegen::Options { standalone: true, ..codegen::Options::new("fuzz.json") };
    match codegen::generate(&model, &options) {
        Ok(generated) => {
            assert!(generated.files.iter().any(|f| f.path == "src/lib.rs"), "no src/lib.rs");
            for warning in &generated.warnings {
                assert!(!warning.message.is_empty(), "a warning without a message at {}", warning.place);
            }
            if twice {
                let again = codegen::generate(&model, &options).expect("the second run failed");
                assert!(again == generated, "two runs gave different files or warnings");
            }
        }
        Err(e) => {
            assert!(!e.reason.is_empty(), "an error without a reason at {}", e.place);
            assert!(e.kind != codegen::ErrorKind::Bug, "{e}");
        }
    }
}

/// The real models a mutation run starts from.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum Base {
    /// AWS Support: 16 operations, structures, lists, documentation, pagination.
    Support,
    /// Amazon Cognito Identity: enums, maps, more pagination.
    CognitoIdentity,
    /// The repository's edge cases: unions, intEnums, recursion, keywords, std name clashes.
    EdgeCases,
}

impl Base {
    /// The model's JSON text.
    pub fn text(self) -> &'static str {
        match self {
            Base::Support => include_str!("../../../model/aws/support-2013-04-15.json"),
            Base::CognitoIdentity => include_str!("../../../model/aws/cognito-identity-2014-06-30.json"),
            Base::EdgeCases => include_str!("../../../model/test/edge-cases.json"),
        }
    }

    /// The model, parsed once.
    pub fn json(self) -> &'static Value {
        use std::sync::OnceLock;
        static MODELS: [OnceLock<Value>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
        MODELS[self as usize].get_or_init(|| {
            let mut model: Value = serde_json::from_str(self.text()).expect("the base model is JSON");
            // The endpoint rules are most of a model's bytes and mean nothing to the generator;
            // without them each run is several times faster.
            if let Some(service) = service_mut(&mut model) {
                if let Some(Value::Object(traits)) = service.get_mut("traits") {
                    traits.retain(|name, _| !name.starts_with("smithy.rules#"));
                }
            }
            model
        })
    }
}

/// One structure-aware fuzz input: a base model, how much of the service to keep, and the
/// mutations to apply in order.
#[derive(Arbitrary, Debug)]
pub struct MutationRun {
    /// The model to start from.
    pub base: Base,
    /// Keep only 1 + `count` % 4 operations of the service from `first` on, so that a run
    /// generates in milliseconds; `count` 255 keeps the whole service.
    pub keep_operations: (u8, u8),
    /// What to change.
    pub mutations: Vec<Mutation>,
    /// Generate twice and compare (determinism).
    pub twice: bool,
}

impl MutationRun {
    /// The mutated model as JSON text.
    pub fn model_text(&self) -> String {
        let mut model = self.base.json().clone();
        let (first, count) = self.keep_operations;
        if count != u8::MAX {
            keep_operations(&mut model, first as usize, 1 + count as usize % 4);
        }
        for mutation in &self.mutations {
            mutation.apply(&mut model);
        }
        serde_json::to_string(&model).expect("a JSON value serializes")
    }
}

/// A shape or member name chosen from names that stress the generator, or any text.
#[derive(Debug)]
pub struct Name(pub String);

/// Names that have broken (or could break) naming: keywords, std names, the `Unknown` variant,
/// digits, case folds, non-ASCII, empty.
const NAMES: &[&str] = &[
    "type",
    "Self",
    "self",
    "crate",
    "super",
    "_",
    "__",
    "String",
    "Vec",
    "Option",
    "Box",
    "HashMap",
    "Result",
    "Default",
    "Unknown",
    "UNKNOWN",
    "unknown",
    "Empty",
    "r#type",
    "1abc",
    "a1",
    "A_B",
    "a_b",
    "AB",
    "aB",
    "Ab",
    "FooBar",
    "foo_bar",
    "FOO_BAR",
    "foo__bar",
    "ÄÖÜ",
    "",
    "x y",
    "Error",
    "Serialize",
    "Deserialize",
    "wire",
    "types",
    "operations",
    "operation",
    "error",
    "lib",
    "mod",
    "std",
    "core",
    "serde",
    "serde_json",
    "time",
    "Input",
    "Output",
    "NAME",
    "TARGET",
    "fmt",
    "f",
    "Some",
    "None",
    "Ok",
    "Err",
    "Send",
    "Sync",
    "Sized",
    "Copy",
    "Clone",
    "Debug",
    "PartialEq",
    "Hash",
    "async",
    "await",
    "dyn",
    "gen",
    "try",
    "abstract",
    "Unit",
    "ServiceError",
    "OPERATIONS",
    "SERVICE",
    "Empty2",
    "Unknown2",
    "UnknownValue",
    "V1",
    "M_",
    "m_",
];

impl<'a> Arbitrary<'a> for Name {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Name> {
        Ok(Name(if u.arbitrary()? { (*u.choose(NAMES)?).to_owned() } else { u.arbitrary()? }))
    }
}

/// A JSON value of bounded size, for trait values and shape fields.
#[derive(Debug)]
pub struct Json(pub Value);

impl<'a> Arbitrary<'a> for Json {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Json> {
        json_value(u, 3).map(Json)
    }
}

fn json_value(u: &mut Unstructured<'_>, depth: u32) -> arbitrary::Result<Value> {
    let kinds = if depth == 0 { 6 } else { 8 };
    Ok(match u.int_in_range(0..=kinds - 1)? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => Value::from(u.arbitrary::<i64>()?),
        3 => serde_json::Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
        4 => Value::from(u.arbitrary::<u64>()?),
        5 => Value::String(Name::arbitrary(u)?.0),
        6 => Value::Array((0..u.int_in_range(0..=3)?).map(|_| json_value(u, depth - 1)).collect::<Result<_, _>>()?),
        _ => {
            let mut map = Map::new();
            for _ in 0..u.int_in_range(0..=3)? {
                map.insert(Name::arbitrary(u)?.0, json_value(u, depth - 1)?);
            }
            Value::Object(map)
        }
    })
}

/// The `type` of a shape.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum ShapeType {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    Enum,
    IntEnum,
    List,
    Set,
    Map,
    Structure,
    Union,
    Operation,
    Service,
    Resource,
    Apply,
    Bogus,
}

impl ShapeType {
    fn name(self) -> &'static str {
        match self {
            ShapeType::Blob => "blob",
            ShapeType::Boolean => "boolean",
            ShapeType::String => "string",
            ShapeType::Byte => "byte",
            ShapeType::Short => "short",
            ShapeType::Integer => "integer",
            ShapeType::Long => "long",
            ShapeType::Float => "float",
            ShapeType::Double => "double",
            ShapeType::BigInteger => "bigInteger",
            ShapeType::BigDecimal => "bigDecimal",
            ShapeType::Timestamp => "timestamp",
            ShapeType::Document => "document",
            ShapeType::Enum => "enum",
            ShapeType::IntEnum => "intEnum",
            ShapeType::List => "list",
            ShapeType::Set => "set",
            ShapeType::Map => "map",
            ShapeType::Structure => "structure",
            ShapeType::Union => "union",
            ShapeType::Operation => "operation",
            ShapeType::Service => "service",
            ShapeType::Resource => "resource",
            ShapeType::Apply => "apply",
            ShapeType::Bogus => "bogus",
        }
    }
}

/// A trait to set on a shape or member.
#[derive(Arbitrary, Debug)]
pub enum TraitValue {
    Required,
    Default(Json),
    /// Documentation of `len` (at most 1 MiB) copies of a piece of HTML.
    Documentation {
        piece: Html,
        len: u32,
    },
    EnumValue(Json),
    Error(Json),
    HttpError(Json),
    Retryable(Json),
    Sensitive,
    Deprecated(Json),
    TimestampFormat(Json),
    JsonName(Name),
    Length(Json),
    Range(Json),
    Pattern(Name),
    Sparse,
    Streaming,
    Paginated {
        input_token: Option<Name>,
        output_token: Option<Name>,
        page_size: Option<Name>,
        items: Option<Name>,
    },
    Box,
    /// Smithy 1.0 `@enum` on a string.
    LegacyEnum(Vec<(Name, Option<Name>)>),
    Auth(Json),
    OptionalAuth,
    /// An unknown trait with any value.
    Other(Name, Json),
    /// A trait whose value is not what the trait needs.
    Any(KnownTrait, Json),
}

/// The traits the loader reads.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum KnownTrait {
    Required,
    Default,
    Documentation,
    EnumValue,
    Error,
    HttpError,
    Retryable,
    Sensitive,
    Deprecated,
    TimestampFormat,
    JsonName,
    Length,
    Range,
    Pattern,
    Sparse,
    Paginated,
    Box,
    Enum,
    AwsService,
    Protocol,
}

impl KnownTrait {
    fn id(self) -> &'static str {
        match self {
            KnownTrait::Required => "smithy.api#required",
            KnownTrait::Default => "smithy.api#default",
            KnownTrait::Documentation => "smithy.api#documentation",
            KnownTrait::EnumValue => "smithy.api#enumValue",
            KnownTrait::Error => "smithy.api#error",
            KnownTrait::HttpError => "smithy.api#httpError",
            KnownTrait::Retryable => "smithy.api#retryable",
            KnownTrait::Sensitive => "smithy.api#sensitive",
            KnownTrait::Deprecated => "smithy.api#deprecated",
            KnownTrait::TimestampFormat => "smithy.api#timestampFormat",
            KnownTrait::JsonName => "smithy.api#jsonName",
            KnownTrait::Length => "smithy.api#length",
            KnownTrait::Range => "smithy.api#range",
            KnownTrait::Pattern => "smithy.api#pattern",
            KnownTrait::Sparse => "smithy.api#sparse",
            KnownTrait::Paginated => "smithy.api#paginated",
            KnownTrait::Box => "smithy.api#box",
            KnownTrait::Enum => "smithy.api#enum",
            KnownTrait::AwsService => "aws.api#service",
            KnownTrait::Protocol => "aws.protocols#awsJson1_0",
        }
    }
}

/// HTML pieces for documentation: the tags the docs converter knows, and broken ones.
#[derive(Arbitrary, Debug)]
pub enum Html {
    Text(Name),
    Tag(HtmlTag, bool),
    Raw(String),
}

#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum HtmlTag {
    P,
    Ul,
    Ol,
    Li,
    Code,
    Pre,
    A,
    B,
    I,
    Note,
    Important,
    Br,
    Dl,
    Dt,
    Dd,
    Table,
    Unknown,
}

impl Html {
    fn text(&self) -> String {
        match self {
            Html::Text(name) => name.0.clone(),
            Html::Tag(tag, close) => {
                let name = match tag {
                    HtmlTag::P => "p",
                    HtmlTag::Ul => "ul",
                    HtmlTag::Ol => "ol",
                    HtmlTag::Li => "li",
                    HtmlTag::Code => "code",
                    HtmlTag::Pre => "pre",
                    HtmlTag::A => "a href=\"https://example.com/[x]\"",
                    HtmlTag::B => "b",
                    HtmlTag::I => "i",
                    HtmlTag::Note => "note",
                    HtmlTag::Important => "important",
                    HtmlTag::Br => "br/",
                    HtmlTag::Dl => "dl",
                    HtmlTag::Dt => "dt",
                    HtmlTag::Dd => "dd",
                    HtmlTag::Table => "table",
                    HtmlTag::Unknown => "region",
                };
                if *close {
                    format!("</{}>", name.split(' ').next().unwrap_or(name))
                } else {
                    format!("<{name}>")
                }
            }
            Html::Raw(raw) => raw.clone(),
        }
    }
}

/// A place in a shape that holds a member: `members.<name>`, or `member`/`key`/`value`.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub struct MemberRef {
    /// The shape, by index in the model's shape order.
    pub shape: u16,
    /// The member, by index in the shape's member order.
    pub member: u8,
}

/// One change to a model.
#[derive(Arbitrary, Debug)]
pub enum Mutation {
    /// Remove a shape (references to it break).
    DropShape(u16),
    /// Give a shape another ID without updating references.
    RenameShape(u16, Name),
    /// Give a shape another name in its namespace and update every reference (a valid model,
    /// unless the name is taken or not an identifier).
    RenameShapeEverywhere(u16, Name),
    /// Move a shape to another namespace, updating references (foreign-name clashes).
    MoveNamespace(u16, Name),
    /// Point a member at an ID that is not a shape.
    BreakTarget(MemberRef, Name),
    /// Point a member at another shape.
    Retarget(MemberRef, u16),
    /// Point a member at its own shape.
    SelfTarget(MemberRef),
    /// Change a shape's `type`, keeping the rest of its body.
    ChangeType(u16, ShapeType),
    /// Turn a shape into an enum (or intEnum) with these members.
    MakeEnum { shape: u16, values: Vec<(Name, Option<Json>)>, int: bool },
    /// Add a member from `from` to `to` and one back, optionally required: a cycle.
    AddCycle { from: u16, to: u16, required: bool, through_list: bool },
    /// Add a member.
    AddMember { shape: u16, name: Name, target: u16, required: bool },
    /// Remove a member.
    DropMember(MemberRef),
    /// Rename a member.
    RenameMember(MemberRef, Name),
    /// Swap the targets of two members.
    SwapTargets(MemberRef, MemberRef),
    /// Set a trait on a shape (`member: None`) or member.
    SetTrait { shape: u16, member: Option<u8>, value: TraitValue },
    /// Remove every trait of a shape or member.
    ClearTraits { shape: u16, member: Option<u8> },
    /// Set any field of a shape body to any value.
    SetField { shape: u16, field: Field, value: Json },
    /// A string of `len` (at most 1 MiB) copies of `piece` in a field or trait.
    HugeString { shape: u16, field: Field, piece: Name, len: u32 },
    /// Add an operation to the service (or an operation's errors), by shape index.
    Bind { shape: u16, as_error: bool },
    /// Add an `apply` statement.
    Apply { shape: u16, member: Option<Name>, value: TraitValue },
    /// Set the IDL version.
    Version(Json),
}

/// A field of a shape's JSON body.
#[derive(Arbitrary, Clone, Copy, Debug)]
pub enum Field {
    Type,
    Members,
    Member,
    Key,
    Value,
    Traits,
    Input,
    Output,
    Errors,
    Operations,
    Resources,
    Rename,
    Version,
    Mixins,
    Identifiers,
}

impl Field {
    fn key(self) -> &'static str {
        match self {
            Field::Type => "type",
            Field::Members => "members",
            Field::Member => "member",
            Field::Key => "key",
            Field::Value => "value",
            Field::Traits => "traits",
            Field::Input => "input",
            Field::Output => "output",
            Field::Errors => "errors",
            Field::Operations => "operations",
            Field::Resources => "resources",
            Field::Rename => "rename",
            Field::Version => "version",
            Field::Mixins => "mixins",
            Field::Identifiers => "identifiers",
        }
    }
}

/// The longest string a mutation builds (1 MiB), so that a run stays fast.
const MAX_STRING: usize = 1 << 20;

fn repeat(piece: &str, len: u32) -> String {
    let piece = if piece.is_empty() { "x" } else { piece };
    let times = (len as usize).min(MAX_STRING / piece.len()).max(1);
    piece.repeat(times)
}

fn shapes(model: &mut Value) -> Option<&mut Map<String, Value>> {
    model.get_mut("shapes")?.as_object_mut()
}

/// The ID of the shape at `index` (modulo the number of shapes).
fn shape_id(model: &Value, index: u16) -> Option<String> {
    let shapes = model.get("shapes")?.as_object()?;
    if shapes.is_empty() {
        return None;
    }
    shapes.keys().nth(index as usize % shapes.len()).cloned()
}

fn shape_mut(model: &mut Value, index: u16) -> Option<&mut Map<String, Value>> {
    let id = shape_id(model, index)?;
    shapes(model)?.get_mut(&id)?.as_object_mut()
}

/// The member objects of a shape body, in order, with their names.
fn members_mut(body: &mut Map<String, Value>) -> Vec<(String, &mut Value)> {
    let mut out = Vec::new();
    for (key, value) in body.iter_mut() {
        match key.as_str() {
            "members" => {
                if let Some(members) = value.as_object_mut() {
                    out.extend(members.iter_mut().map(|(k, v)| (k.clone(), v)));
                }
            }
            "member" | "key" | "value" => out.push((key.clone(), value)),
            _ => {}
        }
    }
    out
}

fn member_mut(model: &mut Value, at: MemberRef) -> Option<&mut Map<String, Value>> {
    let body = shape_mut(model, at.shape)?;
    let mut members = members_mut(body);
    if members.is_empty() {
        return None;
    }
    let n = at.member as usize % members.len();
    members.swap_remove(n).1.as_object_mut()
}

fn reference(id: &str) -> Value {
    serde_json::json!({ "target": id })
}

/// Replaces every `"target": old` (and keys equal to `old` in `rename` maps) in the model.
fn replace_references(value: &mut Value, old: &str, new: &str) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if key == "target" && v.as_str() == Some(old) {
                    *v = Value::String(new.to_owned());
                } else {
                    replace_references(v, old, new);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| replace_references(v, old, new)),
        _ => {}
    }
}

fn rename_key(model: &mut Value, old: &str, new: String) {
    let Some(shapes) = shapes(model) else { return };
    if let Some(body) = shapes.shift_remove(old) {
        shapes.insert(new, body);
    }
}

fn trait_entry(value: &TraitValue) -> (String, Value) {
    use serde_json::json;
    let known = |t: KnownTrait| t.id().to_owned();
    match value {
        TraitValue::Required => (known(KnownTrait::Required), json!({})),
        TraitValue::Default(v) => (known(KnownTrait::Default), v.0.clone()),
        TraitValue::Documentation { piece, len } => {
            (known(KnownTrait::Documentation), Value::String(repeat(&piece.text(), *len)))
        }
        TraitValue::EnumValue(v) => (known(KnownTrait::EnumValue), v.0.clone()),
        TraitValue::Error(v) => (known(KnownTrait::Error), v.0.clone()),
        TraitValue::HttpError(v) => (known(KnownTrait::HttpError), v.0.clone()),
        TraitValue::Retryable(v) => (known(KnownTrait::Retryable), v.0.clone()),
        TraitValue::Sensitive => (known(KnownTrait::Sensitive), json!({})),
        TraitValue::Deprecated(v) => (known(KnownTrait::Deprecated), v.0.clone()),
        TraitValue::TimestampFormat(v) => (known(KnownTrait::TimestampFormat), v.0.clone()),
        TraitValue::JsonName(n) => (known(KnownTrait::JsonName), Value::String(n.0.clone())),
        TraitValue::Length(v) => (known(KnownTrait::Length), v.0.clone()),
        TraitValue::Range(v) => (known(KnownTrait::Range), v.0.clone()),
        TraitValue::Pattern(n) => (known(KnownTrait::Pattern), Value::String(n.0.clone())),
        TraitValue::Sparse => (known(KnownTrait::Sparse), json!({})),
        TraitValue::Streaming => ("smithy.api#streaming".to_owned(), json!({})),
        TraitValue::Paginated { input_token, output_token, page_size, items } => {
            let mut p = Map::new();
            for (key, name) in
                [("inputToken", input_token), ("outputToken", output_token), ("pageSize", page_size), ("items", items)]
            {
                if let Some(name) = name {
                    p.insert(key.to_owned(), Value::String(name.0.clone()));
                }
            }
            (known(KnownTrait::Paginated), Value::Object(p))
        }
        TraitValue::Box => (known(KnownTrait::Box), json!({})),
        TraitValue::LegacyEnum(values) => (
            known(KnownTrait::Enum),
            Value::Array(
                values
                    .iter()
                    .map(|(value, name)| match name {
                        Some(name) => json!({"value": value.0, "name": name.0}),
                        None => json!({"value": value.0}),
                    })
                    .collect(),
            ),
        ),
        TraitValue::Auth(v) => ("smithy.api#auth".to_owned(), v.0.clone()),
        TraitValue::OptionalAuth => ("smithy.api#optionalAuth".to_owned(), json!({})),
        TraitValue::Other(name, v) => (name.0.clone(), v.0.clone()),
        TraitValue::Any(t, v) => (known(*t), v.0.clone()),
    }
}

fn traits_of(body: &mut Map<String, Value>) -> &mut Map<String, Value> {
    let traits = body.entry("traits").or_insert_with(|| Value::Object(Map::new()));
    if !traits.is_object() {
        *traits = Value::Object(Map::new());
    }
    traits.as_object_mut().expect("just made an object")
}

fn shape_or_member(model: &mut Value, shape: u16, member: Option<u8>) -> Option<&mut Map<String, Value>> {
    match member {
        None => shape_mut(model, shape),
        Some(member) => member_mut(model, MemberRef { shape, member }),
    }
}

fn service_mut(model: &mut Value) -> Option<&mut Map<String, Value>> {
    shapes(model)?
        .values_mut()
        .filter_map(Value::as_object_mut)
        .find(|body| body.get("type").and_then(Value::as_str) == Some("service"))
}

/// Keeps `count` of the service's operations from `first` on (wrapping).
fn keep_operations(model: &mut Value, first: usize, count: usize) {
    let Some(service) = service_mut(model) else { return };
    let Some(Value::Array(operations)) = service.get_mut("operations") else { return };
    if operations.is_empty() {
        return;
    }
    let len = operations.len();
    let kept: Vec<Value> = (0..count.min(len)).map(|i| operations[(first + i) % len].clone()).collect();
    *operations = kept;
    // Resources bring in more operations; drop them too.
    service.remove("resources");
}

impl Mutation {
    /// Applies the mutation; a mutation that does not fit the model does nothing.
    pub fn apply(&self, model: &mut Value) {
        let _ = self.try_apply(model);
    }

    fn try_apply(&self, model: &mut Value) -> Option<()> {
        match self {
            Mutation::DropShape(i) => {
                let id = shape_id(model, *i)?;
                shapes(model)?.shift_remove(&id);
            }
            Mutation::RenameShape(i, name) => {
                let id = shape_id(model, *i)?;
                let namespace = id.split('#').next().unwrap_or("").to_owned();
                rename_key(model, &id, format!("{namespace}#{}", name.0));
            }
            Mutation::RenameShapeEverywhere(i, name) => {
                let id = shape_id(model, *i)?;
                let namespace = id.split('#').next().unwrap_or("").to_owned();
                let new = format!("{namespace}#{}", name.0);
                rename_key(model, &id, new.clone());
                replace_references(model, &id, &new);
            }
            Mutation::MoveNamespace(i, name) => {
                let id = shape_id(model, *i)?;
                let shape_name = id.split('#').nth(1).unwrap_or("").to_owned();
                let new = format!("{}.ns#{shape_name}", name.0);
                rename_key(model, &id, new.clone());
                replace_references(model, &id, &new);
            }
            Mutation::BreakTarget(at, name) => {
                member_mut(model, *at)?.insert("target".into(), Value::String(name.0.clone()));
            }
            Mutation::Retarget(at, to) => {
                let target = shape_id(model, *to)?;
                member_mut(model, *at)?.insert("target".into(), Value::String(target));
            }
            Mutation::SelfTarget(at) => {
                let own = shape_id(model, at.shape)?;
                member_mut(model, *at)?.insert("target".into(), Value::String(own));
            }
            Mutation::ChangeType(i, to) => {
                shape_mut(model, *i)?.insert("type".into(), Value::String(to.name().to_owned()));
            }
            Mutation::MakeEnum { shape, values, int } => {
                let body = shape_mut(model, *shape)?;
                body.insert("type".into(), Value::String(if *int { "intEnum" } else { "enum" }.to_owned()));
                let mut members = Map::new();
                for (name, value) in values {
                    let mut member = Map::new();
                    member.insert("target".into(), Value::String("smithy.api#Unit".into()));
                    if let Some(value) = value {
                        member.insert("traits".into(), serde_json::json!({"smithy.api#enumValue": value.0}));
                    }
                    members.insert(name.0.clone(), Value::Object(member));
                }
                body.insert("members".into(), Value::Object(members));
            }
            Mutation::AddCycle { from, to, required, through_list } => {
                let a = shape_id(model, *from)?;
                let b = shape_id(model, *to)?;
                let traits =
                    if *required { serde_json::json!({"smithy.api#required": {}}) } else { serde_json::json!({}) };
                let back = if *through_list {
                    let list = format!("{a}CycleList");
                    shapes(model)?.insert(list.clone(), serde_json::json!({"type": "list", "member": {"target": a}}));
                    list
                } else {
                    a.clone()
                };
                for (owner, target, name) in [(&a, &b, "CycleTo"), (&b, &back, "CycleBack")] {
                    let body = shapes(model)?.get_mut(owner)?.as_object_mut()?;
                    let members = body.entry("members").or_insert_with(|| Value::Object(Map::new())).as_object_mut()?;
                    members.insert(name.to_owned(), serde_json::json!({"target": target, "traits": traits}));
                }
            }
            Mutation::AddMember { shape, name, target, required } => {
                let target = shape_id(model, *target)?;
                let body = shape_mut(model, *shape)?;
                let members = body.entry("members").or_insert_with(|| Value::Object(Map::new())).as_object_mut()?;
                let mut member = reference(&target);
                if *required {
                    member["traits"] = serde_json::json!({"smithy.api#required": {}});
                }
                members.insert(name.0.clone(), member);
            }
            Mutation::DropMember(at) => {
                let body = shape_mut(model, at.shape)?;
                let members = body.get_mut("members")?.as_object_mut()?;
                if members.is_empty() {
                    return None;
                }
                let key = members.keys().nth(at.member as usize % members.len())?.clone();
                members.shift_remove(&key);
            }
            Mutation::RenameMember(at, name) => {
                let body = shape_mut(model, at.shape)?;
                let members = body.get_mut("members")?.as_object_mut()?;
                if members.is_empty() {
                    return None;
                }
                let key = members.keys().nth(at.member as usize % members.len())?.clone();
                let value = members.shift_remove(&key)?;
                members.insert(name.0.clone(), value);
            }
            Mutation::SwapTargets(a, b) => {
                let first = member_mut(model, *a)?.get("target")?.clone();
                let second = member_mut(model, *b)?.insert("target".into(), first)?;
                member_mut(model, *a)?.insert("target".into(), second);
            }
            Mutation::SetTrait { shape, member, value } => {
                let (key, value) = trait_entry(value);
                traits_of(shape_or_member(model, *shape, *member)?).insert(key, value);
            }
            Mutation::ClearTraits { shape, member } => {
                shape_or_member(model, *shape, *member)?.remove("traits");
            }
            Mutation::SetField { shape, field, value } => {
                shape_mut(model, *shape)?.insert(field.key().to_owned(), value.0.clone());
            }
            Mutation::HugeString { shape, field, piece, len } => {
                let text = repeat(&piece.0, *len);
                let body = shape_mut(model, *shape)?;
                match field {
                    Field::Traits => {
                        traits_of(body).insert("smithy.api#documentation".into(), Value::String(text));
                    }
                    Field::Members => {
                        let members =
                            body.entry("members").or_insert_with(|| Value::Object(Map::new())).as_object_mut()?;
                        members.insert(text, reference("smithy.api#String"));
                    }
                    other => {
                        body.insert(other.key().to_owned(), Value::String(text));
                    }
                }
            }
            Mutation::Bind { shape, as_error } => {
                let id = shape_id(model, *shape)?;
                let service = service_mut(model)?;
                let key = if *as_error { "errors" } else { "operations" };
                let list = service.entry(key).or_insert_with(|| Value::Array(Vec::new())).as_array_mut()?;
                list.push(reference(&id));
            }
            Mutation::Apply { shape, member, value } => {
                let id = shape_id(model, *shape)?;
                let key = match member {
                    Some(m) => format!("{id}${}", m.0),
                    None => id,
                };
                let (name, value) = trait_entry(value);
                let mut traits = Map::new();
                traits.insert(name, value);
                shapes(model)?.insert(key, serde_json::json!({"type": "apply", "traits": traits}));
            }
            Mutation::Version(v) => {
                model.as_object_mut()?.insert("smithy".into(), v.0.clone());
            }
        }
        Some(())
    }
}

/// Reads `data` as a `T`; when that works, the value must write, read back, and write the same.
pub fn round_trip<T: Serialize + DeserializeOwned, E>(data: &[u8], read: impl Fn(&[u8]) -> Result<T, E>) {
    let Ok(first) = read(data) else { return };
    let written = serde_json::to_vec(&first)
        .unwrap_or_else(|e| panic!("{}: a value that was read does not write: {e}", std::any::type_name::<T>()));
    let second: T = serde_json::from_slice(&written).unwrap_or_else(|e| {
        panic!(
            "{}: what was written does not read back: {e}\n{}",
            std::any::type_name::<T>(),
            String::from_utf8_lossy(&written)
        )
    });
    let rewritten = serde_json::to_vec(&second).expect("writes");
    let a: serde_json::Value = serde_json::from_slice(&written).expect("JSON");
    let b: serde_json::Value = serde_json::from_slice(&rewritten).expect("JSON");
    assert!(a == b, "{}: write → read → write changed the JSON\nfirst:  {a}\nsecond: {b}", std::any::type_name::<T>());
}
