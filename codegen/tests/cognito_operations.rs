//! The generated Cognito crate knows every operation and error of the model: checked against
//! the model itself, and exercised through the awsJson error forms and pagination.

use std::any::type_name;
use std::collections::BTreeSet;

use cognito::error::{parse_error, sanitize_code, ErrorShape, Fault, OperationError, UnhandledError};
use cognito::operation::{paginate, Auth, Operation, Paginated, PaginatedItems};
use cognito::operations::{self as ops, ServiceError, OPERATIONS, SERVICE};
use cognito_identity_provider_types as cognito;
use smithy_model::{Model, ShapeKind};

fn model() -> Model {
    Model::from_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../model/aws/cognito-identity-provider-2016-04-18.json"))
        .unwrap()
}

#[test]
fn every_operation_of_the_model_is_listed_with_its_target_types_errors_and_auth() {
    let model = model();
    let service = model.service().unwrap();
    let ShapeKind::Service(svc) = &service.kind else { unreachable!() };
    assert_eq!(OPERATIONS.len(), 114);
    assert_eq!(OPERATIONS.len(), svc.operations.len());
    for id in &svc.operations {
        let shape = model.expect(id);
        let ShapeKind::Operation(op) = &shape.kind else { panic!("{id} is not an operation") };
        let info = OPERATIONS.iter().find(|o| o.name == id.name()).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(info.target, format!("AWSCognitoIdentityProviderService.{}", id.name()));
        let type_name = |t: &smithy_model::ShapeId| if t.is_unit() { "Empty".to_owned() } else { t.name().to_owned() };
        assert_eq!(info.input, type_name(&op.input), "{id}");
        assert_eq!(info.output, type_name(&op.output), "{id}");
        let modeled: BTreeSet<&str> = op.errors.iter().map(|e| e.name()).collect();
        let listed: BTreeSet<&str> = info.errors.iter().copied().collect();
        assert_eq!(listed, modeled, "{id}");
        let unsigned = shape.traits.auth.as_ref().is_some_and(Vec::is_empty);
        assert_eq!(info.auth == Auth::None, unsigned, "{id}");
        assert_eq!(info.paginated, shape.traits.paginated.is_some(), "{id}");
    }
    assert_eq!(SERVICE.content_type, "application/x-amz-json-1.1");
    assert_eq!(SERVICE.endpoint_prefix, "cognito-idp");
    assert_eq!(SERVICE.signing_name, "cognito-idp");
    assert_eq!(SERVICE.sdk_id, "Cognito Identity Provider");
    assert_eq!(SERVICE.version, "2016-04-18");
}

/// The operation trait ties each operation to its types; checked for a spread of operations.
macro_rules! check_types {
    ($($op:ident => $input:ident, $output:ident;)*) => {$(
        assert_eq!(ops::$op::NAME, stringify!($op));
        let request = ops::$op::write_request(&Default::default()).unwrap();
        let target = concat!("AWSCognitoIdentityProviderService.", stringify!($op));
        assert_eq!(request.headers()["x-amz-target"], target);
        assert!(type_name::<<ops::$op as Operation>::Input>().ends_with(stringify!($input)));
        assert!(type_name::<<ops::$op as Operation>::Output>().ends_with(stringify!($output)));
    )*};
}

#[test]
fn operation_types_are_bound_to_the_trait() {
    check_types! {
        InitiateAuth => InitiateAuthRequest, InitiateAuthResponse;
        AdminCreateUser => AdminCreateUserRequest, AdminCreateUserResponse;
        ListUsers => ListUsersRequest, ListUsersResponse;
        GetUserAuthFactors => GetUserAuthFactorsRequest, GetUserAuthFactorsResponse;
        AdminAddUserToGroup => AdminAddUserToGroupRequest, Empty;
        GlobalSignOut => GlobalSignOutRequest, GlobalSignOutResponse;
    }
    assert_eq!(ops::InitiateAuth::AUTH, Auth::None);
    assert_eq!(ops::AdminCreateUser::AUTH, Auth::SigV4);
}

