//! Every bad input is a `LoadError` that names the place (shape ID, member, JSON path, file) and
//! the reason; no input makes the loader panic.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use serde_json::{json, Value};
use smithy_model::{LoadError, Model};

/// A 2.0 document with the given `shapes` object.
fn doc(shapes: Value) -> String {
    json!({ "smithy": "2.0", "shapes": shapes }).to_string()
}

/// The error of a document that must not load.
fn load_err(text: &str) -> LoadError {
    match Model::from_json(text) {
        Ok(_) => panic!("expected the model to be rejected:\n{text}"),
        Err(e) => e,
    }
}

/// The error message of a 2.0 document with the given shapes.
fn err(shapes: Value) -> String {
    load_err(&doc(shapes)).to_string()
}

/// A valid structure with one string member, to be combined with the shape under test.
fn string_struct() -> Value {
    json!({ "type": "structure", "members": { "a": { "target": "smithy.api#String" } } })
}

fn error_struct() -> Value {
    json!({ "type": "structure", "traits": { "smithy.api#error": "client" } })
}

// ---- document level ----------------------------------------------------------------------

#[test]
fn malformed_json_names_line_and_column() {
    let text = "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {,}\n}";
    let e = load_err(text);
    assert_eq!(e.place, "line 3, column 14");
    let message = e.to_string();
    assert!(message.starts_with("line 3, column 14: malformed JSON: "), "{message}");
}

#[test]
fn empty_text_is_malformed_json() {
    let message = load_err("").to_string();
    assert!(message.starts_with("line 1, column 0: malformed JSON: "), "{message}");
}

