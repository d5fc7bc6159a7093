//! How values are read and written: in JSON on the wire (with the crate's JSON reader and
//! writer, [`crate::json`]) and in their serde form, the same way in both.
//!
//! A value whose own form is its wire form implements [`Json`] (strings, booleans, integers,
//! big numbers, documents, and every generated type); it is read and written in the format
//! [`Same`]. The other formats say how a Rust type appears on the wire:
//!
//! | Format | Rust type | JSON |
//! | --- | --- | --- |
//! | [`Same`] | a [`Json`] type | the type's own form |
//! | [`Float`] | `f32`, `f64` | number, or `"NaN"`, `"Infinity"`, `"-Infinity"` |
//! | [`EpochSeconds`] | `time::OffsetDateTime` | seconds since 1970 as a number, fraction allowed |
//! | [`DateTime`] | `time::OffsetDateTime` | RFC 3339 text |
//! | [`HttpDate`] | `time::OffsetDateTime` | IMF-fixdate text (`Sun, 06 Nov 1994 08:49:37 GMT`) |
//! | [`Base64`] | `Vec<u8>` | base64 text (padding optional on read) |
//! | [`Opt`] | `Option<T>` | the value, or `null`/absent for `None` |
//! | [`List`] | `Vec<T>` | array; `null` items are skipped on read |
//! | [`SparseList`] | `Vec<Option<T>>` | array; `null` items kept |
//! | [`Map`] | `HashMap<String, T>` | object; `null` values are skipped on read |
//! | [`SparseMap`] | `HashMap<String, Option<T>>` | object; `null` values kept |
//! | [`Boxed`] | `Box<T>` | the value's form |
//!
//! Formats are values (`List(EpochSeconds)`), so generated code names a member's format where it
//! reads or writes it. [`As`] makes any format usable in `#[serde(with = "...")]` in your own
//! types.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::json::{self, Kind, Reader, Writer};

/// A value whose wire form is its own: it reads and writes itself in JSON.
pub trait Json: Sized {
    /// Reads one value.
    fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error>;

    /// Reads one value onto the end of `items` (structures read in place).
    #[inline(always)]
    fn push_json(r: &mut Reader<'_>, items: &mut Vec<Self>) -> Result<(), json::Error> {
        items.push(Self::read_json(r)?);
        Ok(())
    }

    /// Writes the value.
    fn write_json(&self, w: &mut Writer);
}

/// How values of type `T` are read and written, on the wire and through serde.
pub trait Format<T>: Copy {
    /// Reads a value from JSON.
    fn read(self, r: &mut Reader<'_>) -> Result<T, json::Error>;

    /// Writes a value as JSON.
    fn write(self, value: &T, w: &mut Writer);

    /// Writes a value through serde.
    fn serialize<S: Serializer>(self, value: &T, serializer: S) -> Result<S::Ok, S::Error>;

    /// Reads a value through serde.
    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error>;

    /// Reads a value onto the end of `items`.
    #[inline(always)]
    fn read_push(self, r: &mut Reader<'_>, items: &mut Vec<T>) -> Result<(), json::Error> {
        items.push(self.read(r)?);
        Ok(())
    }

    /// Reads a structure member's value into `slot`; `null` leaves it as it is.
    #[inline(always)]
    fn read_member(self, r: &mut Reader<'_>, slot: &mut T) -> Result<(), json::Error> {
        if !r.null()? {
            *slot = self.read(r)?;
        }
        Ok(())
    }

    /// Whether the value is left out of its object: an unset optional member.
    fn is_absent(self, value: &T) -> bool {
        let _ = value;
        false
    }
}

/// Reads a whole JSON body as a `T`; an empty body (or only white space) reads as `{}`.
pub fn from_json<T: Json>(body: &[u8]) -> Result<T, json::Error> {
    let body = if body.iter().all(u8::is_ascii_whitespace) { b"{}" } else { body };
    let mut r = Reader::new(body)?;
    let value = T::read_json(&mut r)?;
    r.finish()?;
    Ok(value)
}

/// Writes a `T` as a JSON body.
pub fn to_json<T: Json>(value: &T) -> Vec<u8> {
    let mut w = Writer::with_capacity(256);
    value.write_json(&mut w);
    w.into_bytes()
}

/// A serde value written in a format.
pub(crate) struct WithFormat<'a, T, F>(pub(crate) &'a T, pub(crate) F);

