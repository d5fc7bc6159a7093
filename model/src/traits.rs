//! Typed values of the traits that change generated code; every other trait is kept as JSON.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::test_cases::{parse_cases, HttpTestCase};
use crate::ShapeId;

/// The traits applied to a shape or member.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Traits {
    /// `smithy.api#required`.
    pub required: bool,
    /// `smithy.api#default`: the default value. `Some(Value::Null)` means the default was
    /// explicitly removed on a member (the member is optional again).
    pub default: Option<Value>,
    /// `smithy.api#documentation`: HTML (AWS models) or CommonMark.
    pub documentation: Option<String>,
    /// `smithy.api#enumValue`.
    pub enum_value: Option<EnumValueTrait>,
    /// `smithy.api#error`.
    pub error: Option<ErrorFault>,
    /// `smithy.api#httpError`: the HTTP status code of an error.
    pub http_error: Option<u16>,
    /// `smithy.api#retryable`.
    pub retryable: Option<Retryable>,
    /// `smithy.api#sensitive`.
    pub sensitive: bool,
    /// `smithy.api#deprecated`.
    pub deprecated: Option<Deprecated>,
    /// `smithy.api#timestampFormat`.
    pub timestamp_format: Option<TimestampFormat>,
    /// `smithy.api#jsonName`.
    pub json_name: Option<String>,
    /// `smithy.api#length`.
    pub length: Option<Bounds>,
    /// `smithy.api#range`.
    pub range: Option<Bounds>,
    /// `smithy.api#pattern`: an ECMA 262 regular expression.
    pub pattern: Option<String>,
    /// `smithy.api#sparse`.
    pub sparse: bool,
    /// `smithy.api#streaming`.
    pub streaming: bool,
    /// `smithy.api#paginated`.
    pub paginated: Option<Paginated>,
    /// `smithy.api#input`.
    pub input: bool,
    /// `smithy.api#output`.
    pub output: bool,
    /// `smithy.api#box` (Smithy IDL 1.0): the number or boolean may be absent.
    pub boxed: bool,
    /// `smithy.api#title`: the service's full name.
    pub title: Option<String>,
    /// `smithy.api#auth`: the auth scheme IDs, in order of preference; empty means no auth.
    pub auth: Option<Vec<String>>,
    /// `smithy.api#optionalAuth`.
    pub optional_auth: bool,
    /// `smithy.api#examples`.
    pub examples: Option<Vec<Example>>,
    /// `aws.api#service`.
    pub aws_service: Option<AwsService>,
    /// `aws.auth#sigv4`: the signing name.
    pub sigv4: Option<String>,
    /// The JSON protocol traits on a service (`aws.protocols#awsJson1_0`, `#awsJson1_1`,
    /// `#restJson1`), in the order [`Protocol`] sorts them.
    pub protocols: Option<BTreeSet<Protocol>>,
    /// `smithy.api#clientOptional`: clients treat the member as optional even when it is
    /// required or has a default.
    pub client_optional: bool,
    /// `smithy.api#endpoint`: the operation's host prefix, e.g. `foo.{label}.`.
    pub endpoint_host_prefix: Option<String>,
    /// `smithy.api#hostLabel`: the member fills a label of the operation's host prefix.
    pub host_label: bool,
    /// `aws.protocols#awsQueryCompatible`: the service moved from the awsQuery protocol and
    /// keeps its old error codes in the `x-amzn-query-error` header.
    pub aws_query_compatible: bool,
    /// `smithy.api#requestCompression`: the encodings the service accepts for request bodies.
    pub request_compression: Option<Vec<String>>,
    /// `smithy.api#http`: the operation's method, URI pattern and success status.
    pub http: Option<HttpTrait>,
    /// `smithy.api#httpLabel`: the member fills a label of the URI pattern.
    pub http_label: bool,
    /// `smithy.api#httpQuery`: the query parameter the member is sent as.
    pub http_query: Option<String>,
    /// `smithy.api#httpQueryParams`: the member (a map) holds further query parameters.
    pub http_query_params: bool,
    /// `smithy.api#httpHeader`: the header the member is sent as.
    pub http_header: Option<String>,
    /// `smithy.api#httpPrefixHeaders`: the member (a map) holds the headers with this prefix.
    pub http_prefix_headers: Option<String>,
    /// `smithy.api#httpPayload`: the member is the whole body.
    pub http_payload: bool,
    /// `smithy.api#httpResponseCode`: the member holds the response's status.
    pub http_response_code: bool,
    /// `smithy.api#idempotencyToken`: a client fills an unset member with a fresh token.
    pub idempotency_token: bool,
    /// `smithy.api#mediaType`: the media type of a blob or string.
    pub media_type: Option<String>,
    /// `smithy.api#httpChecksumRequired`: requests carry a `Content-MD5` of their body.
    pub http_checksum_required: bool,
    /// `smithy.test#httpRequestTests`: protocol compliance cases for requests.
    pub http_request_tests: Option<Vec<HttpTestCase>>,
    /// `smithy.test#httpResponseTests`: protocol compliance cases for responses.
    pub http_response_tests: Option<Vec<HttpTestCase>>,
    /// `smithy.api#enum` (Smithy IDL 1.0): parsed by the loader into `ShapeKind::Enum`.
    pub(crate) legacy_enum: Option<Value>,
    /// Every other trait, by absolute shape ID, as JSON.
    pub other: BTreeMap<String, Value>,
}

