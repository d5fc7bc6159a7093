//! The pieces of restJson1 messages that every operation shares: building a request from its
//! path, query, headers and body, writing values as the text of a URI or header and reading them
//! back, and the JSON body of the members that no HTTP binding takes.
//!
//! The rules are the Smithy specification's (and the protocol compliance tests pin each):
//! labels and query strings are percent-encoded as UTF-8 except `A-Za-z0-9-._~` (a greedy label
//! keeps its `/`); timestamps are RFC 3339 `date-time` text in a URI and `http-date` text in a
//! header unless the model says otherwise; numbers are their shortest round-trip text (`NaN`,
//! `Infinity`, `-Infinity` for the others); lists in a header are joined with `, `, and an item
//! holding `,` or `"` is quoted.

use std::fmt::Write as _;

use time::OffsetDateTime;

use crate::error::{parse_error, OperationError, ReadError, RequestError, UnhandledError};
use crate::json::{Reader, Writer};
use crate::shape::{self, Structure};
use crate::wire::{self, Json};

/// A request being built: the method, path and query, headers and body.
#[derive(Debug)]
pub struct Request {
    method: http::Method,
    path: String,
    query: Vec<(String, String)>,
    headers: http::HeaderMap,
    body: Vec<u8>,
}

impl Request {
    /// A request with `method` (e.g. `PUT`) and nothing else yet.
    pub fn new(method: &str) -> Result<Request, RequestError> {
        let method = http::Method::from_bytes(method.as_bytes())
            .map_err(|e| RequestError::new(format!("`{method}` is not an HTTP method"), e))?;
        Ok(Request {
            method,
            path: String::new(),
            query: Vec::new(),
            headers: http::HeaderMap::new(),
            body: Vec::new(),
        })
    }

    /// Text of the URI pattern's path, as written.
    pub fn path(&mut self, text: &str) {
        self.path.push_str(text);
    }

    /// A label's value, percent-encoded (a greedy label keeps its `/`); an empty label is an
    /// error, since the path would change meaning.
    pub fn label(&mut self, member: &str, value: &str, greedy: bool) -> Result<(), RequestError> {
        if value.is_empty() {
            return Err(RequestError::message(format!("`{member}` is part of the path and must not be empty")));
        }
        if greedy {
            for (i, segment) in value.split('/').enumerate() {
                if i > 0 {
                    self.path.push('/');
                }
                percent_encode(segment, &mut self.path);
            }
        } else {
            percent_encode(value, &mut self.path);
        }
        Ok(())
    }

    /// A query parameter; `None` sends the key alone.
    pub fn query(&mut self, key: &str, value: Option<&str>) {
        let mut pair = String::new();
        percent_encode(key, &mut pair);
        if let Some(value) = value {
            pair.push('=');
            percent_encode(value, &mut pair);
        }
        self.query.push((key.to_owned(), pair));
    }

    /// The entries of a `@httpQueryParams` map whose keys no earlier parameter has sent, in key
    /// order.
    pub fn query_map<'a, V: 'a>(
        &mut self,
        map: impl IntoIterator<Item = (&'a String, V)>,
        values: impl Fn(V) -> Vec<&'a str>,
    ) {
        let mut entries: Vec<(&String, V)> = map.into_iter().collect();
        entries.sort_by(|a, b| a.0.cmp(b.0));
        for (key, value) in entries {
            if self.query.iter().any(|(sent, _)| sent == key) {
                continue;
            }
            for value in values(value) {
                self.query(key, Some(value));
            }
        }
    }

    /// A header; an error when the value cannot be a header value (a line break, say).
    pub fn header(&mut self, name: &str, value: &str) -> Result<(), RequestError> {
        let name = http::HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| RequestError::new(format!("`{name}` is not a header name"), e))?;
        let value = http::HeaderValue::from_str(value)
            .map_err(|e| RequestError::new(format!("the value of `{name}` is not a header value"), e))?;
        self.headers.append(name, value);
        Ok(())
    }

