//! Request checksums (`@httpChecksumRequired`): the `Content-MD5` header, the base64 MD5 digest
//! of the body as sent, computed with the `md-5` crate.

use md5::Digest as _;

use crate::error::RequestError;

/// Adds `Content-MD5` to a request.
pub fn content_md5(mut request: http::Request<Vec<u8>>) -> Result<http::Request<Vec<u8>>, RequestError> {
    let digest = md5::Md5::digest(request.body());
    let text = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, digest);
    let value =
        http::HeaderValue::from_str(&text).map_err(|e| RequestError::new("the digest is not a header value", e))?;
    request.headers_mut().insert("content-md5", value);
    Ok(request)
}
