//! The generated Cognito types on the wire, against an implementation nobody here wrote: the
//! `moto` server (PyPI `moto[server]`, pinned in `xtask/src/test.rs`, installed by
//! `cargo xtask test` into `target/moto-venv`; `MOTO_SERVER` names another `moto_server`).
//! Without it these tests fail, saying how to install it; they never skip.
//!
//! Every request is written from the generated input types and sent as the protocol says
//! (`POST /`, `Content-Type` and `X-Amz-Target` from the operation types, SigV4-signed with fake
//! credentials unless the model marks the operation `@auth([])`). Every successful response
//! must read into the generated output type and, written back, give the same JSON (members the
//! model does not know aside); every error response must read into the operation's typed error.
//!
//! # What moto does differently from the model
//!
//! Seen with moto 5.2.5; the scenarios assert each point they meet.
//!
//! - **Status codes.** Every error is HTTP 400, whatever the model's `@httpError` says
//!   (`NotAuthorizedException` 403, `UserNotFoundException` and `ResourceNotFoundException` 404).
//!   Errors carry their code both in `X-Amzn-ErrorType` and in the body's `__type`, without a
//!   namespace, and the message in `message`; their `Content-Type` is `application/json`, not
//!   the protocol's `application/x-amz-json-1.1`. The typed errors read them unchanged.
//! - **Authentication.** moto verifies no signature (it takes the fake credentials) and also
//!   takes unsigned requests. The client signs what the model says to sign, as an SDK would.
//! - **Members.** moto writes its responses through botocore's copy of the service model, so
//!   it sends no member that our model does not know and leaves out `null`s. In these scenarios
//!   no response had a member the model does not know, and none left out a member that the
//!   types always write (a required member or one with a default): [`ALLOWED`] is empty, and
//!   every response written back is exactly the JSON that moto sent, timestamps included
//!   (epoch seconds with milliseconds, e.g. `1795677567.356`).
//! - **Values where Cognito sends none.** `GetUser` and `AdminGetUser` send
//!   `"PreferredMfaSetting": ""` and `"UserMFASettingList": []` for a user without MFA, and users
//!   carry `"MFAOptions": []`; they read as `Some("")` and `Some(vec![])`.
//! - **Schema.** A `CreateUserPool` with a `Schema` keeps only the attributes listed in it;
//!   Cognito adds them to the standard attributes (`sub`, `email`, `name`, ...).
//! - **Defaults.** A member of an operation's input that has a model default is optional for
//!   clients and left out when unset, so `CreateUserPoolClient` sends no `RefreshTokenValidity`
//!   and moto applies Cognito's 30-day default, as the service does.
//! - **TOTP.** `AssociateSoftwareToken` gives every user the same fixed secret; moto checks TOTP
//!   codes (`VerifySoftwareToken`, the `SOFTWARE_TOKEN_MFA` challenge) only when started with
//!   `MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP=true`, which `server.rs` sets.
//! - **Nothing lenient reading had to absorb** beyond the above: no unknown members, no
//!   `null`s, no unknown enum values, and no timestamps in another format.
//!
//! The EKS scenarios (restJson1) are in `moto/eks.rs`: a module of this test binary, so that
//! they share its moto server and run beside these.
#![cfg(unix)]

#[path = "moto/client.rs"]
mod client;
#[path = "moto/eks.rs"]
mod eks;
#[path = "moto/server.rs"]
mod server;

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use client::{compare, Allowed, Client, Difference, Service};
use cognito::error::ErrorShape;
use cognito::operation::{paginate, PaginatedItems};
use cognito::operations as ops;
use cognito::*;
use cognito_identity_provider_types as cognito;
use time::OffsetDateTime;

include!("../../xtask/fuzz/src/cognito_operations.rs");

macro_rules! cognito_client_operations {
    ($($op:ident)*) => { client::generated_operations!(cognito_identity_provider_types; $($op)*); };
}
cognito_operations!(cognito_client_operations);

/// The members that differ between a moto response and its parsed value written back; each is
/// explained at the top of this file. Any other difference fails the call that saw it.
const ALLOWED: &[Allowed] = &[];