/// `smithy.api#http`: where and how an operation is called.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpTrait {
    /// The method, e.g. `PUT`.
    pub method: String,
    /// The URI pattern, e.g. `/things/{thingId}?list`.
    pub uri: String,
    /// The status of a successful response (200 when the trait leaves it out).
    pub code: u16,
}

/// `smithy.api#examples`: one example call of an operation.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The example's title.
    pub title: String,
    /// The input, as the JSON of the input structure's members.
    pub input: Option<Value>,
    /// The output, as the JSON of the output structure's members.
    pub output: Option<Value>,
    /// The error the example returns instead of an output.
    pub error: Option<ExampleError>,
}

/// The error of an [`Example`].
#[derive(Clone, Debug, PartialEq)]
pub struct ExampleError {
    /// The error structure.
    pub shape_id: ShapeId,
    /// The error's members, as JSON.
    pub content: Option<Value>,
}

/// `aws.api#service`: how AWS SDKs name and reach the service.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AwsService {
    /// `sdkId`, e.g. `Cognito Identity Provider`.
    pub sdk_id: Option<String>,
    /// `endpointPrefix`, e.g. `cognito-idp`.
    pub endpoint_prefix: Option<String>,
}

/// The JSON protocols of AWS, by their protocol traits. They sort in the order a service that
/// carries several is generated for: awsJson1_1, awsJson1_0, restJson1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#restJson1`.
    RestJson1,
}

impl Protocol {
    /// The protocol's name, e.g. `awsJson1_1`.
    pub fn name(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "awsJson1_0",
            Protocol::AwsJson1_1 => "awsJson1_1",
            Protocol::RestJson1 => "restJson1",
        }
    }

    /// The `Content-Type` of JSON bodies.
    pub fn content_type(self) -> &'static str {
        match self {
            Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
            Protocol::AwsJson1_1 => "application/x-amz-json-1.1",
            Protocol::RestJson1 => "application/json",
        }
    }

    /// Whether members are keyed by their `@jsonName` on the wire (restJson1) rather than by
    /// their member name (the awsJson protocols ignore `@jsonName`).
    pub fn uses_json_name(self) -> bool {
        self == Protocol::RestJson1
    }

    fn of_trait(id: &str) -> Option<Protocol> {
        match id {
            "aws.protocols#awsJson1_0" => Some(Protocol::AwsJson1_0),
            "aws.protocols#awsJson1_1" => Some(Protocol::AwsJson1_1),
            "aws.protocols#restJson1" => Some(Protocol::RestJson1),
            _ => None,
        }
    }
}

/// `smithy.api#enumValue`: a string or an integer.
#[derive(Clone, Debug, PartialEq)]
pub enum EnumValueTrait {
    /// The value of an `enum` member.
    String(String),
    /// The value of an `intEnum` member.
    Int(i32),
}

/// `smithy.api#error`: who is at fault.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorFault {
    /// The caller sent something wrong.
    Client,
    /// The service failed.
    Server,
}

/// `smithy.api#retryable`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Retryable {
    /// Whether the error is a throttling error.
    pub throttling: bool,
}

/// `smithy.api#deprecated`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Deprecated {
    /// Why, and what to use instead.
    pub message: Option<String>,
    /// Since which version or date.
    pub since: Option<String>,
}

/// `smithy.api#timestampFormat`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimestampFormat {
    /// Seconds since the Unix epoch, a number with an optional fraction.
    EpochSeconds,
    /// RFC 3339 `date-time` text.
    DateTime,
    /// RFC 7231 IMF-fixdate text.
    HttpDate,
}

