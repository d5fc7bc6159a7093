//! Every checked-in AWS model loads, validates, and has the expected service closure.

use std::path::PathBuf;

use smithy_model::{HttpTestCase, HttpTestKind, Model, ShapeKind};

fn model_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("aws").join(file)
}

#[test]
fn every_checked_in_model_loads() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut count = 0;
    for dir in ["aws", "protocol-tests"] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "json") {
                let model = Model::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
                let services = model.services();
                assert!(!services.is_empty(), "{}", path.display());
                for service in services {
                    assert!(model.closure(&service.id).len() > 5, "{}", path.display());
                }
                count += 1;
            }
        }
    }
    assert_eq!(count, 13, "10 AWS models and 3 protocol test models");
}

#[test]
fn the_protocol_test_cases_load() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("protocol-tests/restJson1.json");
    let model = Model::from_file(path).unwrap();
    let cases = |request: bool| -> Vec<HttpTestCase> {
        model
            .shapes()
            .flat_map(|s| if request { &s.traits.http_request_tests } else { &s.traits.http_response_tests })
            .flatten()
            .cloned()
            .collect()
    };
    let (requests, responses) = (cases(true), cases(false));
    // The README of model/protocol-tests: 269 cases in restJson1.json.
    assert_eq!(requests.len() + responses.len(), 269);
    let escaping = requests.iter().find(|c| c.id == "RestJsonHttpRequestLabelEscaping").unwrap();
    let HttpTestKind::Request { method, uri, .. } = &escaping.kind else { panic!("{escaping:?}") };
    assert_eq!((method.as_str(), escaping.protocol.as_str()), ("GET", "aws.protocols#restJson1"));
    assert!(uri.starts_with(
        "/HttpRequestWithLabels/%20%25%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D%F0%9F%98%B9/"
    ));
    let server_only = requests.iter().chain(&responses).filter(|c| !c.applies_to_clients()).count();
    assert_eq!(requests.len() + responses.len() - server_only, 244, "client cases");
}

#[test]
fn cognito_closure_has_the_expected_shapes() {
    let model = Model::from_file(model_path("cognito-identity-provider-2016-04-18.json")).unwrap();
    let service = model.service().unwrap();
    assert_eq!(service.id.to_string(), "com.amazonaws.cognitoidentityprovider#AWSCognitoIdentityProviderService");
    let closure = model.closure(&service.id);
    let count = |pred: fn(&ShapeKind) -> bool| {
        closure.iter().filter(|id| id.namespace() != "smithy.api" && pred(&model.expect(id).kind)).count()
    };
    assert_eq!(count(|k| matches!(k, ShapeKind::Structure(_))), 350);
    assert_eq!(count(|k| matches!(k, ShapeKind::Enum(_))), 48);
    assert_eq!(count(|k| matches!(k, ShapeKind::Operation(_))), 114);
    let errors = closure.iter().filter(|id| model.expect(id).traits.error.is_some()).count();
    assert_eq!(errors, 54);
}