/// Cognito in `us-east-1`, where moto keeps the user pools of these scenarios.
const COGNITO: Service = Service {
    signing_name: ops::SERVICE.signing_name,
    region: "us-east-1",
    model: "model/aws/cognito-identity-provider-2016-04-18.json",
};

fn client() -> Client {
    Client::new(server::shared().endpoint(), COGNITO, ALLOWED)
}

/// A date-time that moto stamped during this test run.
#[track_caller]
fn assert_recent(at: Option<OffsetDateTime>) {
    let at = at.expect("a timestamp");
    let now = OffsetDateTime::now_utc();
    assert!(
        at <= now + Duration::from_secs(5) && at >= now - Duration::from_secs(600),
        "{at} is not recent (now {now})"
    );
}

fn attribute(name: &str, value: &str) -> AttributeType {
    AttributeType { name: name.to_owned(), value: Some(value.to_owned()) }
}

fn attribute_value<'a>(attributes: &'a [AttributeType], name: &str) -> Option<&'a str> {
    attributes.iter().find(|a| a.name == name).and_then(|a| a.value.as_deref())
}

fn auth_parameters(pairs: &[(&str, &str)]) -> Option<HashMap<String, String>> {
    Some(pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect())
}

/// A user pool with default settings; returns its id.
fn create_pool(client: &Client, name: &str) -> String {
    let request = CreateUserPoolRequest { pool_name: name.to_owned(), ..Default::default() };
    let pool = client.call::<ops::CreateUserPool>(&request).unwrap().user_pool.expect("a user pool");
    pool.id.expect("a pool id")
}

/// An app client that signs in with passwords and refresh tokens; returns its id.
fn create_app_client(client: &Client, pool_id: &str) -> String {
    let request = CreateUserPoolClientRequest {
        user_pool_id: pool_id.to_owned(),
        client_name: "moto-tests".to_owned(),
        explicit_auth_flows: Some(vec![
            ExplicitAuthFlowsType::AllowUserPasswordAuth,
            ExplicitAuthFlowsType::AllowRefreshTokenAuth,
        ]),
        ..Default::default()
    };
    let app = client.call::<ops::CreateUserPoolClient>(&request).unwrap().user_pool_client.expect("a client");
    app.client_id.expect("a client id")
}

/// A confirmed user with a permanent password.
fn create_user(client: &Client, pool_id: &str, username: &str, password: &str) {
    let request = AdminCreateUserRequest {
        user_pool_id: pool_id.to_owned(),
        username: username.to_owned(),
        user_attributes: Some(vec![attribute("email", &format!("{username}@example.com"))]),
        message_action: Some(MessageActionType::Suppress),
        ..Default::default()
    };
    client.call::<ops::AdminCreateUser>(&request).unwrap();
    let request = AdminSetUserPasswordRequest {
        user_pool_id: pool_id.to_owned(),
        username: username.to_owned(),
        password: password.to_owned(),
        permanent: Some(true),
    };
    client.call::<ops::AdminSetUserPassword>(&request).unwrap();
}

fn sign_in(client: &Client, app_id: &str, username: &str, password: &str) -> InitiateAuthResponse {
    let request = InitiateAuthRequest {
        auth_flow: AuthFlowType::UserPasswordAuth,
        client_id: app_id.to_owned(),
        auth_parameters: auth_parameters(&[("USERNAME", username), ("PASSWORD", password)]),
        ..Default::default()
    };
    client.call::<ops::InitiateAuth>(&request).unwrap()
}

const PASSWORD: &str = "Correct-Horse-9!";

