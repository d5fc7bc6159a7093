//! Property tests of the generated Cognito types: random values survive write → read unchanged.
//!
//! Values include unknown enum values, empty collections, non-ASCII and control characters,
//! extreme integers, and timestamps before 1970, far in the future and with microseconds. The
//! strategies live here, so that the generated crate does not depend on proptest:
//! - hand-written ones for a representative set of types (`UserType`, `AttributeType`,
//!   `ListUsersResponse`, `AdminGetUserResponse`, `UserPoolType`, `CreateUserPoolRequest`,
//!   `InitiateAuthRequest`) and for every enum (known values from `VALUES`, and unknown ones);
//! - one driven by the Smithy model, which builds the JSON of any shape; it fills the nested
//!   types of the hand-written strategies, and checks the input and output of every operation.
//!
//! Timestamps in epoch seconds are JSON numbers, that is `f64`s, and the reader keeps
//! microseconds (see the generated `wire::EpochSeconds`). An `f64` holds every microsecond only
//! up to 2^31 seconds from 1970 (1901-12-13 to 2038-01-19); further out the strategies use
//! fractions that an `f64` holds exactly (multiples of 1/64 s), and
//! `far_timestamps_keep_what_an_f64_holds` measures what happens to the others.

use std::collections::HashMap;
use std::fmt::Debug;
use std::sync::OnceLock;

use cognito::operation::Operation;
use cognito::operations as ops;
use cognito::*;
use cognito_identity_provider_types as cognito;
use proptest::collection::{hash_map, vec};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use smithy_model::{Model, ShapeId, ShapeKind, Simple};
use time::OffsetDateTime;

include!("../../xtask/fuzz/src/cognito_operations.rs");

// ---- the property -------------------------------------------------------------------------

/// Writes `value`, reads it back, and checks that the value and its JSON are unchanged.
fn round_trip<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T) -> Result<(), TestCaseError> {
    let written = serde_json::to_string(value).map_err(|e| TestCaseError::fail(format!("write: {e}")))?;
    let back: T = serde_json::from_str(&written).map_err(|e| TestCaseError::fail(format!("read {written}: {e}")))?;
    prop_assert_eq!(&back, value, "written as {}", written);
    let rewritten = serde_json::to_string(&back).map_err(|e| TestCaseError::fail(format!("write: {e}")))?;
    let (a, b): (Value, Value) = (serde_json::from_str(&written).unwrap(), serde_json::from_str(&rewritten).unwrap());
    prop_assert_eq!(a, b);
    Ok(())
}

// ---- leaf strategies ------------------------------------------------------------------------

/// Strings: empty, non-ASCII, control characters, quotes and backslashes, long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("Grüße, 世界 🎉 \"quoted\" \\ \n\t\u{0}\u{7f}\u{2028}".to_owned()),
        "[a-zA-Z0-9._@+-]{1,20}",
        any::<String>(),
        "\\PC{200,400}",
    ]
}

fn opt<S: Strategy>(strategy: S) -> impl Strategy<Value = Option<S::Value>> {
    proptest::option::of(strategy)
}

/// Lists, often empty.
fn list<S: Strategy>(item: S) -> impl Strategy<Value = Vec<S::Value>> {
    vec(item, 0..4)
}

/// Maps, often empty, with any keys.
fn map<S: Strategy>(value: S) -> impl Strategy<Value = HashMap<String, S::Value>> {
    hash_map(text(), value, 0..4)
}

fn int() -> impl Strategy<Value = i32> {
    prop_oneof![Just(i32::MIN), Just(i32::MAX), Just(0), Just(-1), any::<i32>()]
}

/// 2^31 seconds: within this distance of 1970 an `f64` holds every microsecond.
const EXACT_SECONDS: i64 = 1 << 31;
/// The first and last seconds `time` represents (years -9999 and 9999).
const FIRST_SECOND: i64 = -377_705_116_800;
const LAST_SECOND: i64 = 253_402_300_799;

