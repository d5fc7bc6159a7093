//! restJson1's HTTP bindings: where each member of an operation's input, output or error goes in
//! the HTTP message (`@httpLabel`, `@httpQuery`, `@httpHeader`, `@httpPayload`, ...), and each
//! operation's route (`@http`: method, URI pattern, status). The awsJson protocols ignore all of
//! these: their messages are `POST /` with every member in the JSON body.

use smithy_model::{Member, Model, ShapeId, TimestampFormat, Traits};

use super::members::MemberDef;
use crate::error::Error;

/// Where a member of a top-level input, output or error structure goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HttpBinding {
    /// A label of the URI pattern.
    Label,
    /// The query parameter with this name.
    Query(String),
    /// A map of further query parameters.
    QueryParams,
    /// The header with this name.
    Header(String),
    /// A map of the headers whose names start with this prefix.
    PrefixHeaders(String),
    /// The whole body.
    Payload,
    /// The response's status.
    ResponseCode,
}

/// What the HTTP message needs to know about one member, besides its type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HttpMember {
    /// Where the member goes; `None`: into the JSON body.
    pub binding: Option<HttpBinding>,
    /// `@mediaType` of a blob or string: the body's `Content-Type` when it is the payload, base64
    /// text when a string goes into a header.
    pub media_type: Option<String>,
    /// The member's `@timestampFormat` (or its target's), when the model gives one: a timestamp in
    /// a label or query is `date-time` text, in a header `http-date` text, unless it says.
    pub timestamp_format: Option<TimestampFormat>,
    /// `@idempotencyToken`: a request fills an unset member with a fresh token.
    pub idempotency_token: bool,
}

impl HttpMember {
    /// The HTTP facts of a member with its effective traits, under the service's protocol.
    pub fn of(member: &Member, traits: &Traits, rest: bool) -> HttpMember {
        let t = &member.traits;
        let binding = if !rest {
            None
        } else if t.http_label {
            Some(HttpBinding::Label)
        } else if let Some(name) = &t.http_query {
            Some(HttpBinding::Query(name.clone()))
        } else if t.http_query_params {
            Some(HttpBinding::QueryParams)
        } else if let Some(name) = &t.http_header {
            Some(HttpBinding::Header(name.clone()))
        } else if let Some(prefix) = &t.http_prefix_headers {
            Some(HttpBinding::PrefixHeaders(prefix.clone()))
        } else if t.http_payload {
            Some(HttpBinding::Payload)
        } else if t.http_response_code {
            Some(HttpBinding::ResponseCode)
        } else {
            None
        };
        HttpMember {
            binding,
            media_type: traits.media_type.clone(),
            timestamp_format: traits.timestamp_format,
            idempotency_token: t.idempotency_token,
        }
    }
}

impl HttpMember {
    /// Where the member goes in a request: labels, query, headers and payload; a response code
    /// binding means nothing there (the member goes into the body).
    pub fn in_request(&self) -> Option<&HttpBinding> {
        self.binding.as_ref().filter(|b| **b != HttpBinding::ResponseCode)
    }

    /// Where the member goes in a response: headers, payload and status; label and query
    /// bindings mean nothing there (the member goes into the body).
    pub fn in_response(&self) -> Option<&HttpBinding> {
        self.binding.as_ref().filter(|b| {
            matches!(
                b,
                HttpBinding::Header(_)
                    | HttpBinding::PrefixHeaders(_)
                    | HttpBinding::Payload
                    | HttpBinding::ResponseCode
            )
        })
    }
}

/// An operation's `@http` route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HttpRoute {
    /// The method, e.g. `PUT`.
    pub method: String,
    /// The path: text as written, and labels.
    pub path: Vec<PathPart>,
    /// The query parameters written in the URI pattern, with their values (`?list` has none).
    pub query: Vec<(String, Option<String>)>,
    /// The status of a successful response.
    pub code: u16,
}

/// A piece of a URI pattern's path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathPart {
    /// Text as written (sent as it is).
    Text(String),
    /// A label: the value of the input member that fills it, percent-encoded.
    Label {
        /// The member's name in the model.
        member: String,
        /// Whether the label is greedy (`{key+}`): its value keeps its `/`.
        greedy: bool,
    },
}

/// The route of an operation with `@http`, checked against its input: every label names an
/// input member bound with `@httpLabel`, and every such member has a label.
pub fn route(model: &Model, operation: &ShapeId, input: &[MemberDef]) -> Result<Option<HttpRoute>, Error> {
    let shape = model.expect(operation);
    let Some(http) = &shape.traits.http else { return Ok(None) };
    let place = format!("{operation}: smithy.api#http");
    let (path, query) = http.uri.split_once('?').unwrap_or((&http.uri, ""));
    let mut parts = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| Error::invalid(&place, format!("`{}` has an unclosed `{{`", http.uri)))?;
        let label = &rest[open + 1..open + close];
        let (name, greedy) = label.strip_suffix('+').map_or((label, false), |name| (name, true));
        let member =
            input.iter().find(|m| m.name == name && m.http.binding == Some(HttpBinding::Label)).ok_or_else(|| {
                Error::invalid(&place, format!("the label `{name}` names no `@httpLabel` member of the input"))
            })?;
        if open > 0 {
            parts.push(PathPart::Text(rest[..open].to_owned()));
        }
        parts.push(PathPart::Label { member: member.name.clone(), greedy });
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        parts.push(PathPart::Text(rest.to_owned()));
    }
    let labels: Vec<&str> = parts
        .iter()
        .filter_map(|p| if let PathPart::Label { member, .. } = p { Some(member.as_str()) } else { None })
        .collect();
    if let Some(unplaced) =
        input.iter().find(|m| m.http.binding == Some(HttpBinding::Label) && !labels.contains(&m.name.as_str()))
    {
        return Err(Error::invalid(
            &place,
            format!("the `@httpLabel` member `{}` has no label in `{}`", unplaced.name, http.uri),
        ));
    }
    let query = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) => (key.to_owned(), Some(value.to_owned())),
            None => (pair.to_owned(), None),
        })
        .collect();
    Ok(Some(HttpRoute { method: http.method.clone(), path: parts, query, code: http.code }))
}