#[test]
fn scenario_1_a_user_pool_with_policies_schema_and_mfa_and_an_app_client() {
    let client = client();
    let password_policy = PasswordPolicyType {
        minimum_length: Some(12),
        require_uppercase: true,
        require_lowercase: true,
        require_numbers: true,
        require_symbols: false,
        temporary_password_validity_days: 3,
        ..Default::default()
    };
    let request = CreateUserPoolRequest {
        pool_name: "scenario-1".to_owned(),
        policies: Some(UserPoolPolicyType { password_policy: Some(password_policy.clone()), ..Default::default() }),
        schema: Some(vec![
            SchemaAttributeType {
                name: Some("email".to_owned()),
                attribute_data_type: Some(AttributeDataType::String),
                required: Some(true),
                mutable: Some(true),
                ..Default::default()
            },
            SchemaAttributeType {
                name: Some("employee_id".to_owned()),
                attribute_data_type: Some(AttributeDataType::Number),
                mutable: Some(false),
                number_attribute_constraints: Some(NumberAttributeConstraintsType {
                    min_value: Some("1".to_owned()),
                    max_value: Some("99999".to_owned()),
                }),
                ..Default::default()
            },
            SchemaAttributeType {
                name: Some("team".to_owned()),
                attribute_data_type: Some(AttributeDataType::String),
                mutable: Some(true),
                string_attribute_constraints: Some(StringAttributeConstraintsType {
                    min_length: Some("1".to_owned()),
                    max_length: Some("64".to_owned()),
                }),
                ..Default::default()
            },
        ]),
        mfa_configuration: Some(UserPoolMfaType::Optional),
        auto_verified_attributes: Some(vec![VerifiedAttributeType::Email]),
        user_pool_tags: Some(HashMap::from([("project".to_owned(), "smithy-rust-types".to_owned())])),
        ..Default::default()
    };
    let created = client.call::<ops::CreateUserPool>(&request).unwrap().user_pool.expect("a user pool");
    let pool_id = created.id.clone().expect("a pool id");
    assert!(pool_id.starts_with("us-east-1_"), "{pool_id}");

    let described = client
        .call::<ops::DescribeUserPool>(&DescribeUserPoolRequest { user_pool_id: pool_id.clone() })
        .unwrap()
        .user_pool
        .expect("a user pool");
    assert_eq!(described.id.as_deref(), Some(pool_id.as_str()));
    assert_eq!(described.name.as_deref(), Some("scenario-1"));
    assert_eq!(described.policies.and_then(|p| p.password_policy), Some(password_policy));
    assert_eq!(described.mfa_configuration, Some(UserPoolMfaType::Optional));
    assert_eq!(described.auto_verified_attributes, Some(vec![VerifiedAttributeType::Email]));
    assert_eq!(described.user_pool_tags.unwrap()["project"], "smithy-rust-types");
    assert_eq!(described.estimated_number_of_users, 0);
    assert!(described.arn.unwrap().ends_with(&format!(":userpool/{pool_id}")));
    assert_recent(described.creation_date);
    assert_recent(described.last_modified_date);
    // Custom attributes come back with the `custom:` prefix. (moto leaves out the standard
    // attributes that the request's schema does not list.)
    let schema = described.schema_attributes.expect("schema attributes");
    let find = |name: &str| {
        schema.iter().find(|a| a.name.as_deref() == Some(name)).unwrap_or_else(|| panic!("{name} in {schema:?}"))
    };
    let employee_id = find("custom:employee_id");
    assert_eq!(employee_id.attribute_data_type, Some(AttributeDataType::Number));
    assert_eq!(employee_id.mutable, Some(false));
    let constraints = employee_id.number_attribute_constraints.as_ref().unwrap();
    assert_eq!((constraints.min_value.as_deref(), constraints.max_value.as_deref()), (Some("1"), Some("99999")));
    let team = find("custom:team");
    assert_eq!(team.attribute_data_type, Some(AttributeDataType::String));
    assert_eq!(team.string_attribute_constraints.as_ref().unwrap().max_length.as_deref(), Some("64"));
    let email = find("email");
    assert_eq!(
        (email.attribute_data_type.clone(), email.required, email.mutable),
        (Some(AttributeDataType::String), Some(true), Some(true))
    );
    assert_eq!(schema.len(), 3, "{schema:?}");

    let request = CreateUserPoolClientRequest {
        user_pool_id: pool_id.clone(),
        client_name: "scenario-1-app".to_owned(),
        explicit_auth_flows: Some(vec![
            ExplicitAuthFlowsType::AllowUserPasswordAuth,
            ExplicitAuthFlowsType::AllowRefreshTokenAuth,
            ExplicitAuthFlowsType::AllowUserSrpAuth,
        ]),
        ..Default::default()
    };
    let app = client.call::<ops::CreateUserPoolClient>(&request).unwrap().user_pool_client.expect("a client");
    let app_id = app.client_id.clone().expect("a client id");
    assert_eq!(app.user_pool_id.as_deref(), Some(pool_id.as_str()));
    assert_eq!(app.client_name.as_deref(), Some("scenario-1-app"));
    assert_eq!(app.client_secret, None, "no secret was asked for");
    // The request left `RefreshTokenValidity` unset (a member of an operation's input with a
    // model default is optional for clients), and moto applies Cognito's 30-day default.
    assert_eq!(app.refresh_token_validity, 30);
    let described = client
        .call::<ops::DescribeUserPoolClient>(&DescribeUserPoolClientRequest {
            user_pool_id: pool_id,
            client_id: app_id.clone(),
        })
        .unwrap()
        .user_pool_client
        .expect("a client");
    assert_eq!(described.client_id, Some(app_id));
    assert_eq!(described.explicit_auth_flows, request.explicit_auth_flows);
}

