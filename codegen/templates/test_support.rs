//! Helpers shared by the generated tests. Each test binary compiles this module and uses only
//! some of it, hence `allow(dead_code)`.
#![allow(dead_code)]

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use __crate__::wire::{self, Json};

/// Reads `input` as a `T`, writes it back, and checks the result equals `expected` (as JSON
/// values; numbers that are not integers may differ by less than a millisecond's worth).
/// Then reads the written JSON again and checks that writing it once more changes nothing.
///
/// Both ways of reading and writing are checked, and must agree: the wire form (the crate's
/// JSON reader and writer, what `read_response` and `write_request` use) and the serde form.
pub fn assert_round_trip<T: Serialize + DeserializeOwned + Json>(input: &str, expected: &str) {
    let type_name = std::any::type_name::<T>();
    let value: T = serde_json::from_str(input).unwrap_or_else(|e| panic!("reading {type_name}: {e}\n{input}"));
    let written = serde_json::to_value(&value).unwrap_or_else(|e| panic!("writing {type_name}: {e}"));
    let wire: T =
        wire::from_json(input.as_bytes()).unwrap_or_else(|e| panic!("reading {type_name} from the wire: {e}\n{input}"));
    let wire_written: Value = serde_json::from_slice(&wire::to_json(&wire)).expect("the wire form is JSON");
    if let Some(difference) = difference(&written, &wire_written, "$") {
        panic!("{type_name}: the wire form and the serde form differ: {difference}\nserde: {written}\nwire:  {wire_written}");
    }
    let expected: Value = serde_json::from_str(expected).expect("the expected JSON is valid");
    if let Some(difference) = difference(&expected, &written, "$") {
        panic!("{type_name} did not round-trip: {difference}\nexpected: {expected}\nwritten:  {written}");
    }
    let again: T = serde_json::from_value(written.clone()).unwrap_or_else(|e| panic!("re-reading {type_name}: {e}"));
    let rewritten = serde_json::to_value(&again).expect("writing again");
    if let Some(difference) = difference(&written, &rewritten, "$") {
        panic!("{type_name} is not stable: {difference}");
    }
}

/// Reads `input` as a `T` and checks that it breaks none of the model's constraints (only with
/// the crate's `validate` feature).
#[cfg(feature = "validate")]
pub fn assert_valid<T: DeserializeOwned + __crate__::validate::Validate>(input: &str) {
    let value: T = serde_json::from_str(input).expect("the JSON reads");
    if let Err(violations) = value.validate() {
        panic!("{} breaks the model's constraints: {violations}", std::any::type_name::<T>());
    }
}

/// Checks a string enum: every known value reads as a known variant and writes back unchanged,
/// and a value the crate does not know is kept and written back unchanged.
pub fn assert_enum_round_trips<T>(known: &[&str], unknown: &str)
where
    T: Serialize + DeserializeOwned + Json + AsRef<str> + for<'a> From<&'a str> + PartialEq + std::fmt::Debug,
{
    let type_name = std::any::type_name::<T>();
    for value in known.iter().copied().chain([unknown]) {
        let json = Value::String(value.to_owned());
        let read: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("reading {type_name}: {e}"));
        assert_eq!(read.as_ref(), value, "{type_name}");
        assert_eq!(read, T::from(value), "{type_name}");
        assert_eq!(serde_json::to_value(&read).unwrap(), json, "{type_name}");
        let text = json.to_string();
        let wire: T = wire::from_json(text.as_bytes()).unwrap_or_else(|e| panic!("reading {type_name}: {e}"));
        assert_eq!(wire, read, "{type_name}: the wire form reads another value");
        assert_eq!(wire::to_json(&wire), text.as_bytes(), "{type_name}: the wire form writes another value");
    }
    assert!(!known.contains(&unknown));
}

/// Checks an `intEnum`: every known value reads as a known variant and writes back unchanged,
/// and a number the crate does not know is kept and written back unchanged.
pub fn assert_int_enum_round_trips<T>(known: &[i32], unknown: i32)
where
    T: Serialize + DeserializeOwned + Json + Into<i32> + From<i32> + PartialEq + Copy + std::fmt::Debug,
{
    let type_name = std::any::type_name::<T>();
    for value in known.iter().copied().chain([unknown]) {
        let read: T = serde_json::from_value(Value::from(value)).unwrap_or_else(|e| panic!("reading {type_name}: {e}"));
        assert_eq!(read.into(), value, "{type_name}");
        assert_eq!(read, T::from(value), "{type_name}");
        assert_eq!(serde_json::to_value(read).unwrap(), Value::from(value), "{type_name}");
        let wire: T =
            wire::from_json(value.to_string().as_bytes()).unwrap_or_else(|e| panic!("reading {type_name}: {e}"));
        assert_eq!(wire, read, "{type_name}: the wire form reads another value");
        assert_eq!(
            wire::to_json(&wire),
            value.to_string().as_bytes(),
            "{type_name}: the wire form writes another value"
        );
    }
    assert!(!known.contains(&unknown));
}

