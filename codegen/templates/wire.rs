//! Wire formats of the AWS JSON protocols, as serde adapters.
//!
//! The generated types use these through `#[serde(with = "wire::As::<Format>")]` where a
//! Rust type's own serde implementation is not what the service sends: timestamps, blobs,
//! non-finite floats, and collections that skip `null` items. They are public so that your own
//! types can read and write the same formats.
//!
//! | Format | Rust type | JSON |
//! | --- | --- | --- |
//! | [`EpochSeconds`] | `time::OffsetDateTime` | seconds since 1970 as a number, fraction allowed |
//! | [`DateTime`] | `time::OffsetDateTime` | RFC 3339 text |
//! | [`HttpDate`] | `time::OffsetDateTime` | IMF-fixdate text (`Sun, 06 Nov 1994 08:49:37 GMT`) |
//! | [`Base64`] | `Vec<u8>` | base64 text (padding optional on read) |
//! | [`Float`] | `f32`, `f64` | number, or `"NaN"`, `"Infinity"`, `"-Infinity"` |
//! | [`List`] | `Vec<T>` | array; `null` items are skipped on read |
//! | [`SparseList`] | `Vec<Option<T>>` | array; `null` items kept |
//! | [`Map`] | `HashMap<String, T>` | object; `null` values are skipped on read |
//! | [`SparseMap`] | `HashMap<String, Option<T>>` | object; `null` values kept |
//! | `Option<F>` | `Option<T>` | `F`'s form, or `null`/absent for `None` |
//! | [`Same`] | any serde type | the type's own form |
//!
//! [`Redacted`] is what `Debug` prints in place of a `@sensitive` value.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Writes a `T` in a wire format.
pub trait SerializeAs<T: ?Sized> {
    /// Serializes `value` in this format.
    fn serialize_as<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;
}

/// Reads a `T` in a wire format.
pub trait DeserializeAs<'de, T> {
    /// Deserializes a value in this format.
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// Bridges a format `F` to serde's `with` attribute: `#[serde(with = "wire::As::<F>")]`.
pub struct As<F: ?Sized>(PhantomData<F>);

impl<F: ?Sized> As<F> {
    /// Serializes `value` in the format `F`.
    pub fn serialize<T: ?Sized, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        F: SerializeAs<T>,
    {
        F::serialize_as(value, serializer)
    }

    /// Deserializes a value in the format `F`.
    pub fn deserialize<'de, T, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>
    where
        F: DeserializeAs<'de, T>,
    {
        F::deserialize_as(deserializer)
    }
}

/// Serializes a borrowed value through a format.
struct WithFormat<'a, T: ?Sized, F: ?Sized>(&'a T, PhantomData<F>);

impl<T: ?Sized, F: SerializeAs<T> + ?Sized> Serialize for WithFormat<'_, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        F::serialize_as(self.0, serializer)
    }
}

/// Deserializes a value through a format.
struct FromFormat<T, F: ?Sized>(T, PhantomData<F>);

impl<'de, T, F: DeserializeAs<'de, T> + ?Sized> Deserialize<'de> for FromFormat<T, F> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        F::deserialize_as(deserializer).map(|value| FromFormat(value, PhantomData))
    }
}

/// Writes one map entry whose value is in the format `F` (used by generated unions).
pub fn serialize_entry_as<F, T, M>(map: &mut M, key: &str, value: &T) -> Result<(), M::Error>
where
    F: SerializeAs<T>,
    T: ?Sized,
    M: SerializeMap,
{
    map.serialize_entry(key, &WithFormat::<T, F>(value, PhantomData))
}

/// Reads the value of a map entry in the format `F` (used by generated unions).
pub fn next_value_as<'de, F, T, A>(map: &mut A) -> Result<T, A::Error>
where
    F: DeserializeAs<'de, T>,
    A: MapAccess<'de>,
{
    map.next_value::<FromFormat<T, F>>().map(|value| value.0)
}

/// The type's own serde implementation.
pub struct Same;

impl<T: Serialize + ?Sized> SerializeAs<T> for Same {
    fn serialize_as<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> DeserializeAs<'de, T> for Same {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

impl<T, F: SerializeAs<T>> SerializeAs<Option<T>> for Option<F> {
    fn serialize_as<S: Serializer>(value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&WithFormat::<T, F>(value, PhantomData)),
            None => serializer.serialize_none(),
        }
    }
}

impl<'de, T, F: DeserializeAs<'de, T>> DeserializeAs<'de, Option<T>> for Option<F> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
        let value: Option<FromFormat<T, F>> = Deserialize::deserialize(deserializer)?;
        Ok(value.map(|v| v.0))
    }
}