#[test]
fn scenario_2_sign_in_get_user_refresh_and_global_sign_out() {
    let client = client();
    let pool_id = create_pool(&client, "scenario-2");
    let app_id = create_app_client(&client, &pool_id);

    let request = AdminCreateUserRequest {
        user_pool_id: pool_id.clone(),
        username: "alice".to_owned(),
        user_attributes: Some(vec![attribute("email", "alice@example.com"), attribute("given_name", "Alice")]),
        temporary_password: Some("Temporary-Passw0rd!".to_owned()),
        message_action: Some(MessageActionType::Suppress),
        ..Default::default()
    };
    let user = client.call::<ops::AdminCreateUser>(&request).unwrap().user.expect("a user");
    assert_eq!(user.username.as_deref(), Some("alice"));
    assert_eq!(user.user_status, Some(UserStatusType::ForceChangePassword));
    assert!(user.enabled);
    assert_recent(user.user_create_date);
    let attributes = user.attributes.expect("attributes");
    assert_eq!(attribute_value(&attributes, "email"), Some("alice@example.com"));
    assert_eq!(attribute_value(&attributes, "given_name"), Some("Alice"));

    let request = AdminSetUserPasswordRequest {
        user_pool_id: pool_id.clone(),
        username: "alice".to_owned(),
        password: PASSWORD.to_owned(),
        permanent: Some(true),
    };
    client.call::<ops::AdminSetUserPassword>(&request).unwrap();

    let signed_in = sign_in(&client, &app_id, "alice", PASSWORD);
    assert_eq!(signed_in.challenge_name, None, "no challenge for a confirmed user without MFA");
    let tokens = signed_in.authentication_result.expect("tokens");
    assert_eq!(tokens.token_type.as_deref(), Some("Bearer"));
    assert_eq!(tokens.expires_in, 3600);
    let access_token = tokens.access_token.expect("an access token");
    let refresh_token = tokens.refresh_token.expect("a refresh token");
    for jwt in [&access_token, tokens.id_token.as_ref().expect("an id token")] {
        assert_eq!(jwt.split('.').count(), 3, "a JWT: {jwt}");
    }

    let me = client.call::<ops::GetUser>(&GetUserRequest { access_token: access_token.clone() }).unwrap();
    assert_eq!(me.username, "alice");
    assert_eq!(attribute_value(&me.user_attributes, "email"), Some("alice@example.com"));
    assert_eq!(attribute_value(&me.user_attributes, "given_name"), Some("Alice"));
    assert!(attribute_value(&me.user_attributes, "sub").is_some_and(|sub| !sub.is_empty()));
    // Cognito leaves these out for a user without MFA; moto sends them empty.
    assert_eq!((me.preferred_mfa_setting.as_deref(), me.user_mfa_setting_list.as_deref()), (Some(""), Some(&[][..])));
    assert_eq!(me.mfa_options, Some(vec![]));

    let request = InitiateAuthRequest {
        auth_flow: AuthFlowType::RefreshTokenAuth,
        client_id: app_id.clone(),
        auth_parameters: auth_parameters(&[("REFRESH_TOKEN", &refresh_token)]),
        ..Default::default()
    };
    let refreshed = client.call::<ops::InitiateAuth>(&request).unwrap().authentication_result.expect("tokens");
    let new_access_token = refreshed.access_token.expect("a new access token");
    assert_ne!(new_access_token, access_token);
    assert_eq!(refreshed.refresh_token, None, "a refresh does not issue a new refresh token");
    assert_eq!(
        client.call::<ops::GetUser>(&GetUserRequest { access_token: new_access_token.clone() }).unwrap().username,
        "alice"
    );

    client.call::<ops::GlobalSignOut>(&GlobalSignOutRequest { access_token: new_access_token.clone() }).unwrap();
    for token in [access_token, new_access_token] {
        match client.call::<ops::GetUser>(&GetUserRequest { access_token: token }) {
            Err(ops::GetUserError::NotAuthorizedException(e)) => assert_eq!(e.message(), Some("Invalid token")),
            other => panic!("expected NotAuthorizedException, got {other:?}"),
        }
    }
    match client.call::<ops::InitiateAuth>(&request) {
        Err(ops::InitiateAuthError::NotAuthorizedException(e)) => {
            assert_eq!(e.message(), Some("Refresh Token has been revoked"));
        }
        other => panic!("expected NotAuthorizedException, got {other:?}"),
    }
}