#[test]
fn requests_are_whole_http_messages() {
    let input = cognito::AdminAddUserToGroupRequest::new("us-east-1_EXAMPLE", "jane", "admins");
    let request = ops::AdminAddUserToGroup::write_request(&input).unwrap();
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/");
    let header = |name: &str| request.headers()[name].to_str().unwrap();
    assert_eq!(header("content-type"), "application/x-amz-json-1.1");
    assert_eq!(header("x-amz-target"), "AWSCognitoIdentityProviderService.AdminAddUserToGroup");
    assert_eq!(header("content-length"), request.body().len().to_string());
    assert!(request.headers().get("x-amzn-query-mode").is_none(), "Cognito is not query-compatible");
    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(body, serde_json::json!({"UserPoolId": "us-east-1_EXAMPLE", "Username": "jane", "GroupName": "admins"}));
    assert_eq!(ops::AdminAddUserToGroup::host_prefix(&input).unwrap(), None);
}

#[test]
fn empty_outputs_read_from_an_empty_object_or_an_empty_body() {
    assert_eq!(serde_json::to_string(&cognito::operation::Empty).unwrap(), "{}");
    for body in ["", "{}", "  \n", r#"{"unexpected": true}"#] {
        let output = ops::AdminAddUserToGroup::read_response(&response(200, &[], body.as_bytes())).unwrap();
        assert_eq!(output, cognito::operation::Empty, "{body:?}");
    }
}

#[test]
fn a_success_whose_body_cannot_be_read_is_unhandled_never_a_panic() {
    for body in ["[1, 2]", "{\"Users\": 7}", "{", "\u{0}"] {
        let error = ops::ListUsers::read_response(&response(200, &[], body.as_bytes())).unwrap_err();
        let ops::ListUsersError::Unhandled(u) = &error else { panic!("{error:?}") };
        assert_eq!(u.status, 200);
        assert!(u.message.as_deref().unwrap().starts_with("the response body cannot be read"), "{error}");
        assert_eq!(u.body, body.as_bytes());
    }
}

/// A response as an HTTP client hands it over.
fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.to_vec()).unwrap()
}

/// The error that a response with status 400 and this body reads as.
fn error_of<O: Operation>(headers: &[(&str, &str)], body: &[u8]) -> O::Error
where
    O::Output: std::fmt::Debug,
{
    O::read_response(&response(400, headers, body)).unwrap_err()
}

#[test]
fn error_codes_are_sanitized() {
    assert_eq!(sanitize_code("UserNotFoundException"), "UserNotFoundException");
    assert_eq!(sanitize_code("com.amazonaws.cognitoidentityprovider#UserNotFoundException"), "UserNotFoundException");
    assert_eq!(
        sanitize_code("UserNotFoundException:http://internal.amazon.com/coral/com.amazon/"),
        "UserNotFoundException"
    );
    assert_eq!(sanitize_code("aws.cognito#UserNotFoundException:http://x#y"), "UserNotFoundException");
}

#[test]
fn the_code_comes_from_the_header_first() {
    let headers = [("X-Amzn-Errortype", "UserNotFoundException:http://internal.amazon.com/")];
    let body = br#"{"__type": "InvalidParameterException", "message": "User does not exist."}"#;
    let error = error_of::<ops::AdminGetUser>(&headers, body);
    let ops::AdminGetUserError::UserNotFoundException(e) = &error else { panic!("{error:?}") };
    assert_eq!(e.message(), Some("User does not exist."));
    assert_eq!(error.to_string(), "UserNotFoundException: User does not exist.");
    // `Debug` reads as `#[derive(Debug)]` would write it: the variant, then the error.
    assert_eq!(
        format!("{error:?}"),
        r#"UserNotFoundException(UserNotFoundException { message: Some("User does not exist.") })"#
    );
    let service = ServiceError::from(error);
    assert!(
        format!("{service:#?}").starts_with("UserNotFoundException(\n    UserNotFoundException {\n"),
        "{service:#?}"
    );
}

