//! Request compression (`@requestCompression`): bodies of at least [`MIN_COMPRESSED_SIZE`]
//! bytes are sent gzip-compressed, with `gzip` added to their `Content-Encoding`. Compression
//! uses the `flate2` crate (its pure-Rust backend), at its default level.

use std::io::Write as _;

use crate::error::RequestError;

/// The smallest body that is compressed, in bytes: 10 KiB, the default of the AWS SDKs.
pub const MIN_COMPRESSED_SIZE: usize = 10_240;

/// Compresses the body of `request` with gzip when it is large enough.
pub fn gzip_large_body(request: http::Request<Vec<u8>>) -> Result<http::Request<Vec<u8>>, RequestError> {
    if request.body().len() < MIN_COMPRESSED_SIZE {
        return Ok(request);
    }
    let (mut parts, body) = request.into_parts();
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&body).map_err(|e| RequestError::new("the body cannot be compressed", e))?;
    let body = encoder.finish().map_err(|e| RequestError::new("the body cannot be compressed", e))?;
    let encoding = match parts.headers.get(http::header::CONTENT_ENCODING).map(|v| v.to_str()) {
        Some(Ok(given)) if !given.is_empty() => format!("{given}, gzip"),
        _ => "gzip".to_owned(),
    };
    let encoding = http::HeaderValue::from_str(&encoding)
        .map_err(|e| RequestError::new("the body's Content-Encoding is not a header value", e))?;
    parts.headers.insert(http::header::CONTENT_ENCODING, encoding);
    parts.headers.insert(http::header::CONTENT_LENGTH, http::HeaderValue::from(body.len()));
    Ok(http::Request::from_parts(parts, body))
}