#[test]
fn scenario_3_twenty_five_users_in_pages_of_ten() {
    let client = client();
    let pool_id = create_pool(&client, "scenario-3");
    let names: BTreeSet<String> = (1..=25).map(|n| format!("user-{n:02}")).collect();
    for name in &names {
        let request = AdminCreateUserRequest {
            user_pool_id: pool_id.clone(),
            username: name.clone(),
            user_attributes: Some(vec![attribute("email", &format!("{name}@example.com"))]),
            message_action: Some(MessageActionType::Suppress),
            ..Default::default()
        };
        client.call::<ops::AdminCreateUser>(&request).unwrap();
    }

    let first = ListUsersRequest { user_pool_id: pool_id, limit: Some(10), ..Default::default() };
    let mut page_sizes = Vec::new();
    let mut seen = Vec::new();
    for page in paginate::<ops::ListUsers, _>(first, |request| client.call::<ops::ListUsers>(request)) {
        let page = page.unwrap();
        page_sizes.push(ops::ListUsers::items(&page).len());
        for user in ops::ListUsers::items(&page) {
            let name = user.username.clone().expect("a username");
            assert_eq!(user.user_status, Some(UserStatusType::ForceChangePassword), "{name}");
            assert!(user.enabled, "{name}");
            assert_eq!(
                attribute_value(user.attributes.as_deref().unwrap_or_default(), "email"),
                Some(format!("{name}@example.com").as_str())
            );
            assert_recent(user.user_create_date);
            assert_recent(user.user_last_modified_date);
            assert!(user.user_last_modified_date >= user.user_create_date, "{name}");
            seen.push(name);
        }
    }
    assert_eq!(page_sizes, [10, 10, 5]);
    assert_eq!(seen.len(), 25, "every user exactly once: {seen:?}");
    assert_eq!(seen.into_iter().collect::<BTreeSet<_>>(), names);
}