/// A list whose `null` items are skipped on read.
pub struct List<F = Same>(PhantomData<F>);

/// A list whose `null` items are kept (`@sparse`).
pub struct SparseList<F = Same>(PhantomData<F>);

fn serialize_seq<'a, T: 'a, F, S>(items: impl ExactSizeIterator<Item = &'a T>, serializer: S) -> Result<S::Ok, S::Error>
where
    F: SerializeAs<T>,
    S: Serializer,
{
    let mut seq = serializer.serialize_seq(Some(items.len()))?;
    for item in items {
        seq.serialize_element(&WithFormat::<T, F>(item, PhantomData))?;
    }
    seq.end()
}

impl<T, F: SerializeAs<T>> SerializeAs<Vec<T>> for List<F> {
    fn serialize_as<S: Serializer>(value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_seq::<T, F, S>(value.iter(), serializer)
    }
}

impl<T, F: SerializeAs<T>> SerializeAs<Vec<Option<T>>> for SparseList<F> {
    fn serialize_as<S: Serializer>(value: &Vec<Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_seq::<Option<T>, Option<F>, S>(value.iter(), serializer)
    }
}

/// What a collection does with `null` items: dense ones skip them, sparse ones keep them.
trait Nulls {
    /// The element type for items of type `T`.
    type Element<T>;

    /// The element for an item that may be `null`, or `None` to skip it.
    fn element<T>(item: Option<T>) -> Option<Self::Element<T>>;
}

/// Dense collections: `null` items are skipped.
struct SkipNulls;

impl Nulls for SkipNulls {
    type Element<T> = T;

    fn element<T>(item: Option<T>) -> Option<T> {
        item
    }
}

/// Sparse collections: `null` items are kept as `None`.
struct KeepNulls;

impl Nulls for KeepNulls {
    type Element<T> = Option<T>;

    fn element<T>(item: Option<T>) -> Option<Option<T>> {
        Some(item)
    }
}

/// Reads a JSON array straight into a `Vec`, item by item.
struct SeqVisitor<T, F, N>(PhantomData<(T, F, N)>);

impl<'de, T, F, N> Visitor<'de> for SeqVisitor<T, F, N>
where
    F: DeserializeAs<'de, T>,
    N: Nulls,
{
    type Value = Vec<N::Element<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element::<Option<FromFormat<T, F>>>()? {
            if let Some(element) = N::element(item.map(|i| i.0)) {
                out.push(element);
            }
        }
        Ok(out)
    }
}

impl<'de, T, F: DeserializeAs<'de, T>> DeserializeAs<'de, Vec<T>> for List<F> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Vec<T>, D::Error> {
        deserializer.deserialize_seq(SeqVisitor::<T, F, SkipNulls>(PhantomData))
    }
}

impl<'de, T, F: DeserializeAs<'de, T>> DeserializeAs<'de, Vec<Option<T>>> for SparseList<F> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Option<T>>, D::Error> {
        deserializer.deserialize_seq(SeqVisitor::<T, F, KeepNulls>(PhantomData))
    }
}

/// A map whose `null` values are skipped on read.
pub struct Map<F = Same>(PhantomData<F>);

/// A map whose `null` values are kept (`@sparse`).
pub struct SparseMap<F = Same>(PhantomData<F>);

fn serialize_map<'a, T: 'a, F, S>(
    len: usize,
    entries: impl Iterator<Item = (&'a String, &'a T)>,
    serializer: S,
) -> Result<S::Ok, S::Error>
where
    F: SerializeAs<T>,
    S: Serializer,
{
    let mut map = serializer.serialize_map(Some(len))?;
    for (key, value) in entries {
        map.serialize_entry(key, &WithFormat::<T, F>(value, PhantomData))?;
    }
    map.end()
}

impl<T, F: SerializeAs<T>> SerializeAs<HashMap<String, T>> for Map<F> {
    fn serialize_as<S: Serializer>(value: &HashMap<String, T>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_map::<T, F, S>(value.len(), value.iter(), serializer)
    }
}

impl<T, F: SerializeAs<T>> SerializeAs<HashMap<String, Option<T>>> for SparseMap<F> {
    fn serialize_as<S: Serializer>(value: &HashMap<String, Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        serialize_map::<Option<T>, Option<F>, S>(value.len(), value.iter(), serializer)
    }
}

/// Reads a JSON object straight into a `HashMap`, entry by entry.
struct MapVisitor<T, F, N>(PhantomData<(T, F, N)>);

