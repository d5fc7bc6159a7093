//! Arbitrary bytes read as every output type (and input type) of the Cognito crate, and as an
//! error response: never a panic; and whenever a read succeeds, write → read → write gives the
//! same JSON.
#![no_main]

use cognito::operation::Operation;
use cognito::operations as ops;
use cognito_identity_provider_types as cognito;
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;

include!("../src/cognito_operations.rs");

/// Reads `data` as a `T`; when that works, the value must write, read back, and write the same.
fn round_trip<T: Serialize + DeserializeOwned>(data: &[u8], read: fn(&[u8]) -> Result<T, serde_json::Error>) {
    let Ok(first) = read(data) else { return };
    let written = serde_json::to_vec(&first)
        .unwrap_or_else(|e| panic!("{}: a value that was read does not write: {e}", std::any::type_name::<T>()));
    let second: T = serde_json::from_slice(&written).unwrap_or_else(|e| {
        panic!(
            "{}: what was written does not read back: {e}\n{}",
            std::any::type_name::<T>(),
            String::from_utf8_lossy(&written)
        )
    });
    let rewritten = serde_json::to_vec(&second).expect("writes");
    let a: serde_json::Value = serde_json::from_slice(&written).expect("JSON");
    let b: serde_json::Value = serde_json::from_slice(&rewritten).expect("JSON");
    assert!(a == b, "{}: write → read → write changed the JSON\nfirst:  {a}\nsecond: {b}", std::any::type_name::<T>());
}

macro_rules! every_operation {
    ($($op:ident)*) => {
        fn read_as_every_type(data: &[u8]) {
            $(
                round_trip::<<ops::$op as Operation>::Output>(data, <ops::$op as Operation>::read_output);
                round_trip::<<ops::$op as Operation>::Input>(data, |d| serde_json::from_slice(d));
            )*
        }
    };
}

cognito_operations!(every_operation);

fuzz_target!(|data: &[u8]| {
    read_as_every_type(data);
    let _: ops::ServiceError = cognito::error::parse_error(400, [] as [(&str, &str); 0], data);
});
