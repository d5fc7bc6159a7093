//! Model default values (`@default`), checked against the member's Rust type and turned into a
//! typed value: the text of a blob default is base64, a timestamp default is epoch seconds or
//! RFC 3339 text, an enum default is its wire value. Rendering writes each as a Rust expression.

use base64::Engine as _;
use serde_json::Value;

use super::names::NamedKind;
use super::types::RustType;
use crate::error::Error;

/// A member's default, as a value of its Rust type.
#[derive(Clone, Debug, PartialEq)]
pub enum DefaultValue {
    /// `bool`.
    Bool(bool),
    /// Any integer type.
    Integer(i64),
    /// `f32` or `f64`.
    Float(f64),
    /// The exact digits of a big number.
    BigNumber(String),
    /// `String`.
    String(String),
    /// `Vec<u8>` (the model writes it as base64).
    Blob(Vec<u8>),
    /// A timestamp, as seconds and nanoseconds since the Unix epoch.
    Timestamp {
        /// Whole seconds.
        seconds: i64,
        /// The fraction, in nanoseconds.
        nanos: u32,
    },
    /// A document.
    Document(Value),
    /// An enum's wire value.
    Enum(String),
    /// An intEnum's value.
    IntEnum(i32),
    /// An empty list.
    EmptyList,
    /// An empty map.
    EmptyMap,
}

/// Standard base64, padding optional (as the generated crates read it).
const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

/// Timestamps must lie between years 1 and 9999 (what RFC 3339 text can hold).
const MAX_TIMESTAMP: i64 = 253_402_300_799;
const MIN_TIMESTAMP: i64 = -62_135_596_800;

impl DefaultValue {
    /// The default `value` (not `null`) of a member of type `ty`; `place` names the member.
    pub fn of(value: &Value, ty: &RustType, place: &str) -> Result<DefaultValue, Error> {
        let wrong = || Error::invalid(place, format!("the default `{value}` is not a value of the member's type"));
        Ok(match (ty, value) {
            (RustType::Bool, Value::Bool(b)) => DefaultValue::Bool(*b),
            (RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64, Value::Number(n)) => {
                let n = n.as_i64().ok_or_else(wrong)?;
                let fits = match ty {
                    RustType::I8 => i8::try_from(n).is_ok(),
                    RustType::I16 => i16::try_from(n).is_ok(),
                    RustType::I32 => i32::try_from(n).is_ok(),
                    _ => true,
                };
                if !fits {
                    return Err(wrong());
                }
                DefaultValue::Integer(n)
            }
            (RustType::F32 | RustType::F64, Value::Number(n)) => DefaultValue::Float(n.as_f64().ok_or_else(wrong)?),
            (RustType::BigNumber, Value::Number(n)) => DefaultValue::BigNumber(n.to_string()),
            (RustType::String, Value::String(s)) => DefaultValue::String(s.clone()),
            (RustType::Blob, Value::String(s)) => DefaultValue::Blob(
                BASE64
                    .decode(s)
                    .map_err(|e| Error::invalid(place, format!("the blob default `{s}` is not base64 ({e})")))?,
            ),
            (RustType::Timestamp(_), Value::Number(n)) => timestamp_of_number(n.as_f64().ok_or_else(wrong)?)
                .ok_or_else(|| Error::invalid(place, format!("the timestamp default `{n}` is out of range")))?,
            (RustType::Timestamp(_), Value::String(s)) => {
                let parsed = time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
                    .map_err(|e| Error::invalid(place, format!("the timestamp default `{s}` is not RFC 3339 ({e})")))?;
                DefaultValue::Timestamp { seconds: parsed.unix_timestamp(), nanos: parsed.nanosecond() }
            }
            (RustType::Document, value) => DefaultValue::Document(value.clone()),
            (RustType::Named(named), Value::String(s)) if named.kind == NamedKind::Enum => {
                DefaultValue::Enum(s.clone())
            }
            (RustType::Named(named), Value::Number(n)) if named.kind == NamedKind::IntEnum => {
                DefaultValue::IntEnum(n.as_i64().and_then(|n| i32::try_from(n).ok()).ok_or_else(wrong)?)
            }
            (RustType::List { .. }, Value::Array(items)) if items.is_empty() => DefaultValue::EmptyList,
            (RustType::Map { .. }, Value::Object(entries)) if entries.is_empty() => DefaultValue::EmptyMap,
            _ => return Err(wrong()),
        })
    }