impl<'de, T, F, N> Visitor<'de> for MapVisitor<T, F, N>
where
    F: DeserializeAs<'de, T>,
    N: Nulls,
{
    type Value = HashMap<String, N::Element<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some((key, value)) = map.next_entry::<String, Option<FromFormat<T, F>>>()? {
            if let Some(element) = N::element(value.map(|v| v.0)) {
                out.insert(key, element);
            }
        }
        Ok(out)
    }
}

impl<'de, T, F: DeserializeAs<'de, T>> DeserializeAs<'de, HashMap<String, T>> for Map<F> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<String, T>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<T, F, SkipNulls>(PhantomData))
    }
}

impl<'de, T, F: DeserializeAs<'de, T>> DeserializeAs<'de, HashMap<String, Option<T>>> for SparseMap<F> {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<HashMap<String, Option<T>>, D::Error> {
        deserializer.deserialize_map(MapVisitor::<T, F, KeepNulls>(PhantomData))
    }
}

/// Seconds since the Unix epoch, as a JSON number with an optional fraction.
///
/// Whole seconds are written as integers, others as decimals. Integers and decimals are both
/// read. A JSON number is an `f64`, which holds present-day instants to about a quarter of a
/// microsecond, so fractions are read to the nearest microsecond: `1.700000000123E9` is
/// exactly `.123` seconds, not `.122999907`.
pub struct EpochSeconds;

impl SerializeAs<OffsetDateTime> for EpochSeconds {
    fn serialize_as<S: Serializer>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let seconds = value.unix_timestamp();
        match value.nanosecond() {
            0 => serializer.serialize_i64(seconds),
            nanos => serializer.serialize_f64(seconds as f64 + f64::from(nanos) / 1e9),
        }
    }
}

impl<'de> DeserializeAs<'de, OffsetDateTime> for EpochSeconds {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
        deserializer.deserialize_any(EpochSecondsVisitor)
    }
}

struct EpochSecondsVisitor;

impl Visitor<'_> for EpochSecondsVisitor {
    type Value = OffsetDateTime;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a timestamp in seconds since 1970-01-01T00:00:00Z")
    }

    fn visit_i64<E: de::Error>(self, seconds: i64) -> Result<OffsetDateTime, E> {
        OffsetDateTime::from_unix_timestamp(seconds)
            .map_err(|_| E::custom(format!("timestamp {seconds} is out of range")))
    }

    fn visit_u64<E: de::Error>(self, seconds: u64) -> Result<OffsetDateTime, E> {
        let seconds = i64::try_from(seconds).map_err(|_| E::custom(format!("timestamp {seconds} is out of range")))?;
        self.visit_i64(seconds)
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<OffsetDateTime, E> {
        let out_of_range = || E::custom(format!("timestamp {value} is out of range"));
        if !value.is_finite() || value.abs() > 1e15 {
            return Err(out_of_range());
        }
        let seconds = value.floor();
        let mut micros = ((value - seconds) * 1e6).round() as i64;
        let mut seconds = seconds as i64;
        if micros >= 1_000_000 {
            seconds += 1;
            micros -= 1_000_000;
        }
        let nanos = micros * 1_000;
        let whole = OffsetDateTime::from_unix_timestamp(seconds).map_err(|_| out_of_range())?;
        whole.replace_nanosecond(nanos as u32).map_err(|_| out_of_range())
    }
}

/// RFC 3339 date-time text, e.g. `1985-04-12T23:20:50.52Z`. Written in UTC.
pub struct DateTime;

impl SerializeAs<OffsetDateTime> for DateTime {
    fn serialize_as<S: Serializer>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let text = value
            .to_offset(time::UtcOffset::UTC)
            .format(&time::format_description::well_known::Rfc3339)
            .map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> DeserializeAs<'de, OffsetDateTime> for DateTime {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339).map_err(de::Error::custom)
    }
}

/// IMF-fixdate text (RFC 7231), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. Written in UTC.
pub struct HttpDate;

const HTTP_DATE: &[time::format_description::BorrowedFormatItem<'static>] = time::macros::format_description!(
    "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
);

impl SerializeAs<OffsetDateTime> for HttpDate {
    fn serialize_as<S: Serializer>(value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let text = value.to_offset(time::UtcOffset::UTC).format(HTTP_DATE).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

impl<'de> DeserializeAs<'de, OffsetDateTime> for HttpDate {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<OffsetDateTime, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        time::PrimitiveDateTime::parse(&text, HTTP_DATE)
            .map(time::PrimitiveDateTime::assume_utc)
            .map_err(de::Error::custom)
    }
}

/// Bytes as base64 text. Padding is written, and optional on read.
pub struct Base64;

const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

impl SerializeAs<Vec<u8>> for Base64 {
    fn serialize_as<S: Serializer>(value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::Engine::encode(&BASE64, value))
    }
}