    /// The headers of a `@httpPrefixHeaders` map: each key after the prefix, in key order; a
    /// header that a member binds by name is not sent again.
    pub fn prefix_headers<'a>(
        &mut self,
        prefix: &str,
        map: impl IntoIterator<Item = (&'a String, &'a String)>,
    ) -> Result<(), RequestError> {
        let mut entries: Vec<(&String, &String)> = map.into_iter().collect();
        entries.sort();
        for (key, value) in entries {
            let name = format!("{prefix}{key}");
            if !self.headers.contains_key(name.as_str()) {
                self.header(&name, value)?;
            }
        }
        Ok(())
    }

    /// The body, with its `Content-Type` unless a member already set one.
    pub fn body(&mut self, content_type: &str, body: Vec<u8>) -> Result<(), RequestError> {
        if !self.headers.contains_key(http::header::CONTENT_TYPE) {
            self.header("content-type", content_type)?;
        }
        self.body = body;
        Ok(())
    }

    /// The body as JSON: the members of `input` except those the HTTP bindings take (`bound`,
    /// their indexes).
    pub fn json_body<T: Structure>(&mut self, input: &T, bound: &[usize]) -> Result<(), RequestError> {
        let mut w = Writer::new();
        shape::write_structure_skipping(input, &mut w, bound);
        self.body("application/json", w.into_bytes())
    }

    /// The body as the JSON of one value (an `@httpPayload` structure, union or document).
    pub fn json_payload<T: Json>(&mut self, value: &T) -> Result<(), RequestError> {
        self.body("application/json", wire::to_json(value))
    }

    /// The request: `Content-Length` is set when there is a body.
    pub fn build(mut self) -> Result<http::Request<Vec<u8>>, RequestError> {
        if !self.body.is_empty() {
            self.headers.insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(self.body.len()));
        }
        let mut uri = self.path;
        for (i, (_, pair)) in self.query.iter().enumerate() {
            uri.push(if i == 0 { '?' } else { '&' });
            uri.push_str(pair);
        }
        let mut request = http::Request::builder()
            .method(self.method)
            .uri(uri)
            .body(self.body)
            .map_err(|e| RequestError::new("the request cannot be built", e))?;
        *request.headers_mut() = self.headers;
        Ok(request)
    }
}

/// Appends `text`, percent-encoded as UTF-8 except `A-Za-z0-9-._~`.
fn percent_encode(text: &str, out: &mut String) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// The text of a timestamp in a URI or header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeFormat {
    /// Seconds since 1970, as a number.
    EpochSeconds,
    /// RFC 3339 text.
    DateTime,
    /// IMF-fixdate text.
    HttpDate,
}

/// A timestamp as text; an error for a year the format cannot write.
pub fn timestamp_text(value: &OffsetDateTime, format: TimeFormat) -> Result<String, RequestError> {
    let text = match format {
        TimeFormat::EpochSeconds => Ok(match value.nanosecond() {
            0 => value.unix_timestamp().to_string(),
            nanos => (value.unix_timestamp() as f64 + f64::from(nanos) / 1e9).to_string(),
        }),
        TimeFormat::DateTime => crate::wire::date_time_text(value),
        TimeFormat::HttpDate => crate::wire::http_date_text(value),
    };
    text.map_err(|e| RequestError::new("a timestamp cannot be written", e))
}

/// Reads a timestamp from text.
pub fn parse_timestamp(name: &str, text: &str, format: TimeFormat) -> Result<OffsetDateTime, ReadError> {
    let parsed = match format {
        TimeFormat::EpochSeconds => text.parse::<f64>().ok().and_then(crate::wire::epoch_seconds),
        TimeFormat::DateTime => crate::wire::parse_date_time(text),
        TimeFormat::HttpDate => crate::wire::parse_http_date(text),
    };
    parsed.ok_or_else(|| ReadError::new(format!("`{name}` is not a timestamp: {text:?}")))
}

/// A floating-point number as text: its shortest round-trip form, or `NaN`, `Infinity`,
/// `-Infinity`.
pub fn float_text<F: Into<f64> + std::fmt::Display + Copy>(value: F) -> String {
    let wide: f64 = value.into();
    if wide.is_nan() {
        "NaN".to_owned()
    } else if wide.is_infinite() {
        if wide > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
    } else {
        value.to_string()
    }
}

/// Bytes (or a `@mediaType` string) in a header: base64.
pub fn base64_text(bytes: &[u8]) -> String {
    base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes)
}

/// Reads base64 text.
pub fn parse_base64(name: &str, text: &str) -> Result<Vec<u8>, ReadError> {
    base64::Engine::decode(&base64::engine::general_purpose::STANDARD, text)
        .map_err(|e| ReadError::new(format!("`{name}` is not base64 ({e}): {text:?}")))
}

