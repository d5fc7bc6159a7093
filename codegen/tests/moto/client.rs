//! A test-only client for the operation types of any generated crate: one blocking HTTP call
//! per operation, signed with SigV4 the way the AWS SDKs sign, with every successful response
//! checked for data loss.
//!
//! What it needs to know about a service is a [`Service`]: the signing name (the crate's
//! `operations::SERVICE.signing_name`), the region, and the Smithy model, from which the
//! no-data-loss check learns which output members the response body carries (restJson1 binds
//! some to headers, the status code or the whole body).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use serde_json::Value;
use smithy_model::{Model, Protocol, ShapeKind, Simple};

/// The service a [`Client`] calls.
#[derive(Clone, Copy, Debug)]
pub struct Service {
    /// The SigV4 signing name: the generated crate's `operations::SERVICE.signing_name`. moto
    /// picks the service it answers as from the signature's credential scope.
    pub signing_name: &'static str,
    /// The region requests are signed for; moto keeps one set of resources per region.
    pub region: &'static str,
    /// The service's Smithy model, relative to the repository root.
    pub model: &'static str,
}

/// A member that the no-data-loss check lets differ (each is explained at the top of the test
/// file that allows it).
pub struct Allowed {
    /// `Operation: Path.To.Member`, with `[]` for any list item.
    pub path: &'static str,
    /// What differs: [`Difference::Unknown`] or [`Difference::Filled`] ([`Difference::Lost`] is
    /// never allowed).
    pub difference: Difference,
}

/// How a member of a response differs from the same member written back by the types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The response has a member the model does not know: reading drops it.
    Unknown,
    /// The response leaves out a member that the types always write (a required member, read
    /// as its zero value, or a member with a default).
    Filled,
    /// The value changed, or list items went missing: never allowed.
    Lost,
}

/// One successful call, kept raw next to what the types made of it.
#[derive(Clone, Debug)]
pub struct Exchange {
    /// The operation's name, e.g. `ListUsers`.
    pub operation: &'static str,
    /// The request's method and its URI relative to the endpoint, as `write_request` built it:
    /// `GET /clusters?maxResults=2`.
    pub request: String,
    /// The response body as the server sent it.
    pub raw: Value,
    /// What the body carries of the parsed output, written back (see [`OutputBody::of`]).
    pub written: Value,
}

/// A response: its HTTP status and headers, and what it reads as.
pub struct Reply<O: Operation> {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    /// The body as the server sent it.
    pub body: Vec<u8>,
    pub result: Result<O::Output, O::Error>,
}

impl<O: Operation> Reply<O> {
    /// The value of a header (names compare case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// What the generated crates' `operation::Operation` traits have in common, so that one client
/// serves every crate (each crate has a trait of its own): [`generated_operations!`] implements
/// it for the operations of a crate.
pub trait Operation {
    const NAME: &'static str;
    /// Whether the model marks the operation `@auth([])`: it is then sent unsigned.
    const UNSIGNED: bool;
    type Input;
    type Output: serde::Serialize;
    type Error: std::fmt::Debug;
    fn write_request(input: &Self::Input) -> Result<http::Request<Vec<u8>>, String>;
    fn read_response(response: &http::Response<Vec<u8>>) -> Result<Self::Output, Self::Error>;
}

/// Implements [`Operation`] for operations of a generated crate, through the crate's own
/// trait: `generated_operations!(eks_types; CreateCluster DescribeCluster)`.
macro_rules! generated_operations {
    ($krate:ident; $($op:ident)*) => {$(
        impl crate::client::Operation for $krate::operations::$op {
            const NAME: &'static str = <Self as $krate::operation::Operation>::NAME;
            const UNSIGNED: bool =
                matches!(<Self as $krate::operation::Operation>::AUTH, $krate::operation::Auth::None);
            type Input = <Self as $krate::operation::Operation>::Input;
            type Output = <Self as $krate::operation::Operation>::Output;
            type Error = <Self as $krate::operation::Operation>::Error;
            fn write_request(input: &Self::Input) -> Result<http::Request<Vec<u8>>, String> {
                <Self as $krate::operation::Operation>::write_request(input).map_err(|e| e.to_string())
            }
            fn read_response(response: &http::Response<Vec<u8>>) -> Result<Self::Output, Self::Error> {
                <Self as $krate::operation::Operation>::read_response(response)
            }
        }
    )*};
}
pub(crate) use generated_operations;

pub struct Client {
    agent: ureq::Agent,
    endpoint: String,
    identity: Identity,
    service: Service,
    bodies: &'static HashMap<String, OutputBody>,
    allowed: &'static [Allowed],
    exchanges: Mutex<Vec<Exchange>>,
}

impl Client {
    /// A client of `service` at `endpoint`, with fake credentials; `allowed` lists the members
    /// that may differ between a response and its parsed value written back.
    pub fn new(endpoint: String, service: Service, allowed: &'static [Allowed]) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let credentials = Credentials::new("AKIDMOTOTESTS", "moto-tests-secret-key", None, None, "moto tests");
        Client {
            agent,
            endpoint,
            identity: credentials.into(),
            service,
            bodies: output_bodies(service.model),
            allowed,
            exchanges: Mutex::new(Vec::new()),
        }
    }

