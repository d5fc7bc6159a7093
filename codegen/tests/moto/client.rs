//! A test-only client for the generated operation types: one blocking HTTP call per operation,
//! signed with SigV4 the way the AWS SDKs sign, with every successful response checked for
//! data loss.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use cognito_identity_provider_types::operation::{Auth, Operation};
use cognito_identity_provider_types::operations::SERVICE;
use serde_json::Value;

/// The region the requests are signed for; moto keeps one set of user pools per region.
pub const REGION: &str = "us-east-1";

/// A member that the no-data-loss check lets differ (each is explained at the top of moto.rs).
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
    /// The response body as the server sent it.
    pub raw: Value,
    /// The parsed output, written back.
    pub written: Value,
}

/// A response: its HTTP status and headers, and what it reads as.
pub struct Reply<O: Operation> {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub result: Result<O::Output, O::Error>,
}

pub struct Client {
    agent: ureq::Agent,
    endpoint: String,
    identity: Identity,
    allowed: &'static [Allowed],
    exchanges: Mutex<Vec<Exchange>>,
}

impl Client {
    /// A client of the server at `endpoint`, with fake credentials; `allowed` lists the members
    /// that may differ between a response and its parsed value written back.
    pub fn new(endpoint: String, allowed: &'static [Allowed]) -> Client {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        let credentials = Credentials::new("AKIDMOTOTESTS", "moto-tests-secret-key", None, None, "moto tests");
        Client { agent, endpoint, identity: credentials.into(), allowed, exchanges: Mutex::new(Vec::new()) }
    }

    /// Calls operation `O`: the typed output, or the typed error.
    pub fn call<O: Operation>(&self, input: &O::Input) -> Result<O::Output, O::Error>
    where
        O::Output: serde::Serialize,
    {
        self.send::<O>(input).result
    }

    /// Calls operation `O` and keeps the HTTP status and headers: the request is what
    /// `write_request` builds, with the endpoint put in front of its URI and a SigV4 signature
    /// added; it goes out through `ureq`, whose `http` types the response comes back in for
    /// `read_response`.
    ///
    /// Panics when the server cannot be reached, or when a successful response does not read
    /// into `O::Output` or loses data when written back (see [`compare`]).
    pub fn send<O: Operation>(&self, input: &O::Input) -> Reply<O>
    where
        O::Output: serde::Serialize,
    {
        let mut request = O::write_request(input).unwrap_or_else(|e| panic!("{}: no request: {e}", O::NAME));
        let url = format!("{}{}", self.endpoint, request.uri());
        *request.uri_mut() = url.parse().expect("the endpoint and the request's URI make a URL");
        // Like the SDKs, leave unsigned what the model marks `@auth([])` (it carries a token).
        if O::AUTH != Auth::None {
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
            self.check_no_data_loss::<O>(response.body(), output);
        } else if response.status().is_success() {
            panic!("{}: the response does not read\n{}", O::NAME, String::from_utf8_lossy(response.body()));
        }
        Reply { status, headers, result }
    }

    /// Every successful call so far.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.exchanges.lock().unwrap().clone()
    }

    /// The SigV4 headers (`authorization`, `x-amz-date`) of a request.
    fn signature(&self, request: &ureq::http::Request<Vec<u8>>) -> Vec<(&'static str, String)> {
        let params = v4::SigningParams::builder()
            .identity(&self.identity)
            .region(REGION)
            .name(SERVICE.signing_name)
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

    fn check_no_data_loss<O>(&self, bytes: &[u8], output: &O::Output)
    where
        O: Operation,
        O::Output: serde::Serialize,
    {
        let raw: Value = if bytes.iter().all(u8::is_ascii_whitespace) {
            Value::Object(Default::default())
        } else {
            serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{}: the response is not JSON: {e}", O::NAME))
        };
        let written = serde_json::to_value(output).expect("outputs serialize");
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
        self.exchanges.lock().unwrap().push(Exchange { operation: O::NAME, raw, written });
    }
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
