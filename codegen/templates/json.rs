//! A JSON reader and writer for the generated code: std only, no `unsafe`.
//!
//! # Why not serde_json
//!
//! Reading is what a client does most, and serde's data model costs time on the read path that a
//! code generator does not need to spend: every member name goes through a `Visitor` and a
//! string match, every value through a generic `Deserializer` call. Measured on a 10,000-user
//! `ListUsers` body (the repository's `bench/peers`, same run, medians of CPU time), the same
//! types read through serde derives take 1,603 ns per user, the official AWS SDK's deserializer
//! 1,950, and this reader, called by code written as the generator emits it, 933: 2.1× the
//! SDK (serde-based readers of these types stop at about 1.3×). What makes the difference:
//!
//! - the input is checked as UTF-8 once, up front, so strings are sliced out of it without
//!   being checked again (a string without escapes is borrowed);
//! - member names are matched speculatively: [`Reader::next_field`] first compares the input
//!   with the *next* member of the model in order, `"Name"`, byte for byte, and only when that
//!   fails reads the name (escapes included) and looks it up. Services write members in model
//!   order, so nearly every name costs one comparison of a few bytes;
//! - numbers are read with an exact fast path (integers, and decimals whose digits and
//!   exponent fit an `f64` exactly), falling back to `str::parse`, which rounds correctly;
//! - epoch-second timestamps are read from the number's digits, exactly to the microsecond,
//!   without floating point.
//!
//! # What it accepts
//!
//! Exactly JSON (RFC 8259), as serde_json does: for any bytes, reading one whole value through
//! the typed readers (then [`Reader::finish`]) succeeds exactly when
//! `serde_json::from_slice::<serde_json::Value>` does, and the values it reads are the ones
//! serde_json reads; [`Reader::skip`] accepts the same, except numbers beyond an `f64`, which it
//! skips by their grammar (as serde_json's `IgnoredAny` does). Checked by JSONTestSuite
//! (`codegen/tests/json_reader.rs`), property tests and a fuzz target
//! (`xtask/fuzz/fuzz_targets/json_reader.rs`) that compare it with serde_json. In particular,
//! like serde_json:
//!
//! - the input must be UTF-8 (no byte order mark, no UTF-16), checked once by [`Reader::new`];
//! - strings may not hold control characters (U+0000 to U+001F) unescaped, and `\u` escapes
//!   must not leave a surrogate unpaired (`"\uD800"` is an error);
//! - arrays and objects nest at most [`MAX_DEPTH`]` - 1` = 127 levels deep (serde_json's
//!   recursion limit), so hostile input cannot overflow the stack;
//! - numbers whose magnitude is too large for an `f64` (`1e400`) are errors when read as
//!   numbers; tiny ones (`1e-400`) read as zero. Any number can be skipped or read as text
//!   ([`Reader::number`]) exactly;
//! - integers have no fraction and no exponent (`1.0` and `1e2` are not an `i32`), and `-0` is
//!   the float `-0.0`, not an integer.
//!
//! Where it differs from serde_json, it is stricter or more exact: [`Reader::f32`] rounds the
//! decimal text once, to the nearest `f32` (serde_json rounds to `f64`, then to `f32`), and
//! refuses numbers beyond `f32::MAX` (serde_json gives infinity); [`Reader::skip`] checks
//! escapes as strictly as reading a string does (serde_json's `IgnoredAny` lets an unpaired
//! surrogate through). An object may repeat a name: [`Reader::next_field`] answers each
//! occurrence, and the generated code keeps the last value, as serde_json's `Value` does.
//!
//! # Reading
//!
//! Generated code reads a structure with one small function: an object, then a loop over its
//! members by index in the model's order, `null` read as absent:
//!
//! ```
//! use __crate__::json::{Error, Field, Fields, Reader};
//!
//! #[derive(Debug, Default, PartialEq)]
//! struct Attribute {
//!     name: String,
//!     value: Option<String>,
//! }
//!
//! const ATTRIBUTE: Fields = Fields::new(&["Name", "Value"]);
//!
//! fn read_attribute(r: &mut Reader<'_>) -> Result<Attribute, Error> {
//!     let mut out = Attribute::default();
//!     let mut object = r.object()?;
//!     while let Some(field) = r.next_field(&mut object, &ATTRIBUTE)? {
//!         match field {
//!             Field::Known(0) => out.name = r.string()?,
//!             Field::Known(1) => out.value = if r.null()? { None } else { Some(r.string()?) },
//!             _ => r.skip()?,
//!         }
//!     }
//!     Ok(out)
//! }
//!
//! let mut r = Reader::new(br#"{"Name":"email", "Value":"a@example.com", "Extra":[1]}"#)?;
//! let attribute = read_attribute(&mut r)?;
//! r.finish()?;
//! assert_eq!(attribute.value.as_deref(), Some("a@example.com"));
//! # Ok::<(), Error>(())
//! ```
//!
//! # Writing
//!
//! [`Writer`] appends to a `Vec<u8>` and places the commas itself:
//!
//! ```
//! use __crate__::json::Writer;
//!
//! let mut w = Writer::new();
//! w.begin_object();
//! w.key("Name");
//! w.string("line\nbreak \"quoted\"");
//! w.key("Sizes");
//! w.begin_array();
//! w.i64(-1);
//! w.f64(0.1);
//! w.end_array();
//! w.end_object();
//! assert_eq!(w.as_str(), r#"{"Name":"line\nbreak \"quoted\"","Sizes":[-1,0.1]}"#);
//! ```

use std::borrow::Cow;
use std::fmt;

/// serde_json's recursion limit: a value may open at most `MAX_DEPTH - 1` arrays and objects
/// inside one another. Reading deeper input is an error, never a stack overflow.
pub const MAX_DEPTH: usize = 128;

/// The largest magnitude of an epoch-seconds timestamp, as in the `wire` module: `1e15`
/// seconds (far beyond what a date type holds; year 9999 is about `2.5e11`).
const MAX_EPOCH_SECONDS: i128 = 1_000_000_000_000_000;