#[test]
fn the_code_comes_from_type_with_a_namespace() {
    let body = br#"{"__type": "com.amazonaws.cognitoidentityprovider#NotAuthorizedException", "message": "Incorrect username or password."}"#;
    let error = error_of::<ops::InitiateAuth>(&[], body);
    let ops::InitiateAuthError::NotAuthorizedException(e) = &error else { panic!("{error:?}") };
    assert_eq!(e.message(), Some("Incorrect username or password."));
    assert_eq!(<cognito::NotAuthorizedException as ErrorShape>::FAULT, Fault::Client);
    assert_eq!(<cognito::NotAuthorizedException as ErrorShape>::HTTP_STATUS, 403);
}

#[test]
fn the_code_comes_from_code_and_the_message_from_capital_message() {
    let body = br#"{"code": "TooManyRequestsException", "Message": "Rate exceeded"}"#;
    let error = error_of::<ops::ListUsers>(&[], body);
    let ops::ListUsersError::TooManyRequestsException(e) = &error else { panic!("{error:?}") };
    // The model names the member `message`; a message sent as `Message` is read too.
    assert_eq!(e.message(), Some("Rate exceeded"));
    let unhandled: UnhandledError = match parse_error::<ServiceError>(
        429,
        &http::HeaderMap::new(),
        br#"{"code": "Throttled", "Message": "Rate exceeded"}"#,
    ) {
        ServiceError::Unhandled(u) => u,
        other => panic!("{other:?}"),
    };
    assert_eq!(unhandled.message.as_deref(), Some("Rate exceeded"));
}

#[test]
fn an_empty_body_with_a_header_code_is_the_typed_error() {
    let headers = [("x-amzn-errortype", "UsernameExistsException")];
    let error = error_of::<ops::SignUp>(&headers, b"");
    assert!(matches!(error, ops::SignUpError::UsernameExistsException(_)), "{error:?}");
}

#[test]
fn a_body_that_is_not_json_is_unhandled_and_kept() {
    let error = ops::CreateUserPool::read_response(&response(502, &[], b"<html>Bad Gateway</html>")).unwrap_err();
    let ops::CreateUserPoolError::Unhandled(u) = &error else { panic!("{error:?}") };
    assert_eq!(u.status, 502);
    assert_eq!(u.code, None);
    assert_eq!(u.body, b"<html>Bad Gateway</html>");
    assert_eq!(error.to_string(), "unknown error (HTTP 502)");
}

#[test]
fn an_empty_body_without_a_code_is_unhandled() {
    let error = ops::GetUser::read_response(&response(500, &[], b"")).unwrap_err();
    assert!(matches!(&error, ops::GetUserError::Unhandled(u) if u.code.is_none() && u.body.is_empty()), "{error:?}");
}

#[test]
fn a_code_the_operation_does_not_model_is_unhandled_with_code_and_message() {
    let body = br#"{"__type": "BrandNewException", "message": "from the future"}"#;
    let error = error_of::<ops::GetUser>(&[], body);
    let ops::GetUserError::Unhandled(u) = &error else { panic!("{error:?}") };
    assert_eq!(u.code.as_deref(), Some("BrandNewException"));
    assert_eq!(u.message.as_deref(), Some("from the future"));
    // A modeled error of the service that this operation does not list is unhandled for it too.
    let body = br#"{"__type": "UserPoolTaggingException"}"#;
    assert!(matches!(error_of::<ops::GetUser>(&[], body), ops::GetUserError::Unhandled(_)));
    assert!(matches!(
        parse_error::<ServiceError>(400, &http::HeaderMap::new(), body),
        ServiceError::UserPoolTaggingException(_)
    ));
    // The operation does not read it at all, whether or not its body can be read.
    let headers = http::HeaderMap::new();
    for body in [&body[..], b"[1]"] {
        assert!(ops::GetUserError::from_code("UserPoolTaggingException", &headers, body).is_none());
        assert!(ServiceError::from_code("UserPoolTaggingException", &headers, body).is_some());
        let error = error_of::<ops::GetUser>(&[("x-amzn-errortype", "UserPoolTaggingException")], body);
        let ops::GetUserError::Unhandled(u) = &error else { panic!("{error:?}") };
        assert_eq!(u.code.as_deref(), Some("UserPoolTaggingException"));
        assert!(format!("{error:?}").starts_with("Unhandled(UnhandledError { status: 400, "), "{error:?}");
    }
    // One of its own errors whose body cannot be read is an error, and the response unhandled.
    assert!(matches!(ops::GetUserError::from_code("UserNotFoundException", &headers, b"[1]"), Some(Err(_))));
}

