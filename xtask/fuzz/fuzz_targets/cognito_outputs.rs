//! Arbitrary bytes read as every output type (and input type) of the Cognito crate, and as a
//! whole HTTP response to every operation (any status, headers and body, through
//! `read_response`): never a panic; and whenever a read succeeds, write → read → write gives
//! the same JSON.
#![no_main]

use arbitrary::Unstructured;
use cognito::operation::Operation;
use cognito::operations as ops;
use cognito_identity_provider_types as cognito;
use libfuzzer_sys::fuzz_target;
use smithy_fuzz::round_trip;

include!("../src/cognito_operations.rs");

/// Reads `data` as the body of a 200 response to `O`.
fn read_body<O: Operation>(data: &[u8]) -> Result<O::Output, O::Error> {
    O::read_response(&http::Response::new(data))
}

macro_rules! every_operation {
    ($($op:ident)*) => {
        fn read_as_every_type(data: &[u8]) {
            $(
                round_trip::<<ops::$op as Operation>::Output, _>(data, read_body::<ops::$op>);
                round_trip::<<ops::$op as Operation>::Input, _>(data, |d| serde_json::from_slice(d));
            )*
        }

        fn read_as_every_response(response: &http::Response<&[u8]>) {
            $(
                if let Ok(output) = <ops::$op as Operation>::read_response(response) {
                    let written = serde_json::to_vec(&output).expect("a value that was read writes");
                    round_trip::<<ops::$op as Operation>::Output, _>(&written, |d| serde_json::from_slice(d));
                }
            )*
        }
    };
}

cognito_operations!(every_operation);

/// The header names an error response uses, and one any other header stands for.
const HEADER_NAMES: [&str; 6] =
    ["x-amzn-errortype", "content-type", "x-amzn-query-error", "x-amzn-requestid", "content-length", "x-other"];

/// A response made from the fuzzer's bytes: a status, up to four headers, and the rest as body.
fn response(data: &[u8]) -> Option<http::Response<&[u8]>> {
    let mut input = Unstructured::new(data);
    let status = http::StatusCode::from_u16(input.int_in_range(100..=999).ok()?).ok()?;
    let mut builder = http::Response::builder().status(status);
    for _ in 0..input.int_in_range(0..=4u8).ok()? {
        let name = HEADER_NAMES[input.choose_index(HEADER_NAMES.len()).ok()?];
        let value: &[u8] = input.arbitrary().ok()?;
        if let Ok(value) = http::HeaderValue::from_bytes(value) {
            builder = builder.header(name, value);
        }
    }
    builder.body(input.take_rest()).ok()
}

fuzz_target!(|data: &[u8]| {
    read_as_every_type(data);
    if let Some(response) = response(data) {
        read_as_every_response(&response);
    }
});