impl<T, F: Format<T>> Serialize for WithFormat<'_, T, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.1.serialize(self.0, serializer)
    }
}

/// A serde value read in a format.
pub(crate) struct FormatSeed<T, F>(pub(crate) F, pub(crate) PhantomData<T>);

impl<'de, T, F: Format<T>> DeserializeSeed<'de> for FormatSeed<T, F> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        self.0.deserialize(deserializer)
    }
}

/// A value read in a format, or `None` for `null`.
pub(crate) struct OptionSeed<T, F>(pub(crate) F, pub(crate) PhantomData<T>);

impl<'de, T, F: Format<T>> DeserializeSeed<'de> for OptionSeed<T, F> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, T, F: Format<T>> Visitor<'de> for OptionSeed<T, F> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        self.0.deserialize(deserializer).map(Some)
    }
}

/// Bridges a format to serde's `with` attribute in your own types:
/// `#[serde(with = "wire::As::<wire::EpochSeconds>")]`.
pub struct As<F>(PhantomData<F>);

impl<F: Default> As<F> {
    /// Serializes `value` in the format `F`.
    pub fn serialize<T, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>
    where
        F: Format<T>,
    {
        F::default().serialize(value, serializer)
    }

    /// Deserializes a value in the format `F`.
    pub fn deserialize<'de, T, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>
    where
        F: Format<T>,
    {
        F::default().deserialize(deserializer)
    }
}

/// The value's own form (see [`Json`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Same;

impl<T: Json + Serialize + for<'de> Deserialize<'de>> Format<T> for Same {
    #[inline(always)]
    fn read(self, r: &mut Reader<'_>) -> Result<T, json::Error> {
        T::read_json(r)
    }

    #[inline(always)]
    fn read_push(self, r: &mut Reader<'_>, items: &mut Vec<T>) -> Result<(), json::Error> {
        T::push_json(r, items)
    }

    fn write(self, value: &T, w: &mut Writer) {
        value.write_json(w);
    }

