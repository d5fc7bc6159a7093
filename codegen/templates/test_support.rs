//! Helpers shared by the generated tests. Each test binary compiles this module and uses only
//! some of it, hence `allow(dead_code)`.
#![allow(dead_code)]

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use __crate__::validate::Validate;

/// Reads `input` as a `T`, writes it back, and checks the result equals `expected` (as JSON
/// values; numbers that are not integers may differ by less than a millisecond's worth).
/// Then reads the written JSON again and checks that writing it once more changes nothing.
pub fn assert_round_trip<T: Serialize + DeserializeOwned>(input: &str, expected: &str) {
    let type_name = std::any::type_name::<T>();
    let value: T = serde_json::from_str(input).unwrap_or_else(|e| panic!("reading {type_name}: {e}\n{input}"));
    let written = serde_json::to_value(&value).unwrap_or_else(|e| panic!("writing {type_name}: {e}"));
    let expected: Value = serde_json::from_str(expected).expect("the expected JSON is valid");
    if let Some(difference) = difference(&expected, &written, "$") {
        panic!("{type_name} did not round-trip: {difference}\nexpected: {expected}\nwritten:  {written}");
    }
    let again: T = serde_json::from_value(written.clone()).unwrap_or_else(|e| panic!("re-reading {type_name}: {e}"));
    let rewritten = serde_json::to_value(&again).expect("writing again");
    if let Some(difference) = difference(&written, &rewritten, "$") {
        panic!("{type_name} is not stable: {difference}");
    }
}

/// Reads `input` as a `T` and checks that it breaks none of the model's constraints.
pub fn assert_valid<T: DeserializeOwned + Validate>(input: &str) {
    let value: T = serde_json::from_str(input).expect("the JSON reads");
    if let Err(violations) = value.validate() {
        panic!("{} breaks the model's constraints: {violations}", std::any::type_name::<T>());
    }
}

/// Checks a string enum: every known value reads as a known variant and writes back unchanged,
/// and a value the crate does not know is kept and written back unchanged.
pub fn assert_enum_round_trips<T>(known: &[&str], unknown: &str)
where
    T: Serialize + DeserializeOwned + AsRef<str> + for<'a> From<&'a str> + PartialEq + std::fmt::Debug,
{
    let type_name = std::any::type_name::<T>();
    for value in known.iter().copied().chain([unknown]) {
        let json = Value::String(value.to_owned());
        let read: T = serde_json::from_value(json.clone()).unwrap_or_else(|e| panic!("reading {type_name}: {e}"));
        assert_eq!(read.as_ref(), value, "{type_name}");
        assert_eq!(read, T::from(value), "{type_name}");
        assert_eq!(serde_json::to_value(&read).unwrap(), json, "{type_name}");
    }
    assert!(!known.contains(&unknown));
}

/// Checks an `intEnum`: every known value reads as a known variant and writes back unchanged,
/// and a number the crate does not know is kept and written back unchanged.
pub fn assert_int_enum_round_trips<T>(known: &[i32], unknown: i32)
where
    T: Serialize + DeserializeOwned + Into<i32> + From<i32> + PartialEq + Copy + std::fmt::Debug,
{
    let type_name = std::any::type_name::<T>();
    for value in known.iter().copied().chain([unknown]) {
        let read: T = serde_json::from_value(Value::from(value)).unwrap_or_else(|e| panic!("reading {type_name}: {e}"));
        assert_eq!(read.into(), value, "{type_name}");
        assert_eq!(read, T::from(value), "{type_name}");
        assert_eq!(serde_json::to_value(read).unwrap(), Value::from(value), "{type_name}");
    }
    assert!(!known.contains(&unknown));
}

/// The first place where two JSON values differ, if any.
pub fn difference(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, value) in e {
                match a.get(key) {
                    Some(other) => {
                        if let Some(d) = difference(value, other, &format!("{path}.{key}")) {
                            return Some(d);
                        }
                    }
                    None => return Some(format!("{path}.{key} is missing")),
                }
            }
            a.keys().find(|k| !e.contains_key(*k)).map(|k| format!("{path}.{k} is unexpected"))
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!("{path} has {} items instead of {}", a.len(), e.len()));
            }
            e.iter().zip(a).enumerate().find_map(|(i, (e, a))| difference(e, a, &format!("{path}[{i}]")))
        }
        (Value::Number(e), Value::Number(a)) if e != a => {
            let close = e.is_f64() || a.is_f64();
            let within = matches!((e.as_f64(), a.as_f64()), (Some(x), Some(y)) if (x - y).abs() < 5e-4);
            (!(close && within)).then(|| format!("{path} is {a} instead of {e}"))
        }
        _ if expected == actual => None,
        _ => Some(format!("{path} is {actual} instead of {expected}")),
    }
}
