//! Hostile JSON read into the generated Cognito types: deep nesting, huge inputs and numbers out
//! of range give errors (or values), never a panic or a stack overflow. See the README's
//! "Reliability" section for the limits.

use cognito::operation::Operation;
use cognito::*;
use cognito_identity_provider_types as cognito;
use serde_json::{json, Value};
use smithy_model::{Model, ShapeId, ShapeKind};

fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn nested_arrays(depth: usize) -> String {
    format!("{}{}", "[".repeat(depth), "]".repeat(depth))
}

/// `document` members hold any JSON: nesting beyond serde_json's limit of 128 is an error.
#[test]
fn documents_nested_10_000_deep_are_an_error() {
    let text = format!(r#"{{"Credential": {}, "AccessToken": "t"}}"#, nested_arrays(10_000));
    let error = read::<CompleteWebAuthnRegistrationRequest>(&text).unwrap_err();
    assert!(error.contains("recursion limit exceeded"), "{error}");
    let text = format!(r#"{{"Credential": {}, "AccessToken": "t"}}"#, nested_arrays(100));
    let value = read::<CompleteWebAuthnRegistrationRequest>(&text).unwrap();
    assert_eq!(serde_json::to_string(&value.credential).unwrap(), nested_arrays(100));
}

/// Members the model does not have are skipped, however deep they nest (serde_json skips
/// without recursing).
#[test]
fn unknown_members_nested_10_000_deep_are_skipped_or_refused() {
    for unknown in [nested_arrays(10_000), format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000))] {
        let text = format!(r#"{{"Username": "u", "Unknown": {unknown}}}"#);
        match read::<UserType>(&text) {
            Ok(user) => assert_eq!(user.username.as_deref(), Some("u")),
            Err(error) => assert!(error.contains("recursion limit exceeded"), "{error}"),
        }
    }
}

fn model() -> Model {
    Model::from_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../model/aws/cognito-identity-provider-2016-04-18.json"))
        .unwrap()
}

/// The JSON of the deepest value of `id` that has one member set at each level (through
/// structures, lists and maps), and its depth. Cognito's types are not recursive.
fn deepest(model: &Model, id: &ShapeId) -> (Value, usize) {
    let shape = model.expect(id);
    match &shape.kind {
        ShapeKind::Structure(members) => {
            let best = members.iter().map(|m| (m, deepest(model, &m.target))).max_by_key(|(_, (_, depth))| *depth);
            match best {
                Some((m, (value, depth))) => (json!({ m.name.clone(): value }), depth + 1),
                None => (json!({}), 1),
            }
        }
        ShapeKind::List { member, .. } => {
            let (value, depth) = deepest(model, &member.target);
            (json!([value]), depth + 1)
        }
        ShapeKind::Map { value, .. } => {
            let (value, depth) = deepest(model, &value.target);
            (json!({ "key": value }), depth + 1)
        }
        ShapeKind::Simple(smithy_model::Simple::Document) => (json!({"any": [1]}), 2),
        ShapeKind::Simple(smithy_model::Simple::Timestamp) => (json!(1), 0),
        ShapeKind::Simple(smithy_model::Simple::Boolean) => (json!(true), 0),
        ShapeKind::Simple(smithy_model::Simple::String) | ShapeKind::Enum(_) => (json!("x"), 0),
        ShapeKind::Simple(_) => (json!(1), 0),
        other => panic!("unexpected {}", other.type_name()),
    }
}

/// Reads `body` as the body of a 200 response to operation `O`.
fn read_body<O: Operation>(body: &[u8]) -> Result<O::Output, O::Error> {
    O::read_response(&http::Response::new(body))
}

macro_rules! deepest_outputs {
    ($($op:ident)*) => {{
        let model = model();
        let mut depths = Vec::new();
        $(
            let info = cognito::operations::OPERATIONS.iter().find(|o| o.name == stringify!($op)).unwrap();
            if info.output != "Empty" {
                let id = ShapeId::parse(&format!("com.amazonaws.cognitoidentityprovider#{}", info.output)).unwrap();
                let (value, depth) = deepest(&model, &id);
                let text = value.to_string();
                read_body::<cognito::operations::$op>(text.as_bytes())
                    .unwrap_or_else(|e| panic!("{}: {e}\n{text}", info.output));
                // The same path with 10,000 levels of arrays at its end is an error.
                let hostile = text.replacen("\"x\"", &nested_arrays(10_000), 1).replacen("[1]", &nested_arrays(10_000), 1);
                if hostile != text {
                    assert!(read_body::<cognito::operations::$op>(hostile.as_bytes()).is_err(), "{}", info.output);
                }
                depths.push((depth, info.output));
            }
        )*
        depths
    }};
}

include!("../../xtask/fuzz/src/cognito_operations.rs");

/// Every output type reads its deepest value (one member per level); Cognito's types nest at
/// most 5 objects and arrays deep, far from serde_json's limit of 128.
#[test]
fn every_output_reads_its_deepest_value() {
    let mut depths = cognito_operations!(deepest_outputs);
    depths.sort();
    let (depth, deepest_type) = *depths.last().unwrap();
    assert!(depth < 128, "{deepest_type}: {depth}");
    assert_eq!((depth, deepest_type), (5, "SetRiskConfigurationResponse"), "{depths:?}");
}

#[test]
fn numbers_out_of_range_are_errors() {
    for (field, value) in [
        ("EstimatedNumberOfUsers", "2147483648"),
        ("EstimatedNumberOfUsers", "-2147483649"),
        ("EstimatedNumberOfUsers", "1.5"),
        ("EstimatedNumberOfUsers", "1e400"),
        ("CreationDate", "1e300"),
        ("CreationDate", "-1e300"),
        ("CreationDate", "1e15"),
        ("CreationDate", "253402300800"),
        ("CreationDate", "18446744073709551615"),
        ("CreationDate", "\"NaN\""),
        ("CreationDate", "1e400"),
    ] {
        let text = format!(r#"{{"{field}": {value}}}"#);
        assert!(read::<UserPoolType>(&text).is_err(), "{text} should not read");
    }
    // The extremes that fit.
    let pool: UserPoolType = read(r#"{"EstimatedNumberOfUsers": -2147483648, "CreationDate": -377705116800}"#).unwrap();
    assert_eq!(pool.estimated_number_of_users, i32::MIN);
    assert_eq!(pool.creation_date.unwrap().year(), -9999);
    let pool: UserPoolType = read(r#"{"CreationDate": 253402300799.999}"#).unwrap();
    assert_eq!(pool.creation_date.unwrap().year(), 9999);
    // A fraction that rounds to the next second is past the last one.
    assert!(read::<UserPoolType>(r#"{"CreationDate": 253402300799.9999999}"#).is_err());
}

#[test]
fn large_inputs_read_in_bounded_memory() {
    // 100,000 users and a 10 MB string: read, written back the same.
    let user = json!({"Username": "u", "Attributes": [{"Name": "email", "Value": "a@example.com"}], "Enabled": true});
    let users = Value::Array(vec![user; 100_000]);
    let text = json!({"Users": users, "PaginationToken": "p".repeat(10_000_000)}).to_string();
    let response = read_body::<cognito::operations::ListUsers>(text.as_bytes()).unwrap();
    assert_eq!(response.users.as_ref().unwrap().len(), 100_000);
    let written: Value = serde_json::from_slice(&serde_json::to_vec(&response).unwrap()).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(&text).unwrap());
}

#[test]
fn malformed_bodies_are_errors() {
    for body in ["{", "null", "\"x\"", "{\"Users\": {}}", "{\"Users\": [1]}", "\u{feff}{}", "{}x", "{\"a\":1,}"] {
        assert!(read_body::<cognito::operations::ListUsers>(body.as_bytes()).is_err(), "{body:?}");
    }
    // A structure is an object: the array of its members in order, which serde's derived
    // readers used to take, is not a form the AWS protocols use.
    assert!(read_body::<cognito::operations::ListUsers>(b"[[], \"token\"]").is_err());
    // Whitespace alone is an empty body: `{}`.
    assert!(read_body::<cognito::operations::ListUsers>(b" \n").is_ok());
}