/// Reads a number or boolean from text.
pub fn parse<T: std::str::FromStr>(name: &str, text: &str) -> Result<T, ReadError> {
    text.trim()
        .parse()
        .map_err(|_| ReadError::new(format!("`{name}` is not a {}: {text:?}", std::any::type_name::<T>())))
}

/// A list as one header value: items joined with `, `; an item holding `,` or `"` is quoted,
/// with `"` and `\` escaped.
pub fn header_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if item.contains([',', '"']) {
            out.push('"');
            for c in item.chars() {
                if c == '"' || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
        } else {
            out.push_str(item);
        }
    }
    out
}

/// The items of a list header: split at commas outside quotes, each trimmed and unquoted.
pub fn split_header_list(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut item = String::new();
    let (mut quoted, mut escaped, mut was_quoted) = (false, false, false);
    for c in text.chars() {
        match c {
            _ if escaped => {
                item.push(c);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => {
                quoted = !quoted;
                was_quoted = true;
            }
            ',' if !quoted => {
                items.push(finish_item(&item, was_quoted));
                item.clear();
                was_quoted = false;
            }
            _ => item.push(c),
        }
    }
    if !item.trim().is_empty() || was_quoted || !items.is_empty() {
        items.push(finish_item(&item, was_quoted));
    }
    items
}

fn finish_item(item: &str, quoted: bool) -> String {
    if quoted {
        item.trim_matches(' ').to_owned()
    } else {
        item.trim().to_owned()
    }
}

/// The items of a header holding `http-date` timestamps, which have commas of their own:
/// every second comma separates two dates.
pub fn split_http_dates(text: &str) -> Vec<String> {
    let parts: Vec<&str> = text.split(',').collect();
    parts.chunks(2).map(|pair| pair.join(",").trim().to_owned()).filter(|date| !date.is_empty()).collect()
}

/// Every value of a header, joined with `, ` as one list; `None` when absent (or not text).
pub fn header_values(headers: &http::HeaderMap, name: &str) -> Option<String> {
    let values: Vec<&str> = headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect();
    (!values.is_empty()).then(|| values.join(", "))
}

/// The headers whose names start with `prefix` (case-insensitively), keyed by the rest of the
/// name, lowercase.
pub fn prefix_headers(headers: &http::HeaderMap, prefix: &str) -> std::collections::HashMap<String, String> {
    let prefix = prefix.to_ascii_lowercase();
    headers
        .iter()
        .filter_map(|(name, value)| {
            let key = name.as_str().strip_prefix(prefix.as_str())?;
            Some((key.to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect()
}

/// Reads a restJson1 response: `read` makes the output of a 2xx response (its errors become
/// [`UnhandledError`]s), any other status is the operation's error.
pub fn read_response<O, E, B>(
    response: &http::Response<B>,
    read: impl FnOnce(&http::Response<B>, &[u8]) -> Result<O, ReadError>,
) -> Result<O, E>
where
    E: OperationError,
    B: AsRef<[u8]>,
{
    let (status, body) = (response.status().as_u16(), response.body().as_ref());
    if !response.status().is_success() {
        return Err(parse_error(status, response.headers(), body));
    }
    read(response, body).map_err(|e| {
        E::unhandled(UnhandledError {
            status,
            code: None,
            message: Some(format!("the response cannot be read: {e}")),
            body: body.to_vec(),
        })
    })
}

/// Reads the members of a JSON body except those the HTTP bindings take (`bound`, their
/// indexes); an empty body reads as `{}`.
pub fn read_json_without<T: Structure>(body: &[u8], bound: &[usize]) -> Result<T, ReadError> {
    let body = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    let mut r = Reader::new(body)?;
    let value = shape::read_structure_skipping(&mut r, bound)?;
    r.finish()?;
    Ok(value)
}

/// Reads a JSON payload (structure, union or document); an empty body is `None`.
pub fn read_json_payload<T: Json>(body: &[u8]) -> Result<Option<T>, ReadError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    wire::from_json(body).map(Some).map_err(ReadError::from)
}

/// Reads a text payload (a string or enum); an empty body is `None`.
pub fn read_text_payload(body: &[u8]) -> Result<Option<String>, ReadError> {
    if body.is_empty() {
        return Ok(None);
    }
    String::from_utf8(body.to_vec()).map(Some).map_err(|_| ReadError::new("the body is not UTF-8 text"))
}