    /// Calls operation `O`: the typed output, or the typed error.
    pub fn call<O: Operation>(&self, input: &O::Input) -> Result<O::Output, O::Error> {
        self.send::<O>(input).result
    }

    /// Calls operation `O` and keeps the HTTP status, headers and body: the request is what
    /// `write_request` builds, with the endpoint put in front of its URI and a SigV4 signature
    /// added; it goes out through `ureq`, whose `http` types the response comes back in for
    /// `read_response`.
    ///
    /// Panics when the server cannot be reached, or when a successful response does not read
    /// into `O::Output` or loses data when written back (see [`compare`]).
    pub fn send<O: Operation>(&self, input: &O::Input) -> Reply<O> {
        let mut request = O::write_request(input).unwrap_or_else(|e| panic!("{}: no request: {e}", O::NAME));
        let relative = format!("{} {}", request.method(), request.uri());
        let url = format!("{}{}", self.endpoint, request.uri());
        *request.uri_mut() = url.parse().expect("the endpoint and the request's URI make a URL");
        // Like the SDKs, leave unsigned what the model marks `@auth([])` (it carries a token).
        if !O::UNSIGNED {
            for (name, value) in self.signature(&request) {
                request.headers_mut().insert(name, value.parse().expect("signature headers are header values"));
            }
        }
        let response = self.agent.run(request).unwrap_or_else(|e| panic!("{}: no response: {e}", O::NAME));
        let (parts, mut body) = response.into_parts();
        let bytes = body.read_to_vec().unwrap_or_else(|e| panic!("{}: cannot read the body: {e}", O::NAME));
        let response = ureq::http::Response::from_parts(parts, bytes);
        let status = response.status().as_u16();
        let headers: Vec<(String, String)> = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), value.to_str().unwrap_or_default().to_owned()))
            .collect();
        let result = O::read_response(&response);
        if let Ok(output) = &result {
            self.check_no_data_loss::<O>(relative, response.body(), output);
        } else if response.status().is_success() {
            panic!("{}: the response does not read\n{}", O::NAME, String::from_utf8_lossy(response.body()));
        }
        Reply { status, headers, body: response.into_body(), result }
    }

    /// Every successful call so far.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.exchanges.lock().unwrap().clone()
    }

    /// The SigV4 headers (`authorization`, `x-amz-date`) of a request.
    fn signature(&self, request: &ureq::http::Request<Vec<u8>>) -> Vec<(&'static str, String)> {
        let params = v4::SigningParams::builder()
            .identity(&self.identity)
            .region(self.service.region)
            .name(self.service.signing_name)
            .time(SystemTime::now())
            .settings(SigningSettings::default())
            .build()
            .expect("complete signing parameters")
            .into();
        let headers = request.headers().iter().map(|(name, value)| (name.as_str(), value.to_str().unwrap_or_default()));
        let uri = request.uri().to_string();
        let signable =
            SignableRequest::new(request.method().as_str(), uri, headers, SignableBody::Bytes(request.body()))
                .expect("a signable request");
        let (instructions, _signature) = sign(signable, &params).expect("signing").into_parts();
        let (signed, _params) = instructions.into_parts();
        signed.into_iter().map(|h| (h.name(), h.value().to_owned())).collect()
    }

    fn check_no_data_loss<O: Operation>(&self, request: String, bytes: &[u8], output: &O::Output) {
        let shape = self.bodies.get(O::NAME).unwrap_or_else(|| panic!("{}: not in {}", O::NAME, self.service.model));
        let raw = shape.raw(O::NAME, bytes);
        let written = shape.of(&serde_json::to_value(output).expect("outputs serialize"));
        let mut differences = Vec::new();
        compare(O::NAME, &raw, &written, &mut differences);
        for (path, difference) in &differences {
            let allowed = self.allowed.iter().any(|a| a.path == path && a.difference == *difference);
            assert!(
                allowed,
                "{path}: {difference:?}: the response and its parsed value written back differ\n\
                 raw:     {raw}\nwritten: {written}"
            );
        }
        self.exchanges.lock().unwrap().push(Exchange { operation: O::NAME, request, raw, written });
    }
}