/// Timestamps: microseconds within 2^31 s of 1970 (before 1970 included); whole seconds and
/// 1/64 s fractions out to years ±9999; the extremes.
fn timestamp() -> impl Strategy<Value = OffsetDateTime> {
    let at = |seconds: i64, nanos: i64| {
        OffsetDateTime::from_unix_timestamp_nanos(i128::from(seconds) * 1_000_000_000 + i128::from(nanos)).unwrap()
    };
    prop_oneof![
        (-EXACT_SECONDS..EXACT_SECONDS, 0..1_000_000i64).prop_map(move |(s, micros)| at(s, micros * 1_000)),
        (-EXACT_SECONDS..EXACT_SECONDS, 0..1_000i64).prop_map(move |(s, micros)| at(s, micros * 1_000)),
        (FIRST_SECOND..=LAST_SECOND, 0..64i64).prop_map(move |(s, k)| at(s, k * 15_625_000)),
        prop_oneof![Just(FIRST_SECOND), Just(LAST_SECOND), Just(-1), Just(0), Just(1)].prop_map(move |s| at(s, 0)),
        Just(at(-1, 999_999_000)),
    ]
}

/// Any value of an enum: a known one from `VALUES`, or one the crate does not know.
fn enum_value<E: From<String> + Debug>(values: &[&str]) -> impl Strategy<Value = E> {
    let values: Vec<String> = values.iter().map(|v| (*v).to_owned()).collect();
    prop_oneof![proptest::sample::select(values.clone()), unknown_enum_value(values)].prop_map(E::from)
}

/// A string that is not one of `values` (case matters: `confirmed` is unknown).
fn unknown_enum_value(values: Vec<String>) -> impl Strategy<Value = String> {
    let lower: Vec<String> = values.iter().map(|v| v.to_lowercase()).collect();
    prop_oneof![text(), proptest::sample::select(lower), Just(String::new())]
        .prop_filter("a known value", move |v| !values.contains(v))
}

// ---- model-driven strategies ------------------------------------------------------------------

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        Model::from_file(concat!(env!("CARGO_MANIFEST_DIR"), "/../model/aws/cognito-identity-provider-2016-04-18.json"))
            .unwrap()
    })
}

fn shape_id(name: &str) -> ShapeId {
    ShapeId::parse(&format!("com.amazonaws.cognitoidentityprovider#{name}")).unwrap()
}

/// Below this depth structures set only required members.
const FULL_DEPTH: usize = 3;

/// The JSON of any value of the shape `id`, built from the model alone.
fn json_of(id: &ShapeId, depth: usize) -> BoxedStrategy<Value> {
    let shape = model().expect(id);
    match &shape.kind {
        ShapeKind::Simple(simple) => match simple {
            Simple::String => text().prop_map(Value::String).boxed(),
            Simple::Boolean => any::<bool>().prop_map(Value::Bool).boxed(),
            Simple::Integer => int().prop_map(Value::from).boxed(),
            Simple::Long => prop_oneof![Just(i64::MIN), Just(i64::MAX), any::<i64>()].prop_map(Value::from).boxed(),
            Simple::Timestamp => timestamp().prop_map(|t| epoch_seconds(&t)).boxed(),
            Simple::Blob => list(any::<u8>()).prop_map(|bytes| Value::String(base64_encode(&bytes))).boxed(),
            Simple::Document => document(2).boxed(),
            other => panic!("the Cognito model has no {other:?} members; add a strategy"),
        },
        ShapeKind::Enum(values) => {
            let values: Vec<String> = values.iter().map(|v| v.value.clone()).collect();
            prop_oneof![proptest::sample::select(values.clone()), unknown_enum_value(values)]
                .prop_map(Value::String)
                .boxed()
        }
        ShapeKind::List { member, .. } => list(json_of(&member.target, depth + 1)).prop_map(Value::Array).boxed(),
        ShapeKind::Map { value, .. } => {
            map(json_of(&value.target, depth + 1)).prop_map(|m| Value::Object(m.into_iter().collect())).boxed()
        }
        ShapeKind::Structure(members) => {
            let fields: Vec<BoxedStrategy<Option<(String, Value)>>> = members
                .iter()
                .filter(|m| depth < FULL_DEPTH || m.traits.required)
                .map(|m| {
                    let name = m.name.clone();
                    let value = json_of(&m.target, depth + 1).prop_map(move |v| (name.clone(), v));
                    if m.traits.required {
                        value.prop_map(Some).boxed()
                    } else {
                        opt(value).boxed()
                    }
                })
                .collect();
            fields.prop_map(|fields| Value::Object(fields.into_iter().flatten().collect::<Map<_, _>>())).boxed()
        }
        ShapeKind::Union(members) => {
            let choices: Vec<BoxedStrategy<Value>> = members
                .iter()
                .map(|m| {
                    let name = m.name.clone();
                    json_of(&m.target, depth + 1).prop_map(move |v| json!({ name.clone(): v })).boxed()
                })
                .collect();
            proptest::strategy::Union::new(choices).boxed()
        }
        other => panic!("no values for the {}", other.type_name()),
    }
}