impl<'de> DeserializeAs<'de, Vec<u8>> for Base64 {
    fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        base64::Engine::decode(&BASE64, text.as_bytes()).map_err(de::Error::custom)
    }
}

/// A float that may be `NaN` or infinite: those are the strings `"NaN"`, `"Infinity"` and
/// `"-Infinity"` on the wire.
pub struct Float;

macro_rules! float_format {
    ($float:ty, $serialize:ident) => {
        impl SerializeAs<$float> for Float {
            fn serialize_as<S: Serializer>(value: &$float, serializer: S) -> Result<S::Ok, S::Error> {
                match *value {
                    v if v.is_nan() => serializer.serialize_str("NaN"),
                    v if v == <$float>::INFINITY => serializer.serialize_str("Infinity"),
                    v if v == <$float>::NEG_INFINITY => serializer.serialize_str("-Infinity"),
                    v => serializer.$serialize(v),
                }
            }
        }

        impl<'de> DeserializeAs<'de, $float> for Float {
            fn deserialize_as<D: Deserializer<'de>>(deserializer: D) -> Result<$float, D::Error> {
                // Narrowing to f32 is the documented meaning of a Smithy `float`.
                deserializer.deserialize_any(FloatVisitor).map(|v| v as $float)
            }
        }
    };
}

float_format!(f32, serialize_f32);
float_format!(f64, serialize_f64);

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or \"NaN\", \"Infinity\" or \"-Infinity\"")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        match v {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
}

/// Reads a string enum without allocating for known values: `T::from(&str)` picks the variant.
pub fn deserialize_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct EnumVisitor<T>(PhantomData<T>);

    impl<T: for<'a> From<&'a str> + From<String>> Visitor<'_> for EnumVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            Ok(T::from(v))
        }

        fn visit_string<E: de::Error>(self, v: String) -> Result<T, E> {
            Ok(T::from(v))
        }
    }

    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

/// The digits of a `bigInteger` or `bigDecimal`, kept exactly as they appear on the wire.
///
/// No precision is lost in either direction. Convert with [`str::parse`] into the arbitrary
/// precision type of your choice; build one from text with [`BigNumber::new`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BigNumber(String);

/// Zero: what a required member that is missing on the wire reads as.
impl Default for BigNumber {
    fn default() -> Self {
        BigNumber("0".to_owned())
    }
}

impl BigNumber {
    /// Wraps the text of a JSON number; `None` if `digits` is not one.
    pub fn new(digits: impl Into<String>) -> Option<BigNumber> {
        let digits = digits.into();
        is_json_number(&digits).then_some(BigNumber(digits))
    }

    /// The number's text, exactly as received.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
fn is_json_number(text: &str) -> bool {
    fn digits(bytes: &[u8]) -> usize {
        bytes.iter().take_while(|b| b.is_ascii_digit()).count()
    }
    let bytes = text.as_bytes();
    let mut i = usize::from(bytes.first() == Some(&b'-'));
    match bytes.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => i += digits(&bytes[i..]),
        _ => return false,
    }
    if bytes.get(i) == Some(&b'.') {
        let n = digits(&bytes[i + 1..]);
        if n == 0 {
            return false;
        }
        i += 1 + n;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let n = digits(&bytes[i..]);
        if n == 0 {
            return false;
        }
        i += n;
    }
    i == bytes.len()
}

impl fmt::Display for BigNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for BigNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = serde_json::value::RawValue::from_string(self.0.clone()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for BigNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = <Box<serde_json::value::RawValue>>::deserialize(deserializer)?;
        BigNumber::new(raw.get().trim())
            .ok_or_else(|| de::Error::invalid_value(de::Unexpected::Other(raw.get()), &"a JSON number"))
    }
}

/// An empty object, `{}`: the body of an operation without input or output
/// (`smithy.api#Unit`), and the value of a union member that targets `smithy.api#Unit`. Reads
/// any value (and, through `Operation::read_output`, an empty body).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Empty;

impl Serialize for Empty {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_map(Some(0))?.end()
    }
}

impl<'de> Deserialize<'de> for Empty {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        de::IgnoredAny::deserialize(deserializer).map(|_| Empty)
    }
}

/// What `Debug` prints in place of a value that the model marks `@sensitive`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("*** Sensitive Data Redacted ***")
    }
}
