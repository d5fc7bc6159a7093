//! The wire formats of the `wire` module, checked value by value: exactness of big numbers,
//! timestamp precision and range, non-finite floats, base64, and `null` in collections.

use std::collections::HashMap;

use __crate__::wire;
use serde::{Deserialize, Serialize};
use serde_json::json;
use time::OffsetDateTime;

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Epoch(#[serde(with = "wire::As::<wire::EpochSeconds>")] OffsetDateTime);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Rfc3339(#[serde(with = "wire::As::<wire::DateTime>")] OffsetDateTime);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Http(#[serde(with = "wire::As::<wire::HttpDate>")] OffsetDateTime);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Double(#[serde(with = "wire::As::<wire::Float>")] f64);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Single(#[serde(with = "wire::As::<wire::Float>")] f32);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Bytes(#[serde(with = "wire::As::<wire::Base64>")] Vec<u8>);

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Lists {
    #[serde(with = "wire::As::<wire::List>")]
    dense: Vec<String>,
    #[serde(with = "wire::As::<wire::SparseList>")]
    sparse: Vec<Option<String>>,
    #[serde(with = "wire::As::<wire::Map<wire::EpochSeconds>>")]
    map: HashMap<String, OffsetDateTime>,
    #[serde(with = "wire::As::<wire::SparseMap>")]
    sparse_map: HashMap<String, Option<i32>>,
}

fn timestamp(seconds: i64, nanos: u32) -> OffsetDateTime {
    OffsetDateTime::from_unix_timestamp(seconds).unwrap().replace_nanosecond(nanos).unwrap()
}

#[test]
fn big_numbers_keep_every_digit() {
    for digits in [
        "123456789012345678901234567890",
        "-0.000000000000000000000000000001",
        "3.14159265358979323846264338327950288",
        "1e400",
        "0",
    ] {
        let read: wire::BigNumber = serde_json::from_str(digits).unwrap();
        assert_eq!(read.as_str(), digits);
        assert_eq!(serde_json::to_string(&read).unwrap(), digits);
    }
    assert!(serde_json::from_str::<wire::BigNumber>("\"12\"").is_err());
    assert_eq!(serde_json::to_string(&wire::BigNumber::default()).unwrap(), "0");
    for bad in ["", "-", "01", "1.", ".5", "1e", "1e+", "NaN", "12abc"] {
        assert_eq!(wire::BigNumber::new(bad), None, "{bad}");
    }
}

#[test]
fn epoch_seconds_read_integers_and_fractions() {
    assert_eq!(serde_json::from_str::<Epoch>("1700000000").unwrap().0, timestamp(1_700_000_000, 0));
    assert_eq!(serde_json::from_str::<Epoch>("1700000000.5").unwrap().0, timestamp(1_700_000_000, 500_000_000));
    assert_eq!(serde_json::from_str::<Epoch>("1.700000000123E9").unwrap().0, timestamp(1_700_000_000, 123_000_000));
    assert_eq!(serde_json::from_str::<Epoch>("-1.5").unwrap().0, timestamp(-2, 500_000_000));
    assert_eq!(serde_json::from_str::<Epoch>("-86400").unwrap().0, timestamp(-86_400, 0));
}

#[test]
fn epoch_seconds_write_whole_seconds_as_integers_and_keep_milliseconds() {
    assert_eq!(serde_json::to_string(&Epoch(timestamp(1_700_000_000, 0))).unwrap(), "1700000000");
    assert_eq!(serde_json::to_string(&Epoch(timestamp(-1, 250_000_000))).unwrap(), "-0.75");
    for millis in (0..1000).step_by(7) {
        let written = serde_json::to_string(&Epoch(timestamp(1_689_980_857, millis * 1_000_000))).unwrap();
        let read: Epoch = serde_json::from_str(&written).unwrap();
        let error = (read.0 - timestamp(1_689_980_857, millis * 1_000_000)).abs();
        assert!(error < time::Duration::microseconds(1), "{written}: off by {error}");
    }
}

#[test]
fn epoch_seconds_out_of_range_is_an_error() {
    for bad in ["1e20", "-1e20", "\"1700000000\"", "true"] {
        assert!(serde_json::from_str::<Epoch>(bad).is_err(), "{bad}");
    }
}

#[test]
fn date_time_and_http_date_text() {
    let read: Rfc3339 = serde_json::from_str("\"1985-04-12T23:20:50.52Z\"").unwrap();
    assert_eq!(read.0, timestamp(482_196_050, 520_000_000));
    assert_eq!(serde_json::to_string(&read).unwrap(), "\"1985-04-12T23:20:50.52Z\"");
    let offset: Rfc3339 = serde_json::from_str("\"1985-04-12T23:20:50+01:00\"").unwrap();
    assert_eq!(serde_json::to_string(&offset).unwrap(), "\"1985-04-12T22:20:50Z\"");
    let http: Http = serde_json::from_str("\"Sun, 06 Nov 1994 08:49:37 GMT\"").unwrap();
    assert_eq!(http.0, timestamp(784_111_777, 0));
    assert_eq!(serde_json::to_string(&http).unwrap(), "\"Sun, 06 Nov 1994 08:49:37 GMT\"");
    let before_1970: Http = serde_json::from_str("\"Wed, 31 Dec 1969 00:00:00 GMT\"").unwrap();
    assert_eq!(before_1970.0, timestamp(-86_400, 0));
    assert!(serde_json::from_str::<Rfc3339>("\"yesterday\"").is_err());
}

#[test]
fn non_finite_floats_are_strings() {
    assert!(serde_json::from_str::<Double>("\"NaN\"").unwrap().0.is_nan());
    assert_eq!(serde_json::from_str::<Double>("\"Infinity\"").unwrap().0, f64::INFINITY);
    assert_eq!(serde_json::from_str::<Single>("\"-Infinity\"").unwrap().0, f32::NEG_INFINITY);
    assert_eq!(serde_json::to_string(&Double(f64::NAN)).unwrap(), "\"NaN\"");
    assert_eq!(serde_json::to_string(&Single(f32::INFINITY)).unwrap(), "\"Infinity\"");
    assert_eq!(serde_json::to_string(&Double(-2.5)).unwrap(), "-2.5");
    assert_eq!(serde_json::from_str::<Double>("7").unwrap().0, 7.0);
    assert!(serde_json::from_str::<Double>("\"nan\"").is_err());
}

#[test]
fn blobs_are_base64_with_optional_padding() {
    assert_eq!(serde_json::to_string(&Bytes(b"hello".to_vec())).unwrap(), "\"aGVsbG8=\"");
    assert_eq!(serde_json::from_str::<Bytes>("\"aGVsbG8=\"").unwrap().0, b"hello");
    assert_eq!(serde_json::from_str::<Bytes>("\"aGVsbG8\"").unwrap().0, b"hello");
    assert!(serde_json::from_str::<Bytes>("\"not base64!\"").is_err());
}

#[test]
fn dense_collections_skip_null_and_sparse_ones_keep_it() {
    let read: Lists = serde_json::from_value(json!({
        "dense": ["a", null, "b"],
        "sparse": ["a", null],
        "map": {"t": 1, "skipped": null},
        "sparse_map": {"one": 1, "none": null}
    }))
    .unwrap();
    assert_eq!(read.dense, ["a", "b"]);
    assert_eq!(read.sparse, [Some("a".to_owned()), None]);
    assert_eq!(read.map.len(), 1);
    assert_eq!(read.sparse_map.get("none"), Some(&None));
    let written = serde_json::to_value(&read).unwrap();
    assert_eq!(written["dense"], json!(["a", "b"]));
    assert_eq!(written["sparse"], json!(["a", null]));
    assert_eq!(written["map"], json!({"t": 1}));
}

#[test]
fn empty_writes_an_empty_object_and_reads_anything() {
    assert_eq!(serde_json::to_string(&wire::Empty).unwrap(), "{}");
    for any in ["{}", "{\"x\": [1, 2]}", "null"] {
        assert_eq!(serde_json::from_str::<wire::Empty>(any).unwrap(), wire::Empty);
    }
}
