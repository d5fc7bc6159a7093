//! Validation, construction and redaction of the generated Cognito types, as a user sees them.

use cognito::validate::{Validate, ViolationKind};
use cognito::{AdminCreateUserRequest, AttributeType, DeliveryMediumType, MessageActionType};
use cognito_identity_provider_types as cognito;

#[test]
fn a_bad_admin_create_user_request_reports_every_violation_at_once() {
    let request = AdminCreateUserRequest::new("", "bad user\u{7}")
        .with_temporary_password("x".repeat(300))
        .with_user_attributes(vec![
            AttributeType::new("email").with_value("a@example.com"),
            AttributeType::new("x".repeat(33)),
            AttributeType::new(""),
        ])
        .with_message_action(MessageActionType::from("SHOUT"));
    let violations = request.validate().unwrap_err().0;
    let paths: Vec<&str> = violations.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "UserPoolId",
            "UserPoolId",
            "Username",
            "UserAttributes[1].Name",
            "UserAttributes[2].Name",
            "UserAttributes[2].Name",
            "TemporaryPassword",
        ],
        "{violations:#?}"
    );
    // Lengths are counted in characters, and the violation says which bound was broken.
    assert_eq!(violations[0].kind, ViolationKind::Length { min: Some(1), max: Some(55), actual: 0 });
    assert_eq!(violations[3].kind, ViolationKind::Length { min: Some(1), max: Some(32), actual: 33 });
    // The username is sensitive: the violation names the pattern but never shows the value.
    assert!(matches!(&violations[2].kind, ViolationKind::Pattern { value: None, .. }), "{:?}", violations[2]);
    assert!(!violations.iter().any(|v| v.to_string().contains("bad user")));
    // The temporary password too: only its length is reported.
    assert_eq!(violations[6].kind, ViolationKind::Length { min: Some(0), max: Some(256), actual: 300 });
    let message = cognito::validate::Violations(violations).to_string();
    assert!(
        message.starts_with("7 constraint violation(s)\n- UserPoolId: length 0 is not between 1 and 55"),
        "{message}"
    );
}

#[test]
fn unknown_enum_values_are_reported_only_when_strict() {
    let request = AdminCreateUserRequest::new("us-east-1_EXAMPLE", "testuser")
        .with_desired_delivery_mediums(vec![DeliveryMediumType::Email, DeliveryMediumType::from("CARRIER_PIGEON")]);
    assert_eq!(request.validate(), Ok(()));
    let strict = request.validate_strict().unwrap_err().0;
    assert_eq!(strict.len(), 1);
    assert_eq!(strict[0].path, "DesiredDeliveryMediums[1]");
    assert_eq!(strict[0].kind, ViolationKind::UnknownEnumValue { value: Some("CARRIER_PIGEON".into()) });
}

#[test]
fn a_good_request_is_valid_and_writes_the_wire_form() {
    let request = AdminCreateUserRequest::new("us-east-1_EXAMPLE", "testuser")
        .with_user_attributes(vec![AttributeType::new("email").with_value("testuser@example.com")])
        .with_desired_delivery_mediums(vec![DeliveryMediumType::Email]);
    assert_eq!(request.validate_strict(), Ok(()));
    let json = serde_json::to_value(&request).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "UserPoolId": "us-east-1_EXAMPLE",
            "Username": "testuser",
            "UserAttributes": [{"Name": "email", "Value": "testuser@example.com"}],
            // `ForceAliasCreation` (default `false`) is a member of an operation's input: left
            // unset, it is not sent and the service applies its default.
            "DesiredDeliveryMediums": ["EMAIL"]
        })
    );
    let back: AdminCreateUserRequest = serde_json::from_value(json).unwrap();
    assert_eq!(back, request);
}

#[test]
fn debug_redacts_sensitive_members_and_shows_the_rest() {
    let request = AdminCreateUserRequest::new("us-east-1_EXAMPLE", "jane.doe")
        .with_temporary_password("hunter2-Secret!")
        .with_user_attributes(vec![AttributeType::new("email").with_value("jane@example.com")]);
    let printed = format!("{request:?}");
    assert!(printed.contains("us-east-1_EXAMPLE"), "{printed}");
    for secret in ["jane.doe", "hunter2-Secret!", "jane@example.com"] {
        assert!(!printed.contains(secret), "{secret} shows in {printed}");
    }
    assert!(printed.contains("*** Sensitive Data Redacted ***"), "{printed}");
    // Absent sensitive members show as `None`, present ones as the marker.
    assert!(printed.contains("message_action: None"), "{printed}");
}

#[test]
fn the_model_examples_are_valid() {
    let model = smithy_model::Model::from_file(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../model/aws/cognito-identity-provider-2016-04-18.json"
    ))
    .unwrap();
    let examples = &model
        .shape(&smithy_model::ShapeId::parse("com.amazonaws.cognitoidentityprovider#AdminCreateUser").unwrap())
        .unwrap()
        .traits
        .examples;
    let example = examples.as_deref().unwrap()[0].input.clone().unwrap();
    let request: AdminCreateUserRequest = serde_json::from_value(example).unwrap();
    assert_eq!(request.validate_strict(), Ok(()));
}

#[test]
fn keys_of_a_sensitive_map_never_show_in_paths() {
    // `AuthParametersType` is a `@sensitive` map whose values are at most 131072 characters.
    let parameters = std::collections::HashMap::from([("PASSWORD".to_owned(), "x".repeat(131_073))]);
    let request = cognito::InitiateAuthRequest::new(cognito::AuthFlowType::UserPasswordAuth, "client")
        .with_auth_parameters(parameters);
    let violations = request.validate().unwrap_err().0;
    assert_eq!(violations.len(), 1, "{violations:?}");
    assert_eq!(violations[0].path, "AuthParameters[<sensitive key>]");
    assert_eq!(violations[0].kind, ViolationKind::Length { min: Some(0), max: Some(131072), actual: 131_073 });
}