#[test]
fn scenario_4_groups() {
    let client = client();
    let pool_id = create_pool(&client, "scenario-4");
    create_user(&client, &pool_id, "bob", PASSWORD);
    for (name, precedence) in [("admins", 1), ("readers", 10)] {
        let request = CreateGroupRequest {
            group_name: name.to_owned(),
            user_pool_id: pool_id.clone(),
            description: Some(format!("the {name}")),
            precedence: Some(precedence),
            ..Default::default()
        };
        let group = client.call::<ops::CreateGroup>(&request).unwrap().group.expect("a group");
        assert_eq!(group.group_name.as_deref(), Some(name));
        assert_eq!(group.user_pool_id.as_deref(), Some(pool_id.as_str()));
        assert_eq!(group.precedence, Some(precedence));
        assert_recent(group.creation_date);
        let request = AdminAddUserToGroupRequest {
            user_pool_id: pool_id.clone(),
            username: "bob".to_owned(),
            group_name: name.to_owned(),
        };
        client.call::<ops::AdminAddUserToGroup>(&request).unwrap();
    }

    let first = AdminListGroupsForUserRequest {
        username: "bob".to_owned(),
        user_pool_id: pool_id.clone(),
        limit: Some(1),
        ..Default::default()
    };
    let mut groups = Vec::new();
    for page in paginate::<ops::AdminListGroupsForUser, _>(first, |r| client.call::<ops::AdminListGroupsForUser>(r)) {
        groups.extend(ops::AdminListGroupsForUser::items(&page.unwrap()).iter().cloned());
    }
    groups.sort_by(|a, b| a.group_name.cmp(&b.group_name));
    let summary: Vec<(Option<&str>, Option<&str>, Option<i32>)> =
        groups.iter().map(|g| (g.group_name.as_deref(), g.description.as_deref(), g.precedence)).collect();
    assert_eq!(
        summary,
        [(Some("admins"), Some("the admins"), Some(1)), (Some("readers"), Some("the readers"), Some(10))]
    );
    for group in &groups {
        assert_eq!(group.user_pool_id.as_deref(), Some(pool_id.as_str()));
        assert_recent(group.last_modified_date);
    }
}

#[test]
fn scenario_5_mfa_configuration_and_a_software_token() {
    let client = client();
    let pool_id = create_pool(&client, "scenario-5");
    let app_id = create_app_client(&client, &pool_id);
    create_user(&client, &pool_id, "carol", PASSWORD);

    let request = SetUserPoolMfaConfigRequest {
        user_pool_id: pool_id.clone(),
        software_token_mfa_configuration: Some(SoftwareTokenMfaConfigType { enabled: true }),
        mfa_configuration: Some(UserPoolMfaType::Optional),
        ..Default::default()
    };
    let set = client.call::<ops::SetUserPoolMfaConfig>(&request).unwrap();
    assert_eq!(set.mfa_configuration, Some(UserPoolMfaType::Optional));
    assert_eq!(set.software_token_mfa_configuration, Some(SoftwareTokenMfaConfigType { enabled: true }));
    let got = client
        .call::<ops::GetUserPoolMfaConfig>(&GetUserPoolMfaConfigRequest { user_pool_id: pool_id.clone() })
        .unwrap();
    assert_eq!(got.mfa_configuration, Some(UserPoolMfaType::Optional));
    assert_eq!(got.software_token_mfa_configuration, Some(SoftwareTokenMfaConfigType { enabled: true }));

    let access_token =
        sign_in(&client, &app_id, "carol", PASSWORD).authentication_result.unwrap().access_token.unwrap();
    let request = AssociateSoftwareTokenRequest { access_token: Some(access_token.clone()), ..Default::default() };
    let secret = client.call::<ops::AssociateSoftwareToken>(&request).unwrap().secret_code.expect("a secret");

    let verify = |code: String| VerifySoftwareTokenRequest {
        access_token: Some(access_token.clone()),
        user_code: code,
        friendly_device_name: Some("phone".to_owned()),
        ..Default::default()
    };
    let wrong = totp_now(&secret).chars().map(|c| if c == '0' { '1' } else { '0' }).collect();
    match client.call::<ops::VerifySoftwareToken>(&verify(wrong)) {
        Err(ops::VerifySoftwareTokenError::CodeMismatchException(e)) => {
            assert_eq!(e.message(), Some("Code mismatch (phone)"))
        }
        other => panic!("expected CodeMismatchException, got {other:?}"),
    }
    let verified = client.call::<ops::VerifySoftwareToken>(&verify(totp_now(&secret))).unwrap();
    assert_eq!(verified.status, Some(VerifySoftwareTokenResponseType::Success));

    let request = SetUserMFAPreferenceRequest {
        access_token: access_token.clone(),
        software_token_mfa_settings: Some(SoftwareTokenMfaSettingsType { enabled: true, preferred_mfa: true }),
        ..Default::default()
    };
    client.call::<ops::SetUserMFAPreference>(&request).unwrap();
    let me = client.call::<ops::GetUser>(&GetUserRequest { access_token }).unwrap();
    assert_eq!(me.preferred_mfa_setting.as_deref(), Some("SOFTWARE_TOKEN_MFA"));
    assert_eq!(me.user_mfa_setting_list, Some(vec!["SOFTWARE_TOKEN_MFA".to_owned()]));

    // Signing in now asks for a code from the token.
    let challenge = sign_in(&client, &app_id, "carol", PASSWORD);
    assert_eq!(challenge.challenge_name, Some(ChallengeNameType::SoftwareTokenMfa));
    assert_eq!(challenge.authentication_result, None);
    let request = RespondToAuthChallengeRequest {
        client_id: app_id,
        challenge_name: ChallengeNameType::SoftwareTokenMfa,
        session: Some(challenge.session.expect("a session")),
        challenge_responses: auth_parameters(&[("USERNAME", "carol"), ("SOFTWARE_TOKEN_MFA_CODE", &totp_now(&secret))]),
        ..Default::default()
    };
    let answered = client.call::<ops::RespondToAuthChallenge>(&request).unwrap();
    assert!(answered.authentication_result.and_then(|t| t.access_token).is_some());
}