    /// Whether the value is the Rust type's own `Default` (then `Default` can be derived).
    pub fn is_zero(&self) -> bool {
        match self {
            DefaultValue::Bool(b) => !b,
            DefaultValue::Integer(n) => *n == 0,
            DefaultValue::Float(f) => *f == 0.0 && f.is_sign_positive(),
            DefaultValue::String(s) => s.is_empty(),
            DefaultValue::Blob(b) => b.is_empty(),
            DefaultValue::EmptyList | DefaultValue::EmptyMap => true,
            DefaultValue::Document(v) => v.is_null(),
            DefaultValue::BigNumber(_)
            | DefaultValue::Timestamp { .. }
            | DefaultValue::Enum(_)
            | DefaultValue::IntEnum(_) => false,
        }
    }
}

impl std::fmt::Display for DefaultValue {
    /// The value as the model writes it (a timestamp as RFC 3339 text, a blob as base64).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DefaultValue::Bool(b) => write!(f, "{b}"),
            DefaultValue::Integer(n) => write!(f, "{n}"),
            DefaultValue::Float(x) => write!(f, "{x:?}"),
            DefaultValue::BigNumber(digits) => f.write_str(digits),
            DefaultValue::String(text) | DefaultValue::Enum(text) => write!(f, "{}", Value::String(text.clone())),
            DefaultValue::Blob(bytes) => write!(f, "\"{}\"", BASE64.encode(bytes)),
            DefaultValue::Timestamp { seconds, nanos } => {
                let at = time::OffsetDateTime::from_unix_timestamp(*seconds)
                    .map(|t| t + time::Duration::nanoseconds(i64::from(*nanos)));
                match at.ok().and_then(|t| t.format(&time::format_description::well_known::Rfc3339).ok()) {
                    Some(text) => f.write_str(&text),
                    None => write!(f, "{seconds}.{nanos:09} seconds after 1970"),
                }
            }
            DefaultValue::Document(value) => write!(f, "{value}"),
            DefaultValue::IntEnum(n) => write!(f, "{n}"),
            DefaultValue::EmptyList => f.write_str("[]"),
            DefaultValue::EmptyMap => f.write_str("{}"),
        }
    }
}

/// Epoch seconds, to the microsecond as the generated crates read them.
fn timestamp_of_number(value: f64) -> Option<DefaultValue> {
    if !value.is_finite() || value < MIN_TIMESTAMP as f64 || value > MAX_TIMESTAMP as f64 {
        return None;
    }
    let mut seconds = value.floor();
    let mut micros = ((value - seconds) * 1e6).round();
    if micros >= 1e6 {
        seconds += 1.0;
        micros -= 1e6;
    }
    Some(DefaultValue::Timestamp { seconds: seconds as i64, nanos: micros as u32 * 1000 })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn defaults_are_read_as_their_type() {
        let of = |v: Value, ty: RustType| DefaultValue::of(&v, &ty, "ns#S$m");
        assert_eq!(of(json!("YWJj"), RustType::Blob), Ok(DefaultValue::Blob(b"abc".to_vec())));
        assert_eq!(
            of(json!(1.5), RustType::Timestamp(smithy_model::TimestampFormat::EpochSeconds)),
            Ok(DefaultValue::Timestamp { seconds: 1, nanos: 500_000_000 })
        );
        assert_eq!(
            of(json!("1985-04-12T23:20:50.52Z"), RustType::Timestamp(smithy_model::TimestampFormat::DateTime)),
            Ok(DefaultValue::Timestamp { seconds: 482_196_050, nanos: 520_000_000 })
        );
        assert_eq!(
            of(json!(12345678901234567890u64), RustType::BigNumber),
            Ok(DefaultValue::BigNumber("12345678901234567890".into()))
        );
        assert_eq!(of(json!({"a": [true]}), RustType::Document), Ok(DefaultValue::Document(json!({"a": [true]}))));
        assert!(of(json!(300), RustType::I8).is_err());
        assert!(of(json!("not base64!"), RustType::Blob).unwrap_err().reason.contains("not base64"));
        assert!(of(json!([1]), RustType::List { item: Box::new(RustType::I32), sparse: false }).is_err());
        assert!(of(json!(1e300), RustType::Timestamp(smithy_model::TimestampFormat::EpochSeconds)).is_err());
    }
}
