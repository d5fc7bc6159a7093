//! The protocol compliance test cases of a model: the `smithy.test#httpRequestTests` and
//! `smithy.test#httpResponseTests` traits on operations and error structures.

use serde_json::{Map, Value};

use crate::traits::short;

/// One `smithy.test#httpRequestTests` or `smithy.test#httpResponseTests` case.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpTestCase {
    /// The case's identifier, unique within the model.
    pub id: String,
    /// The protocol trait it is for, e.g. `aws.protocols#awsJson1_0`.
    pub protocol: String,
    /// `client`, `server`, or `None` for both.
    pub applies_to: Option<String>,
    /// What the case checks.
    pub documentation: Option<String>,
    /// The members of the input (requests) or of the output or error (responses), by member
    /// name. Blobs are their raw text and timestamps are epoch seconds.
    pub params: Map<String, Value>,
    /// Headers the message must carry, with their exact values.
    pub headers: Vec<(String, String)>,
    /// Headers the message must not carry.
    pub forbid_headers: Vec<String>,
    /// Headers the message must carry, whatever their values.
    pub require_headers: Vec<String>,
    /// The exact body, if the case says (an empty string: no body).
    pub body: Option<String>,
    /// The media type of `body`, e.g. `application/json`, which is then compared as JSON.
    pub body_media_type: Option<String>,
    /// Protocol-specific expectations, e.g. the awsQuery error code of an error.
    pub vendor_params: Option<Value>,
    /// Free-form tags, e.g. `defaults`.
    pub tags: Vec<String>,
    /// What is specific to requests or responses.
    pub kind: HttpTestKind,
}

/// The request- or response-only parts of an [`HttpTestCase`].
#[derive(Clone, Debug, PartialEq)]
pub enum HttpTestKind {
    /// `smithy.test#httpRequestTests`.
    Request {
        /// The method, e.g. `POST`.
        method: String,
        /// The path, as sent (percent-encoded).
        uri: String,
        /// The endpoint's host (and path) the client is given, e.g. `example.com/custom`.
        host: Option<String>,
        /// The host the request must go to, e.g. `foo.example.com`.
        resolved_host: Option<String>,
        /// `key=value` pairs the query must hold, as sent.
        query_params: Vec<String>,
        /// Query keys that must not be present.
        forbid_query_params: Vec<String>,
        /// Query keys that must be present.
        require_query_params: Vec<String>,
    },
    /// `smithy.test#httpResponseTests`.
    Response {
        /// The HTTP status.
        code: u16,
    },
}

impl HttpTestCase {
    /// Whether a client must pass the case (it does not apply to servers only).
    pub fn applies_to_clients(&self) -> bool {
        self.applies_to.as_deref() != Some("server")
    }
}

/// Parses the cases of one of the two test traits; `request` says which.
pub(crate) fn parse_cases(value: &Value, request: bool) -> Result<Vec<HttpTestCase>, String> {
    let cases = value.as_array().ok_or_else(|| format!("expected an array of test cases, found {}", short(value)))?;
    cases.iter().enumerate().map(|(i, case)| parse_case(case, request).map_err(|e| format!("[{i}]: {e}"))).collect()
}

fn parse_case(value: &Value, request: bool) -> Result<HttpTestCase, String> {
    let obj = value.as_object().ok_or_else(|| format!("expected an object, found {}", short(value)))?;
    let text = |key: &str| -> Result<Option<String>, String> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!("expected `{key}` to be a string, found {}", short(other))),
        }
    };
    let required = |key: &str| text(key)?.ok_or_else(|| format!("`{key}` is missing"));
    let list = |key: &str| -> Result<Vec<String>, String> {
        match obj.get(key) {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned).ok_or_else(|| format!("expected `{key}` to hold strings")))
                .collect(),
            Some(other) => Err(format!("expected `{key}` to be an array, found {}", short(other))),
        }
    };
    let headers = match obj.get("headers") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Object(headers)) => headers
            .iter()
            .map(|(k, v)| v.as_str().map(|v| (k.clone(), v.to_owned())))
            .collect::<Option<_>>()
            .ok_or("expected `headers` to map names to strings")?,
        Some(other) => return Err(format!("expected `headers` to be an object, found {}", short(other))),
    };
    let params = match obj.get("params") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(params)) => params.clone(),
        Some(other) => return Err(format!("expected `params` to be an object, found {}", short(other))),
    };
    let kind = if request {
        HttpTestKind::Request {
            method: required("method")?,
            uri: required("uri")?,
            host: text("host")?,
            resolved_host: text("resolvedHost")?,
            query_params: list("queryParams")?,
            forbid_query_params: list("forbidQueryParams")?,
            require_query_params: list("requireQueryParams")?,
        }
    } else {
        let code = obj.get("code").and_then(Value::as_u64).and_then(|c| u16::try_from(c).ok());
        HttpTestKind::Response {
            code: code.filter(|c| (100..=999).contains(c)).ok_or("`code` must be an HTTP status")?,
        }
    };
    Ok(HttpTestCase {
        id: required("id")?,
        protocol: required("protocol")?,
        applies_to: text("appliesTo")?,
        documentation: text("documentation")?,
        params,
        headers,
        forbid_headers: list("forbidHeaders")?,
        require_headers: list("requireHeaders")?,
        body: text("body")?,
        body_media_type: text("bodyMediaType")?,
        vendor_params: obj.get("vendorParams").cloned(),
        tags: list("tags")?,
        kind,
    })
}