/// A JSON reading error: what was expected, and where.
///
/// One pointer wide, so that the `Result`s of the reading methods stay small (measured: a
/// third of a `String`'s size less to move on every successful read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error(Box<ErrorInner>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct ErrorInner {
    offset: usize,
    line: usize,
    column: usize,
    message: Cow<'static, str>,
}

impl Error {
    /// An error at byte `offset` of `input`; the line and column are counted from it.
    #[cold]
    fn at(input: &[u8], offset: usize, message: Cow<'static, str>) -> Error {
        let offset = offset.min(input.len());
        let before = &input[..offset];
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        Error(Box::new(ErrorInner {
            offset,
            line: 1 + before.iter().filter(|&&b| b == b'\n').count(),
            // Characters, not bytes: UTF-8 continuation bytes do not start one.
            column: 1 + before[line_start..].iter().filter(|&&b| b & 0xC0 != 0x80).count(),
            message,
        }))
    }

    /// The byte offset in the input where reading failed.
    pub fn offset(&self) -> usize {
        self.0.offset
    }

    /// The line (from 1) of [`Error::offset`].
    pub fn line(&self) -> usize {
        self.0.line
    }

    /// The column (from 1, in characters) of [`Error::offset`].
    pub fn column(&self) -> usize {
        self.0.column
    }

    /// What went wrong, without the position.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = &self.0;
        write!(f, "{} at line {} column {} (byte {})", e.message, e.line, e.column, e.offset)
    }
}

impl std::error::Error for Error {}

/// The kind of the next value, from its first byte (see [`Reader::peek`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// The member names of a structure, in the model's order, as they appear on the wire.
///
/// Build it once, as a constant: `const FIELDS: Fields = Fields::new(&["Name", "Value"]);`.
/// [`Reader::next_field`] answers a name with its index in this list.
#[derive(Clone, Copy, Debug)]
pub struct Fields<'n> {
    names: &'n [&'n str],
    /// Whether every name can be compared with the raw input: no `"`, `\` or control
    /// character, which the input would have to escape. Otherwise names are always decoded.
    plain: bool,
}

impl<'n> Fields<'n> {
    /// The wire names, in model order.
    pub const fn new(names: &'n [&'n str]) -> Fields<'n> {
        let mut plain = true;
        let mut i = 0;
        while i < names.len() {
            let bytes = names[i].as_bytes();
            let mut j = 0;
            while j < bytes.len() {
                if is_special(bytes[j]) {
                    plain = false;
                }
                j += 1;
            }
            i += 1;
        }
        Fields { names, plain }
    }

    /// The wire names, in model order.
    pub fn names(&self) -> &'n [&'n str] {
        self.names
    }
}

/// One member of an object, from [`Reader::next_field`]. Its value is next in the input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field<'a> {
    /// The member with this index in the [`Fields`].
    Known(usize),
    /// A member the model does not have: read or [`Reader::skip`] its value.
    Unknown(Cow<'a, str>),
}

/// An object being read: from [`Reader::object`], for [`Reader::next_field`] and
/// [`Reader::next_key`].
#[derive(Debug)]
#[must_use = "an object is read with next_field or next_key until they return None"]
pub struct Object {
    /// The index of the member expected next (the one after the last one read).
    next: usize,
    first: bool,
}

/// An array being read: from [`Reader::array`], for [`Reader::next_item`].
#[derive(Debug)]
#[must_use = "an array is read with next_item until it returns false"]
pub struct Array {
    first: bool,
}

/// Reads JSON values from a UTF-8 text, front to back.
///
/// Each reading method skips the whitespace before its value and consumes exactly that value;
/// on error, the reader is left somewhere inside it and should be dropped.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Arrays and objects open around the position.
    depth: usize,
}