/// The first place where two JSON values differ, if any.
pub fn difference(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                match a.get(key) {
                    Some(other) => {
                        if let Some(d) = difference(value, other, &format!("{path}.{key}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{key} is missing")),
                }
            }
            a.keys().find(|k| !e.contains_key(*k)).map(|k| format!("{path}.{k} is unexpected"))
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!("{path} has {} items instead of {}", a.len(), e.len()));
            }
            e.iter().zip(a).enumerate().find_map(|(i, (e, a))| difference(e, a, &format!("{path}[{i}]")))
        }
        (Value::Number(e), Value::Number(a)) if e != a => {
            let close = e.is_f64() || a.is_f64();
            let within = matches!((e.as_f64(), a.as_f64()), (Some(x), Some(y)) if (x - y).abs() < 5e-4);
            (!(close && within)).then(|| format!("{path} is {a} instead of {e}"))
        }
        _ if expected == actual => None,
        _ => Some(format!("{path} is {actual} instead of {expected}")),
    }
}

/// Reads a protocol compliance case's values (already in the serde form) as a `T`.
pub fn params<T: DeserializeOwned>(json: &str) -> T {
    serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("the case's values do not read as {}: {e}\n{json}", std::any::type_name::<T>()))
}

/// Checks that two values have the same serde form (compared as JSON, where a NaN equals
/// itself and numbers equal within a microsecond's worth).
pub fn assert_same<T: Serialize>(actual: &T, expected: &T) {
    let actual = serde_json::to_value(actual).expect("values write");
    let expected = serde_json::to_value(expected).expect("values write");
    if let Some(difference) = difference(&expected, &actual, "$") {
        panic!("{difference}\nexpected: {expected}\nactual:   {actual}");
    }
}

/// A response as an HTTP client hands it over.
#[cfg(feature = "http")]
pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut response = http::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response.body(body.as_bytes().to_vec()).expect("the case's response is valid HTTP")
}

/// What a request must be, as a `smithy.test#httpRequestTests` case says.
#[cfg(feature = "http")]
pub struct ExpectedRequest<'a> {
    /// The method.
    pub method: &'a str,
    /// The path, as sent, after the path of `host` if it has one.
    pub uri: &'a str,
    /// The endpoint the client is given (`example.com/custom`); `example.com` when `None`.
    pub host: Option<&'a str>,
    /// The host the request goes to: the host prefix, then the endpoint's host.
    pub resolved_host: Option<&'a str>,
    /// `key=value` pairs (as sent) that the query holds.
    pub query: &'a [&'a str],
    /// Keys the query must not hold.
    pub forbid_query: &'a [&'a str],
    /// Keys the query must hold.
    pub require_query: &'a [&'a str],
    /// Headers with their exact values (several values of one header joined with `, `).
    pub headers: &'a [(&'a str, &'a str)],
    /// Headers the request must not carry.
    pub forbid_headers: &'a [&'a str],
    /// Headers the request must carry.
    pub require_headers: &'a [&'a str],
    /// The exact body (empty: no body); `None` checks nothing.
    pub body: Option<&'a str>,
    /// `application/json` (or another JSON type): the body is compared as JSON.
    pub body_media_type: Option<&'a str>,
}

/// Checks a request from `write_request` (and the operation's host prefix) against a case.
#[cfg(feature = "http")]
pub fn assert_request(request: &http::Request<Vec<u8>>, host_prefix: Option<&str>, expected: &ExpectedRequest<'_>) {
    assert_eq!(request.method().as_str(), expected.method, "method");
    let host = expected.host.unwrap_or("example.com");
    let (authority, base_path) = host.split_once('/').map_or((host, ""), |(a, p)| (a, p));
    let path = format!(
        "{}{}",
        if base_path.is_empty() { String::new() } else { format!("/{}", base_path.trim_end_matches('/')) },
        request.uri().path()
    );
    assert_eq!(path, expected.uri, "path");
    if let Some(resolved) = expected.resolved_host {
        assert_eq!(format!("{}{authority}", host_prefix.unwrap_or("")), resolved, "host");
    }
    let query: Vec<&str> = request.uri().query().map(|q| q.split('&').collect()).unwrap_or_default();
    let key = |pair: &str| pair.split('=').next().unwrap_or("").to_owned();
    for pair in expected.query {
        assert!(query.contains(pair), "the query lacks `{pair}`: {query:?}");
    }
    for forbidden in expected.forbid_query {
        assert!(!query.iter().any(|p| key(p) == *forbidden), "the query holds `{forbidden}`: {query:?}");
    }
    for required in expected.require_query {
        assert!(query.iter().any(|p| key(p) == *required), "the query lacks `{required}`: {query:?}");
    }
    for (name, value) in expected.headers {
        let values: Vec<&str> =
            request.headers().get_all(*name).iter().map(|v| v.to_str().expect("header values are text")).collect();
        assert_eq!(values.join(", "), *value, "header `{name}`");
    }
    for name in expected.forbid_headers {
        assert!(request.headers().get(*name).is_none(), "header `{name}` is sent");
    }
    for name in expected.require_headers {
        assert!(request.headers().get(*name).is_some(), "header `{name}` is missing");
    }
    let Some(body) = expected.body else { return };
    let actual = request.body();
    if body.is_empty() {
        assert!(actual.is_empty(), "the body should be empty: {:?}", String::from_utf8_lossy(actual));
    } else if expected.body_media_type.is_some_and(|t| t.contains("json")) {
        let expected: Value = serde_json::from_str(body).expect("the case's body is JSON");
        let actual: Value = serde_json::from_slice(actual)
            .unwrap_or_else(|e| panic!("the body is not JSON: {e}\n{}", String::from_utf8_lossy(actual)));
        if let Some(difference) = difference(&expected, &actual, "$") {
            panic!("body: {difference}\nexpected: {expected}\nactual:   {actual}");
        }
    } else {
        assert_eq!(String::from_utf8_lossy(actual), body, "body");
    }
}