/// `smithy.api#length` or `smithy.api#range` bounds.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bounds {
    /// The inclusive minimum.
    pub min: Option<serde_json::Number>,
    /// The inclusive maximum.
    pub max: Option<serde_json::Number>,
}

/// `smithy.api#paginated`: member names of the pagination protocol.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paginated {
    /// The input member holding the continuation token.
    pub input_token: Option<String>,
    /// The output member (path) holding the next token.
    pub output_token: Option<String>,
    /// The input member limiting the page size.
    pub page_size: Option<String>,
    /// The output member (path) holding the page's items.
    pub items: Option<String>,
}

impl Traits {
    /// Whether the (member's) default is set and not explicitly removed.
    pub fn has_default(&self) -> bool {
        matches!(&self.default, Some(v) if !v.is_null())
    }

    /// Merges `other` into `self` (used by `apply` and member/target trait layering).
    /// Values already present in `self` win.
    pub(crate) fn merge_missing_from(&mut self, other: &Traits) {
        macro_rules! take_option {
            ($($field:ident),*) => {$(
                if self.$field.is_none() {
                    self.$field = other.$field.clone();
                }
            )*};
        }
        macro_rules! take_flag {
            ($($field:ident),*) => {$( self.$field |= other.$field; )*};
        }
        take_option!(
            default,
            documentation,
            enum_value,
            error,
            http_error,
            retryable,
            deprecated,
            timestamp_format,
            json_name,
            length,
            range,
            pattern,
            paginated,
            title,
            auth,
            examples,
            aws_service,
            sigv4,
            protocols,
            endpoint_host_prefix,
            request_compression,
            http_request_tests,
            http_response_tests,
            http,
            http_query,
            http_header,
            http_prefix_headers,
            media_type,
            legacy_enum
        );
        take_flag!(
            required,
            sensitive,
            sparse,
            streaming,
            input,
            output,
            boxed,
            optional_auth,
            client_optional,
            host_label,
            aws_query_compatible,
            http_label,
            http_query_params,
            http_payload,
            http_response_code,
            idempotency_token,
            http_checksum_required
        );
        for (key, value) in &other.other {
            self.other.entry(key.clone()).or_insert_with(|| value.clone());
        }
    }
}