impl<'a> Reader<'a> {
    /// A reader of `bytes`, which must be UTF-8 (checked here, once, for the whole input).
    pub fn new(bytes: &'a [u8]) -> Result<Reader<'a>, Error> {
        match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Reader::from_text(text)),
            Err(e) => Err(Error::at(bytes, e.valid_up_to(), Cow::Borrowed("invalid UTF-8"))),
        }
    }

    /// A reader of a text that is already known to be UTF-8.
    pub fn from_text(text: &'a str) -> Reader<'a> {
        Reader { text, bytes: text.as_bytes(), pos: 0, depth: 0 }
    }

    /// Checks that only whitespace is left.
    pub fn finish(mut self) -> Result<(), Error> {
        self.skip_whitespace();
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(self.expected("the end of the input"))
        }
    }

    /// The byte offset of the reader in the input.
    pub fn offset(&self) -> usize {
        self.pos
    }

    /// An error at byte `offset` of the input (for example a value's [`Reader::offset`]
    /// before it was read), for values that are valid JSON but not what the caller can take.
    #[cold]
    pub fn error(&self, offset: usize, message: impl Into<Cow<'static, str>>) -> Error {
        Error::at(self.bytes, offset, message.into())
    }

    /// The kind of the next value, without consuming it.
    pub fn peek(&mut self) -> Result<Kind, Error> {
        self.skip_whitespace();
        match self.bytes.get(self.pos) {
            Some(b'"') => Ok(Kind::String),
            Some(b'{') => Ok(Kind::Object),
            Some(b'[') => Ok(Kind::Array),
            Some(b'-' | b'0'..=b'9') => Ok(Kind::Number),
            Some(b't' | b'f') => Ok(Kind::Bool),
            Some(b'n') => Ok(Kind::Null),
            _ => Err(self.expected("a value")),
        }
    }

    /// Consumes a `null` if it is next, and says whether it was.
    #[inline]
    pub fn null(&mut self) -> Result<bool, Error> {
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b'n') {
            self.literal(b"null")?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// `null` as `None`, any other value through `read`.
    #[inline]
    pub fn option<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T, Error>) -> Result<Option<T>, Error> {
        if self.null()? {
            Ok(None)
        } else {
            read(self).map(Some)
        }
    }

    /// A boolean.
    #[inline]
    pub fn bool(&mut self) -> Result<bool, Error> {
        self.skip_whitespace();
        match self.bytes.get(self.pos) {
            Some(b't') => self.literal(b"true").map(|()| true),
            Some(b'f') => self.literal(b"false").map(|()| false),
            _ => Err(self.expected("a boolean")),
        }
    }

    /// A string, borrowed from the input when it has no escapes.
    #[inline]
    pub fn str(&mut self) -> Result<Cow<'a, str>, Error> {
        self.skip_whitespace();
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.expected("a string"));
        }
        let start = self.pos + 1;
        let end = scan_plain(self.bytes, start);
        match self.bytes.get(end) {
            Some(b'"') => {
                self.pos = end + 1;
                // Both ends are ASCII bytes, so char boundaries.
                Ok(Cow::Borrowed(&self.text[start..end]))
            }
            _ => self.escaped_string(start, end).map(Cow::Owned),
        }
    }

    /// A string, owned.
    #[inline]
    pub fn string(&mut self) -> Result<String, Error> {
        self.skip_whitespace();
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.expected("a string"));
        }
        let start = self.pos + 1;
        let end = scan_plain(self.bytes, start);
        match self.bytes.get(end) {
            Some(b'"') => {
                self.pos = end + 1;
                Ok(self.text[start..end].to_owned())
            }
            _ => self.escaped_string(start, end),
        }
    }

    /// The rest of a string from `start` whose first special byte is at `end` (an escape, a
    /// control character, or the end of the input).
    fn escaped_string(&mut self, start: usize, mut end: usize) -> Result<String, Error> {
        let mut out = String::with_capacity(end - start + 16);
        out.push_str(&self.text[start..end]);
        loop {
            match self.bytes.get(end) {
                Some(b'"') => {
                    self.pos = end + 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos = end + 1;
                    out.push(self.escape()?);
                    let run = self.pos;
                    end = scan_plain(self.bytes, run);
                    out.push_str(&self.text[run..end]);
                }
                Some(_) => {
                    self.pos = end;
                    return Err(self.invalid("control character in a string (escape it)"));
                }
                None => {
                    self.pos = end;
                    return Err(self.invalid("unterminated string"));
                }
            }
        }
    }

    /// Skips a string, checking it as [`Reader::str`] does.
    fn skip_string(&mut self) -> Result<(), Error> {
        let mut end = scan_plain(self.bytes, self.pos + 1);
        loop {
            match self.bytes.get(end) {
                Some(b'"') => {
                    self.pos = end + 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.pos = end + 1;
                    self.escape()?;
                    end = scan_plain(self.bytes, self.pos);
                }
                Some(_) => {
                    self.pos = end;
                    return Err(self.invalid("control character in a string (escape it)"));
                }
                None => {
                    self.pos = end;
                    return Err(self.invalid("unterminated string"));
                }
            }
        }
    }

    /// The character of the escape after a `\` (at `pos`); a surrogate pair is one character.
    #[cold]
    fn escape(&mut self) -> Result<char, Error> {
        let c = match self.bytes.get(self.pos) {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let high = self.hex4(self.pos + 1)?;
                self.pos += 5;
                return match high {
                    0xD800..=0xDBFF => {
                        if self.bytes.get(self.pos) != Some(&b'\\') || self.bytes.get(self.pos + 1) != Some(&b'u') {
                            return Err(self.invalid("unpaired surrogate in a \\u escape"));
                        }
                        let low = self.hex4(self.pos + 2)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.invalid("unpaired surrogate in a \\u escape"));
                        }
                        self.pos += 6;
                        let code = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        Ok(char::from_u32(code).expect("a surrogate pair is a character"))
                    }
                    0xDC00..=0xDFFF => Err(self.invalid("unpaired surrogate in a \\u escape")),
                    _ => Ok(char::from_u32(high).expect("not a surrogate, so a character")),
                };
            }
            _ => return Err(self.invalid("invalid escape")),
        };
        self.pos += 1;
        Ok(c)
    }

    /// Four hex digits at `at`.
    fn hex4(&mut self, at: usize) -> Result<u32, Error> {
        let mut value = 0;
        for i in at..at + 4 {
            let digit = match self.bytes.get(i) {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                _ => {
                    self.pos = i;
                    return Err(self.invalid("invalid \\u escape (four hex digits expected)"));
                }
            };
            value = value * 16 + u32::from(digit);
        }
        Ok(value)
    }

    /// The text of a number, exactly as it appears (validated against JSON's grammar): for
    /// `bigInteger` and `bigDecimal`, or any precision the caller chooses.
    pub fn number(&mut self) -> Result<&'a str, Error> {
        let number = self.scan_number()?;
        Ok(&self.text[number.start..self.pos])
    }

    /// An `f64`, correctly rounded. Numbers too large for an `f64` are errors.
    pub fn f64(&mut self) -> Result<f64, Error> {
        let number = self.scan_number()?;
        if !number.inexact && number.mantissa <= 1 << 53 {
            let m = number.mantissa as f64;
            let value = match number.exponent {
                0 => Some(m),
                e @ 1..=22 => Some(m * POW10[e as usize]),
                e @ -22..=-1 => Some(m / POW10[(-e) as usize]),
                _ => None,
            };
            if let Some(value) = value {
                return Ok(if number.negative { -value } else { value });
            }
        }
        let text = &self.text[number.start..self.pos];
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => Err(self.error(number.start, "number out of range for an f64")),
        }
    }

    /// An `f32`, correctly rounded from the decimal text. Numbers too large for an `f32` are
    /// errors.
    pub fn f32(&mut self) -> Result<f32, Error> {
        let number = self.scan_number()?;
        if !number.inexact && number.mantissa <= 1 << 24 {
            let m = number.mantissa as f32;
            let value = match number.exponent {
                0 => Some(m),
                e @ 1..=10 => Some(m * POW10_F32[e as usize]),
                e @ -10..=-1 => Some(m / POW10_F32[(-e) as usize]),
                _ => None,
            };
            if let Some(value) = value {
                return Ok(if number.negative { -value } else { value });
            }
        }
        let text = &self.text[number.start..self.pos];
        match text.parse::<f32>() {
            Ok(value) if value.is_finite() => Ok(value),
            _ => Err(self.error(number.start, "number out of range for an f32")),
        }
    }

    /// An `i64`. As in serde_json, a number with a fraction or an exponent is not an integer,
    /// and neither is `-0` (serde_json reads it as the float `-0.0`).
    #[inline]
    pub fn i64(&mut self) -> Result<i64, Error> {
        let (start, negative, magnitude) = self.integer()?;
        let value = if negative { 0i64.checked_sub_unsigned(magnitude) } else { i64::try_from(magnitude).ok() };
        value.ok_or_else(|| self.error(start, "integer out of range for an i64"))
    }

    /// A `u64`.
    #[inline]
    pub fn u64(&mut self) -> Result<u64, Error> {
        let (start, negative, magnitude) = self.integer()?;
        if negative {
            return Err(self.error(start, "integer out of range for a u64"));
        }
        Ok(magnitude)
    }

    /// An `i32`.
    #[inline]
    pub fn i32(&mut self) -> Result<i32, Error> {
        let start = self.skip_whitespace_to();
        let value = self.i64()?;
        i32::try_from(value).map_err(|_| self.error(start, "integer out of range for an i32"))
    }

    /// An `i16`.
    #[inline]
    pub fn i16(&mut self) -> Result<i16, Error> {
        let start = self.skip_whitespace_to();
        let value = self.i64()?;
        i16::try_from(value).map_err(|_| self.error(start, "integer out of range for an i16"))
    }

    /// An `i8`.
    #[inline]
    pub fn i8(&mut self) -> Result<i8, Error> {
        let start = self.skip_whitespace_to();
        let value = self.i64()?;
        i8::try_from(value).map_err(|_| self.error(start, "integer out of range for an i8"))
    }

    /// Seconds since 1970 as a JSON number (`1700000000`, `1.700000000123E9`, `-0.5`), rounded
    /// to the nearest microsecond (halves up, as the `wire` module's `EpochSeconds` does) from
    /// the exact decimal value, without floating point: `(seconds, nanoseconds)`, with
    /// `nanoseconds` in `0..1_000_000_000` and a multiple of 1,000 (`-0.5` is `(-1, 500_000_000)`).
    /// Magnitudes over `1e15` seconds are errors.
    pub fn epoch_seconds(&mut self) -> Result<(i64, u32), Error> {
        let number = self.scan_number()?;
        let micros = if number.inexact {
            epoch_micros(&self.bytes[number.start..self.pos])
        } else {
            epoch_micros_exact(&number)
        };
        let micros = micros.ok_or_else(|| self.error(number.start, "timestamp out of range"))?;
        // In range by construction: |micros| <= 1e21 (i64 holds 9.2e18 only, hence the i128).
        let (seconds, micros) = match i64::try_from(micros) {
            Ok(m) => (m.div_euclid(1_000_000), m.rem_euclid(1_000_000)),
            Err(_) => (micros.div_euclid(1_000_000) as i64, micros.rem_euclid(1_000_000) as i64),
        };
        Ok((seconds, micros as u32 * 1_000))
    }

    /// Skips one value of any kind, checking it as fully as reading it would.
    pub fn skip(&mut self) -> Result<(), Error> {
        self.skip_whitespace();
        match self.bytes.get(self.pos) {
            Some(b'"') => self.skip_string(),
            Some(b'{') => {
                let mut object = self.object()?;
                while self.next_key_skipped(&mut object)? {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b'[') => {
                let mut array = self.array()?;
                while self.next_item(&mut array)? {
                    self.skip()?;
                }
                Ok(())
            }
            Some(b'-' | b'0'..=b'9') => self.scan_number().map(drop),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            _ => Err(self.expected("a value")),
        }
    }

    /// The exact text of the next value (checked as [`Reader::skip`] checks it), for example to
    /// hand a `document` to another JSON library.
    pub fn raw(&mut self) -> Result<&'a str, Error> {
        let start = self.skip_whitespace_to();
        self.skip()?;
        Ok(&self.text[start..self.pos])
    }

    /// Opens an array; read its items with [`Reader::next_item`].
    #[inline]
    pub fn array(&mut self) -> Result<Array, Error> {
        self.skip_whitespace();
        if self.bytes.get(self.pos) != Some(&b'[') {
            return Err(self.expected("an array"));
        }
        self.enter()?;
        Ok(Array { first: true })
    }

    /// Whether the array has another item, which is then next in the input; `false` after its
    /// closing `]`.
    #[inline]
    pub fn next_item(&mut self, array: &mut Array) -> Result<bool, Error> {
        self.skip_whitespace();
        match self.bytes.get(self.pos) {
            Some(b']') => {
                self.pos += 1;
                self.depth -= 1;
                Ok(false)
            }
            Some(b',') if !array.first => {
                self.pos += 1;
                Ok(true)
            }
            _ if array.first => {
                array.first = false;
                Ok(true)
            }
            _ => Err(self.expected("`,` or `]`")),
        }
    }

    /// Opens an object; read its members with [`Reader::next_field`] (structures) or
    /// [`Reader::next_key`] (maps).
    #[inline]
    pub fn object(&mut self) -> Result<Object, Error> {
        self.skip_whitespace();
        if self.bytes.get(self.pos) != Some(&b'{') {
            return Err(self.expected("an object"));
        }
        self.enter()?;
        Ok(Object { next: 0, first: true })
    }

    /// The next member of a structure, as its index in `fields` or as an unknown name, with
    /// its `:` consumed; `None` after the closing `}`.
    ///
    /// The member after the last one read is tried first by comparing the input with
    /// `"<name>"` directly; only when that fails is the name read (escapes included) and
    /// looked up.
    #[inline(always)]
    pub fn next_field(&mut self, object: &mut Object, fields: &Fields<'_>) -> Result<Option<Field<'a>>, Error> {
        if !self.member(object)? {
            return Ok(None);
        }
        if fields.plain {
            if let Some(name) = fields.names.get(object.next) {
                if quoted_name_at(self.bytes, self.pos + 1, name.as_bytes()) {
                    self.pos += name.len() + 2;
                    self.colon()?;
                    let index = object.next;
                    object.next += 1;
                    return Ok(Some(Field::Known(index)));
                }
            }
        }
        self.field_by_name(object, fields)
    }

    /// [`Reader::next_field`] when the next member is not the expected one.
    #[inline(never)]
    fn field_by_name(&mut self, object: &mut Object, fields: &Fields<'_>) -> Result<Option<Field<'a>>, Error> {
        let name = self.str()?;
        self.colon()?;
        match fields.names.iter().position(|known| **known == *name) {
            Some(index) => {
                object.next = index + 1;
                Ok(Some(Field::Known(index)))
            }
            None => Ok(Some(Field::Unknown(name))),
        }
    }

    /// The next key of a map, with its `:` consumed; `None` after the closing `}`.
    #[inline]
    pub fn next_key(&mut self, object: &mut Object) -> Result<Option<Cow<'a, str>>, Error> {
        if !self.member(object)? {
            return Ok(None);
        }
        let key = self.str()?;
        self.colon()?;
        Ok(Some(key))
    }

    /// Skips the next key of an object; `false` after the closing `}`.
    fn next_key_skipped(&mut self, object: &mut Object) -> Result<bool, Error> {
        if !self.member(object)? {
            return Ok(false);
        }
        self.skip_string()?;
        self.colon()?;
        Ok(true)
    }

    /// Moves to the next member's name (its opening `"`), or past the closing `}`: whether
    /// there is a member.
    #[inline(always)]
    fn member(&mut self, object: &mut Object) -> Result<bool, Error> {
        self.skip_whitespace();
        match self.bytes.get(self.pos) {
            Some(b'}') => {
                self.pos += 1;
                self.depth -= 1;
                return Ok(false);
            }
            Some(b',') if !object.first => {
                self.pos += 1;
                self.skip_whitespace();
            }
            _ if object.first => object.first = false,
            _ => return Err(self.expected("`,` or `}`")),
        }
        if self.bytes.get(self.pos) == Some(&b'"') {
            Ok(true)
        } else {
            Err(self.expected("a member name (a string)"))
        }
    }

    #[inline(always)]
    fn colon(&mut self) -> Result<(), Error> {
        if self.bytes.get(self.pos) == Some(&b':') {
            self.pos += 1;
            return Ok(());
        }
        self.skip_whitespace();
        if self.bytes.get(self.pos) == Some(&b':') {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.expected("`:`"))
        }
    }

    /// Steps into an array or object (its opening byte is at `pos`).
    #[inline]
    fn enter(&mut self) -> Result<(), Error> {
        if self.depth + 1 >= MAX_DEPTH {
            return Err(self.invalid("nested too deeply (more than 127 arrays and objects)"));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    #[inline]
    fn literal(&mut self, word: &'static [u8]) -> Result<(), Error> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.invalid(match word {
                b"true" => "invalid literal (expected `true`)",
                b"false" => "invalid literal (expected `false`)",
                _ => "invalid literal (expected `null`)",
            }))
        }
    }

    /// An integer: its start, sign and magnitude (saturated: an error follows when it does
    /// not fit).
    #[inline]
    fn integer(&mut self) -> Result<(usize, bool, u64), Error> {
        self.skip_whitespace();
        let start = self.pos;
        let negative = self.bytes.get(self.pos) == Some(&b'-');
        let mut i = self.pos + usize::from(negative);
        let mut value: u64 = 0;
        let mut overflow = false;
        match self.bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while let Some(&b) = self.bytes.get(i) {
                    if !b.is_ascii_digit() {
                        break;
                    }
                    match value.checked_mul(10).and_then(|v| v.checked_add(u64::from(b - b'0'))) {
                        Some(v) => value = v,
                        None => overflow = true,
                    }
                    i += 1;
                }
            }
            _ => return Err(self.expected("an integer")),
        }
        if matches!(self.bytes.get(i), Some(b'.' | b'e' | b'E')) {
            return Err(self.expected("an integer (no fraction or exponent)"));
        }
        self.pos = i;
        if overflow {
            return Err(self.error(start, "integer out of range"));
        }
        if negative && value == 0 {
            return Err(self.error(start, "`-0` is not an integer (it is the float -0.0)"));
        }
        Ok((start, negative, value))
    }

    /// Validates a number at the position against JSON's grammar and moves past it, noting
    /// what the fast paths need.
    #[inline]
    fn scan_number(&mut self) -> Result<Number, Error> {
        self.skip_whitespace();
        let bytes = self.bytes;
        let start = self.pos;
        let negative = bytes.get(start) == Some(&b'-');
        let mut i = start + usize::from(negative);
        let mut mantissa: u64 = 0;
        let mut inexact = false;
        let mut exponent: i64 = 0;
        match bytes.get(i) {
            Some(b'0') => i += 1,
            Some(b'1'..=b'9') => {
                while let Some(eight) = eight_digits(bytes, i, mantissa) {
                    mantissa = mantissa * 100_000_000 + eight;
                    i += 8;
                }
                while let Some(&b) = bytes.get(i) {
                    if !b.is_ascii_digit() {
                        break;
                    }
                    accumulate(&mut mantissa, &mut inexact, b);
                    i += 1;
                }
            }
            _ => return Err(self.expected("a number")),
        }
        if bytes.get(i) == Some(&b'.') {
            i += 1;
            let digits = i;
            while let Some(eight) = eight_digits(bytes, i, mantissa) {
                mantissa = mantissa * 100_000_000 + eight;
                exponent -= 8;
                i += 8;
            }
            while let Some(&b) = bytes.get(i) {
                if !b.is_ascii_digit() {
                    break;
                }
                accumulate(&mut mantissa, &mut inexact, b);
                exponent -= 1;
                i += 1;
            }
            if i == digits {
                self.pos = i;
                return Err(self.invalid("invalid number (a digit must follow `.`)"));
            }
        }
        if let Some(b'e' | b'E') = bytes.get(i) {
            i += 1;
            let exponent_negative = match bytes.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let digits = i;
            let mut explicit: i64 = 0;
            while let Some(&b) = bytes.get(i) {
                if !b.is_ascii_digit() {
                    break;
                }
                // Saturates far beyond any exponent an f64 or a timestamp can use.
                explicit = (explicit * 10 + i64::from(b - b'0')).min(1 << 40);
                i += 1;
            }
            if i == digits {
                self.pos = i;
                return Err(self.invalid("invalid number (a digit must follow the exponent)"));
            }
            exponent += if exponent_negative { -explicit } else { explicit };
        }
        self.pos = i;
        Ok(Number { start, negative, mantissa, inexact, exponent })
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                break;
            }
            self.pos += 1;
        }
    }

    /// Skips whitespace and answers the position.
    #[inline]
    fn skip_whitespace_to(&mut self) -> usize {
        self.skip_whitespace();
        self.pos
    }

    /// "expected X, found Y" at the position.
    #[cold]
    #[inline(never)]
    fn expected(&self, what: &str) -> Error {
        let found = match self.text.get(self.pos..).and_then(|rest| rest.chars().next()) {
            None if self.pos >= self.bytes.len() => "the end of the input".to_owned(),
            None => "invalid input".to_owned(),
            Some(c) if c.is_control() => format!("{c:?}"),
            Some(c) => format!("`{c}`"),
        };
        self.error(self.pos, format!("expected {what}, found {found}"))
    }

    /// A fixed message at the position.
    #[cold]
    #[inline(never)]
    fn invalid(&self, message: &'static str) -> Error {
        self.error(self.pos, message)
    }
}