    fn serialize<S: Serializer>(self, value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

impl Json for String {
    #[inline(always)]
    fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error> {
        r.string()
    }

    fn write_json(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl Json for bool {
    #[inline]
    fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error> {
        r.bool()
    }

    fn write_json(&self, w: &mut Writer) {
        w.bool(*self);
    }
}

macro_rules! integer {
    ($($int:ident)*) => {$(
        impl Json for $int {
            fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error> {
                r.$int()
            }

            fn write_json(&self, w: &mut Writer) {
                w.i64(i64::from(*self));
            }
        }
    )*};
}

integer!(i8 i16 i32 i64);

/// A document (`smithy.api#Document`): any JSON, kept as [`serde_json::Value`].
impl Json for serde_json::Value {
    fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error> {
        let at = r.offset();
        let text = r.raw()?;
        serde_json::from_str(text).map_err(|e| r.error(at, format!("a document that serde_json cannot hold: {e}")))
    }

    fn write_json(&self, w: &mut Writer) {
        w.raw(&self.to_string());
    }
}

/// An optional value: `null` or absent for `None`, the inner format's form for `Some`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Opt<F = Same>(pub F);

impl<T, F: Format<T>> Format<Option<T>> for Opt<F> {
    #[inline]
    fn read(self, r: &mut Reader<'_>) -> Result<Option<T>, json::Error> {
        if r.null()? {
            Ok(None)
        } else {
            self.0.read(r).map(Some)
        }
    }

    #[inline(always)]
    fn read_member(self, r: &mut Reader<'_>, slot: &mut Option<T>) -> Result<(), json::Error> {
        if !r.null()? {
            *slot = Some(self.0.read(r)?);
        }
        Ok(())
    }

    fn write(self, value: &Option<T>, w: &mut Writer) {
        match value {
            Some(value) => self.0.write(value, w),
            None => w.null(),
        }
    }

    fn serialize<S: Serializer>(self, value: &Option<T>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(value) => serializer.serialize_some(&WithFormat(value, self.0)),
            None => serializer.serialize_none(),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        OptionSeed(self.0, PhantomData).deserialize(deserializer)
    }

    fn is_absent(self, value: &Option<T>) -> bool {
        value.is_none()
    }
}

/// A boxed value (it keeps a recursive type finite): the inner value's form.
#[derive(Clone, Copy, Debug, Default)]
pub struct Boxed<F>(pub F);

impl<T, F: Format<T>> Format<Box<T>> for Boxed<F> {
    fn read(self, r: &mut Reader<'_>) -> Result<Box<T>, json::Error> {
        self.0.read(r).map(Box::new)
    }

    fn write(self, value: &Box<T>, w: &mut Writer) {
        self.0.write(value, w);
    }

    fn serialize<S: Serializer>(self, value: &Box<T>, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(value, serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<Box<T>, D::Error> {
        self.0.deserialize(deserializer).map(Box::new)
    }
}

/// Lists grow to at least this many items before they first reallocate: lists on the wire
/// rarely hold fewer, and it saves the small growth steps.
const LIST_CAPACITY: usize = 8;

/// A list whose `null` items are skipped on read.
#[derive(Clone, Copy, Debug, Default)]
pub struct List<F = Same>(pub F);

/// A list whose `null` items are kept (`@sparse`).
#[derive(Clone, Copy, Debug, Default)]
pub struct SparseList<F = Same>(pub F);

impl<T, F: Format<T>> Format<Vec<T>> for List<F> {
    #[inline]
    fn read(self, r: &mut Reader<'_>) -> Result<Vec<T>, json::Error> {
        let mut items = Vec::with_capacity(LIST_CAPACITY);
        let mut array = r.array()?;
        while r.next_item(&mut array)? {
            if !r.null()? {
                self.0.read_push(r, &mut items)?;
            }
        }
        Ok(items)
    }

    fn write(self, value: &Vec<T>, w: &mut Writer) {
        w.begin_array();
        for item in value {
            self.0.write(item, w);
        }
        w.end_array();
    }

    fn serialize<S: Serializer>(self, value: &Vec<T>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(value.len()))?;
        for item in value {
            seq.serialize_element(&WithFormat(item, self.0))?;
        }
        seq.end()
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<T>, D::Error> {
        let items = deserializer.deserialize_seq(SeqVisitor(self.0, PhantomData))?;
        Ok(items.into_iter().flatten().collect())
    }
}

impl<T, F: Format<T>> Format<Vec<Option<T>>> for SparseList<F> {
    fn read(self, r: &mut Reader<'_>) -> Result<Vec<Option<T>>, json::Error> {
        let mut items = Vec::with_capacity(LIST_CAPACITY);
        let mut array = r.array()?;
        while r.next_item(&mut array)? {
            items.push(Opt(self.0).read(r)?);
        }
        Ok(items)
    }

    fn write(self, value: &Vec<Option<T>>, w: &mut Writer) {
        List(Opt(self.0)).write(value, w);
    }

    fn serialize<S: Serializer>(self, value: &Vec<Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        List(Opt(self.0)).serialize(value, serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Option<T>>, D::Error> {
        deserializer.deserialize_seq(SeqVisitor(self.0, PhantomData))
    }
}

/// Reads an array's items, `None` for `null`.
struct SeqVisitor<T, F>(F, PhantomData<T>);

impl<'de, T, F: Format<T>> Visitor<'de> for SeqVisitor<T, F> {
    type Value = Vec<Option<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(item) = seq.next_element_seed(OptionSeed(self.0, PhantomData))? {
            out.push(item);
        }
        Ok(out)
    }
}

/// A map whose `null` values are skipped on read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Map<F = Same>(pub F);

/// A map whose `null` values are kept (`@sparse`).
#[derive(Clone, Copy, Debug, Default)]
pub struct SparseMap<F = Same>(pub F);

impl<T, F: Format<T>> Format<HashMap<String, T>> for Map<F> {
    fn read(self, r: &mut Reader<'_>) -> Result<HashMap<String, T>, json::Error> {
        let mut map = HashMap::new();
        let mut object = r.object()?;
        while let Some(key) = r.next_key(&mut object)? {
            if !r.null()? {
                map.insert(key.into_owned(), self.0.read(r)?);
            }
        }
        Ok(map)
    }

    fn write(self, value: &HashMap<String, T>, w: &mut Writer) {
        w.begin_object();
        for (key, item) in value {
            w.key(key);
            self.0.write(item, w);
        }
        w.end_object();
    }

    fn serialize<S: Serializer>(self, value: &HashMap<String, T>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(value.len()))?;
        for (key, item) in value {
            map.serialize_entry(key, &WithFormat(item, self.0))?;
        }
        map.end()
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<HashMap<String, T>, D::Error> {
        let map = deserializer.deserialize_map(MapVisitor(self.0, PhantomData))?;
        Ok(map.into_iter().filter_map(|(k, v)| Some((k, v?))).collect())
    }
}

impl<T, F: Format<T>> Format<HashMap<String, Option<T>>> for SparseMap<F> {
    fn read(self, r: &mut Reader<'_>) -> Result<HashMap<String, Option<T>>, json::Error> {
        let mut map = HashMap::new();
        let mut object = r.object()?;
        while let Some(key) = r.next_key(&mut object)? {
            map.insert(key.into_owned(), Opt(self.0).read(r)?);
        }
        Ok(map)
    }

    fn write(self, value: &HashMap<String, Option<T>>, w: &mut Writer) {
        Map(Opt(self.0)).write(value, w);
    }

    fn serialize<S: Serializer>(self, value: &HashMap<String, Option<T>>, serializer: S) -> Result<S::Ok, S::Error> {
        Map(Opt(self.0)).serialize(value, serializer)
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<HashMap<String, Option<T>>, D::Error> {
        deserializer.deserialize_map(MapVisitor(self.0, PhantomData))
    }
}

/// Reads an object's entries, `None` for `null` values.
struct MapVisitor<T, F>(F, PhantomData<T>);

impl<'de, T, F: Format<T>> Visitor<'de> for MapVisitor<T, F> {
    type Value = HashMap<String, Option<T>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = HashMap::with_capacity(map.size_hint().unwrap_or(0).min(4096));
        while let Some(key) = map.next_key::<String>()? {
            out.insert(key, map.next_value_seed(OptionSeed(self.0, PhantomData))?);
        }
        Ok(out)
    }
}

/// A float that may be `NaN` or infinite: those are the strings `"NaN"`, `"Infinity"` and
/// `"-Infinity"` on the wire.
#[derive(Clone, Copy, Debug, Default)]
pub struct Float;

/// The string a non-finite float is written as, or `None` for a finite one.
fn non_finite(value: f64) -> Option<&'static str> {
    if value.is_nan() {
        Some("NaN")
    } else if value.is_infinite() {
        Some(if value > 0.0 { "Infinity" } else { "-Infinity" })
    } else {
        None
    }
}

/// Reads a float, or one of the strings of [`non_finite`].
fn read_float<'a, T>(
    r: &mut Reader<'a>,
    number: impl FnOnce(&mut Reader<'a>) -> Result<T, json::Error>,
    nan: T,
    infinity: T,
    minus: T,
) -> Result<T, json::Error> {
    if r.peek()? != Kind::String {
        return number(r);
    }
    let at = r.offset();
    match &*r.str()? {
        "NaN" => Ok(nan),
        "Infinity" => Ok(infinity),
        "-Infinity" => Ok(minus),
        other => {
            Err(r.error(at, format!("expected a number, or \"NaN\", \"Infinity\" or \"-Infinity\", found {other:?}")))
        }
    }
}

macro_rules! float_format {
    ($float:ident, $serialize:ident) => {
        impl Format<$float> for Float {
            fn read(self, r: &mut Reader<'_>) -> Result<$float, json::Error> {
                read_float(r, |r| r.$float(), $float::NAN, $float::INFINITY, $float::NEG_INFINITY)
            }

            fn write(self, value: &$float, w: &mut Writer) {
                match non_finite(f64::from(*value)) {
                    Some(text) => w.string(text),
                    None => w.$float(*value),
                }
            }

            fn serialize<S: Serializer>(self, value: &$float, serializer: S) -> Result<S::Ok, S::Error> {
                match non_finite(f64::from(*value)) {
                    Some(text) => serializer.serialize_str(text),
                    None => serializer.$serialize(*value),
                }
            }

            fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<$float, D::Error> {
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

/// Seconds since the Unix epoch, as a JSON number with an optional fraction.
///
/// Whole seconds are written as integers, others as decimals. Integers and decimals are both
/// read, to the microsecond: `1.700000000123E9` is exactly `.123` seconds.
#[derive(Clone, Copy, Debug, Default)]
pub struct EpochSeconds;

impl Format<OffsetDateTime> for EpochSeconds {
    #[inline(always)]
    fn read(self, r: &mut Reader<'_>) -> Result<OffsetDateTime, json::Error> {
        let at = r.offset();
        let (seconds, nanoseconds) = r.epoch_seconds()?;
        OffsetDateTime::from_unix_timestamp(seconds)
            .ok()
            .and_then(|t| t.replace_nanosecond(nanoseconds).ok())
            .ok_or_else(|| r.error(at, "the timestamp is out of range"))
    }

    fn write(self, value: &OffsetDateTime, w: &mut Writer) {
        w.epoch_seconds(value.unix_timestamp(), value.nanosecond());
    }

    fn serialize<S: Serializer>(self, value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        let seconds = value.unix_timestamp();
        match value.nanosecond() {
            0 => serializer.serialize_i64(seconds),
            nanos => serializer.serialize_f64(seconds as f64 + f64::from(nanos) / 1e9),
        }
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<OffsetDateTime, D::Error> {
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
        epoch_seconds(value).ok_or_else(|| E::custom(format!("timestamp {value} is out of range")))
    }
}

/// The instant `seconds` after 1970 (a fraction read to the nearest microsecond), or `None`
/// outside the years -9999 to 9999.
pub fn epoch_seconds(value: f64) -> Option<OffsetDateTime> {
    if !value.is_finite() || value.abs() > 1e15 {
        return None;
    }
    let seconds = value.floor();
    let mut micros = ((value - seconds) * 1e6).round() as i64;
    let mut seconds = seconds as i64;
    if micros >= 1_000_000 {
        seconds += 1;
        micros -= 1_000_000;
    }
    let whole = OffsetDateTime::from_unix_timestamp(seconds).ok()?;
    whole.replace_nanosecond((micros * 1_000) as u32).ok()
}

/// A timestamp read from, and written as, text.
fn text_format<'de, D: Deserializer<'de>>(
    deserializer: D,
    parse: fn(&str) -> Option<OffsetDateTime>,
    what: &'static str,
) -> Result<OffsetDateTime, D::Error> {
    let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
    parse(&text).ok_or_else(|| de::Error::custom(format!("not {what}: {text:?}")))
}

/// RFC 3339 date-time text, e.g. `1985-04-12T23:20:50.52Z`. Written in UTC.
#[derive(Clone, Copy, Debug, Default)]
pub struct DateTime;

impl Format<OffsetDateTime> for DateTime {
    fn read(self, r: &mut Reader<'_>) -> Result<OffsetDateTime, json::Error> {
        let at = r.offset();
        let text = r.str()?;
        parse_date_time(&text).ok_or_else(|| r.error(at, format!("not an RFC 3339 date-time: {text:?}")))
    }

    fn write(self, value: &OffsetDateTime, w: &mut Writer) {
        // A year that RFC 3339 cannot write (before 0 or after 9999) is written as seconds.
        match date_time_text(value) {
            Ok(text) => w.string(&text),
            Err(_) => EpochSeconds.write(value, w),
        }
    }

    fn serialize<S: Serializer>(self, value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&date_time_text(value).map_err(serde::ser::Error::custom)?)
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<OffsetDateTime, D::Error> {
        text_format(deserializer, parse_date_time, "an RFC 3339 date-time")
    }
}

/// RFC 3339 text of an instant, in UTC; an error for years RFC 3339 cannot write (before 0 or
/// after 9999).
pub fn date_time_text(value: &OffsetDateTime) -> Result<String, time::error::Format> {
    value.to_offset(time::UtcOffset::UTC).format(&time::format_description::well_known::Rfc3339)
}

/// Reads RFC 3339 text (any offset).
pub fn parse_date_time(text: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).ok()
}

/// IMF-fixdate text (RFC 7231), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`. Written in UTC.
#[derive(Clone, Copy, Debug, Default)]
pub struct HttpDate;

/// IMF-fixdate as a `time` format description, parsed once on first use: `time`'s
/// `format_description!` macro would add a proc-macro crate (`time-macros`) to every build.
static HTTP_DATE: std::sync::LazyLock<Vec<time::format_description::BorrowedFormatItem<'static>>> =
    std::sync::LazyLock::new(|| {
        time::format_description::parse_borrowed::<2>(
            "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT",
        )
        .expect("the IMF-fixdate description is valid")
    });

impl Format<OffsetDateTime> for HttpDate {
    fn read(self, r: &mut Reader<'_>) -> Result<OffsetDateTime, json::Error> {
        let at = r.offset();
        let text = r.str()?;
        parse_http_date(&text).ok_or_else(|| r.error(at, format!("not an HTTP date: {text:?}")))
    }

    fn write(self, value: &OffsetDateTime, w: &mut Writer) {
        match http_date_text(value) {
            Ok(text) => w.string(&text),
            Err(_) => EpochSeconds.write(value, w),
        }
    }

    fn serialize<S: Serializer>(self, value: &OffsetDateTime, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&http_date_text(value).map_err(serde::ser::Error::custom)?)
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<OffsetDateTime, D::Error> {
        text_format(deserializer, parse_http_date, "an HTTP date")
    }
}

/// IMF-fixdate text of an instant, in UTC; an error for years it cannot write.
pub fn http_date_text(value: &OffsetDateTime) -> Result<String, time::error::Format> {
    value.to_offset(time::UtcOffset::UTC).format(HTTP_DATE.as_slice())
}

/// Reads IMF-fixdate text.
pub fn parse_http_date(text: &str) -> Option<OffsetDateTime> {
    time::PrimitiveDateTime::parse(text, HTTP_DATE.as_slice()).map(time::PrimitiveDateTime::assume_utc).ok()
}

/// Bytes as base64 text. Padding is written, and optional on read.
#[derive(Clone, Copy, Debug, Default)]
pub struct Base64;

const BASE64: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

impl Format<Vec<u8>> for Base64 {
    fn read(self, r: &mut Reader<'_>) -> Result<Vec<u8>, json::Error> {
        let at = r.offset();
        let text = r.str()?;
        base64::Engine::decode(&BASE64, text.as_bytes()).map_err(|e| r.error(at, format!("not base64: {e}")))
    }

    fn write(self, value: &Vec<u8>, w: &mut Writer) {
        w.string(&base64::Engine::encode(&BASE64, value));
    }

    fn serialize<S: Serializer>(self, value: &Vec<u8>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&base64::Engine::encode(&BASE64, value))
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        base64::Engine::decode(&BASE64, text.as_bytes()).map_err(de::Error::custom)
    }
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

impl Json for BigNumber {
    fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error> {
        r.number().map(|digits| BigNumber(digits.to_owned()))
    }

    fn write_json(&self, w: &mut Writer) {
        w.raw(&self.0);
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

/// An empty object, `{}`: the value of an operation without input or output
/// (`smithy.api#Unit`), and of a union member that targets `smithy.api#Unit`. Reads any value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Empty;

impl Json for Empty {
    fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error> {
        r.skip().map(|()| Empty)
    }

    fn write_json(&self, w: &mut Writer) {
        w.begin_object();
        w.end_object();
    }
}

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
