//! The Smithy IDL 2.0 forms and the 1.0 forms AWS models still use, as the loader reads them.

use serde_json::{json, Value};
use smithy_model::traits::EnumValueTrait;
use smithy_model::{
    Bounds, Deprecated, ErrorFault, IdlVersion, Member, Model, Paginated, Protocol, Retryable, Shape, ShapeId,
    ShapeKind, TimestampFormat,
};

fn load(version: &str, shapes: Value) -> Model {
    let text = json!({ "smithy": version, "shapes": shapes }).to_string();
    Model::from_json(&text).unwrap_or_else(|e| panic!("{e}"))
}

fn v1(shapes: Value) -> Model {
    load("1.0", shapes)
}

fn v2(shapes: Value) -> Model {
    load("2.0", shapes)
}

fn id(text: &str) -> ShapeId {
    ShapeId::parse(text).unwrap()
}

fn shape<'m>(model: &'m Model, text: &str) -> &'m Shape {
    model.shape(&id(text)).unwrap_or_else(|| panic!("no shape {text}"))
}

/// A member of a structure, union, list or map.
fn member<'m>(model: &'m Model, shape_id: &str, name: &str) -> &'m Member {
    shape(model, shape_id)
        .kind
        .members()
        .into_iter()
        .find(|m| m.name == name)
        .unwrap_or_else(|| panic!("no member {shape_id}${name}"))
}

fn number(n: i64) -> serde_json::Number {
    n.into()
}

// ---- IDL 1.0 -------------------------------------------------------------------------------

#[test]
fn version_strings_are_recognised() {
    assert_eq!(load("1", json!({})).version(), IdlVersion::V1);
    assert_eq!(load("1.0", json!({})).version(), IdlVersion::V1);
    assert_eq!(load("2", json!({})).version(), IdlVersion::V2);
    assert_eq!(load("2.0", json!({})).version(), IdlVersion::V2);
}