/// What [`Reader::scan_number`] found.
struct Number {
    start: usize,
    negative: bool,
    /// The significant digits, when `inexact` is false.
    mantissa: u64,
    /// More digits than a `u64` holds.
    inexact: bool,
    /// The power of ten of the mantissa's last digit (fraction and exponent together).
    exponent: i64,
}

#[inline(always)]
fn accumulate(mantissa: &mut u64, inexact: &mut bool, digit: u8) {
    match mantissa.checked_mul(10).and_then(|m| m.checked_add(u64::from(digit - b'0'))) {
        Some(m) => *mantissa = m,
        None => *inexact = true,
    }
}

/// The value of the eight digits at `i`, when the eight bytes there are all ASCII digits and
/// `mantissa` (the digits before them) leaves room for them in a `u64` (below 10^11, so that
/// `mantissa * 10^8 + 99,999,999` stays below 10^19 < 2^64): eight at a time instead of one,
/// for the long decimals of timestamps.
#[inline(always)]
fn eight_digits(bytes: &[u8], i: usize, mantissa: u64) -> Option<u64> {
    if mantissa >= 100_000_000_000 {
        return None;
    }
    let chunk = bytes.get(i..i + 8)?;
    let v = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
    // A digit is 0x30 to 0x39: its high nibble is 3, and still 3 after adding 6. No carry
    // crosses into the next byte unless a byte is 0xFA or more, whose high nibble is not 3.
    let high = 0xF0F0_F0F0_F0F0_F0F0;
    if (v & high) | ((v.wrapping_add(0x0606_0606_0606_0606) & high) >> 4) != 0x3333_3333_3333_3333 {
        return None;
    }
    // Pairs, then fours, then all eight (the first byte is the most significant digit).
    let v = (v & 0x0F0F_0F0F_0F0F_0F0F).wrapping_mul(10 << 8 | 1) >> 8;
    let v = (v & 0x00FF_00FF_00FF_00FF).wrapping_mul(100 << 16 | 1) >> 16;
    Some((v & 0x0000_FFFF_0000_FFFF).wrapping_mul(10_000 << 32 | 1) >> 32)
}