/// What the body of a successful response carries of an operation's output.
#[derive(Clone, Debug, PartialEq)]
pub enum OutputBody {
    /// A JSON object of the output's members, except those bound elsewhere (restJson1
    /// `@httpHeader`, `@httpPrefixHeaders`, `@httpResponseCode`), by wire name. For awsJson,
    /// every member.
    Members { elsewhere: Vec<String> },
    /// The value of one member (`@httpPayload`), by wire name.
    Payload { member: String, kind: PayloadKind },
}

/// How a payload member is the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PayloadKind {
    /// A structure, union or document: JSON.
    Json,
    /// A string or enum: its text.
    Text,
    /// A blob: its bytes (base64 in the serde form).
    Blob,
}

impl OutputBody {
    /// The serde form of an output (keyed by wire names, like the body) cut down to what the
    /// body carries.
    pub fn of(&self, serde_form: &Value) -> Value {
        match (self, serde_form) {
            (OutputBody::Members { elsewhere }, Value::Object(members)) => Value::Object(
                members
                    .iter()
                    .filter(|(key, _)| !elsewhere.contains(key))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            ),
            (OutputBody::Payload { member, .. }, Value::Object(members)) => {
                members.get(member).cloned().unwrap_or(Value::Null)
            }
            (_, other) => other.clone(),
        }
    }

    /// A response body in the form [`OutputBody::of`] gives: JSON (an empty body is `{}`, or
    /// no payload), a text payload as a string, a blob payload as base64 (its serde form).
    fn raw(&self, operation: &str, bytes: &[u8]) -> Value {
        let json =
            || serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{operation}: the response is not JSON: {e}"));
        let blank = bytes.iter().all(u8::is_ascii_whitespace);
        match self {
            OutputBody::Members { .. } if blank => Value::Object(Default::default()),
            OutputBody::Members { .. } => json(),
            OutputBody::Payload { kind, .. } if bytes.is_empty() || (blank && *kind == PayloadKind::Json) => {
                Value::Null
            }
            OutputBody::Payload { kind: PayloadKind::Json, .. } => json(),
            OutputBody::Payload { kind: PayloadKind::Text, .. } => Value::String(
                String::from_utf8(bytes.to_vec()).unwrap_or_else(|_| panic!("{operation}: the payload is not text")),
            ),
            OutputBody::Payload { kind: PayloadKind::Blob, .. } => {
                Value::String(base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes))
            }
        }
    }
}

