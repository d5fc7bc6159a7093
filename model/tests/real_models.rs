//! Every checked-in AWS model loads, validates, and has the expected service closure.

use std::path::PathBuf;

use smithy_model::{Model, ShapeKind};

fn model_path(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("aws").join(file)
}

#[test]
fn every_checked_in_model_loads() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("aws");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let model = Model::from_file(&path).unwrap_or_else(|e| panic!("{e}"));
            let service = model.service().unwrap();
            assert!(model.closure(&service.id).len() > 20, "{}", path.display());
            count += 1;
        }
    }
    assert_eq!(count, 8);
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