/// Powers of ten that an `f64` holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Powers of ten that an `f32` holds exactly.
const POW10_F32: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];

/// [`epoch_micros`] for a number whose significant digits fit the mantissa: integer arithmetic
/// only, no allocation.
fn epoch_micros_exact(number: &Number) -> Option<i128> {
    let mantissa = u128::from(number.mantissa);
    if mantissa == 0 {
        return Some(0);
    }
    // The number is mantissa × 10^exponent; in microseconds, mantissa × 10^(exponent + 6).
    let power = number.exponent + 6;
    let micros = if power >= 0 {
        // 10^22 µs is past the limit for any nonzero mantissa.
        mantissa.checked_mul(10u128.checked_pow(u32::try_from(power).ok().filter(|&p| p <= 22)?)?)?
    } else if power < -38 {
        // Below 10^-19 µs: rounds to zero either way.
        0
    } else {
        let (whole, rest, unit) = if power >= -19 {
            // u64 division is several times faster than u128's.
            let unit = 10u64.pow((-power) as u32);
            (u128::from(number.mantissa / unit), u128::from(number.mantissa % unit), u128::from(unit))
        } else {
            let unit = 10u128.pow((-power) as u32);
            (mantissa / unit, mantissa % unit, unit)
        };
        // floor(x + 1/2): positive numbers round up from the half, negative ones only past it.
        let up = if number.negative { 2 * rest > unit } else { 2 * rest >= unit };
        whole + u128::from(up)
    };
    let micros = i128::try_from(micros).ok().filter(|&m| m <= MAX_EPOCH_SECONDS * 1_000_000)?;
    Some(if number.negative { -micros } else { micros })
}