/// What the body of each operation's successful response carries, by operation name, from the
/// model at `path` (relative to the repository root); loaded once per model.
pub fn output_bodies(path: &'static str) -> &'static HashMap<String, OutputBody> {
    static LOADED: OnceLock<Mutex<HashMap<&'static str, &'static HashMap<String, OutputBody>>>> = OnceLock::new();
    let mut loaded = LOADED.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    loaded.entry(path).or_insert_with(|| {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
        let model = Model::from_file(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
        Box::leak(Box::new(bodies_of(&model)))
    })
}

fn bodies_of(model: &Model) -> HashMap<String, OutputBody> {
    let service = model.service().expect("one service");
    // The protocol the crate is generated for: the first in `Protocol`'s order.
    let protocol = service.traits.protocols.as_ref().and_then(|p| p.iter().next().copied());
    let rest = protocol == Some(Protocol::RestJson1);
    let mut bodies = HashMap::new();
    for shape in model.shapes() {
        let ShapeKind::Operation(operation) = &shape.kind else { continue };
        let members = match model.shape(&operation.output).map(|s| &s.kind) {
            Some(ShapeKind::Structure(members)) => members.as_slice(),
            _ => &[],
        };
        let wire_name = |m: &smithy_model::Member| match &m.traits.json_name {
            Some(name) if rest => name.clone(),
            _ => m.name.clone(),
        };
        let payload = members.iter().find(|m| rest && m.traits.http_payload);
        let body = match payload {
            Some(m) => {
                let kind = match model.shape(&m.target).map(|s| &s.kind) {
                    Some(ShapeKind::Simple(Simple::Blob)) => PayloadKind::Blob,
                    Some(ShapeKind::Simple(Simple::String) | ShapeKind::Enum(_)) => PayloadKind::Text,
                    _ => PayloadKind::Json,
                };
                OutputBody::Payload { member: wire_name(m), kind }
            }
            None => OutputBody::Members {
                elsewhere: members
                    .iter()
                    .filter(|m| {
                        rest && (m.traits.http_header.is_some()
                            || m.traits.http_prefix_headers.is_some()
                            || m.traits.http_response_code)
                    })
                    .map(wire_name)
                    .collect(),
            },
        };
        bodies.insert(shape.id.name().to_owned(), body);
    }
    bodies
}

/// Compares a response with its parsed value written back, member by member, and adds what
/// differs to `differences`.
///
/// Members that only the response has are [`Difference::Unknown`] (unless they are `null`,
/// which reads as an absent member); members that only the written value has are
/// [`Difference::Filled`]; any other difference is [`Difference::Lost`]. Numbers are equal when
/// their values are (`1` and `1.0`); `null` items of lists are skipped, as reading skips them.
pub fn compare(path: &str, raw: &Value, written: &Value, differences: &mut Vec<(String, Difference)>) {
    let member = |key: &str| if path.contains(':') { format!("{path}.{key}") } else { format!("{path}: {key}") };
    match (raw, written) {
        (Value::Object(raw), Value::Object(written)) => {
            for (key, raw_value) in raw {
                match written.get(key) {
                    Some(written_value) => compare(&member(key), raw_value, written_value, differences),
                    None if raw_value.is_null() => {}
                    None => differences.push((member(key), Difference::Unknown)),
                }
            }
            for key in written.keys().filter(|k| !raw.contains_key(*k)) {
                differences.push((member(key), Difference::Filled));
            }
        }
        (Value::Array(raw), Value::Array(written)) => {
            let raw: Vec<&Value> = raw.iter().filter(|v| !v.is_null()).collect();
            if raw.len() != written.len() {
                differences.push((path.to_owned(), Difference::Lost));
            }
            for (raw, written) in raw.into_iter().zip(written) {
                compare(&format!("{path}[]"), raw, written, differences);
            }
        }
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => {}
        (raw, written) if raw == written => {}
        _ => differences.push((path.to_owned(), Difference::Lost)),
    }
}