#[test]
fn top_level_array_is_rejected() {
    assert_eq!(load_err(r#"[{"smithy": "2.0"}]"#).to_string(), "$: expected a JSON object");
}

#[test]
fn missing_version_is_rejected() {
    assert_eq!(load_err(r#"{"shapes": {}}"#).to_string(), "$.smithy: missing the Smithy IDL version string");
}

#[test]
fn unsupported_version_is_rejected() {
    assert_eq!(
        load_err(r#"{"smithy": "3.0", "shapes": {}}"#).to_string(),
        "$.smithy: unsupported Smithy IDL version `3.0`"
    );
}

#[test]
fn numeric_version_is_rejected() {
    assert_eq!(load_err(r#"{"smithy": 2, "shapes": {}}"#).to_string(), "$.smithy: expected a version string, found 2");
}

#[test]
fn shapes_not_an_object_is_rejected() {
    assert_eq!(
        load_err(r#"{"smithy": "2.0", "shapes": ["ns#A"]}"#).to_string(),
        r#"$.shapes: expected an object, found ["ns#A"]"#
    );
}

#[test]
fn shape_body_not_an_object_is_rejected() {
    assert_eq!(err(json!({ "ns#A": "structure" })), r#"$.shapes["ns#A"]: expected a shape object"#);
}

#[test]
fn shape_without_type_is_rejected() {
    assert_eq!(err(json!({ "ns#A": { "members": {} } })), r#"$.shapes["ns#A"]: missing `type`"#);
}

#[test]
fn shape_type_not_a_string_is_rejected() {
    assert_eq!(err(json!({ "ns#A": { "type": 7 } })), r#"$.shapes["ns#A"].type: expected a string, found 7"#);
}

#[test]
fn unknown_shape_type_names_the_shape() {
    assert_eq!(err(json!({ "ns#A": { "type": "struct" } })), "ns#A: unknown shape type `struct`");
}

#[test]
fn traits_not_an_object_is_rejected() {
    assert_eq!(
        err(json!({ "ns#A": { "type": "string", "traits": ["smithy.api#sensitive"] } })),
        r#"ns#A: `traits` must be an object, found ["smithy.api#sensitive"]"#
    );
}

// ---- references ----------------------------------------------------------------------------

#[test]
fn dangling_member_target_names_the_member() {
    let message = err(json!({
        "ns#A": { "type": "structure", "members": { "b": { "target": "ns#Missing" } } }
    }));
    assert_eq!(message, "ns#A$b: member target `ns#Missing` does not exist in the model");
}

#[test]
fn dangling_list_member_target_names_the_member() {
    let message = err(json!({ "ns#L": { "type": "list", "member": { "target": "ns#Missing" } } }));
    assert_eq!(message, "ns#L$member: member target `ns#Missing` does not exist in the model");
}

#[test]
fn member_without_target_is_rejected() {
    let message = err(json!({ "ns#A": { "type": "structure", "members": { "b": {} } } }));
    assert_eq!(message, "ns#A$b: expected an object with a `target` string");
}

#[test]
fn member_not_an_object_is_rejected() {
    let message = err(json!({ "ns#A": { "type": "structure", "members": { "b": "ns#B" } } }));
    assert_eq!(message, "ns#A$b: expected an object with a `target` string");
}

#[test]
fn members_not_an_object_is_rejected() {
    let message = err(json!({ "ns#A": { "type": "structure", "members": [] } }));
    assert_eq!(message, "ns#A: `members` must be an object");
}

#[test]
fn list_without_member_is_rejected() {
    assert_eq!(err(json!({ "ns#L": { "type": "list" } })), "ns#L: missing `member` member");
}

#[test]
fn map_without_value_is_rejected() {
    let message = err(json!({ "ns#M": { "type": "map", "key": { "target": "smithy.api#String" } } }));
    assert_eq!(message, "ns#M: missing `value` member");
}

#[test]
fn dangling_operation_input_names_the_operation() {
    let message = err(json!({ "ns#Op": { "type": "operation", "input": { "target": "ns#Missing" } } }));
    assert_eq!(message, "ns#Op: input: reference `ns#Missing` does not exist in the model");
}

#[test]
fn dangling_operation_output_names_the_operation() {
    let message = err(json!({ "ns#Op": { "type": "operation", "output": { "target": "ns#Missing" } } }));
    assert_eq!(message, "ns#Op: output: reference `ns#Missing` does not exist in the model");
}

#[test]
fn dangling_operation_error_names_the_operation() {
    let message = err(json!({ "ns#Op": { "type": "operation", "errors": [{ "target": "ns#Missing" }] } }));
    assert_eq!(message, "ns#Op: errors: reference `ns#Missing` does not exist in the model");
}

#[test]
fn operation_input_must_be_a_structure() {
    let message = err(json!({ "ns#Op": { "type": "operation", "input": { "target": "smithy.api#String" } } }));
    assert_eq!(message, "ns#Op: input: `smithy.api#String` must be a structure, but it is a string");
}

#[test]
fn operation_input_not_a_reference_is_rejected() {
    let message = err(json!({ "ns#Op": { "type": "operation", "input": "ns#In" } }));
    assert_eq!(message, r#"$.shapes["ns#Op"].input: expected an object with a `target` string"#);
}

#[test]
fn operation_errors_not_an_array_is_rejected() {
    let message = err(json!({ "ns#Op": { "type": "operation", "errors": { "target": "ns#E" } } }));
    assert_eq!(message, r#"$.shapes["ns#Op"].errors: expected an array of references"#);
}

#[test]
fn service_operation_that_is_not_an_operation_is_rejected() {
    let message = err(json!({
        "ns#Svc": { "type": "service", "version": "1", "operations": [{ "target": "ns#A" }] },
        "ns#A": string_struct(),
    }));
    assert_eq!(message, "ns#Svc: operations: `ns#A` must be an operation, but it is a structure");
}

#[test]
fn dangling_service_operation_is_rejected() {
    let message = err(json!({
        "ns#Svc": { "type": "service", "operations": [{ "target": "ns#Missing" }] },
    }));
    assert_eq!(message, "ns#Svc: operations: reference `ns#Missing` does not exist in the model");
}

#[test]
fn service_resource_that_is_not_a_resource_is_rejected() {
    let message = err(json!({
        "ns#Svc": { "type": "service", "resources": [{ "target": "ns#Op" }] },
        "ns#Op": { "type": "operation" },
    }));
    assert_eq!(message, "ns#Svc: resources: `ns#Op` must be a resource, but it is an operation");
}

#[test]
fn service_version_not_a_string_is_rejected() {
    let message = err(json!({ "ns#Svc": { "type": "service", "version": 2016 } }));
    assert_eq!(message, r#"$.shapes["ns#Svc"].version: expected a string"#);
}

#[test]
fn service_rename_with_bad_shape_id_is_rejected() {
    let message = err(json!({ "ns#Svc": { "type": "service", "rename": { "Foo": "Bar" } } }));
    assert!(message.starts_with(r#"$.shapes["ns#Svc"].rename["Foo"]: "#), "{message}");
    assert!(message.contains("no `#`"), "{message}");
}

#[test]
fn resource_operation_that_does_not_exist_is_rejected() {
    let message = err(json!({ "ns#R": { "type": "resource", "read": { "target": "ns#Missing" } } }));
    assert_eq!(message, "ns#R: operations: reference `ns#Missing` does not exist in the model");
}

#[test]
fn operation_error_without_error_trait_is_rejected() {
    let message = err(json!({
        "ns#Op": { "type": "operation", "errors": [{ "target": "ns#NotAnError" }] },
        "ns#NotAnError": string_struct(),
    }));
    assert_eq!(message, "ns#Op: errors: `ns#NotAnError` is listed as an error but has no `smithy.api#error` trait");
}

#[test]
fn service_error_without_error_trait_is_rejected() {
    let message = err(json!({
        "ns#Svc": { "type": "service", "errors": [{ "target": "ns#NotAnError" }] },
        "ns#NotAnError": string_struct(),
    }));
    assert_eq!(message, "ns#Svc: errors: `ns#NotAnError` is listed as an error but has no `smithy.api#error` trait");
}

#[test]
fn a_well_formed_error_is_accepted() {
    let model = Model::from_json(&doc(json!({
        "ns#Op": { "type": "operation", "errors": [{ "target": "ns#E" }] },
        "ns#E": error_struct(),
    })));
    assert!(model.is_ok(), "{model:?}");
}

// ---- shape IDs and member names ------------------------------------------------------------

#[test]
fn shape_id_without_hash_is_rejected() {
    assert_eq!(
        err(json!({ "NoHash": { "type": "string" } })),
        r#"$.shapes["NoHash"]: shape ID `NoHash` has no `#` between namespace and name"#
    );
}

#[test]
fn shape_id_with_bad_namespace_is_rejected() {
    assert_eq!(
        err(json!({ "ns..x#A": { "type": "string" } })),
        r#"$.shapes["ns..x#A"]: shape ID `ns..x#A` has a malformed namespace `ns..x`"#
    );
}

#[test]
fn shape_id_with_empty_namespace_is_rejected() {
    assert_eq!(
        err(json!({ "#A": { "type": "string" } })),
        r##"$.shapes["#A"]: shape ID `#A` has a malformed namespace ``"##
    );
}

#[test]
fn shape_id_with_bad_name_is_rejected() {
    assert_eq!(
        err(json!({ "ns#1A": { "type": "string" } })),
        r#"$.shapes["ns#1A"]: shape ID `ns#1A` has a malformed name `1A`"#
    );
}

#[test]
fn member_id_as_shape_key_is_rejected() {
    assert_eq!(
        err(json!({ "ns#A$b": { "type": "string" } })),
        r#"$.shapes["ns#A$b"]: `ns#A$b` is a member ID, not a shape ID"#
    );
}

#[test]
fn malformed_member_target_id_names_the_member() {
    let message = err(json!({
        "ns#A": { "type": "structure", "members": { "b": { "target": "String" } } }
    }));
    assert_eq!(message, "ns#A$b: shape ID `String` has no `#` between namespace and name");
}

#[test]
fn malformed_member_name_is_rejected() {
    let message = err(json!({
        "ns#A": { "type": "structure", "members": { "1bad": { "target": "smithy.api#String" } } }
    }));
    assert_eq!(message, "ns#A$1bad: member name is not a valid identifier");
}

#[test]
fn member_name_with_a_dash_is_rejected() {
    let message = err(json!({
        "ns#A": { "type": "union", "members": { "a-b": { "target": "smithy.api#String" } } }
    }));
    assert_eq!(message, "ns#A$a-b: member name is not a valid identifier");
}

// ---- trait values --------------------------------------------------------------------------

fn string_with_trait(name: &str, value: Value) -> String {
    err(json!({ "ns#S": { "type": "string", "traits": { name: value } } }))
}

#[test]
fn bad_error_trait_names_shape_and_trait() {
    let message = err(json!({ "ns#E": { "type": "structure", "traits": { "smithy.api#error": "maybe" } } }));
    assert_eq!(message, r#"ns#E: trait `smithy.api#error`: expected "client" or "server", found "maybe""#);
}

#[test]
fn bad_http_error_names_shape_and_trait() {
    let message = err(json!({
        "ns#E": { "type": "structure", "traits": { "smithy.api#error": "client", "smithy.api#httpError": 99 } }
    }));
    assert_eq!(message, "ns#E: trait `smithy.api#httpError`: expected an HTTP status code, found 99");
}

#[test]
fn http_error_too_large_is_rejected() {
    let message = err(json!({ "ns#E": { "type": "structure", "traits": { "smithy.api#httpError": 70000 } } }));
    assert_eq!(message, "ns#E: trait `smithy.api#httpError`: expected an HTTP status code, found 70000");
}

#[test]
fn bad_timestamp_format_names_shape_and_trait() {
    let message = err(json!({
        "ns#T": { "type": "timestamp", "traits": { "smithy.api#timestampFormat": "unix" } }
    }));
    assert_eq!(
        message,
        r#"ns#T: trait `smithy.api#timestampFormat`: expected "epoch-seconds", "date-time" or "http-date", found "unix""#
    );
}

#[test]
fn bad_length_names_shape_and_trait() {
    assert_eq!(
        string_with_trait("smithy.api#length", json!("x")),
        r#"ns#S: trait `smithy.api#length`: expected an object with `min` and/or `max`, found "x""#
    );
}

#[test]
fn bad_length_bound_names_shape_and_trait() {
    assert_eq!(
        string_with_trait("smithy.api#length", json!({ "min": "1" })),
        r#"ns#S: trait `smithy.api#length`: expected `min` to be a number, found {"min":"1"}"#
    );
}

#[test]
fn bad_documentation_names_shape_and_trait() {
    assert_eq!(
        string_with_trait("smithy.api#documentation", json!(5)),
        "ns#S: trait `smithy.api#documentation`: expected a string, found 5"
    );
}

#[test]
fn bad_pattern_names_shape_and_trait() {
    assert_eq!(
        string_with_trait("smithy.api#pattern", json!(["^a$"])),
        r#"ns#S: trait `smithy.api#pattern`: expected a string, found ["^a$"]"#
    );
}

#[test]
fn bad_deprecated_names_shape_and_trait() {
    assert_eq!(
        string_with_trait("smithy.api#deprecated", json!({ "message": 1 })),
        "ns#S: trait `smithy.api#deprecated`: expected `message` to be a string, found 1"
    );
}

#[test]
fn bad_retryable_names_shape_and_trait() {
    let message = err(json!({
        "ns#E": { "type": "structure", "traits": { "smithy.api#retryable": { "throttling": "yes" } } }
    }));
    assert_eq!(
        message,
        r#"ns#E: trait `smithy.api#retryable`: expected `throttling` to be a boolean, found {"throttling":"yes"}"#
    );
}

#[test]
fn bad_paginated_names_shape_and_trait() {
    let message = err(json!({
        "ns#Op": { "type": "operation", "traits": { "smithy.api#paginated": { "pageSize": 10 } } }
    }));
    assert_eq!(message, "ns#Op: trait `smithy.api#paginated`: expected `pageSize` to be a string, found 10");
}

#[test]
fn bad_json_name_on_a_member_names_the_member_and_trait() {
    let message = err(json!({
        "ns#A": { "type": "structure", "members": {
            "b": { "target": "smithy.api#String", "traits": { "smithy.api#jsonName": false } }
        } }
    }));
    assert_eq!(message, "ns#A$b: trait `smithy.api#jsonName`: expected a string, found false");
}

#[test]
fn long_trait_values_are_shortened_in_messages() {
    let long = "x".repeat(200);
    let message = string_with_trait("smithy.api#documentation", json!([long]));
    assert!(
        message.starts_with("ns#S: trait `smithy.api#documentation`: expected a string, found [\"xxx"),
        "{message}"
    );
    assert!(message.ends_with("..."), "{message}");
    assert!(message.len() < 150, "{message}");
}

#[test]
fn enum_value_out_of_range_is_rejected() {
    let message = err(json!({
        "ns#I": { "type": "intEnum", "members": {
            "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 3_000_000_000_i64 } }
        } }
    }));
    assert_eq!(message, "ns#I$A: trait `smithy.api#enumValue`: expected a 32-bit integer, found 3000000000");
}

#[test]
fn legacy_enum_trait_not_an_array_is_rejected() {
    let message = load_err(
        &json!({ "smithy": "1.0", "shapes": { "ns#S": { "type": "string", "traits": { "smithy.api#enum": {} } } } })
            .to_string(),
    )
    .to_string();
    assert_eq!(message, "ns#S: trait `smithy.api#enum`: expected an array of enum definitions, found {}");
}

#[test]
fn legacy_enum_entry_without_value_is_rejected() {
    let message = load_err(
        &json!({ "smithy": "1.0", "shapes": {
            "ns#S": { "type": "string", "traits": { "smithy.api#enum": [{ "value": "a" }, { "name": "B" }] } }
        } })
        .to_string(),
    )
    .to_string();
    assert_eq!(message, "ns#S: trait `smithy.api#enum`: entry 1 has no `value` string");
}

// ---- shape rules ---------------------------------------------------------------------------

#[test]
fn map_key_targeting_an_integer_is_rejected() {
    let message = err(json!({
        "ns#M": { "type": "map", "key": { "target": "smithy.api#Integer" }, "value": { "target": "smithy.api#String" } }
    }));
    assert_eq!(message, "ns#M$key: a map key must target a string or enum, not the integer `smithy.api#Integer`");
}

#[test]
fn map_key_targeting_an_enum_is_accepted() {
    let model = Model::from_json(&doc(json!({
        "ns#E": { "type": "enum", "members": { "A": { "target": "smithy.api#Unit" } } },
        "ns#M": { "type": "map", "key": { "target": "ns#E" }, "value": { "target": "smithy.api#String" } },
    })));
    assert!(model.is_ok(), "{model:?}");
}

#[test]
fn duplicate_enum_values_are_rejected() {
    let message = err(json!({
        "ns#E": { "type": "enum", "members": {
            "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "same" } },
            "B": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "same" } },
        } }
    }));
    assert_eq!(message, "ns#E: the enum value `same` appears twice");
}

#[test]
fn duplicate_enum_value_from_a_member_name_is_rejected() {
    let message = err(json!({
        "ns#E": { "type": "enum", "members": {
            "A": { "target": "smithy.api#Unit" },
            "B": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "A" } },
        } }
    }));
    assert_eq!(message, "ns#E: the enum value `A` appears twice");
}

#[test]
fn duplicate_legacy_enum_values_are_rejected() {
    let message = load_err(
        &json!({ "smithy": "1.0", "shapes": {
            "ns#S": { "type": "string", "traits": { "smithy.api#enum": [{ "value": "a" }, { "value": "a" }] } }
        } })
        .to_string(),
    )
    .to_string();
    assert_eq!(message, "ns#S: the enum value `a` appears twice");
}

#[test]
fn enum_member_with_integer_enum_value_is_rejected() {
    let message = err(json!({
        "ns#E": { "type": "enum", "members": {
            "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } }
        } }
    }));
    assert_eq!(message, "ns#E$A: an enum member's `enumValue` must be a string");
}

#[test]
fn int_enum_without_integer_enum_value_is_rejected() {
    let message = err(json!({
        "ns#I": { "type": "intEnum", "members": { "A": { "target": "smithy.api#Unit" } } }
    }));
    assert_eq!(message, "ns#I$A: an intEnum member needs an integer `enumValue`");
}

#[test]
fn int_enum_with_string_enum_value_is_rejected() {
    let message = err(json!({
        "ns#I": { "type": "intEnum", "members": {
            "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": "1" } }
        } }
    }));
    assert_eq!(message, "ns#I$A: an intEnum member needs an integer `enumValue`");
}

#[test]
fn duplicate_int_enum_values_are_rejected() {
    let message = err(json!({
        "ns#I": { "type": "intEnum", "members": {
            "A": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
            "B": { "target": "smithy.api#Unit", "traits": { "smithy.api#enumValue": 1 } },
        } }
    }));
    assert_eq!(message, "ns#I: the intEnum value 1 appears twice");
}

#[test]
fn enum_member_targeting_a_shape_is_rejected() {
    let message = err(json!({
        "ns#E": { "type": "enum", "members": { "A": { "target": "ns#Missing" } } }
    }));
    assert_eq!(message, "ns#E$A: an enum member must target `smithy.api#Unit`, not `ns#Missing`");
}

#[test]
fn int_enum_member_targeting_a_shape_is_rejected() {
    let message = err(json!({
        "ns#I": { "type": "intEnum", "members": {
            "A": { "target": "smithy.api#Integer", "traits": { "smithy.api#enumValue": 1 } }
        } }
    }));
    assert_eq!(message, "ns#I$A: an enum member must target `smithy.api#Unit`, not `smithy.api#Integer`");
}

#[test]
fn member_targeting_an_operation_is_rejected() {
    let message = err(json!({
        "ns#A": { "type": "structure", "members": { "op": { "target": "ns#Op" } } },
        "ns#Op": { "type": "operation" },
    }));
    assert_eq!(message, "ns#A$op: a member cannot target the operation `ns#Op`");
}

#[test]
fn member_targeting_a_service_is_rejected() {
    let message = err(json!({
        "ns#L": { "type": "list", "member": { "target": "ns#Svc" } },
        "ns#Svc": { "type": "service" },
    }));
    assert_eq!(message, "ns#L$member: a member cannot target the service `ns#Svc`");
}

#[test]
fn shape_in_the_prelude_namespace_is_rejected() {
    assert_eq!(
        err(json!({ "smithy.api#MyString": { "type": "string" } })),
        "smithy.api#MyString: models may not define shapes in the prelude namespace `smithy.api`"
    );
}

#[test]
fn redefining_a_prelude_shape_is_rejected() {
    let message = err(json!({ "smithy.api#String": { "type": "integer" } }));
    assert!(message.starts_with("smithy.api#String: models may not define shapes"), "{message}");
}

#[test]
fn mixins_are_rejected() {
    let message = err(json!({
        "ns#A": { "type": "structure", "mixins": [{ "target": "ns#M" }], "members": {} },
        "ns#M": { "type": "structure", "traits": { "smithy.api#mixin": {} } },
    }));
    assert!(message.starts_with("ns#A: mixins are not supported"), "{message}");
}

#[test]
fn malformed_mixins_are_rejected() {
    let message = err(json!({ "ns#A": { "type": "structure", "mixins": "ns#M" } }));
    assert!(message.starts_with("ns#A: mixins are not supported"), "{message}");
}

#[test]
fn empty_mixins_are_accepted() {
    let model = Model::from_json(&doc(json!({ "ns#A": { "type": "structure", "mixins": [] } })));
    assert!(model.is_ok(), "{model:?}");
}

// ---- apply ---------------------------------------------------------------------------------

#[test]
fn apply_to_a_missing_shape_is_rejected() {
    let message = err(json!({
        "ns#Missing": { "type": "apply", "traits": { "smithy.api#sensitive": {} } }
    }));
    assert_eq!(message, "ns#Missing: `apply` targets a shape that does not exist");
}

#[test]
fn apply_to_a_missing_member_is_rejected() {
    let message = err(json!({
        "ns#A": string_struct(),
        "ns#A$nope": { "type": "apply", "traits": { "smithy.api#required": {} } },
    }));
    assert_eq!(message, "ns#A$nope: `apply` targets a member that does not exist");
}

#[test]
fn apply_to_a_member_of_a_simple_shape_is_rejected() {
    let message = err(json!({
        "ns#S": { "type": "string" },
        "ns#S$member": { "type": "apply", "traits": { "smithy.api#required": {} } },
    }));
    assert_eq!(message, "ns#S$member: `apply` targets a member that does not exist");
}

#[test]
fn apply_to_a_missing_enum_member_is_rejected() {
    let message = err(json!({
        "ns#E": { "type": "enum", "members": { "A": { "target": "smithy.api#Unit" } } },
        "ns#E$B": { "type": "apply", "traits": { "smithy.api#documentation": "b" } },
    }));
    assert_eq!(message, "ns#E$B: `apply` targets a member that does not exist");
}

#[test]
fn apply_with_a_bad_trait_value_names_the_target() {
    let message = err(json!({
        "ns#A": string_struct(),
        "ns#A$a": { "type": "apply", "traits": { "smithy.api#documentation": 5 } },
    }));
    assert_eq!(message, "ns#A$a: trait `smithy.api#documentation`: expected a string, found 5");
}

#[test]
fn apply_with_a_malformed_target_is_rejected() {
    let message = err(json!({ "A$a": { "type": "apply", "traits": {} } }));
    assert_eq!(message, r#"$.shapes["A$a"]: shape ID `A` has no `#` between namespace and name"#);
}

#[test]
fn apply_of_an_integer_enum_value_to_an_enum_member_is_rejected() {
    let message = err(json!({
        "ns#E": { "type": "enum", "members": { "A": { "target": "smithy.api#Unit" } } },
        "ns#E$A": { "type": "apply", "traits": { "smithy.api#enumValue": 1 } },
    }));
    assert_eq!(message, "ns#E$A: an enum member's `enumValue` must be a string");
}

#[test]
fn apply_that_creates_duplicate_enum_values_is_rejected() {
    let message = err(json!({
        "ns#E": { "type": "enum", "members": {
            "A": { "target": "smithy.api#Unit" },
            "B": { "target": "smithy.api#Unit" },
        } },
        "ns#E$B": { "type": "apply", "traits": { "smithy.api#enumValue": "A" } },
    }));
    assert_eq!(message, "ns#E: the enum value `A` appears twice");
}

// ---- files ---------------------------------------------------------------------------------

/// A file path unique to this test run.
fn temp_path(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("smithy-model-errors-{}-{name}", std::process::id()))
}

#[test]
fn from_file_on_a_missing_file_names_the_file() {
    let path = temp_path("does-not-exist.json");
    let e = Model::from_file(&path).unwrap_err();
    let file = path.display().to_string();
    assert_eq!(e.file.as_deref(), Some(file.as_str()));
    let message = e.to_string();
    assert!(message.starts_with(&format!("{file}: cannot read the model: ")), "{message}");
}

#[test]
fn from_file_with_bad_json_names_the_file_and_line() {
    let path = temp_path("bad.json");
    std::fs::write(&path, "{\n  \"smithy\": \"2.0\",\n  \"shapes\": {\n    \"ns#A\": { \"type\": }\n  }\n}\n").unwrap();
    let result = Model::from_file(&path);
    std::fs::remove_file(&path).unwrap();
    let message = result.unwrap_err().to_string();
    let file = path.display().to_string();
    assert!(message.starts_with(&format!("{file}: line 4, column ")), "{message}");
    assert!(message.contains("malformed JSON"), "{message}");
}

#[test]
fn from_file_with_a_bad_shape_names_the_file_and_shape() {
    let path = temp_path("bad-shape.json");
    std::fs::write(&path, doc(json!({ "ns#A": { "type": "struct" } }))).unwrap();
    let result = Model::from_file(&path);
    std::fs::remove_file(&path).unwrap();
    let file = path.display().to_string();
    assert_eq!(result.unwrap_err().to_string(), format!("{file}: ns#A: unknown shape type `struct`"));
}

// ---- no panics -----------------------------------------------------------------------------

/// A xorshift64 generator: deterministic, no dependencies.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Every `target` string anywhere in the document, as a JSON pointer.
fn target_pointers(value: &Value, path: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                let here = format!("{path}/{escaped}");
                if key == "target" && v.is_string() {
                    out.push(here);
                } else {
                    target_pointers(v, here, out);
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                target_pointers(v, format!("{path}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// Loads `text`, failing the test (instead of aborting it) if the loader panics.
fn load_without_panic(text: &str, what: &str) -> Result<Model, LoadError> {
    match catch_unwind(AssertUnwindSafe(|| Model::from_json(text))) {
        Ok(result) => {
            if let Err(e) = &result {
                assert!(!e.reason.is_empty(), "{what}: empty reason");
            }
            result
        }
        Err(_) => panic!("the loader panicked on {what}"),
    }
}

#[test]
fn mutated_cognito_model_never_panics() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("aws/cognito-identity-provider-2016-04-18.json");
    let text = std::fs::read_to_string(path).unwrap();
    let original: Value = serde_json::from_str(&text).unwrap();
    let shape_keys: Vec<String> = original["shapes"].as_object().unwrap().keys().cloned().collect();
    let mut targets = Vec::new();
    target_pointers(&original, String::new(), &mut targets);
    assert!(targets.len() > 1000, "{}", targets.len());
    let types = [
        "structure",
        "union",
        "list",
        "set",
        "map",
        "string",
        "integer",
        "enum",
        "intEnum",
        "operation",
        "service",
        "resource",
        "apply",
        "struct",
        "",
        "document",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let mut rejected = 0;

    // Truncation at 50 offsets: never valid JSON, so an error that names a line and column.
    for i in 0..50 {
        let mut cut = if i < 10 { i * 7 } else { rng.below(text.len()) };
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let what = format!("the model truncated at byte {cut}");
        let Err(e) = load_without_panic(&text[..cut], &what) else { panic!("{what} loaded") };
        assert!(e.place.starts_with("line "), "{what}: {e}");
        rejected += 1;
    }

    // Deleting a shape: an error naming the shape that referred to it, unless nothing did.
    for _ in 0..50 {
        let key = &shape_keys[rng.below(shape_keys.len())];
        let mut doc = original.clone();
        doc["shapes"].as_object_mut().unwrap().shift_remove(key);
        let what = format!("the model without {key}");
        if let Err(e) = load_without_panic(&doc.to_string(), &what) {
            assert!(e.to_string().contains(key.as_str()), "{what}: {e}");
            rejected += 1;
        }
    }

    // A dangling target: always an error naming the missing shape.
    for i in 0..50 {
        let pointer = &targets[rng.below(targets.len())];
        let mut doc = original.clone();
        let missing = format!("com.example#Missing{i}");
        *doc.pointer_mut(pointer).unwrap() = Value::String(missing.clone());
        let what = format!("the model with {pointer} = {missing}");
        let Err(e) = load_without_panic(&doc.to_string(), &what) else { panic!("{what} loaded") };
        assert!(e.to_string().contains(&missing), "{what}: {e}");
        rejected += 1;
    }

    // A changed type: anything may happen but a panic; errors name a shape or a JSON path.
    for _ in 0..50 {
        let key = &shape_keys[rng.below(shape_keys.len())];
        let new_type = types[rng.below(types.len())];
        let mut doc = original.clone();
        doc["shapes"][key.as_str()]["type"] = Value::String(new_type.to_owned());
        let what = format!("the model with {key} as a {new_type:?}");
        if let Err(e) = load_without_panic(&doc.to_string(), &what) {
            let message = e.to_string();
            assert!(message.contains('#') || message.contains("$."), "{what}: {message}");
            rejected += 1;
        }
    }

    // Garbage in random places: a random value replaces a random shape's random field.
    let garbage = [json!(null), json!(1), json!("x"), json!([]), json!({}), json!([{ "target": 5 }])];
    for _ in 0..30 {
        let key = &shape_keys[rng.below(shape_keys.len())];
        let mut doc = original.clone();
        let shape = doc["shapes"][key.as_str()].as_object_mut().unwrap();
        let fields: Vec<String> = shape.keys().cloned().collect();
        let field = fields[rng.below(fields.len())].clone();
        shape.insert(field.clone(), garbage[rng.below(garbage.len())].clone());
        let what = format!("the model with garbage in {key}.{field}");
        if let Err(e) = load_without_panic(&doc.to_string(), &what) {
            let message = e.to_string();
            assert!(message.contains('#') || message.contains("$."), "{what}: {message}");
            rejected += 1;
        }
    }

    assert!(rejected >= 150, "only {rejected} of 230 mutations were rejected");
}