/// The value of a validated JSON number, in microseconds, rounded half up
/// (`floor(x * 1e6 + 0.5)`), from its decimal digits; `None` beyond [`MAX_EPOCH_SECONDS`].
fn epoch_micros(text: &[u8]) -> Option<i128> {
    let negative = text.first() == Some(&b'-');
    let text = &text[usize::from(negative)..];
    let mantissa_end = text.iter().position(|&b| b == b'e' || b == b'E').unwrap_or(text.len());
    let (mantissa, exponent) = text.split_at(mantissa_end);
    let exponent: i64 = match exponent.get(1..) {
        None => 0,
        Some(digits) => {
            let (sign, digits) = match digits.first() {
                Some(b'-') => (-1, &digits[1..]),
                Some(b'+') => (1, &digits[1..]),
                _ => (1, digits),
            };
            sign * digits.iter().fold(0i64, |e, &d| (e * 10 + i64::from(d - b'0')).min(1 << 40))
        }
    };
    // The digits without the point, and where the point is among them.
    let point = mantissa.iter().position(|&b| b == b'.').unwrap_or(mantissa.len());
    let digits = || mantissa.iter().copied().filter(u8::is_ascii_digit);
    let leading_zeros = digits().take_while(|&d| d == b'0').count();
    let significant: Vec<u8> = digits().skip(leading_zeros).collect();
    if significant.is_empty() {
        return Some(0);
    }
    // The number is 0.DDDD × 10^scale with DDDD the significant digits; the microseconds are
    // its first `scale + 6` digits, the rest decides the rounding.
    let scale = point as i64 - leading_zeros as i64 + exponent;
    let whole = scale + 6;
    if whole > 22 {
        return None;
    }
    let mut micros: i128 = 0;
    for i in 0..whole.max(0) as usize {
        micros = micros * 10 + i128::from(significant.get(i).map_or(0, |d| d - b'0'));
    }
    let rest = if whole >= 0 { significant.get(whole as usize..).unwrap_or(&[]) } else { &[] };
    let first = rest.first().map_or(0, |d| d - b'0');
    let round_up = if negative {
        // floor(-x + 0.5) moves away from zero only past the half.
        first > 5 || (first == 5 && rest[1..].iter().any(|&d| d != b'0'))
    } else {
        first >= 5
    };
    if round_up {
        micros += 1;
    }
    if micros > MAX_EPOCH_SECONDS * 1_000_000 {
        return None;
    }
    Some(if negative { -micros } else { micros })
}