#[test]
fn scenario_6_typed_errors_with_their_messages() {
    let client = client();
    let pool_id = create_pool(&client, "scenario-6");
    let app_id = create_app_client(&client, &pool_id);
    create_user(&client, &pool_id, "dave", PASSWORD);

    let request = AdminGetUserRequest { user_pool_id: pool_id.clone(), username: "nobody".to_owned() };
    let reply = client.send::<ops::AdminGetUser>(&request);
    match &reply.result {
        Err(ops::AdminGetUserError::UserNotFoundException(e)) => assert_eq!(e.message(), Some("User does not exist.")),
        other => panic!("expected UserNotFoundException, got {other:?}"),
    }
    assert_eq!(
        (reply.status, <UserNotFoundException as ErrorShape>::HTTP_STATUS),
        (400, 404),
        "moto's status, the model's"
    );
    assert_eq!(reply.header("x-amzn-errortype"), Some("UserNotFoundException"));
    assert_eq!(reply.header("content-type"), Some("application/json"));

    let request = InitiateAuthRequest {
        auth_flow: AuthFlowType::UserPasswordAuth,
        client_id: app_id,
        auth_parameters: auth_parameters(&[("USERNAME", "dave"), ("PASSWORD", "Wrong-Passw0rd!")]),
        ..Default::default()
    };
    let reply = client.send::<ops::InitiateAuth>(&request);
    match reply.result {
        Err(ops::InitiateAuthError::NotAuthorizedException(e)) => {
            assert_eq!(e.message(), Some("Incorrect username or password."))
        }
        other => panic!("expected NotAuthorizedException, got {other:?}"),
    }
    assert_eq!(
        (reply.status, <NotAuthorizedException as ErrorShape>::HTTP_STATUS),
        (400, 403),
        "moto's status, the model's"
    );

    let request = DescribeUserPoolRequest { user_pool_id: "us-east-1_missing".to_owned() };
    let reply = client.send::<ops::DescribeUserPool>(&request);
    match reply.result {
        Err(ops::DescribeUserPoolError::ResourceNotFoundException(e)) => {
            assert_eq!(e.message(), Some("User pool us-east-1_missing does not exist."));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
    assert_eq!(
        (reply.status, <ResourceNotFoundException as ErrorShape>::HTTP_STATUS),
        (400, 404),
        "moto's status, the model's"
    );
}

#[test]
fn scenario_7_responses_written_back_lose_nothing() {
    // Every successful call of every scenario is checked as it happens (`Client::send`); this
    // test shows that the check sees what it must.
    let client = client();
    let pool_id = create_pool(&client, "scenario-7");
    client.call::<ops::DescribeUserPool>(&DescribeUserPoolRequest { user_pool_id: pool_id }).unwrap();
    let exchanges = client.exchanges();
    assert_eq!(exchanges.iter().map(|e| e.operation).collect::<Vec<_>>(), ["CreateUserPool", "DescribeUserPool"]);
    let described = &exchanges[1];

    // A member the types do not write is an unknown one, a member only they write is filled in.
    let mut differences = Vec::new();
    let mut raw = described.raw.clone();
    raw["UserPool"]["Brand-new"] = serde_json::json!(1);
    raw["UserPool"]["Deleted"] = serde_json::Value::Null;
    raw["UserPool"].as_object_mut().unwrap().remove("Name");
    compare("DescribeUserPool", &raw, &described.written, &mut differences);
    assert!(
        differences.contains(&("DescribeUserPool: UserPool.Brand-new".to_owned(), Difference::Unknown)),
        "{differences:?}"
    );
    assert!(
        differences.contains(&("DescribeUserPool: UserPool.Name".to_owned(), Difference::Filled)),
        "{differences:?}"
    );
    assert!(!differences.iter().any(|(path, _)| path.ends_with("Deleted")), "null reads as absent");
    // A changed value, or a missing list item, is data loss.
    let mut raw = described.raw.clone();
    raw["UserPool"]["SchemaAttributes"][0]["Name"] = serde_json::json!("changed");
    raw["UserPool"]["SchemaAttributes"].as_array_mut().unwrap().push(serde_json::json!({}));
    let mut differences = Vec::new();
    compare("DescribeUserPool", &raw, &described.written, &mut differences);
    assert_eq!(
        differences,
        [
            ("DescribeUserPool: UserPool.SchemaAttributes".to_owned(), Difference::Lost),
            ("DescribeUserPool: UserPool.SchemaAttributes[].Name".to_owned(), Difference::Lost),
        ]
    );
    // Numbers compare by value, and `null` list items are skipped, as reading skips them.
    let mut differences = Vec::new();
    compare(
        "N",
        &serde_json::json!({"A": 1.0, "B": [null, 2]}),
        &serde_json::json!({"A": 1, "B": [2]}),
        &mut differences,
    );
    assert_eq!(differences, []);
}

/// The current TOTP code (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) of a base32 secret,
/// taken early enough in its step that the server still accepts it.
fn totp_now(secret: &str) -> String {
    let mut now = OffsetDateTime::now_utc().unix_timestamp() as u64;
    if now % 30 >= 27 {
        std::thread::sleep(Duration::from_secs(30 - now % 30));
        now = OffsetDateTime::now_utc().unix_timestamp() as u64;
    }
    totp(&base32_decode(secret), now)
}

fn totp(key: &[u8], unix_seconds: u64) -> String {
    use hmac::{Hmac, KeyInit, Mac};
    let mut mac = Hmac::<sha1::Sha1>::new_from_slice(key).expect("any key length");
    mac.update(&(unix_seconds / 30).to_be_bytes());
    let hash = mac.finalize().into_bytes();
    let offset = usize::from(hash[hash.len() - 1] & 0x0f);
    let code = u32::from_be_bytes([hash[offset] & 0x7f, hash[offset + 1], hash[offset + 2], hash[offset + 3]]);
    format!("{:06}", code % 1_000_000)
}

/// RFC 4648 base32, case-insensitive, padding optional.
fn base32_decode(text: &str) -> Vec<u8> {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    let (mut bits, mut count, mut out) = (0u32, 0, Vec::new());
    for c in text.chars().filter(|&c| c != '=') {
        let value = ALPHABET.find(c.to_ascii_uppercase()).unwrap_or_else(|| panic!("{c:?} is not base32"));
        bits = (bits << 5) | value as u32;
        count += 5;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
            bits &= (1 << count) - 1;
        }
    }
    out
}

#[test]
fn totp_matches_rfc_6238() {
    let key = base32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assert_eq!(key, b"12345678901234567890");
    // RFC 6238 appendix B, SHA1, truncated to 6 digits.
    assert_eq!(totp(&key, 59), "287082");
    assert_eq!(totp(&key, 1111111109), "081804");
    assert_eq!(totp(&key, 2000000000), "279037");
}

#[test]
fn a_server_dies_with_its_handle() {
    let server = server::MotoServer::start().unwrap_or_else(|e| panic!("{e}"));
    let pid = server.pid() as i32;
    // SAFETY: signal 0 only asks whether the process exists.
    assert_eq!(unsafe { libc::kill(pid, 0) }, 0, "the server runs");
    drop(server);
    assert_ne!(unsafe { libc::kill(pid, 0) }, 0, "the server is gone");
}