#[test]
fn a_document_without_shapes_has_only_the_prelude() {
    let model = Model::from_json(r#"{"smithy": "2.0", "metadata": {"suppressions": []}}"#).unwrap();
    assert!(model.shapes().all(|s| s.id.namespace() == "smithy.api"));
    assert!(model.shape(&ShapeId::prelude("String")).is_some());
    assert!(model.shape(&ShapeId::prelude("Unit")).is_some());
}

#[test]
fn v1_set_loads_as_a_unique_list() {
    let model = v1(json!({
        "ns#Tags": { "type": "set", "member": { "target": "smithy.api#String" } },
        "ns#Names": { "type": "list", "member": { "target": "smithy.api#String" } },
    }));
    match &shape(&model, "ns#Tags").kind {
        ShapeKind::List { member, unique } => {
            assert!(*unique);
            assert_eq!(member.name, "member");
            assert_eq!(member.target, ShapeId::prelude("String"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(shape(&model, "ns#Tags").kind.type_name(), "set");
    assert!(matches!(shape(&model, "ns#Names").kind, ShapeKind::List { unique: false, .. }));
}

#[test]
fn v1_string_with_enum_trait_loads_as_an_enum() {
    let model = v1(json!({
        "ns#Color": { "type": "string", "traits": {
            "smithy.api#documentation": "A color.",
            "smithy.api#enum": [
                { "value": "red", "name": "RED", "documentation": "Like blood." },
                { "value": "green-ish", "name": "GREEN", "deprecated": true },
                { "value": "blue" },
            ],
        } },
    }));
    let color = shape(&model, "ns#Color");
    assert_eq!(color.traits.documentation.as_deref(), Some("A color."));
    let ShapeKind::Enum(values) = &color.kind else { panic!("{:?}", color.kind) };
    let names: Vec<Option<&str>> = values.iter().map(|v| v.name.as_deref()).collect();
    let wire: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(names, [Some("RED"), Some("GREEN"), None]);
    assert_eq!(wire, ["red", "green-ish", "blue"]);
    assert_eq!(values[0].traits.documentation.as_deref(), Some("Like blood."));
    assert_eq!(values[0].traits.deprecated, None);
    assert_eq!(values[1].traits.deprecated, Some(Deprecated::default()));
    assert_eq!(values[2].traits.documentation, None);
}

#[test]
fn v1_unboxed_integer_and_boolean_targets_give_members_zero_defaults() {
    let model = v1(json!({
        "ns#Count": { "type": "integer" },
        "ns#Flag": { "type": "boolean" },
        "ns#Ratio": { "type": "double" },
        "ns#S": { "type": "structure", "members": {
            "count": { "target": "ns#Count" },
            "flag": { "target": "ns#Flag" },
            "ratio": { "target": "ns#Ratio" },
            "name": { "target": "smithy.api#String" },
        } },
    }));
    assert_eq!(member(&model, "ns#S", "count").traits.default, Some(json!(0)));
    assert_eq!(member(&model, "ns#S", "flag").traits.default, Some(json!(false)));
    assert_eq!(member(&model, "ns#S", "ratio").traits.default, Some(json!(0)));
    assert_eq!(member(&model, "ns#S", "name").traits.default, None);
    assert!(member(&model, "ns#S", "count").traits.has_default());
}

#[test]
fn v1_box_on_the_target_means_no_default() {
    let model = v1(json!({
        "ns#Count": { "type": "integer", "traits": { "smithy.api#box": {} } },
        "ns#Flag": { "type": "boolean", "traits": { "smithy.api#box": {} } },
        "ns#S": { "type": "structure", "members": {
            "count": { "target": "ns#Count" },
            "flag": { "target": "ns#Flag" },
        } },
    }));
    assert!(shape(&model, "ns#Count").traits.boxed);
    for name in ["count", "flag"] {
        let m = member(&model, "ns#S", name);
        assert_eq!(m.traits.default, None, "{name}");
        assert!(!model.effective_traits(m).has_default(), "{name}");
    }
}

#[test]
fn v1_box_on_the_member_means_no_default() {
    let model = v1(json!({
        "ns#Count": { "type": "integer" },
        "ns#S": { "type": "structure", "members": {
            "count": { "target": "ns#Count", "traits": { "smithy.api#box": {} } },
            "flag": { "target": "smithy.api#PrimitiveBoolean", "traits": { "smithy.api#box": {} } },
        } },
    }));
    for name in ["count", "flag"] {
        let m = member(&model, "ns#S", name);
        assert!(m.traits.boxed, "{name}");
        assert!(!m.traits.has_default(), "{name}: {:?}", m.traits.default);
        // Even a target with a default (PrimitiveBoolean) does not make a boxed member required.
        assert!(!model.effective_traits(m).has_default(), "{name}");
    }
}

#[test]
fn v1_prelude_primitive_integer_has_a_zero_default_and_integer_does_not() {
    let model = v1(json!({
        "ns#S": { "type": "structure", "members": {
            "primitive": { "target": "smithy.api#PrimitiveInteger" },
            "boxed": { "target": "smithy.api#Integer" },
            "primitiveFlag": { "target": "smithy.api#PrimitiveBoolean" },
            "boxedFlag": { "target": "smithy.api#Boolean" },
            "primitiveLong": { "target": "smithy.api#PrimitiveLong" },
        } },
    }));
    assert_eq!(member(&model, "ns#S", "primitive").traits.default, Some(json!(0)));
    assert_eq!(member(&model, "ns#S", "boxed").traits.default, None);
    assert_eq!(member(&model, "ns#S", "primitiveFlag").traits.default, Some(json!(false)));
    assert_eq!(member(&model, "ns#S", "boxedFlag").traits.default, None);
    assert_eq!(member(&model, "ns#S", "primitiveLong").traits.default, Some(json!(0)));
    assert!(shape(&model, "smithy.api#Integer").traits.boxed);
    assert!(!shape(&model, "smithy.api#PrimitiveInteger").traits.boxed);
}

#[test]
fn v1_explicit_member_default_is_kept() {
    let model = v1(json!({
        "ns#S": { "type": "structure", "members": {
            "n": { "target": "smithy.api#PrimitiveInteger", "traits": { "smithy.api#default": 5 } },
        } },
    }));
    assert_eq!(member(&model, "ns#S", "n").traits.default, Some(json!(5)));
}

#[test]
fn v1_zero_defaults_are_only_for_structure_members() {
    let model = v1(json!({
        "ns#U": { "type": "union", "members": { "n": { "target": "smithy.api#PrimitiveInteger" } } },
        "ns#L": { "type": "list", "member": { "target": "smithy.api#PrimitiveInteger" } },
    }));
    assert_eq!(member(&model, "ns#U", "n").traits.default, None);
    assert_eq!(member(&model, "ns#L", "member").traits.default, None);
}

#[test]
fn v2_members_get_no_synthetic_defaults() {
    let model = v2(json!({
        "ns#Count": { "type": "integer" },
        "ns#S": { "type": "structure", "members": {
            "count": { "target": "ns#Count" },
            "primitive": { "target": "smithy.api#PrimitiveInteger" },
        } },
    }));
    assert_eq!(model.version(), IdlVersion::V2);
    assert_eq!(member(&model, "ns#S", "count").traits.default, None);
    assert_eq!(member(&model, "ns#S", "primitive").traits.default, None);
    // The prelude shape's own default still shows through the member.
    assert_eq!(model.effective_traits(member(&model, "ns#S", "primitive")).default, Some(json!(0)));
}

// ---- IDL 2.0 enums -------------------------------------------------------------------------

#[test]
fn v2_enum_member_without_enum_value_uses_the_member_name() {
    let model = v2(json!({
        "ns#Size": { "type": "enum", "members": {
            "SMALL": { "target": "smithy.api#Unit" },
            "LARGE": { "target": "smithy.api#Unit", "traits": {
                "smithy.api#enumValue": "large",
                "smithy.api#documentation": "Big.",
            } },
        } },
    }));
    let ShapeKind::Enum(values) = &shape(&model, "ns#Size").kind else { panic!() };
    assert_eq!(values.len(), 2);
    assert_eq!(values[0].name.as_deref(), Some("SMALL"));
    assert_eq!(values[0].value, "SMALL");
    assert_eq!(values[1].name.as_deref(), Some("LARGE"));
    assert_eq!(values[1].value, "large");
    assert_eq!(values[1].traits.documentation.as_deref(), Some("Big."));
    assert_eq!(values[1].traits.enum_value, Some(EnumValueTrait::String("large".into())));
}

#[test]
fn v2_int_enum_loads_its_values() {
    let model = v2(json!({
        "ns#Level": { "type": "intEnum", "members": {
            "LOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
            "HIGH": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": -10 } },
        } },
    }));
    let ShapeKind::IntEnum(values) = &shape(&model, "ns#Level").kind else { panic!() };
    let pairs: Vec<(&str, i32)> = values.iter().map(|v| (v.name.as_str(), v.value)).collect();
    assert_eq!(pairs, [("LOW", 1), ("HIGH", -10)]);
    assert_eq!(shape(&model, "ns#Level").kind.type_name(), "intEnum");
}

// ---- apply ---------------------------------------------------------------------------------

#[test]
fn apply_adds_traits_to_a_shape_and_to_a_member() {
    // In one JSON AST document a shape ID is a key, so a shape-level `apply` targets a shape
    // defined elsewhere: here a prelude shape.
    let model = v2(json!({
        "smithy.api#String": { "type": "apply", "traits": {
            "smithy.api#documentation": "Text.",
            "aws.api#tag": { "x": 1 },
        } },
        "ns#A": { "type": "structure", "traits": { "smithy.api#documentation": "A." }, "members": {
            "b": { "target": "smithy.api#String", "traits": { "smithy.api#required": {} } },
        } },
        "ns#A$b": { "type": "apply", "traits": {
            "smithy.api#documentation": "B.",
            "smithy.api#jsonName": "bee",
        } },
    }));
    let string = &shape(&model, "smithy.api#String").traits;
    assert_eq!(string.documentation.as_deref(), Some("Text."));
    assert_eq!(string.other["aws.api#tag"], json!({ "x": 1 }));
    assert_eq!(shape(&model, "ns#A").traits.documentation.as_deref(), Some("A."));
    let b = member(&model, "ns#A", "b");
    assert!(b.traits.required, "the member keeps its own traits");
    assert_eq!(b.traits.documentation.as_deref(), Some("B."));
    assert_eq!(b.traits.json_name.as_deref(), Some("bee"));
    // The target's applied documentation shows through only where the member has none.
    assert_eq!(model.effective_traits(b).documentation.as_deref(), Some("B."));
    assert!(model.effective_traits(b).other.contains_key("aws.api#tag"));
}

#[test]
fn apply_may_come_before_its_target_and_reaches_list_and_map_members() {
    let model = v2(json!({
        "ns#List$member": { "type": "apply", "traits": { "smithy.api#documentation": "item" } },
        "ns#Map$value": { "type": "apply", "traits": { "smithy.api#sparse": {} } },
        "ns#Map$key": { "type": "apply", "traits": { "smithy.api#length": { "max": 3 } } },
        "ns#List": { "type": "list", "member": { "target": "smithy.api#String" } },
        "ns#Map": { "type": "map", "key": { "target": "smithy.api#String" }, "value": { "target": "smithy.api#String" } },
    }));
    assert_eq!(member(&model, "ns#List", "member").traits.documentation.as_deref(), Some("item"));
    assert!(member(&model, "ns#Map", "value").traits.sparse);
    assert!(!member(&model, "ns#Map", "key").traits.sparse);
    assert_eq!(member(&model, "ns#Map", "key").traits.length, Some(Bounds { min: None, max: Some(number(3)) }));
}

#[test]
fn apply_to_a_union_member() {
    let model = v2(json!({
        "ns#U": { "type": "union", "members": { "a": { "target": "smithy.api#String" } } },
        "ns#U$a": { "type": "apply", "traits": { "smithy.api#deprecated": { "message": "no" } } },
    }));
    let a = member(&model, "ns#U", "a");
    assert_eq!(a.traits.deprecated, Some(Deprecated { message: Some("no".into()), since: None }));
}

#[test]
fn apply_to_an_enum_member_adds_traits_and_can_change_the_value() {
    let model = v2(json!({
        "ns#Size": { "type": "enum", "members": {
            "SMALL": { "target": "smithy.api#Unit" },
            "LARGE": { "target": "smithy.api#Unit" },
        } },
        "ns#Size$SMALL": { "type": "apply", "traits": { "smithy.api#documentation": "Tiny." } },
        "ns#Size$LARGE": { "type": "apply", "traits": { "smithy.api#enumValue": "large" } },
        "ns#Level": { "type": "intEnum", "members": {
            "LOW": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
        } },
        "ns#Level$LOW": { "type": "apply", "traits": { "smithy.api#deprecated": {} } },
    }));
    let ShapeKind::Enum(values) = &shape(&model, "ns#Size").kind else { panic!() };
    assert_eq!(values[0].traits.documentation.as_deref(), Some("Tiny."));
    assert_eq!(values[0].value, "SMALL");
    assert_eq!(values[1].value, "large");
    let ShapeKind::IntEnum(values) = &shape(&model, "ns#Level").kind else { panic!() };
    assert_eq!(values[0].value, 1);
    assert!(values[0].traits.deprecated.is_some());
}

#[test]
fn applied_box_in_v1_removes_the_zero_default() {
    let model = v1(json!({
        "ns#Count": { "type": "integer" },
        "ns#S": { "type": "structure", "members": {
            "count": { "target": "ns#Count" },
            "other": { "target": "ns#Count" },
        } },
        "ns#S$count": { "type": "apply", "traits": { "smithy.api#box": {} } },
    }));
    let count = member(&model, "ns#S", "count");
    assert!(count.traits.boxed);
    assert!(!count.traits.has_default());
    assert_eq!(member(&model, "ns#S", "other").traits.default, Some(json!(0)));
}

// ---- typed traits --------------------------------------------------------------------------

#[test]
fn typed_traits_are_parsed() {
    let model = v2(json!({
        "ns#Op": { "type": "operation",
            "input": { "target": "ns#In" },
            "output": { "target": "ns#Out" },
            "errors": [{ "target": "ns#Throttled" }],
            "traits": {
                "smithy.api#paginated": { "inputToken": "next", "outputToken": "next", "pageSize": "max", "items": "things" },
                "smithy.api#deprecated": { "message": "Use Op2.", "since": "2020-01-01" },
            },
        },
        "ns#In": { "type": "structure", "traits": { "smithy.api#input": {} }, "members": {
            "next": { "target": "smithy.api#String" },
            "max": { "target": "smithy.api#Integer", "traits": {
                "smithy.api#range": { "min": 1, "max": 60 },
                "smithy.api#default": 10,
            } },
            "name": { "target": "smithy.api#String", "traits": {
                "smithy.api#required": {},
                "smithy.api#documentation": "<p>The name.</p>",
                "smithy.api#length": { "min": 1 },
                "smithy.api#pattern": "^[a-z]+$",
                "smithy.api#jsonName": "Name",
                "smithy.api#sensitive": {},
            } },
            "when": { "target": "smithy.api#Timestamp", "traits": { "smithy.api#timestampFormat": "epoch-seconds" } },
            "optional": { "target": "smithy.api#PrimitiveInteger", "traits": { "smithy.api#default": null } },
            "body": { "target": "ns#Stream" },
        } },
        "ns#Out": { "type": "structure", "traits": { "smithy.api#output": {} }, "members": {
            "next": { "target": "smithy.api#String" },
            "things": { "target": "ns#Things" },
        } },
        "ns#Things": { "type": "list", "traits": { "smithy.api#sparse": {} }, "member": { "target": "smithy.api#String" } },
        "ns#Stream": { "type": "blob", "traits": { "smithy.api#streaming": {} } },
        "ns#Throttled": { "type": "structure", "traits": {
            "smithy.api#error": "server",
            "smithy.api#httpError": 503,
            "smithy.api#retryable": { "throttling": true },
        } },
        "ns#Conflict": { "type": "structure", "traits": {
            "smithy.api#error": "client",
            "smithy.api#retryable": {},
            "smithy.api#deprecated": {},
        } },
        "ns#Dates": { "type": "timestamp", "traits": { "smithy.api#timestampFormat": "http-date" } },
        "ns#Iso": { "type": "timestamp", "traits": { "smithy.api#timestampFormat": "date-time" } },
    }));

    let op = &shape(&model, "ns#Op").traits;
    assert_eq!(
        op.paginated,
        Some(Paginated {
            input_token: Some("next".into()),
            output_token: Some("next".into()),
            page_size: Some("max".into()),
            items: Some("things".into()),
        })
    );
    assert_eq!(op.deprecated, Some(Deprecated { message: Some("Use Op2.".into()), since: Some("2020-01-01".into()) }));
    let ShapeKind::Operation(operation) = &shape(&model, "ns#Op").kind else { panic!() };
    assert_eq!(operation.input, id("ns#In"));
    assert_eq!(operation.output, id("ns#Out"));
    assert_eq!(operation.errors, [id("ns#Throttled")]);

    assert!(shape(&model, "ns#In").traits.input);
    assert!(!shape(&model, "ns#In").traits.output);
    assert!(shape(&model, "ns#Out").traits.output);

    let max = &member(&model, "ns#In", "max").traits;
    assert_eq!(max.range, Some(Bounds { min: Some(number(1)), max: Some(number(60)) }));
    assert_eq!(max.default, Some(json!(10)));
    assert!(max.has_default());
    assert!(!max.required);

    let name = &member(&model, "ns#In", "name").traits;
    assert!(name.required);
    assert!(name.sensitive);
    assert_eq!(name.documentation.as_deref(), Some("<p>The name.</p>"));
    assert_eq!(name.length, Some(Bounds { min: Some(number(1)), max: None }));
    assert_eq!(name.pattern.as_deref(), Some("^[a-z]+$"));
    assert_eq!(name.json_name.as_deref(), Some("Name"));
    assert_eq!(name.default, None);
    assert!(name.other.is_empty());

    let when = &member(&model, "ns#In", "when").traits;
    assert_eq!(when.timestamp_format, Some(TimestampFormat::EpochSeconds));
    assert_eq!(shape(&model, "ns#Dates").traits.timestamp_format, Some(TimestampFormat::HttpDate));
    assert_eq!(shape(&model, "ns#Iso").traits.timestamp_format, Some(TimestampFormat::DateTime));

    let optional = &member(&model, "ns#In", "optional").traits;
    assert_eq!(optional.default, Some(Value::Null), "an explicit null default is kept");
    assert!(!optional.has_default());
    let effective = model.effective_traits(member(&model, "ns#In", "optional"));
    assert_eq!(effective.default, Some(Value::Null), "the member's null wins over the target's 0");

    assert!(shape(&model, "ns#Things").traits.sparse);
    assert!(shape(&model, "ns#Stream").traits.streaming);

    let throttled = &shape(&model, "ns#Throttled").traits;
    assert_eq!(throttled.error, Some(ErrorFault::Server));
    assert_eq!(throttled.http_error, Some(503));
    assert_eq!(throttled.retryable, Some(Retryable { throttling: true }));
    let conflict = &shape(&model, "ns#Conflict").traits;
    assert_eq!(conflict.error, Some(ErrorFault::Client));
    assert_eq!(conflict.http_error, None);
    assert_eq!(conflict.retryable, Some(Retryable { throttling: false }));
    assert_eq!(conflict.deprecated, Some(Deprecated { message: None, since: None }));
}

#[test]
fn unknown_traits_are_kept_as_json() {
    let model = v2(json!({
        "ns#Op": { "type": "operation", "traits": {
            "smithy.api#cors": { "maxAge": 600 },
            "smithy.api#readonly": {},
            "aws.iam#actionPermissionDescription": "Grants permission",
            "smithy.api#documentation": "Docs.",
        } },
    }));
    let traits = &shape(&model, "ns#Op").traits;
    assert_eq!(traits.documentation.as_deref(), Some("Docs."));
    let keys: Vec<&str> = traits.other.keys().map(String::as_str).collect();
    assert_eq!(keys, ["aws.iam#actionPermissionDescription", "smithy.api#cors", "smithy.api#readonly"]);
    assert_eq!(traits.other["smithy.api#cors"], json!({ "maxAge": 600 }));
    assert_eq!(traits.other["smithy.api#readonly"], json!({}));
}

#[test]
fn service_and_operation_traits_are_typed() {
    let model = v2(json!({
        "ns#Service": { "type": "service", "version": "2020-01-01", "operations": [{ "target": "ns#Op" }], "traits": {
            "smithy.api#title": "The Service",
            "aws.api#service": { "sdkId": "My Service", "endpointPrefix": "my-svc", "arnNamespace": "mine" },
            "aws.auth#sigv4": { "name": "my-signing" },
            "aws.protocols#restJson1": {},
            "aws.protocols#awsJson1_0": {},
        } },
        "ns#Op": { "type": "operation", "errors": [{ "target": "ns#Oops" }], "traits": {
            "smithy.api#auth": [],
            "smithy.api#optionalAuth": {},
            "smithy.api#examples": [
                { "title": "Works", "input": { "A": 1 }, "output": {} },
                { "title": "Fails", "error": { "shapeId": "ns#Oops", "content": { "message": "no" } } },
            ],
        } },
        "ns#Oops": { "type": "structure", "members": {}, "traits": { "smithy.api#error": "client" } },
    }));
    let service = &shape(&model, "ns#Service").traits;
    assert_eq!(service.title.as_deref(), Some("The Service"));
    let aws = service.aws_service.as_ref().unwrap();
    assert_eq!((aws.sdk_id.as_deref(), aws.endpoint_prefix.as_deref()), (Some("My Service"), Some("my-svc")));
    assert_eq!(service.sigv4.as_deref(), Some("my-signing"));
    let protocols: Vec<Protocol> = service.protocols.iter().flatten().copied().collect();
    assert_eq!(protocols, [Protocol::AwsJson1_0, Protocol::RestJson1], "sorted by preference");
    assert!(service.other.is_empty(), "{:?}", service.other);
    let op = &shape(&model, "ns#Op").traits;
    assert_eq!(op.auth.as_deref(), Some(&[][..]));
    assert!(op.optional_auth);
    let examples = op.examples.as_deref().unwrap();
    assert_eq!(examples[0].title, "Works");
    assert_eq!(examples[0].input, Some(json!({ "A": 1 })));
    assert_eq!(examples[0].output, Some(json!({})));
    let error = examples[1].error.as_ref().unwrap();
    assert_eq!(error.shape_id.to_string(), "ns#Oops");
    assert_eq!(error.content, Some(json!({ "message": "no" })));
}

#[test]
fn an_error_example_without_a_shape_id_is_refused() {
    let text = json!({ "smithy": "2.0", "shapes": { "ns#Op": { "type": "operation", "traits": {
        "smithy.api#examples": [{ "title": "Fails", "error": { "content": {} } }],
    } } } });
    let error = Model::from_json(&text.to_string()).unwrap_err().to_string();
    assert!(error.contains("smithy.api#examples") && error.contains("[0]"), "{error}");
    assert!(error.contains("an error example needs `error.shapeId`"), "{error}");
}

#[test]
fn flag_traits_ignore_their_value() {
    let model = v2(json!({
        "ns#S": { "type": "structure", "members": {
            "a": { "target": "smithy.api#String", "traits": { "smithy.api#required": {}, "smithy.api#sensitive": {} } },
            "b": { "target": "smithy.api#String" },
        } },
    }));
    assert!(member(&model, "ns#S", "a").traits.required);
    assert!(!member(&model, "ns#S", "b").traits.required);
    assert!(!member(&model, "ns#S", "b").traits.sensitive);
}

#[test]
fn effective_traits_merge_target_traits_under_member_traits() {
    let model = v2(json!({
        "ns#Password": { "type": "string", "traits": {
            "smithy.api#documentation": "A password.",
            "smithy.api#sensitive": {},
            "smithy.api#length": { "min": 8, "max": 64 },
            "smithy.api#pattern": "^\\S+$",
            "aws.api#tag": "target",
        } },
        "ns#When": { "type": "timestamp", "traits": { "smithy.api#timestampFormat": "epoch-seconds" } },
        "ns#S": { "type": "structure", "members": {
            "password": { "target": "ns#Password", "traits": {
                "smithy.api#documentation": "The new password.",
                "smithy.api#length": { "min": 12 },
                "smithy.api#required": {},
                "aws.api#tag": "member",
            } },
            "when": { "target": "ns#When", "traits": { "smithy.api#timestampFormat": "date-time" } },
            "plain": { "target": "ns#When" },
        } },
    }));
    let password = member(&model, "ns#S", "password");
    let effective = model.effective_traits(password);
    assert_eq!(effective.documentation.as_deref(), Some("The new password."));
    assert_eq!(effective.length, Some(Bounds { min: Some(number(12)), max: None }));
    assert!(effective.sensitive, "from the target");
    assert!(effective.required, "from the member");
    assert_eq!(effective.pattern.as_deref(), Some("^\\S+$"));
    assert_eq!(effective.other["aws.api#tag"], "member");
    // The member's own traits are untouched.
    assert!(!password.traits.sensitive);
    assert_eq!(password.traits.pattern, None);

    let when = model.effective_traits(member(&model, "ns#S", "when"));
    assert_eq!(when.timestamp_format, Some(TimestampFormat::DateTime));
    let plain = model.effective_traits(member(&model, "ns#S", "plain"));
    assert_eq!(plain.timestamp_format, Some(TimestampFormat::EpochSeconds));
}

// ---- closure and service -------------------------------------------------------------------

fn service_model() -> Model {
    v2(json!({
        "ns#Svc": { "type": "service", "version": "2024-01-01",
            "operations": [{ "target": "ns#Ping" }],
            "resources": [{ "target": "ns#Pool" }],
            "errors": [{ "target": "ns#ServiceError" }],
        },
        "ns#Ping": { "type": "operation" },
        "ns#Pool": { "type": "resource",
            "read": { "target": "ns#GetPool" },
            "resources": [{ "target": "ns#User" }],
        },
        "ns#User": { "type": "resource",
            "list": { "target": "ns#ListUsers" },
            "operations": [{ "target": "ns#Poke" }],
        },
        "ns#GetPool": { "type": "operation",
            "input": { "target": "ns#GetPoolInput" },
            "output": { "target": "ns#GetPoolOutput" },
        },
        "ns#GetPoolInput": { "type": "structure", "members": { "id": { "target": "ns#PoolId" } } },
        "ns#GetPoolOutput": { "type": "structure", "members": { "tags": { "target": "ns#Tags" } } },
        "ns#PoolId": { "type": "string" },
        "ns#Tags": { "type": "map", "key": { "target": "ns#TagKey" }, "value": { "target": "ns#TagValues" } },
        "ns#TagKey": { "type": "string" },
        "ns#TagValues": { "type": "list", "member": { "target": "ns#TagValue" } },
        "ns#TagValue": { "type": "string" },
        "ns#ListUsers": { "type": "operation", "errors": [{ "target": "ns#NotFound" }] },
        "ns#Poke": { "type": "operation", "input": { "target": "ns#PokeInput" } },
        "ns#PokeInput": { "type": "structure", "members": { "choice": { "target": "ns#Choice" } } },
        "ns#Choice": { "type": "union", "members": { "a": { "target": "ns#Size" }, "b": { "target": "ns#Level" } } },
        "ns#Size": { "type": "enum", "members": { "S": { "target": "smithy.api#Unit" } } },
        "ns#Level": { "type": "intEnum", "members": {
            "L": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
        } },
        "ns#NotFound": { "type": "structure", "traits": { "smithy.api#error": "client" } },
        "ns#ServiceError": { "type": "structure", "traits": { "smithy.api#error": "server" }, "members": {
            "detail": { "target": "ns#Detail" },
        } },
        "ns#Detail": { "type": "string" },
        "ns#Unreachable": { "type": "structure", "members": { "x": { "target": "ns#AlsoUnreachable" } } },
        "ns#AlsoUnreachable": { "type": "string" },
        "ns#OrphanOp": { "type": "operation", "input": { "target": "ns#Unreachable" } },
    }))
}

#[test]
fn closure_follows_resources_operations_members_and_errors() {
    let model = service_model();
    let service = model.service().unwrap();
    assert_eq!(service.id, id("ns#Svc"));
    let ShapeKind::Service(svc) = &service.kind else { panic!() };
    assert_eq!(svc.version, "2024-01-01");
    let closure = model.closure(&service.id);
    let names: Vec<String> = closure.iter().filter(|i| i.namespace() == "ns").map(|i| i.name().to_owned()).collect();
    assert_eq!(
        names,
        [
            "Choice",
            "Detail",
            "GetPool",
            "GetPoolInput",
            "GetPoolOutput",
            "Level",
            "ListUsers",
            "NotFound",
            "Ping",
            "Poke",
            "PokeInput",
            "Pool",
            "PoolId",
            "ServiceError",
            "Size",
            "Svc",
            "TagKey",
            "TagValue",
            "TagValues",
            "Tags",
            "User",
        ]
    );
    assert!(closure.contains(&ShapeId::prelude("Unit")), "operations without input/output use Unit");
    for unreachable in ["ns#Unreachable", "ns#AlsoUnreachable", "ns#OrphanOp"] {
        assert!(!closure.contains(&id(unreachable)), "{unreachable}");
    }
    assert!(!closure.contains(&ShapeId::prelude("String")));
}

#[test]
fn closure_of_a_shape_includes_itself_and_survives_cycles() {
    let model = v2(json!({
        "ns#Node": { "type": "structure", "members": {
            "children": { "target": "ns#Nodes" },
            "value": { "target": "smithy.api#String" },
        } },
        "ns#Nodes": { "type": "list", "member": { "target": "ns#Node" } },
    }));
    let closure = model.closure(&id("ns#Node"));
    let expected = [id("ns#Node"), id("ns#Nodes"), ShapeId::prelude("String")];
    assert_eq!(closure, expected.into_iter().collect());
    assert_eq!(model.closure(&id("ns#Nodes")), model.closure(&id("ns#Node")));
}

#[test]
fn operation_defaults_to_unit_input_and_output() {
    let model = service_model();
    let ShapeKind::Operation(ping) = &shape(&model, "ns#Ping").kind else { panic!() };
    assert!(ping.input.is_unit());
    assert!(ping.output.is_unit());
    assert!(ping.errors.is_empty());
}

#[test]
fn resource_collects_lifecycle_and_plain_operations() {
    let model = v2(json!({
        "ns#R": { "type": "resource",
            "create": { "target": "ns#Op1" },
            "put": { "target": "ns#Op2" },
            "read": { "target": "ns#Op3" },
            "update": { "target": "ns#Op4" },
            "delete": { "target": "ns#Op5" },
            "list": { "target": "ns#Op6" },
            "operations": [{ "target": "ns#Op7" }],
            "collectionOperations": [{ "target": "ns#Op8" }],
            "identifiers": { "id": { "target": "smithy.api#String" } },
        },
        "ns#Op1": { "type": "operation" }, "ns#Op2": { "type": "operation" },
        "ns#Op3": { "type": "operation" }, "ns#Op4": { "type": "operation" },
        "ns#Op5": { "type": "operation" }, "ns#Op6": { "type": "operation" },
        "ns#Op7": { "type": "operation" }, "ns#Op8": { "type": "operation" },
    }));
    let ShapeKind::Resource(resource) = &shape(&model, "ns#R").kind else { panic!() };
    let ops: Vec<String> = resource.operations.iter().map(|o| o.name().to_owned()).collect();
    assert_eq!(ops, ["Op1", "Op2", "Op3", "Op4", "Op5", "Op6", "Op7", "Op8"]);
}

#[test]
fn service_rename_is_loaded() {
    let model = v2(json!({
        "ns#Svc": { "type": "service", "rename": { "other#Thing": "OtherThing" } },
    }));
    let ShapeKind::Service(svc) = &model.service().unwrap().kind else { panic!() };
    assert_eq!(svc.rename.get(&id("other#Thing")).map(String::as_str), Some("OtherThing"));
}

#[test]
fn service_errors_for_zero_services() {
    let model = v2(json!({ "ns#A": { "type": "string" } }));
    let e = model.service().unwrap_err();
    assert_eq!(e.to_string(), "$.shapes: the model defines no service shape");
}

#[test]
fn service_errors_for_two_services() {
    let model = v2(json!({
        "ns#B": { "type": "service" },
        "ns#A": { "type": "service" },
    }));
    let e = model.service().unwrap_err();
    assert_eq!(e.to_string(), "$.shapes: the model defines 2 services (ns#A, ns#B); choose one of them");
    assert_eq!(model.select_service(Some(&id("ns#B"))).unwrap().id, id("ns#B"));
    let e = model.select_service(Some(&id("ns#C"))).unwrap_err();
    assert_eq!(e.to_string(), "ns#C: no such service in the model; it defines: ns#A, ns#B");
}