/// Whether `bytes` holds `name` followed by `"` at `at`. Compared inline, in words (eight bytes
/// at a time from eight bytes on, two overlapping four-byte words from four, bytes below):
/// names are short, and a call to `memcmp` costs more than the comparison.
#[inline(always)]
fn quoted_name_at(bytes: &[u8], at: usize, name: &[u8]) -> bool {
    let n = name.len();
    let Some(window) = bytes.get(at..at + n + 1) else { return false };
    if window[n] != b'"' {
        return false;
    }
    let window = &window[..n];
    if n >= 8 {
        // Eight bytes at a time, the last eight overlapping the ones before.
        let mut i = 0;
        while i + 8 < n {
            if word8(window, i) != word8(name, i) {
                return false;
            }
            i += 8;
        }
        word8(window, n - 8) == word8(name, n - 8)
    } else if n >= 4 {
        // The first four and the last four, overlapping.
        (word4(window, 0) ^ word4(name, 0)) | (word4(window, n - 4) ^ word4(name, n - 4)) == 0
    } else {
        window.iter().zip(name).all(|(a, b)| a == b)
    }
}

#[inline(always)]
fn word8(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"))
}

#[inline(always)]
fn word4(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[i..i + 4].try_into().expect("four bytes"))
}

/// Whether a byte ends a plain run of string text: `"`, `\` or a control character.
#[inline(always)]
const fn is_special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
}

/// The index of the first special byte (see [`is_special`]) at or after `i`, or the length.
/// Eight bytes at a time.
#[inline(always)]
fn scan_plain(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // A byte's high bit is set in `zero(x)` when the byte is zero: exactly for the lowest
        // such byte, which is the one that counts here (borrows only run upward).
        let zero = |x: u64| x.wrapping_sub(ONES) & !x;
        let quote = zero(word ^ (ONES * u64::from(b'"')));
        let backslash = zero(word ^ (ONES * u64::from(b'\\')));
        let control = word.wrapping_sub(ONES * 0x20) & !word;
        let found = (quote | backslash | control) & HIGH;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        if is_special(b) {
            break;
        }
        i += 1;
    }
    i
}

/// Writes JSON into a `Vec<u8>`, placing the commas between values itself.
///
/// Call the methods in JSON's order: inside an object, [`Writer::key`] before each value. The
/// writer does not check the order; the output is valid JSON when the calls are.
#[derive(Clone, Debug, Default)]
pub struct Writer {
    out: Vec<u8>,
    /// A value was just completed: the next value or key needs a comma first.
    comma: bool,
}

