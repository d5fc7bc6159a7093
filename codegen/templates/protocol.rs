//! The HTTP messages of the service's protocol: what every operation's
//! [`write_request`](crate::operation::Operation::write_request) and
//! [`read_response`](crate::operation::Operation::read_response) share.
//!
//! awsJson1_0 and awsJson1_1 send `POST /` with the input as one JSON object in the body, the
//! `Content-Type` of the protocol version and `X-Amz-Target: <Service>.<Operation>`. A 2xx
//! response holds the output as a JSON object (an empty body reads as `{}`); any other status is
//! an error, named by the `X-Amzn-Errortype` header or the body's `__type` or `code`
//! ([`crate::error::parse_error`]).

use crate::error::{parse_error, OperationError, RequestError, UnhandledError};
use crate::operations::SERVICE;
use crate::wire::{self, Json};

/// The awsJson request of an operation whose `X-Amz-Target` is `target`.
pub fn aws_json_request<T: Json>(target: &str, input: &T) -> Result<http::Request<Vec<u8>>, RequestError> {
    let body = wire::to_json(input);
    let mut request = http::Request::builder()
        .method(http::Method::POST)
        .uri("/")
        .header(http::header::CONTENT_TYPE, SERVICE.content_type)
        .header("x-amz-target", target)
        .header(http::header::CONTENT_LENGTH, body.len());
    if SERVICE.query_compatible {
        request = request.header("x-amzn-query-mode", "true");
    }
    request.body(body).map_err(|e| RequestError::new("the request cannot be built", e))
}

/// Reads an awsJson response: the output for a 2xx status, else the operation's error.
pub fn aws_json_response<O, E, B>(response: &http::Response<B>) -> Result<O, E>
where
    O: Json,
    E: OperationError,
    B: AsRef<[u8]>,
{
    let (status, body) = (response.status().as_u16(), response.body().as_ref());
    if !response.status().is_success() {
        return Err(parse_error(status, response.headers(), body));
    }
    wire::from_json(body).map_err(|e| {
        E::unhandled(UnhandledError {
            status,
            code: None,
            message: Some(format!("the response body cannot be read: {e}")),
            body: body.to_vec(),
        })
    })
}

/// The value of a `@hostLabel` member for a host prefix: it must be a non-empty run of ASCII
/// letters, digits, `-` and `.`, so that the prefixed host is a host name.
pub fn host_label<'a>(member: &str, value: Option<&'a str>) -> Result<&'a str, RequestError> {
    let value =
        value.ok_or_else(|| RequestError::message(format!("`{member}` must be set: it is part of the host")))?;
    let valid = !value.is_empty() && value.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
    if valid {
        Ok(value)
    } else {
        Err(RequestError::message(format!(
            "`{member}` is part of the host and may hold only letters, digits, `-` and `.`: {value:?}"
        )))
    }
}

/// The awsQuery error of a response, from the `x-amzn-query-error: <code>;<fault>` header that
/// services marked `aws.protocols#awsQueryCompatible` send with errors: the code that the
/// service's awsQuery API used for the error, which may differ from the error's name.
pub fn query_error(headers: &http::HeaderMap) -> Option<QueryError> {
    let value = headers.get("x-amzn-query-error")?.to_str().ok()?;
    let (code, fault) = value.split_once(';')?;
    Some(QueryError { code: code.to_owned(), fault: fault.to_owned() })
}

/// An error's awsQuery code and fault (see [`query_error`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryError {
    /// The awsQuery error code, e.g. `AWS.SimpleQueueService.NonExistentQueue`.
    pub code: String,
    /// `Sender` (the client's fault) or `Receiver` (the service's).
    pub fault: String,
}
