//! Models the generator must refuse, each with a message that names the shape and the reason.

use smithy_model::Model;

/// A one-service awsJson1_1 model with the given extra shapes and one operation using `Input`.
fn model(shapes: &str) -> Model {
    let text = format!(
        r#"{{
        "smithy": "2.0",
        "shapes": {{
            "test#Service": {{
                "type": "service",
                "version": "2024-01-01",
                "operations": [{{"target": "test#Op"}}],
                "traits": {{"aws.protocols#awsJson1_1": {{}}}}
            }},
            "test#Op": {{"type": "operation", "input": {{"target": "test#Input"}}}},
            {shapes}
        }}
    }}"#
    );
    Model::from_json(&text).unwrap_or_else(|e| panic!("test model does not load: {e}"))
}

fn generate_error(model: &Model) -> String {
    let options = codegen::Options::new("test.json");
    match codegen::generate(model, &options) {
        Ok(_) => panic!("generation should fail"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn members_that_fold_to_the_same_field_are_an_error() {
    let m = model(
        r#""test#Input": {"type": "structure", "members": {
            "UserName": {"target": "smithy.api#String"},
            "user_name": {"target": "smithy.api#String"}
        }}"#,
    );
    assert_eq!(
        generate_error(&m),
        "test#Input: members `UserName` and `user_name` both become the Rust field `user_name`; rename one of them in the model"
    );
}

#[test]
fn a_cycle_of_required_members_is_an_error() {
    let m = model(
        r#""test#Input": {"type": "structure", "members": {
            "Next": {"target": "test#Node", "traits": {"smithy.api#required": {}}}
        }},
        "test#Node": {"type": "structure", "members": {
            "Next": {"target": "test#Node", "traits": {"smithy.api#required": {}}}
        }}"#,
    );
    assert_eq!(generate_error(&m), "test#Node: a cycle of required members has no finite value: test#Node$Next");
}

#[test]
fn a_service_without_a_json_protocol_is_an_error() {
    let text = r#"{"smithy": "2.0", "shapes": {"test#Service": {"type": "service", "version": "1"}}}"#;
    let m = Model::from_json(text).unwrap();
    let options = codegen::Options::new("x");
    let error = codegen::generate(&m, &options).unwrap_err().to_string();
    assert!(error.starts_with("test#Service: the service has no JSON protocol trait"), "{error}");
}

#[test]
fn a_model_without_a_service_is_an_error() {
    let m = Model::from_json(r#"{"smithy": "2.0", "shapes": {}}"#).unwrap();
    let error = codegen::generate(&m, &codegen::Options::new("x")).unwrap_err().to_string();
    assert!(error.contains("the model defines no service shape"), "{error}");
}

#[test]
fn recursive_optional_members_are_boxed_once() {
    let m = model(
        r#""test#Input": {"type": "structure", "members": {
            "Child": {"target": "test#Input"},
            "Children": {"target": "test#Inputs"}
        }},
        "test#Inputs": {"type": "list", "member": {"target": "test#Input"}}"#,
    );
    let options = codegen::Options::new("test.json");
    let files = codegen::generate(&m, &options).unwrap().files;
    let input = &files.iter().find(|f| f.path == "src/types/input.rs").unwrap().contents;
    assert!(input.contains("pub child: Option<Box<Input>>,"), "{input}");
    assert!(input.contains("pub children: Option<Vec<Input>>,"), "{input}");
}

#[test]
fn errors_say_whose_problem_they_are() {
    use codegen::ErrorKind;
    let kind = |m: &Model| codegen::generate(m, &codegen::Options::new("test.json")).unwrap_err().kind;
    let cycle = model(
        r#""test#Input": {"type": "structure", "members": {
            "Next": {"target": "test#Input", "traits": {"smithy.api#required": {}}}
        }}"#,
    );
    assert_eq!(kind(&cycle), ErrorKind::InvalidModel);
    let no_protocol =
        Model::from_json(r#"{"smithy": "2.0", "shapes": {"test#Service": {"type": "service", "version": "1"}}}"#)
            .unwrap();
    assert_eq!(kind(&no_protocol), ErrorKind::Unsupported);
    let mixins = r#"{"smithy": "2.0", "shapes": {"test#S": {"type": "structure", "mixins": [{"target": "test#M"}]}}}"#;
    let load_error = Model::from_json(mixins).unwrap_err();
    assert_eq!(codegen::Error::from(load_error).kind, ErrorKind::Unsupported);
}

#[test]
fn a_model_with_two_services_needs_a_choice() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/protocol-tests/awsJson1_0.json");
    let m = Model::from_file(path).unwrap();
    let error = codegen::generate(&m, &codegen::Options::new("awsJson1_0.json")).unwrap_err().to_string();
    assert!(error.contains("the model defines 2 services"), "{error}");
    assert!(error.contains("aws.protocoltests.json10#JsonRpc10, aws.protocoltests.json10#QueryCompatibleJsonRpc10"));
    for (service, package) in
        [("JsonRpc10", "json-rpc-10-types"), ("QueryCompatibleJsonRpc10", "query-compatible-json-rpc-10-types")]
    {
        let options = codegen::Options {
            service: Some(smithy_model::ShapeId::parse(&format!("aws.protocoltests.json10#{service}")).unwrap()),
            ..codegen::Options::new("awsJson1_0.json")
        };
        let files = codegen::generate(&m, &options).unwrap().files;
        let cargo = &files.iter().find(|f| f.path == "Cargo.toml").unwrap().contents;
        assert!(cargo.contains(&format!("name = \"{package}\"")), "{cargo}");
    }
}