#[test]
fn operation_errors_convert_into_the_service_error() {
    let body = br#"{"__type": "UserNotFoundException", "message": "gone"}"#;
    let error = error_of::<ops::AdminDeleteUser>(&[], body);
    let service: ServiceError = error.into();
    assert!(matches!(&service, ServiceError::UserNotFoundException(e) if e.message.as_deref() == Some("gone")));
    assert!(ServiceError::from_code("UserNotFoundException", &http::HeaderMap::new(), b"{}").is_some());
    assert!(std::error::Error::source(&service).is_some());
}

#[test]
fn list_users_walks_three_pages() {
    let user = |name: &str| cognito::UserType { username: Some(name.to_owned()), ..Default::default() };
    let pages = [
        (None, vec![user("a"), user("b")], Some("page-2")),
        (Some("page-2"), vec![user("c"), user("d")], Some("page-3")),
        (Some("page-3"), vec![user("e")], None),
    ];
    let first =
        cognito::ListUsersRequest { user_pool_id: "us-east-1_EXAMPLE".into(), limit: Some(2), ..Default::default() };
    let mut calls = 0;
    let mut seen = Vec::new();
    for page in paginate::<ops::ListUsers, String>(first, |request| {
        let (token, users, next) = &pages[calls];
        calls += 1;
        if request.pagination_token.as_deref() != *token {
            return Err(format!("page {calls} asked with token {:?}", request.pagination_token));
        }
        assert_eq!(request.limit, Some(2), "the next input keeps the other members");
        // The page goes through the wire, as it would from a server.
        let body = serde_json::to_vec(&cognito::ListUsersResponse {
            users: Some(users.clone()),
            pagination_token: next.map(str::to_owned),
        })
        .unwrap();
        Ok(ops::ListUsers::read_response(&response(200, &[], &body)).unwrap())
    }) {
        let page = page.unwrap();
        seen.extend(ops::ListUsers::items(&page).iter().map(|u| u.username.clone().unwrap()));
    }
    assert_eq!(calls, 3);
    assert_eq!(seen, ["a", "b", "c", "d", "e"]);
    assert_eq!(ops::ListUsers::INPUT_TOKEN, "PaginationToken");
    assert_eq!(ops::ListUsers::PAGE_SIZE, Some("Limit"));
}

#[test]
fn pagination_stops_on_an_empty_or_repeated_token() {
    let input = cognito::ListUsersRequest { pagination_token: Some("same".into()), ..Default::default() };
    let repeated = cognito::ListUsersResponse { pagination_token: Some("same".into()), ..Default::default() };
    assert_eq!(ops::ListUsers::next_input(&input, &repeated), None);
    let empty = cognito::ListUsersResponse { pagination_token: Some(String::new()), ..Default::default() };
    assert_eq!(ops::ListUsers::next_input(&input, &empty), None);
}

/// Structures are read into a list in place; a structure that fails to read must not leave a
/// half-read value behind, like the plain `Vec::push` path of every other type.
#[test]
fn a_structure_that_fails_to_read_leaves_the_list_as_it_was() {
    use cognito::json::Reader;
    use cognito::wire::Json;
    use cognito::AttributeType;

    let mut items = vec![AttributeType::new("kept")];
    let mut good = Reader::new(br#"{"Name": "email", "Value": "a@example.com"}"#).unwrap();
    AttributeType::push_json(&mut good, &mut items).unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[1].name, "email");

    let mut bad = Reader::new(br#"{"Name": "email", "Value": 7}"#).unwrap();
    assert!(AttributeType::push_json(&mut bad, &mut items).is_err());
    assert_eq!(items.len(), 2, "the failed read left an item behind");
    assert_eq!(items[0].name, "kept");
}