/// Any value of the generated type named `name`, through its model-driven JSON.
fn from_model<T: DeserializeOwned + Debug>(name: &str) -> impl Strategy<Value = T> {
    let name = name.to_owned();
    json_of(&shape_id(&name), 0).prop_map(move |json| {
        serde_json::from_str(&json.to_string()).unwrap_or_else(|e| panic!("{name} does not read {json}: {e}"))
    })
}

/// How `wire::EpochSeconds` writes a timestamp.
fn epoch_seconds(t: &OffsetDateTime) -> Value {
    match t.nanosecond() {
        0 => Value::from(t.unix_timestamp()),
        nanos => Value::from(t.unix_timestamp() as f64 + f64::from(nanos) / 1e9),
    }
}

fn base64_encode(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// Any JSON (a `document` member).
fn document(depth: u32) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        text().prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 16, 4, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..4).prop_map(Value::Array),
            hash_map(text(), inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

// ---- hand-written strategies --------------------------------------------------------------------

fn attribute() -> impl Strategy<Value = AttributeType> {
    (text(), opt(text())).prop_map(|(name, value)| AttributeType { name, value })
}

fn mfa_option() -> impl Strategy<Value = MFAOptionType> {
    (opt(enum_value(DeliveryMediumType::VALUES)), opt(text()))
        .prop_map(|(delivery_medium, attribute_name)| MFAOptionType { delivery_medium, attribute_name })
}

fn user() -> impl Strategy<Value = UserType> {
    (
        opt(text()),
        opt(list(attribute())),
        opt(timestamp()),
        opt(timestamp()),
        any::<bool>(),
        opt(enum_value(UserStatusType::VALUES)),
        opt(list(mfa_option())),
    )
        .prop_map(|(username, attributes, created, modified, enabled, user_status, mfa_options)| UserType {
            username,
            attributes,
            user_create_date: created,
            user_last_modified_date: modified,
            enabled,
            user_status,
            mfa_options,
        })
}

fn list_users_response() -> impl Strategy<Value = ListUsersResponse> {
    (opt(list(user())), opt(text())).prop_map(|(users, pagination_token)| ListUsersResponse { users, pagination_token })
}

fn admin_get_user_response() -> impl Strategy<Value = AdminGetUserResponse> {
    (
        (text(), opt(list(attribute())), opt(timestamp()), opt(timestamp()), any::<bool>()),
        (opt(enum_value(UserStatusType::VALUES)), opt(list(mfa_option())), opt(text()), opt(list(text()))),
    )
        .prop_map(
            |((username, user_attributes, created, modified, enabled), (status, mfa, preferred, settings))| {
                AdminGetUserResponse {
                    username,
                    user_attributes,
                    user_create_date: created,
                    user_last_modified_date: modified,
                    enabled,
                    user_status: status,
                    mfa_options: mfa,
                    preferred_mfa_setting: preferred,
                    user_mfa_setting_list: settings,
                }
            },
        )
}

fn initiate_auth_request() -> impl Strategy<Value = InitiateAuthRequest> {
    (
        enum_value(AuthFlowType::VALUES),
        opt(map(text())),
        opt(map(text())),
        text(),
        opt(opt(text()).prop_map(|analytics_endpoint_id| AnalyticsMetadataType { analytics_endpoint_id })),
        opt((opt(text()), opt(text()))
            .prop_map(|(ip_address, encoded_data)| UserContextDataType { ip_address, encoded_data })),
        opt(text()),
    )
        .prop_map(|(auth_flow, auth_parameters, client_metadata, client_id, analytics, context, session)| {
            InitiateAuthRequest {
                auth_flow,
                auth_parameters,
                client_metadata,
                client_id,
                analytics_metadata: analytics,
                user_context_data: context,
                session,
            }
        })
}

/// A nested type of `UserPoolType` or `CreateUserPoolRequest`, from the model.
fn nested<T: DeserializeOwned + Debug>(name: &str) -> impl Strategy<Value = Option<T>> {
    opt(from_model::<T>(name))
}

// `Status` is `@deprecated` in the model, and still on the wire.
#[allow(deprecated)]
fn user_pool() -> impl Strategy<Value = UserPoolType> {
    (
        (
            opt(text()),
            opt(text()),
            nested::<UserPoolPolicyType>("UserPoolPolicyType"),
            opt(enum_value(DeletionProtectionType::VALUES)),
            nested::<LambdaConfigType>("LambdaConfigType"),
            opt(enum_value(StatusType::VALUES)),
            opt(timestamp()),
            opt(timestamp()),
            opt(list(from_model::<SchemaAttributeType>("SchemaAttributeType"))),
            opt(list(enum_value(VerifiedAttributeType::VALUES))),
            opt(list(enum_value(AliasAttributeType::VALUES))),
            opt(list(enum_value(UsernameAttributeType::VALUES))),
        ),
        (
            opt(text()),
            opt(text()),
            opt(text()),
            nested::<VerificationMessageTemplateType>("VerificationMessageTemplateType"),
            opt(text()),
            nested::<UserAttributeUpdateSettingsType>("UserAttributeUpdateSettingsType"),
            opt(enum_value(UserPoolMfaType::VALUES)),
            nested::<DeviceConfigurationType>("DeviceConfigurationType"),
            int(),
            nested::<EmailConfigurationType>("EmailConfigurationType"),
            nested::<SmsConfigurationType>("SmsConfigurationType"),
            opt(map(text())),
        ),
        (
            opt(text()),
            opt(text()),
            opt(text()),
            opt(text()),
            nested::<AdminCreateUserConfigType>("AdminCreateUserConfigType"),
            nested::<UserPoolAddOnsType>("UserPoolAddOnsType"),
            nested::<UsernameConfigurationType>("UsernameConfigurationType"),
            opt(text()),
            nested::<AccountRecoverySettingType>("AccountRecoverySettingType"),
            opt(enum_value(UserPoolTierType::VALUES)),
        ),
    )
        .prop_map(|(a, b, c)| UserPoolType {
            id: a.0,
            name: a.1,
            policies: a.2,
            deletion_protection: a.3,
            lambda_config: a.4,
            status: a.5,
            last_modified_date: a.6,
            creation_date: a.7,
            schema_attributes: a.8,
            auto_verified_attributes: a.9,
            alias_attributes: a.10,
            username_attributes: a.11,
            sms_verification_message: b.0,
            email_verification_message: b.1,
            email_verification_subject: b.2,
            verification_message_template: b.3,
            sms_authentication_message: b.4,
            user_attribute_update_settings: b.5,
            mfa_configuration: b.6,
            device_configuration: b.7,
            estimated_number_of_users: b.8,
            email_configuration: b.9,
            sms_configuration: b.10,
            user_pool_tags: b.11,
            sms_configuration_failure: c.0,
            email_configuration_failure: c.1,
            domain: c.2,
            custom_domain: c.3,
            admin_create_user_config: c.4,
            user_pool_add_ons: c.5,
            username_configuration: c.6,
            arn: c.7,
            account_recovery_setting: c.8,
            user_pool_tier: c.9,
        })
}

fn create_user_pool_request() -> impl Strategy<Value = CreateUserPoolRequest> {
    (
        (
            text(),
            nested::<UserPoolPolicyType>("UserPoolPolicyType"),
            opt(enum_value(DeletionProtectionType::VALUES)),
            nested::<LambdaConfigType>("LambdaConfigType"),
            opt(list(enum_value(VerifiedAttributeType::VALUES))),
            opt(list(enum_value(AliasAttributeType::VALUES))),
            opt(list(enum_value(UsernameAttributeType::VALUES))),
            opt(text()),
            opt(text()),
            opt(text()),
            nested::<VerificationMessageTemplateType>("VerificationMessageTemplateType"),
            opt(text()),
        ),
        (
            opt(enum_value(UserPoolMfaType::VALUES)),
            nested::<UserAttributeUpdateSettingsType>("UserAttributeUpdateSettingsType"),
            nested::<DeviceConfigurationType>("DeviceConfigurationType"),
            nested::<EmailConfigurationType>("EmailConfigurationType"),
            nested::<SmsConfigurationType>("SmsConfigurationType"),
            opt(map(text())),
            nested::<AdminCreateUserConfigType>("AdminCreateUserConfigType"),
            opt(list(from_model::<SchemaAttributeType>("SchemaAttributeType"))),
            nested::<UserPoolAddOnsType>("UserPoolAddOnsType"),
            nested::<UsernameConfigurationType>("UsernameConfigurationType"),
            nested::<AccountRecoverySettingType>("AccountRecoverySettingType"),
            opt(enum_value(UserPoolTierType::VALUES)),
        ),
    )
        .prop_map(|(a, b)| CreateUserPoolRequest {
            pool_name: a.0,
            policies: a.1,
            deletion_protection: a.2,
            lambda_config: a.3,
            auto_verified_attributes: a.4,
            alias_attributes: a.5,
            username_attributes: a.6,
            sms_verification_message: a.7,
            email_verification_message: a.8,
            email_verification_subject: a.9,
            verification_message_template: a.10,
            sms_authentication_message: a.11,
            mfa_configuration: b.0,
            user_attribute_update_settings: b.1,
            device_configuration: b.2,
            email_configuration: b.3,
            sms_configuration: b.4,
            user_pool_tags: b.5,
            admin_create_user_config: b.6,
            schema: b.7,
            user_pool_add_ons: b.8,
            username_configuration: b.9,
            account_recovery_setting: b.10,
            user_pool_tier: b.11,
        })
}

// ---- the tests ----------------------------------------------------------------------------------

proptest! {
    #![proptest_config(Config { cases: 256, ..Config::default() })]

    #[test]
    fn attribute_type_round_trips(value in attribute()) {
        round_trip(&value)?;
    }

    #[test]
    fn user_type_round_trips(value in user()) {
        round_trip(&value)?;
    }

    #[test]
    fn list_users_response_round_trips(value in list_users_response()) {
        round_trip(&value)?;
    }

    #[test]
    fn admin_get_user_response_round_trips(value in admin_get_user_response()) {
        round_trip(&value)?;
    }

    #[test]
    fn initiate_auth_request_round_trips(value in initiate_auth_request()) {
        round_trip(&value)?;
    }

    #[test]
    fn timestamps_round_trip(t in timestamp()) {
        // Through a type that holds nothing else.
        round_trip(&UserType { user_create_date: Some(t), ..UserType::default() })?;
    }
}

proptest! {
    #![proptest_config(Config { cases: 64, ..Config::default() })]

    #[test]
    fn user_pool_type_round_trips(value in user_pool()) {
        round_trip(&value)?;
    }

    #[test]
    fn create_user_pool_request_round_trips(value in create_user_pool_request()) {
        round_trip(&value)?;
    }
}

/// Every enum of the crate, as a list for a macro (checked against the model below).
macro_rules! every_enum {
    ($callback:ident) => {
        $callback! {
            AccountTakeoverEventActionType AdvancedSecurityEnabledModeType AdvancedSecurityModeType
            AliasAttributeType AssetCategoryType AssetExtensionType AttributeDataType AuthFactorType
            AuthFlowType ChallengeName ChallengeNameType ChallengeResponse ColorSchemeModeType
            CompromisedCredentialsEventActionType CustomEmailSenderLambdaVersionType
            CustomSMSSenderLambdaVersionType DefaultEmailOptionType DeletionProtectionType
            DeliveryMediumType DeviceRememberedStatusType DomainStatusType EmailSendingAccountType
            EventFilterType EventResponseType EventSourceName EventType ExplicitAuthFlowsType
            FeatureType FeedbackValueType IdentityProviderTypeType LogLevel MessageActionType
            OAuthFlowType PreTokenGenerationLambdaVersionType PreventUserExistenceErrorTypes
            RecoveryOptionNameType RiskDecisionType RiskLevelType StatusType TimeUnitsType
            UserImportJobStatusType UserPoolMfaType UserPoolTierType UserStatusType
            UserVerificationType UsernameAttributeType VerifiedAttributeType
            VerifySoftwareTokenResponseType
        }
    };
}

macro_rules! enum_names {
    ($($name:ident)*) => { [$(stringify!($name)),*] };
}

#[test]
fn the_enum_list_has_every_enum_of_the_model() {
    let model = model();
    let service = model.service().unwrap();
    let mut in_model: Vec<&str> = model
        .closure(&service.id)
        .iter()
        .map(|id| model.expect(id))
        .filter(|s| matches!(s.kind, ShapeKind::Enum(_)))
        .map(|s| s.id.name())
        .collect();
    in_model.sort_unstable();
    let mut listed = every_enum!(enum_names).to_vec();
    listed.sort_unstable();
    assert_eq!(listed, in_model);
}

/// Every known value of `E` is its own variant and round-trips; random unknown values are kept.
fn check_enum<E>(values: &[&str]) -> Result<(), String>
where
    E: From<String> + AsRef<str> + Serialize + DeserializeOwned + PartialEq + Debug,
{
    for value in values {
        let known = E::from((*value).to_owned());
        assert_eq!(serde_json::to_string(&known).unwrap(), serde_json::to_string(value).unwrap());
        round_trip(&known).map_err(|e| e.to_string())?;
    }
    let mut runner = TestRunner::new(Config { cases: 64, ..Config::default() });
    runner
        .run(&unknown_enum_value(values.iter().map(|v| (*v).to_owned()).collect()), |value| {
            let unknown = E::from(value.clone());
            prop_assert_eq!(unknown.as_ref(), value.as_str());
            round_trip(&unknown)
        })
        .map_err(|e| e.to_string())?;
    runner.run(&enum_value::<E>(values), |value| round_trip(&value)).map_err(|e| e.to_string())
}

macro_rules! check_every_enum {
    ($($name:ident)*) => {{
        let mut failures = Vec::new();
        $(
            if let Err(e) = check_enum::<$name>($name::VALUES) {
                failures.push(format!("{}: {e}", stringify!($name)));
            }
        )*
        failures
    }};
}

#[test]
fn every_enum_round_trips_known_and_unknown_values() {
    let failures = every_enum!(check_every_enum);
    assert!(failures.is_empty(), "{failures:#?}");
}

macro_rules! operation_names {
    ($($op:ident)*) => { [$(stringify!($op)),*] };
}

#[test]
fn the_operation_list_has_all_114_operations() {
    // The list is shared with the `cognito_outputs` fuzz target.
    let listed = cognito_operations!(operation_names);
    let all: Vec<&str> = ops::OPERATIONS.iter().map(|o| o.name).collect();
    assert_eq!(listed.len(), 114);
    assert_eq!(listed.to_vec(), all);
}

/// Model-driven values of one operation's input and output round-trip.
fn check_operation<O: Operation>(name: &str, input: &str, output: &str) -> Result<(), String>
where
    O::Input: PartialEq + Debug + Serialize + DeserializeOwned,
    O::Output: PartialEq + Debug + Serialize + DeserializeOwned,
{
    let mut runner = TestRunner::new(Config { cases: 16, ..Config::default() });
    if input != "Empty" {
        runner.run(&from_model::<O::Input>(input), |v| round_trip(&v)).map_err(|e| format!("{name} input: {e}"))?;
    }
    if output != "Empty" {
        runner.run(&from_model::<O::Output>(output), |v| round_trip(&v)).map_err(|e| format!("{name} output: {e}"))?;
    }
    Ok(())
}

macro_rules! check_every_operation {
    ($($op:ident)*) => {{
        let mut failures = Vec::new();
        $(
            let info = ops::OPERATIONS.iter().find(|o| o.name == stringify!($op)).unwrap();
            if let Err(e) = check_operation::<ops::$op>(info.name, info.input, info.output) {
                failures.push(e);
            }
        )*
        failures
    }};
}

#[test]
fn every_operation_input_and_output_round_trips() {
    let failures = cognito_operations!(check_every_operation);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Beyond 2^31 s from 1970 an `f64` cannot hold every microsecond: a timestamp comes back as
/// the nearest microsecond to what the `f64` holds, which is within one `f64` step of it, and
/// writing that again gives the same JSON.
#[test]
fn far_timestamps_keep_what_an_f64_holds() {
    let mut runner = TestRunner::new(Config { cases: 512, ..Config::default() });
    let far = prop_oneof![FIRST_SECOND..-EXACT_SECONDS, EXACT_SECONDS..LAST_SECOND];
    runner
        .run(&(far, 0..1_000_000i64), |(seconds, micros)| {
            let t = OffsetDateTime::from_unix_timestamp(seconds).unwrap() + time::Duration::microseconds(micros);
            let value = UserType { user_create_date: Some(t), ..UserType::default() };
            let written = serde_json::to_string(&value).unwrap();
            let back: UserType = serde_json::from_str(&written).unwrap();
            let read = back.user_create_date.unwrap();
            let step = (seconds.unsigned_abs() as f64 + 1.0).log2().ceil() as i32 - 52;
            let step_micros = (2f64.powi(step) * 1e6).ceil() as i64 + 1;
            prop_assert!((read - t).whole_microseconds().abs() <= i128::from(step_micros), "{t} read as {read}");
            prop_assert_eq!(serde_json::to_string(&back).unwrap(), written);
            Ok(())
        })
        .unwrap();
}
