//! Arbitrary HTTP responses read by `read_response` of every operation of the EKS crate
//! (restJson1): any status, headers and body. Never a panic; an error displays and debugs;
//! whenever a read succeeds, the output's serde form writes, reads back and writes the same
//! JSON, and (EKS binds every output member to the body) sent back as the body of a 200 it
//! reads as the same output. The bytes alone are also read the same way as the body of a 200,
//! and as every input type.
#![no_main]

use arbitrary::Unstructured;
use eks::operation::Operation;
use eks::operations as ops;
use eks_types as eks;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;
use smithy_fuzz::round_trip;

include!("../src/eks_operations.rs");

/// Reads `response` as a response to `O`. A success must round-trip through its serde form and
/// through the wire; an error must display.
fn read_as<O>(response: &http::Response<&[u8]>)
where
    O: Operation,
    O::Output: Serialize + DeserializeOwned,
    O::Error: std::fmt::Debug,
{
    match O::read_response(response) {
        Ok(output) => {
            let written = serde_json::to_vec(&output).expect("a value that was read writes");
            round_trip::<O::Output, _>(&written, |d| serde_json::from_slice(d));
            let again = O::read_response(&http::Response::new(written.as_slice()))
                .unwrap_or_else(|e| panic!("{}: its output written back does not read as a response: {e:?}", O::NAME));
            let a = serde_json::to_value(&output).expect("writes");
            let b = serde_json::to_value(&again).expect("writes");
            assert!(
                a == b,
                "{}: the output sent back as a response reads differently\nfirst:  {a}\nsecond: {b}",
                O::NAME
            );
        }
        Err(error) => {
            let _ = (error.to_string(), format!("{error:?}"));
        }
    }
}

macro_rules! every_operation {
    ($($op:ident)*) => {
        fn read_as_every_type(data: &[u8]) {
            $(
                read_as::<ops::$op>(&http::Response::new(data));
                round_trip::<<ops::$op as Operation>::Input, _>(data, |d| serde_json::from_slice(d));
            )*
        }

        fn read_as_every_response(response: &http::Response<&[u8]>) {
            $( read_as::<ops::$op>(response); )*
        }
    };
}

eks_operations!(every_operation);

/// The header names a response is made of: those the outputs bind (none for EKS), the ones
/// restJson1 reads errors from, and others; a header may also have any name.
const HEADER_NAMES: [&str; 5] = ["x-amzn-errortype", "content-type", "x-amzn-requestid", "content-length", "x-other"];

/// A response made from the fuzzer's bytes: a status, up to four headers, and the rest as body.
fn response(data: &[u8]) -> Option<http::Response<&[u8]>> {
    let mut input = Unstructured::new(data);
    let status = http::StatusCode::from_u16(input.int_in_range(100..=999).ok()?).ok()?;
    let mut builder = http::Response::builder().status(status);
    let names: Vec<&str> = EKS_OUTPUT_HEADERS.iter().chain(&HEADER_NAMES).copied().collect();
    for _ in 0..input.int_in_range(0..=4u8).ok()? {
        let name = match input.int_in_range(0..=names.len()).ok()? {
            i if i < names.len() => http::HeaderName::from_static(names[i]),
            _ => http::HeaderName::from_bytes(input.arbitrary::<&[u8]>().ok()?).ok()?,
        };
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