impl Writer {
    /// An empty writer.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// An empty writer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Writer {
        Writer { out: Vec::with_capacity(capacity), comma: false }
    }

    /// Writes after the bytes of `out` (for example a buffer kept between requests, cleared).
    pub fn from_vec(out: Vec<u8>) -> Writer {
        Writer { out, comma: false }
    }

    /// The bytes written.
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// The bytes written so far.
    pub fn as_bytes(&self) -> &[u8] {
        &self.out
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.out).expect("the writer writes UTF-8")
    }

    #[inline(always)]
    fn separate(&mut self) {
        if self.comma {
            self.out.push(b',');
        }
    }

    /// `{`
    #[inline]
    pub fn begin_object(&mut self) {
        self.separate();
        self.out.push(b'{');
        self.comma = false;
    }

    /// `}`
    #[inline]
    pub fn end_object(&mut self) {
        self.out.push(b'}');
        self.comma = true;
    }

    /// `[`
    #[inline]
    pub fn begin_array(&mut self) {
        self.separate();
        self.out.push(b'[');
        self.comma = false;
    }

    /// `]`
    #[inline]
    pub fn end_array(&mut self) {
        self.out.push(b']');
        self.comma = true;
    }

    /// A member name and its `:`; the value comes next.
    #[inline]
    pub fn key(&mut self, name: &str) {
        self.separate();
        self.escaped(name);
        self.out.push(b':');
        self.comma = false;
    }

    /// `null`
    #[inline]
    pub fn null(&mut self) {
        self.separate();
        self.out.extend_from_slice(b"null");
        self.comma = true;
    }

    /// `true` or `false`
    #[inline]
    pub fn bool(&mut self, value: bool) {
        self.separate();
        self.out.extend_from_slice(if value { b"true" } else { b"false" });
        self.comma = true;
    }

    /// A string, escaped as serde_json escapes it: `"`, `\` and control characters (as `\n`,
    /// `\r`, `\t`, `\b`, `\f` or `\u00XX`); everything else as it is.
    #[inline]
    pub fn string(&mut self, value: &str) {
        self.separate();
        self.escaped(value);
        self.comma = true;
    }

    fn escaped(&mut self, value: &str) {
        let bytes = value.as_bytes();
        self.out.reserve(bytes.len() + 2);
        self.out.push(b'"');
        let mut start = 0;
        loop {
            let end = scan_plain(bytes, start);
            self.out.extend_from_slice(&bytes[start..end]);
            let Some(&b) = bytes.get(end) else { break };
            match b {
                b'"' => self.out.extend_from_slice(b"\\\""),
                b'\\' => self.out.extend_from_slice(b"\\\\"),
                b'\n' => self.out.extend_from_slice(b"\\n"),
                b'\r' => self.out.extend_from_slice(b"\\r"),
                b'\t' => self.out.extend_from_slice(b"\\t"),
                0x08 => self.out.extend_from_slice(b"\\b"),
                0x0C => self.out.extend_from_slice(b"\\f"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    self.out.extend_from_slice(b"\\u00");
                    self.out.push(HEX[usize::from(b >> 4)]);
                    self.out.push(HEX[usize::from(b & 0xF)]);
                }
            }
            start = end + 1;
        }
        self.out.push(b'"');
    }

    /// An integer.
    #[inline]
    pub fn i64(&mut self, value: i64) {
        self.separate();
        if value < 0 {
            self.out.push(b'-');
        }
        self.digits(value.unsigned_abs());
        self.comma = true;
    }

    /// An unsigned integer.
    #[inline]
    pub fn u64(&mut self, value: u64) {
        self.separate();
        self.digits(value);
        self.comma = true;
    }

    fn digits(&mut self, mut value: u64) {
        let mut buffer = [0u8; 20];
        let mut i = buffer.len();
        loop {
            i -= 1;
            buffer[i] = b'0' + (value % 10) as u8;
            value /= 10;
            if value == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&buffer[i..]);
    }

    /// A finite `f64` in its shortest form that reads back to the same value (`0.1`, `1.0`,
    /// `1e300`); `null` for NaN and the infinities, as serde_json writes them (the `wire`
    /// module writes those as the strings the protocol uses).
    pub fn f64(&mut self, value: f64) {
        if !value.is_finite() {
            return self.null();
        }
        self.separate();
        // Debug is the shortest round-trip form, switching to an exponent for very large and
        // very small magnitudes: always a valid JSON number for finite values.
        let _ = fmt::Write::write_fmt(&mut VecText(&mut self.out), format_args!("{value:?}"));
        self.comma = true;
    }

    /// A finite `f32` in its shortest form that reads back (as an `f32`) to the same value;
    /// `null` for NaN and the infinities.
    pub fn f32(&mut self, value: f32) {
        if !value.is_finite() {
            return self.null();
        }
        self.separate();
        let _ = fmt::Write::write_fmt(&mut VecText(&mut self.out), format_args!("{value:?}"));
        self.comma = true;
    }

    /// Seconds since 1970, exactly: `seconds` as an integer when `nanoseconds` is zero, else
    /// the decimal `seconds + nanoseconds / 1e9` without trailing zeros (`(-1, 500_000_000)` is
    /// `-0.5`). `nanoseconds` must be below 1,000,000,000 (as `time::OffsetDateTime`'s are).
    pub fn epoch_seconds(&mut self, seconds: i64, nanoseconds: u32) {
        let nanoseconds = nanoseconds.min(999_999_999);
        if nanoseconds == 0 {
            return self.i64(seconds);
        }
        self.separate();
        let (whole, fraction) = if seconds < 0 {
            self.out.push(b'-');
            (seconds.unsigned_abs() - 1, 1_000_000_000 - nanoseconds)
        } else {
            (seconds as u64, nanoseconds)
        };
        self.digits(whole);
        let mut digits = *b"000000000";
        let mut rest = fraction;
        for d in digits.iter_mut().rev() {
            *d = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        let mut len = 9;
        while digits[len - 1] == b'0' {
            len -= 1;
        }
        self.out.push(b'.');
        self.out.extend_from_slice(&digits[..len]);
        self.comma = true;
    }

    /// Text that is already one JSON value (for example a `bigDecimal`'s digits, or a document
    /// written by another library), as it is. The caller answers for its validity.
    pub fn raw(&mut self, json: &str) {
        self.separate();
        self.out.extend_from_slice(json.as_bytes());
        self.comma = true;
    }
}

/// `fmt::Write` into a byte vector.
struct VecText<'v>(&'v mut Vec<u8>);

impl fmt::Write for VecText<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}