/// Parses a JSON object of traits. `at` names the place for error messages.
pub(crate) fn parse_traits(json: &serde_json::Map<String, Value>, at: &str) -> Result<Traits, String> {
    let mut traits = Traits::default();
    for (name, value) in json {
        let here = || format!("{at}: trait `{name}`");
        let bad = |what: &str| format!("{}: {what}, found {}", here(), short(value));
        match name.as_str() {
            "smithy.api#required" => traits.required = true,
            "smithy.api#default" => traits.default = Some(value.clone()),
            "smithy.api#documentation" => {
                traits.documentation = Some(value.as_str().ok_or_else(|| bad("expected a string"))?.to_owned())
            }
            "smithy.api#enumValue" => {
                traits.enum_value = Some(match value {
                    Value::String(s) => EnumValueTrait::String(s.clone()),
                    Value::Number(n) => EnumValueTrait::Int(
                        n.as_i64()
                            .and_then(|i| i32::try_from(i).ok())
                            .ok_or_else(|| bad("expected a 32-bit integer"))?,
                    ),
                    _ => return Err(bad("expected a string or an integer")),
                })
            }
            "smithy.api#error" => {
                traits.error = Some(match value.as_str() {
                    Some("client") => ErrorFault::Client,
                    Some("server") => ErrorFault::Server,
                    _ => return Err(bad("expected \"client\" or \"server\"")),
                })
            }
            "smithy.api#httpError" => {
                traits.http_error = Some(
                    value
                        .as_u64()
                        .and_then(|n| u16::try_from(n).ok())
                        .filter(|n| (100..=599).contains(n))
                        .ok_or_else(|| bad("expected an HTTP status code"))?,
                )
            }
            "smithy.api#retryable" => {
                let obj = value.as_object().ok_or_else(|| bad("expected an object"))?;
                let throttling = match obj.get("throttling") {
                    None => false,
                    Some(v) => v.as_bool().ok_or_else(|| bad("expected `throttling` to be a boolean"))?,
                };
                traits.retryable = Some(Retryable { throttling });
            }
            "smithy.api#sensitive" => traits.sensitive = true,
            "smithy.api#deprecated" => {
                let obj = value.as_object().ok_or_else(|| bad("expected an object"))?;
                traits.deprecated = Some(Deprecated {
                    message: optional_string(obj, "message").map_err(|e| format!("{}: {e}", here()))?,
                    since: optional_string(obj, "since").map_err(|e| format!("{}: {e}", here()))?,
                });
            }
            "smithy.api#timestampFormat" => {
                traits.timestamp_format = Some(match value.as_str() {
                    Some("epoch-seconds") => TimestampFormat::EpochSeconds,
                    Some("date-time") => TimestampFormat::DateTime,
                    Some("http-date") => TimestampFormat::HttpDate,
                    _ => return Err(bad("expected \"epoch-seconds\", \"date-time\" or \"http-date\"")),
                })
            }
            "smithy.api#jsonName" => {
                traits.json_name = Some(value.as_str().ok_or_else(|| bad("expected a string"))?.to_owned())
            }
            "smithy.api#length" => traits.length = Some(parse_bounds(value).map_err(|e| bad(&e))?),
            "smithy.api#range" => traits.range = Some(parse_bounds(value).map_err(|e| bad(&e))?),
            "smithy.api#pattern" => {
                traits.pattern = Some(value.as_str().ok_or_else(|| bad("expected a string"))?.to_owned())
            }
            "smithy.api#sparse" => traits.sparse = true,
            "smithy.api#streaming" => traits.streaming = true,
            "smithy.api#input" => traits.input = true,
            "smithy.api#output" => traits.output = true,
            "smithy.api#box" => traits.boxed = true,
            "smithy.api#enum" => {
                if !value.is_array() {
                    return Err(bad("expected an array of enum definitions"));
                }
                traits.legacy_enum = Some(value.clone());
            }
            "smithy.api#paginated" => {
                let obj = value.as_object().ok_or_else(|| bad("expected an object"))?;
                let field = |key: &str| optional_string(obj, key).map_err(|e| format!("{}: {e}", here()));
                traits.paginated = Some(Paginated {
                    input_token: field("inputToken")?,
                    output_token: field("outputToken")?,
                    page_size: field("pageSize")?,
                    items: field("items")?,
                });
            }
            "smithy.api#title" => {
                traits.title = Some(value.as_str().ok_or_else(|| bad("expected a string"))?.to_owned())
            }
            "smithy.api#auth" => {
                let schemes = value.as_array().ok_or_else(|| bad("expected an array of shape IDs"))?;
                let schemes = schemes.iter().map(|s| s.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>();
                traits.auth = Some(schemes.ok_or_else(|| bad("expected an array of shape IDs"))?);
            }
            "smithy.api#optionalAuth" => traits.optional_auth = true,
            "smithy.api#examples" => {
                let list = value.as_array().ok_or_else(|| bad("expected an array of examples"))?;
                let examples =
                    list.iter().enumerate().map(|(i, e)| parse_example(e).map_err(|e| format!("{}[{i}]: {e}", here())));
                traits.examples = Some(examples.collect::<Result<_, _>>()?);
            }
            "aws.api#service" => {
                let obj = value.as_object().ok_or_else(|| bad("expected an object"))?;
                let field = |key: &str| optional_string(obj, key).map_err(|e| format!("{}: {e}", here()));
                traits.aws_service =
                    Some(AwsService { sdk_id: field("sdkId")?, endpoint_prefix: field("endpointPrefix")? });
            }
            "aws.auth#sigv4" => {
                let obj = value.as_object().ok_or_else(|| bad("expected an object"))?;
                let name = optional_string(obj, "name").map_err(|e| format!("{}: {e}", here()))?;
                traits.sigv4 = Some(name.ok_or_else(|| bad("expected a `name`"))?);
            }
            "smithy.api#clientOptional" => traits.client_optional = true,
            "smithy.api#hostLabel" => traits.host_label = true,
            "aws.protocols#awsQueryCompatible" => traits.aws_query_compatible = true,
            "smithy.api#endpoint" => {
                let obj = value.as_object().ok_or_else(|| bad("expected an object"))?;
                let prefix = optional_string(obj, "hostPrefix").map_err(|e| format!("{}: {e}", here()))?;
                traits.endpoint_host_prefix = Some(prefix.ok_or_else(|| bad("expected a `hostPrefix`"))?);
            }
            "smithy.api#requestCompression" => {
                let encodings =
                    value.get("encodings").and_then(Value::as_array).ok_or_else(|| bad("expected `encodings`"))?;
                let encodings = encodings.iter().map(|e| e.as_str().map(str::to_owned)).collect::<Option<Vec<_>>>();
                traits.request_compression =
                    Some(encodings.ok_or_else(|| bad("expected `encodings` to hold strings"))?);
            }
            "smithy.api#http" => {
                let obj = value.as_object().ok_or_else(|| bad("expected an object"))?;
                let field = |key: &str| optional_string(obj, key).map_err(|e| format!("{}: {e}", here()));
                let code = match obj.get("code") {
                    None => 200,
                    Some(code) => code
                        .as_u64()
                        .and_then(|c| u16::try_from(c).ok())
                        .filter(|c| (100..=999).contains(c))
                        .ok_or_else(|| bad("expected `code` to be an HTTP status"))?,
                };
                let (method, uri) = (field("method")?, field("uri")?);
                traits.http = Some(HttpTrait {
                    method: method.ok_or_else(|| bad("expected a `method`"))?,
                    uri: uri.filter(|u| u.starts_with('/')).ok_or_else(|| bad("expected a `uri` starting with `/`"))?,
                    code,
                });
            }
            "smithy.api#httpLabel" => traits.http_label = true,
            "smithy.api#httpQueryParams" => traits.http_query_params = true,
            "smithy.api#httpPayload" => traits.http_payload = true,
            "smithy.api#httpResponseCode" => traits.http_response_code = true,
            "smithy.api#idempotencyToken" => traits.idempotency_token = true,
            "smithy.api#httpChecksumRequired" => traits.http_checksum_required = true,
            "smithy.api#httpQuery" => {
                traits.http_query = Some(non_empty_string(value).ok_or_else(|| bad("expected a non-empty string"))?)
            }
            "smithy.api#httpHeader" => {
                traits.http_header = Some(non_empty_string(value).ok_or_else(|| bad("expected a non-empty string"))?)
            }
            "smithy.api#httpPrefixHeaders" => {
                traits.http_prefix_headers = Some(value.as_str().ok_or_else(|| bad("expected a string"))?.to_owned())
            }
            "smithy.api#mediaType" => {
                traits.media_type = Some(value.as_str().ok_or_else(|| bad("expected a string"))?.to_owned())
            }
            "smithy.test#httpRequestTests" => {
                traits.http_request_tests = Some(parse_cases(value, true).map_err(|e| format!("{}{e}", here()))?)
            }
            "smithy.test#httpResponseTests" => {
                traits.http_response_tests = Some(parse_cases(value, false).map_err(|e| format!("{}{e}", here()))?)
            }
            protocol if Protocol::of_trait(protocol).is_some() => {
                let protocol = Protocol::of_trait(protocol).expect("matched above");
                traits.protocols.get_or_insert_with(BTreeSet::new).insert(protocol);
            }
            _ => {
                traits.other.insert(name.clone(), value.clone());
            }
        }
    }
    Ok(traits)
}

fn non_empty_string(value: &Value) -> Option<String> {
    value.as_str().filter(|s| !s.is_empty()).map(str::to_owned)
}

fn parse_example(value: &Value) -> Result<Example, String> {
    let obj = value.as_object().ok_or_else(|| format!("expected an object, found {}", short(value)))?;
    let error = match obj.get("error") {
        None | Some(Value::Null) => None,
        Some(error) => {
            let shape_id =
                error.get("shapeId").and_then(Value::as_str).ok_or("an error example needs `error.shapeId`")?;
            let shape_id = ShapeId::parse(shape_id).map_err(|e| format!("`error.shapeId`: {e}"))?;
            Some(ExampleError { shape_id, content: error.get("content").cloned() })
        }
    };
    Ok(Example {
        title: optional_string(obj, "title")?.unwrap_or_default(),
        input: obj.get("input").cloned(),
        output: obj.get("output").cloned(),
        error,
    })
}

fn optional_string(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("expected `{key}` to be a string, found {}", short(other))),
    }
}

fn parse_bounds(value: &Value) -> Result<Bounds, String> {
    let obj = value.as_object().ok_or("expected an object with `min` and/or `max`")?;
    let number = |key: &str| match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(Some(n.clone())),
        Some(_) => Err(format!("expected `{key}` to be a number")),
    };
    Ok(Bounds { min: number("min")?, max: number("max")? })
}

/// A short rendering of a JSON value for error messages.
pub(crate) fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}...")
    } else {
        text
    }
}
