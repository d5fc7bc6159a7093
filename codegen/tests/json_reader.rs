//! The JSON reader and writer of the generated crates (`codegen/templates/json.rs`), compiled here
//! directly: JSONTestSuite, behaviour at the edges, and property tests against serde_json on
//! the same bytes.

#[allow(dead_code)]
#[path = "../templates/json.rs"]
mod json;

use std::borrow::Cow;
use std::path::Path;

use json::{Error, Field, Fields, Kind, Reader, Writer, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::Value;

/// Reads one whole value through `skip`, as the generated code skips unknown members.
fn skip_whole(bytes: &[u8]) -> Result<(), Error> {
    let mut r = Reader::new(bytes)?;
    r.skip()?;
    r.finish()
}

/// Reads one whole value into a `serde_json::Value` through the typed readers, numbers as
/// serde_json represents them: non-negative integers that fit as `u64`, negative ones that fit
/// as `i64` (`-0` as the float `-0.0`), everything else as `f64`.
fn value_whole(bytes: &[u8]) -> Result<Value, Error> {
    let mut r = Reader::new(bytes)?;
    let value = read_value(&mut r)?;
    r.finish()?;
    Ok(value)
}

fn read_value(r: &mut Reader<'_>) -> Result<Value, Error> {
    Ok(match r.peek()? {
        Kind::Null => {
            assert!(r.null()?);
            Value::Null
        }
        Kind::Bool => Value::Bool(r.bool()?),
        Kind::String => Value::String(r.string()?),
        Kind::Number => {
            let text = r.clone().number()?;
            let integer = !text.contains(['.', 'e', 'E']);
            if integer && !text.starts_with('-') && text.parse::<u64>().is_ok() {
                Value::from(r.u64()?)
            } else if integer && text != "-0" && text.parse::<i64>().is_ok() {
                Value::from(r.i64()?)
            } else {
                Value::from(r.f64()?)
            }
        }
        Kind::Array => {
            let mut items = Vec::new();
            let mut array = r.array()?;
            while r.next_item(&mut array)? {
                items.push(read_value(r)?);
            }
            Value::Array(items)
        }
        Kind::Object => {
            let mut map = serde_json::Map::new();
            let mut object = r.object()?;
            while let Some(key) = r.next_key(&mut object)? {
                let value = read_value(r)?;
                map.insert(key.into_owned(), value);
            }
            Value::Object(map)
        }
    })
}

/// serde_json's answer for the same bytes; the error's text when it fails.
fn serde_value(bytes: &[u8]) -> Result<Value, String> {
    serde_json::from_slice::<Value>(bytes).map_err(|e| e.to_string())
}

/// The reader agrees with serde_json on `bytes`: the same accept or reject, the same value;
/// `skip` accepts exactly what serde_json accepts, except numbers beyond an `f64`, which it
/// skips by their grammar alone (as serde_json's own `IgnoredAny` does).
fn assert_agrees(bytes: &[u8]) {
    let ours = value_whole(bytes);
    let skipped = skip_whole(bytes);
    let shown = String::from_utf8_lossy(bytes);
    match serde_value(bytes) {
        Ok(theirs) => {
            let ours = ours.unwrap_or_else(|e| panic!("serde_json reads {shown:?} as {theirs}, we fail: {e}"));
            assert_eq!(ours, theirs, "different values for {shown:?}");
            assert!(skipped.is_ok(), "skip refuses {shown:?}: {:?}", skipped.err());
        }
        Err(theirs) => {
            assert!(ours.is_err(), "serde_json refuses {shown:?} ({theirs}), we read {:?}", ours.ok());
            let ours = ours.unwrap_err();
            if theirs.starts_with("number out of range") {
                // The same first error, unless the input is not UTF-8: the reader checks that
                // before anything else, where serde_json stops at the number.
                let utf8 = ours.message() == "invalid UTF-8";
                assert!(utf8 || ours.message().contains("out of range"), "{shown:?}: {theirs} / {ours}");
            } else {
                assert!(skipped.is_err(), "serde_json refuses {shown:?} ({theirs}), skip accepts it");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSONTestSuite

/// What the reader does with each implementation-defined case, and why. serde_json does the
/// same (checked by `json_test_suite` for every file).
const I_CASES: &[(&str, bool, bool, &str)] = &[
    // (file prefix, skip accepts, value read accepts, reason)
    ("i_number_double_huge_neg_exp", true, true, "tiny numbers read as 0"),
    ("i_number_real_underflow", true, true, "tiny numbers read as 0"),
    ("i_number_huge_exp", true, false, "beyond f64: an error as a number, skipped by grammar"),
    ("i_number_neg_int_huge_exp", true, false, "beyond f64"),
    ("i_number_pos_double_huge_exp", true, false, "beyond f64"),
    ("i_number_real_neg_overflow", true, false, "beyond f64"),
    ("i_number_real_pos_overflow", true, false, "beyond f64"),
    ("i_number_too_big_neg_int", true, true, "beyond i64: read as the nearest f64, as serde_json"),
    ("i_number_too_big_pos_int", true, true, "beyond u64: read as the nearest f64, as serde_json"),
    ("i_number_very_big_negative_int", true, true, "beyond i64: read as the nearest f64"),
    ("i_object_key_lone_2nd_surrogate", false, false, "unpaired surrogates are errors"),
    ("i_string_1st_surrogate_but_2nd_missing", false, false, "unpaired surrogate"),
    ("i_string_1st_valid_surrogate_2nd_invalid", false, false, "unpaired surrogate"),
    ("i_string_incomplete_surrogate_and_escape_valid", false, false, "unpaired surrogate"),
    ("i_string_incomplete_surrogate_pair", false, false, "unpaired surrogate"),
    ("i_string_incomplete_surrogates_escape_valid", false, false, "unpaired surrogate"),
    ("i_string_invalid_lonely_surrogate", false, false, "unpaired surrogate"),
    ("i_string_invalid_surrogate", false, false, "unpaired surrogate"),
    ("i_string_inverted_surrogates_U+1D11E", false, false, "unpaired surrogate"),
    ("i_string_lone_second_surrogate", false, false, "unpaired surrogate"),
    ("i_string_UTF-16LE_with_BOM", false, false, "the input must be UTF-8"),
    ("i_string_utf16BE_no_BOM", false, false, "the input must be UTF-8"),
    ("i_string_utf16LE_no_BOM", false, false, "the input must be UTF-8"),
    ("i_string_UTF-8_invalid_sequence", false, false, "invalid UTF-8"),
    ("i_string_UTF8_surrogate_U+D800", false, false, "invalid UTF-8 (an encoded surrogate)"),
    ("i_string_invalid_utf-8", false, false, "invalid UTF-8"),
    ("i_string_iso_latin_1", false, false, "invalid UTF-8"),
    ("i_string_lone_utf8_continuation_byte", false, false, "invalid UTF-8"),
    ("i_string_not_in_unicode_range", false, false, "invalid UTF-8 (beyond U+10FFFF)"),
    ("i_string_overlong_sequence_2_bytes", false, false, "invalid UTF-8 (overlong)"),
    ("i_string_overlong_sequence_6_bytes", false, false, "invalid UTF-8 (overlong)"),
    ("i_string_truncated-utf-8", false, false, "invalid UTF-8"),
    ("i_structure_500_nested_arrays", false, false, "deeper than 127 levels"),
    ("i_structure_UTF-8_BOM_empty_object", false, false, "a byte order mark is not JSON"),
];

#[test]
fn json_test_suite() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/json-test-suite/test_parsing");
    let mut counts = [0usize; 3];
    let mut entries: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{}: {e}", folder.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).expect("a file name").to_owned();
        let bytes = std::fs::read(&path).expect("readable");
        let skipped = skip_whole(&bytes);
        let read = value_whole(&bytes);
        if name.starts_with("y_") {
            counts[0] += 1;
            assert!(skipped.is_ok(), "{name}: skip refuses it: {}", skipped.unwrap_err());
            assert!(read.is_ok(), "{name}: reading refuses it: {}", read.unwrap_err());
        } else if name.starts_with("n_") {
            counts[1] += 1;
            assert!(skipped.is_err(), "{name}: skip accepts it");
            assert!(read.is_err(), "{name}: reading accepts it");
        } else if name.starts_with("i_") {
            counts[2] += 1;
            let stem = name.trim_end_matches(".json");
            let (_, skip_ok, read_ok, why) = I_CASES
                .iter()
                .find(|(prefix, ..)| *prefix == stem || stem.strip_prefix(prefix).is_some_and(|r| r.starts_with('_')))
                .unwrap_or_else(|| panic!("{name}: no documented choice"));
            assert_eq!(skipped.is_ok(), *skip_ok, "{name} ({why}): skip gives {skipped:?}");
            assert_eq!(read.is_ok(), *read_ok, "{name} ({why}): reading gives {read:?}");
        } else {
            continue;
        }
        // Every case, y, n and i: the same answer and value as serde_json.
        assert_agrees(&bytes);
    }
    assert_eq!(counts, [95, 188, 35], "the suite's files (y, n, i) are all there");
}

// ---------------------------------------------------------------------------------------------
// Found by the fuzz target (`xtask/fuzz/fuzz_targets/json_reader.rs`)

#[test]
fn fuzz_findings() {
    // A number beyond f64, then a byte that is not UTF-8: serde_json stops at the number, the
    // reader at the UTF-8 check it makes first. Both refuse.
    let bytes = b"[-2374623e46732768942798327498\xb932423479823246327846]";
    assert_eq!(Reader::new(bytes).unwrap_err().message(), "invalid UTF-8");
    assert!(serde_value(bytes).unwrap_err().starts_with("number out of range"));
    assert_agrees(bytes);
}

// ---------------------------------------------------------------------------------------------
// Edges

#[test]
fn depth_limit_is_serde_jsons() {
    for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
        let nested = |depth: usize| format!("{}1{}", open.repeat(depth), close.repeat(depth));
        let deepest = nested(MAX_DEPTH - 1);
        assert!(skip_whole(deepest.as_bytes()).is_ok(), "{open}: {} levels", MAX_DEPTH - 1);
        assert!(value_whole(deepest.as_bytes()).is_ok());
        assert!(serde_value(deepest.as_bytes()).is_ok(), "serde_json reads {} levels", MAX_DEPTH - 1);
        let deeper = nested(MAX_DEPTH);
        let error = skip_whole(deeper.as_bytes()).unwrap_err();
        assert!(error.message().contains("nested too deeply"), "{error}");
        assert!(serde_value(deeper.as_bytes()).unwrap_err().contains("recursion limit"));
        // Far deeper input is an error, not a stack overflow.
        assert!(skip_whole(nested(1_000_000).as_bytes()).is_err());
    }
    // The limit counts open levels, not values: many arrays side by side are fine.
    let wide = format!("[{}]", vec!["[[]]"; 10_000].join(","));
    assert!(skip_whole(wide.as_bytes()).is_ok());
}

#[test]
fn errors_say_what_and_where() {
    let error = skip_whole(b"{\"a\": 1,\n \"b\": [tru]}").unwrap_err();
    assert_eq!((error.offset(), error.line(), error.column()), (16, 2, 8));
    assert_eq!(error.message(), "invalid literal (expected `true`)");
    assert_eq!(error.to_string(), "invalid literal (expected `true`) at line 2 column 8 (byte 16)");

    let error = skip_whole(b"{\"a\":1,}").unwrap_err();
    assert_eq!(error.message(), "expected a member name (a string), found `}`");
    assert_eq!(error.offset(), 7);

    let error = skip_whole("[\"ü\" 1]".as_bytes()).unwrap_err();
    assert_eq!(error.message(), "expected `,` or `]`, found `1`");
    assert_eq!((error.offset(), error.column()), (6, 6), "columns count characters");

    let error = skip_whole(b"[1] x").unwrap_err();
    assert_eq!(error.message(), "expected the end of the input, found `x`");
    assert_eq!(skip_whole(b"").unwrap_err().message(), "expected a value, found the end of the input");
    assert_eq!(skip_whole(b"\"abc").unwrap_err().message(), "unterminated string");
    assert_eq!(skip_whole(b"\"a\tb\"").unwrap_err().message(), "control character in a string (escape it)");
    assert_eq!(skip_whole(b"[1.]").unwrap_err().message(), "invalid number (a digit must follow `.`)");
    let error = Reader::new(b"[\"\xff\"]").unwrap_err();
    assert_eq!((error.message(), error.offset()), ("invalid UTF-8", 2));

    let mut r = Reader::new(b" 12").unwrap();
    assert_eq!(r.string().unwrap_err().message(), "expected a string, found `1`");
    let mut r = Reader::new(b"1.5").unwrap();
    assert_eq!(r.i64().unwrap_err().message(), "expected an integer (no fraction or exponent), found `1`");
    let mut r = Reader::new(b"300").unwrap();
    let error = r.i8().unwrap_err();
    assert_eq!((error.message(), error.offset()), ("integer out of range for an i8", 0));
    let r = Reader::new(b"[]").unwrap();
    assert_eq!(r.error(1, "custom").to_string(), "custom at line 1 column 2 (byte 1)");
}

const ATTRIBUTE: Fields = Fields::new(&["Name", "Value"]);

/// Reads `{"Name": .., "Value": ..}` the way the generated code does; unknown members are
/// collected.
/// What [`read_fields`] read: known members by index with their values, unknown names.
type ReadFields = (Vec<(usize, String)>, Vec<String>);

fn read_fields(text: &str, fields: &Fields<'_>) -> Result<ReadFields, Error> {
    let mut r = Reader::from_text(text);
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, fields)? {
        match field {
            Field::Known(i) => known.push((i, r.string()?)),
            Field::Unknown(name) => {
                unknown.push(name.into_owned());
                r.skip()?;
            }
        }
    }
    r.finish()?;
    Ok((known, unknown))
}

#[test]
fn fields_are_found_in_any_order_and_form() {
    let known = |pairs: &[(usize, &str)]| pairs.iter().map(|&(i, v)| (i, v.to_owned())).collect::<Vec<_>>();
    // Model order (the speculative path), out of order, repeated, unknown, escaped, spaced.
    assert_eq!(read_fields(r#"{"Name":"a","Value":"b"}"#, &ATTRIBUTE).unwrap().0, known(&[(0, "a"), (1, "b")]));
    assert_eq!(read_fields(r#"{"Value":"b","Name":"a"}"#, &ATTRIBUTE).unwrap().0, known(&[(1, "b"), (0, "a")]));
    assert_eq!(
        read_fields(r#"{"Name":"a","Name":"c","Value":"b"}"#, &ATTRIBUTE).unwrap().0,
        known(&[(0, "a"), (0, "c"), (1, "b")])
    );
    let (k, u) = read_fields(r#"{"Other":[1,{"x":null}],"Name":"a","Valu":"z"}"#, &ATTRIBUTE).unwrap();
    assert_eq!((k, u), (known(&[(0, "a")]), vec!["Other".to_owned(), "Valu".to_owned()]));
    assert_eq!(
        read_fields(r#"{"N\u0061me":"a","\u0056alue":"b"}"#, &ATTRIBUTE).unwrap().0,
        known(&[(0, "a"), (1, "b")])
    );
    assert_eq!(
        read_fields(" { \"Name\" :\n\"a\" , \"Value\"\t: \"b\" } ", &ATTRIBUTE).unwrap().0,
        known(&[(0, "a"), (1, "b")])
    );
    // A prefix of the expected name is another name.
    let (k, u) = read_fields(r#"{"Nam":"a","NameX":"b","Name":"c"}"#, &ATTRIBUTE).unwrap();
    assert_eq!((k, u), (known(&[(0, "c")]), vec!["Nam".to_owned(), "NameX".to_owned()]));
    assert_eq!(read_fields("{}", &ATTRIBUTE).unwrap(), (vec![], vec![]));

    // Names the input must escape are never compared raw: `a"b` is only ever the escaped form.
    let odd = Fields::new(&["a\"b", "c"]);
    assert_eq!(read_fields(r#"{"a\"b":"x","c":"y"}"#, &odd).unwrap().0, known(&[(0, "x"), (1, "y")]));
    assert!(read_fields(r#"{"a"b":"x"}"#, &odd).is_err());
    let control = Fields::new(&["a\nb"]);
    assert!(read_fields("{\"a\nb\":\"x\"}", &control).is_err(), "a raw control character is not JSON");
    assert_eq!(read_fields(r#"{"a\nb":"x"}"#, &control).unwrap().0, known(&[(0, "x")]));

    // Broken objects.
    for bad in [
        r#"{"Name" "a"}"#,
        r#"{"Name":"a",}"#,
        r#"{"Name":"a" "Value":"b"}"#,
        r#"{,"Name":"a"}"#,
        r#"{"Name":"a""#,
        "{1:2}",
    ] {
        assert!(read_fields(bad, &ATTRIBUTE).is_err(), "{bad}");
    }
}

#[test]
fn strings_borrow_unless_escaped() {
    let mut r = Reader::from_text(r#"["plain ü", "esc\"aped\u00e9\ud83d\ude00", "", "\/\b\f\n\r\t\\"]"#);
    let mut array = r.array().unwrap();
    assert!(r.next_item(&mut array).unwrap());
    assert!(matches!(r.str().unwrap(), Cow::Borrowed("plain ü")));
    assert!(r.next_item(&mut array).unwrap());
    let escaped = r.str().unwrap();
    assert!(matches!(escaped, Cow::Owned(_)));
    assert_eq!(escaped, "esc\"apedé😀");
    assert!(r.next_item(&mut array).unwrap());
    assert_eq!(r.string().unwrap(), "");
    assert!(r.next_item(&mut array).unwrap());
    assert_eq!(r.string().unwrap(), "/\u{8}\u{c}\n\r\t\\");
    assert!(!r.next_item(&mut array).unwrap());
    r.finish().unwrap();
    for bad in
        [r#""\ud800""#, r#""\udc00""#, r#""\ud800\u0041""#, r#""\ud800\n""#, r#""\x""#, r#""\u12""#, r#""\u12g4""#]
    {
        assert!(Reader::from_text(bad).string().is_err(), "{bad}");
        assert!(skip_whole(bad.as_bytes()).is_err(), "{bad}");
    }
}

#[test]
fn numbers_read_exactly_and_in_range() {
    fn read(text: &str) -> Reader<'_> {
        Reader::from_text(text)
    }
    assert_eq!(read("-9223372036854775808").i64().unwrap(), i64::MIN);
    assert!(read("-9223372036854775809").i64().is_err());
    assert!(read("9223372036854775808").i64().is_err());
    assert_eq!(read("18446744073709551615").u64().unwrap(), u64::MAX);
    assert!(read("18446744073709551616").u64().is_err());
    assert!(read("-1").u64().is_err());
    assert!(read("-0").u64().is_err(), "-0 is a float in serde_json");
    assert!(read("-0").i64().is_err());
    assert_eq!(read("0").i8().unwrap(), 0);
    assert_eq!(read("2147483647").i32().unwrap(), i32::MAX);
    assert!(read("2147483648").i32().is_err());
    assert_eq!(read("-32768").i16().unwrap(), i16::MIN);
    assert!(read("32768").i16().is_err());
    assert_eq!(read("-128").i8().unwrap(), -128);
    for not_integer in ["1.0", "1e2", "-", "01x", "\"1\"", "true"] {
        let mut r = read(not_integer);
        assert!(r.i64().is_err() || r.finish().is_err(), "{not_integer}");
    }

    assert_eq!(read("1.700000000123E9").f64().unwrap(), 1_700_000_000.123);
    assert_eq!(read("0.1").f64().unwrap(), 0.1);
    assert_eq!(read("-0").f64().unwrap().to_bits(), (-0.0f64).to_bits());
    assert_eq!(read("1e-400").f64().unwrap(), 0.0);
    assert_eq!(read("2.2250738585072011e-308").f64().unwrap(), 2.225_073_858_507_201e-308);
    assert_eq!(read("1.7976931348623157e308").f64().unwrap(), f64::MAX);
    assert_eq!(read("123456789012345678901234567890").f64().unwrap(), 1.2345678901234568e29);
    assert!(read("1e400").f64().is_err());
    assert!(read("-1.8e308").f64().is_err());
    assert_eq!(read("16777217").f32().unwrap(), 16_777_216.0);
    assert_eq!(read("3.4028235e38").f32().unwrap(), f32::MAX);
    assert!(read("3.5e38").f32().is_err());
    // Rounded once from the decimal: serde_json's f64-then-f32 rounds this one the other way.
    let double_rounding = "1.000000059604644775390625000000000001";
    assert_eq!(read(double_rounding).f32().unwrap(), 1.000_000_1);
    assert_eq!(double_rounding.parse::<f64>().unwrap() as f32, 1.0);

    let mut r = read(" -12.50e+003 ");
    assert_eq!(r.number().unwrap(), "-12.50e+003");
    r.finish().unwrap();
    assert_eq!(read("123456789012345678901234567890.5e-3").number().unwrap(), "123456789012345678901234567890.5e-3");
}

#[test]
fn epoch_seconds_round_to_the_microsecond() {
    let read = |text: &str| Reader::from_text(text).epoch_seconds();
    assert_eq!(read("1.700000000123E9").unwrap(), (1_700_000_000, 123_000_000));
    assert_eq!(read("1700000000").unwrap(), (1_700_000_000, 0));
    assert_eq!(read("1700000000.0000005").unwrap(), (1_700_000_000, 1_000), "halves round up");
    assert_eq!(read("1700000000.00000049999").unwrap(), (1_700_000_000, 0));
    assert_eq!(read("1700000000.9999995").unwrap(), (1_700_000_001, 0));
    assert_eq!(read("-0.5").unwrap(), (-1, 500_000_000));
    assert_eq!(read("-0.0000005").unwrap(), (0, 0), "floor(-0.5 µs + 0.5) is 0");
    assert_eq!(read("-0.00000050001").unwrap(), (-1, 999_999_000));
    assert_eq!(read("-1.25").unwrap(), (-2, 750_000_000));
    assert_eq!(read("0.00000000001e5").unwrap(), (0, 1_000));
    assert_eq!(read("0e99999999999999999999").unwrap(), (0, 0));
    assert_eq!(read("1e-99999999999999999999").unwrap(), (0, 0));
    assert_eq!(read("1e15").unwrap(), (1_000_000_000_000_000, 0));
    assert_eq!(read("-1e15").unwrap(), (-1_000_000_000_000_000, 0));
    assert!(read("1.0000001e15").is_err());
    assert!(read("1e99999999999999999999").is_err());
    assert!(read("\"1\"").is_err());
    assert_eq!(read("1.5e-7").unwrap(), (0, 0));
    assert_eq!(read("1700000000.123456789").unwrap(), (1_700_000_000, 123_457_000));
}

#[test]
fn raw_and_peek() {
    let mut r = Reader::from_text(r#" { "doc" : [1, {"a": "\u0041"}, null] , "n": -1.5e3 } "#);
    assert_eq!(r.peek().unwrap(), Kind::Object);
    let mut object = r.object().unwrap();
    assert_eq!(r.next_key(&mut object).unwrap().as_deref(), Some("doc"));
    assert_eq!(r.peek().unwrap(), Kind::Array);
    assert_eq!(r.raw().unwrap(), r#"[1, {"a": "\u0041"}, null]"#);
    assert_eq!(r.next_key(&mut object).unwrap().as_deref(), Some("n"));
    assert_eq!(r.peek().unwrap(), Kind::Number);
    assert_eq!(r.raw().unwrap(), "-1.5e3");
    assert_eq!(r.next_key(&mut object).unwrap(), None);
    r.finish().unwrap();
    let kinds: Vec<Kind> = ["null", "true", "false", "\"s\"", "0", "-1", "[]", "{}"]
        .iter()
        .map(|t| Reader::from_text(t).peek().unwrap())
        .collect();
    use Kind::*;
    assert_eq!(kinds, [Null, Bool, Bool, String, Number, Number, Array, Object]);
    assert!(Reader::from_text("x").peek().is_err());
    let mut r = Reader::from_text("[null, 1]");
    let mut array = r.array().unwrap();
    assert!(r.next_item(&mut array).unwrap());
    assert_eq!(r.option(Reader::i64).unwrap(), None);
    assert!(r.next_item(&mut array).unwrap());
    assert_eq!(r.option(Reader::i64).unwrap(), Some(1));
    assert!(!r.next_item(&mut array).unwrap());
    assert!(Reader::from_text("nul").null().is_err());
}

#[test]
fn writer_writes_what_serde_json_reads() {
    let mut w = Writer::new();
    w.begin_object();
    w.key("a\"b");
    w.begin_array();
    w.null();
    w.bool(true);
    w.i64(i64::MIN);
    w.u64(u64::MAX);
    w.f64(-0.0);
    w.f64(1e300);
    w.f64(f64::NAN);
    w.f32(0.1);
    w.string("\u{0}\u{1f}\u{7f}é😀\u{2028}");
    w.begin_object();
    w.end_object();
    w.begin_array();
    w.end_array();
    w.raw("12345678901234567890.5");
    w.end_array();
    w.key("t");
    w.epoch_seconds(-1, 500_000_000);
    w.key("u");
    w.epoch_seconds(1_700_000_000, 123_000_000);
    w.key("v");
    w.epoch_seconds(1_700_000_000, 0);
    w.end_object();
    let expected = r#"{"a\"b":[null,true,-9223372036854775808,18446744073709551615,-0.0,1e300,null,0.1,"\u0000\u001f"#
        .to_owned()
        + "\u{7f}é😀\u{2028}\",{},[],12345678901234567890.5],\"t\":-0.5,\"u\":1700000000.123,\"v\":1700000000}";
    assert_eq!(w.as_str(), expected);
    let value: Value = serde_json::from_slice(w.as_bytes()).expect("valid JSON");
    assert_eq!(value["a\"b"][8], "\u{0}\u{1f}\u{7f}é😀\u{2028}");
    assert_eq!(value_whole(w.as_bytes()).unwrap(), value);
    let mut w = Writer::from_vec(b"prefix:".to_vec());
    w.i64(0);
    assert_eq!(w.into_bytes(), b"prefix:0");
}

// ---------------------------------------------------------------------------------------------
// Property tests against serde_json

/// Any JSON value, with awkward strings and numbers.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-zA-Z\"\\\\\u{0}-\u{1f}é😀]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec(("[a-zA-Z\"\\\\é]{0,6}", inner), 0..8)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// A JSON number's text: long mantissas, long fractions, big exponents, leading zeros.
fn number_text() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop_oneof!["0", "[1-9][0-9]{0,3}", "[1-9][0-9]{0,30}"],
        prop::option::of("[0-9]{1,30}"),
        prop::option::of(("[eE]", "[+-]?", prop_oneof!["[0-9]{1,2}", "[0-9]{1,3}", "0*[0-9]{1,5}"])),
    )
        .prop_map(|(negative, whole, fraction, exponent)| {
            let mut text = String::new();
            if negative {
                text.push('-');
            }
            text.push_str(&whole);
            if let Some(fraction) = fraction {
                text.push('.');
                text.push_str(&fraction);
            }
            if let Some((e, sign, digits)) = exponent {
                text.push_str(&e);
                text.push_str(&sign);
                text.push_str(&digits);
            }
            text
        })
}

/// The exact epoch microseconds of a number text, in integers: `floor(x * 1e6 + 1/2)`, or
/// `None` when the digits or the magnitude are too large for this reference to say.
fn reference_micros(text: &str) -> Option<i128> {
    let negative = text.starts_with('-');
    let text = text.trim_start_matches('-');
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i64>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = format!("{whole}{fraction}").trim_start_matches('0').to_owned();
    let digits = if digits.is_empty() { "0".to_owned() } else { digits };
    if digits.len() > 36 {
        return None;
    }
    let m: i128 = digits.parse().ok()?;
    // x = m × 10^p
    let p = exponent - fraction.len() as i64 + 6;
    let signed = |v: i128| if negative { -v } else { v };
    if m == 0 {
        return Some(0);
    }
    if p >= 0 {
        let scaled = m.checked_mul(10i128.checked_pow(u32::try_from(p).ok()?)?)?;
        return (scaled <= 1_000_000_000_000_000_000_000).then(|| signed(scaled));
    }
    let k = u32::try_from(-p).ok()?;
    if k > 37 {
        return Some(0);
    }
    let unit = 10i128.pow(k);
    let (q, r) = (m / unit, m % unit);
    // Positive: up when r >= unit/2; negative: away from zero only when r > unit/2.
    let up = if negative { 2 * r > unit } else { 2 * r >= unit };
    let micros = q + i128::from(up);
    (micros <= 1_000_000_000_000_000_000_000).then(|| signed(micros))
}

/// Inputs near JSON: an alphabet of its tokens, so that most are almost valid.
fn near_json() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        Just(&b"{"[..]),
        Just(&b"}"[..]),
        Just(&b"["[..]),
        Just(&b"]"[..]),
        Just(&b","[..]),
        Just(&b":"[..]),
        Just(&b"\""[..]),
        Just(&b"\"a\""[..]),
        Just(&b"\\"[..]),
        Just(&b"\\u"[..]),
        Just(&b"d83d"[..]),
        Just(&b"DE00"[..]),
        Just(&b"0"[..]),
        Just(&b"1"[..]),
        Just(&b"-"[..]),
        Just(&b"."[..]),
        Just(&b"e"[..]),
        Just(&b"E+"[..]),
        Just(&b"9999"[..]),
        Just(&b"true"[..]),
        Just(&b"nul"[..]),
        Just(&b"null"[..]),
        Just(&b" "[..]),
        Just(&b"\n"[..]),
        Just(&b"\x01"[..]),
        Just("é".as_bytes()),
        Just(&b"\xff"[..]),
    ];
    prop::collection::vec(token, 0..24).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Any value, written compactly or pretty by serde_json, reads back to the same value.
    #[test]
    fn values_read_as_serde_json_reads_them(value in any_value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_vec_pretty(&value) } else { serde_json::to_vec(&value) }.unwrap();
        assert_agrees(&text);
        prop_assert_eq!(value_whole(&text).unwrap(), value);
    }

    /// Valid JSON with one byte changed, removed or inserted: the same accept or reject.
    #[test]
    fn mutated_values_agree(value in any_value(), at in any::<prop::sample::Index>(), byte in any::<u8>(), how in 0..3u8) {
        let mut text = serde_json::to_vec(&value).unwrap();
        let i = at.index(text.len() + 1);
        match how {
            0 if i < text.len() => text[i] = byte,
            1 if i < text.len() => { text.remove(i); }
            _ => text.insert(i, byte),
        }
        assert_agrees(&text);
    }

    /// Token soup near JSON: the same accept or reject and values.
    #[test]
    fn near_json_agrees(bytes in near_json()) {
        assert_agrees(&bytes);
    }

    /// Any bytes at all.
    #[test]
    fn any_bytes_agree(bytes in prop::collection::vec(any::<u8>(), 0..32)) {
        assert_agrees(&bytes);
    }

    /// Numbers: the same f64 as serde_json (and as `str::parse`), the same integers, f32
    /// rounded once, epoch seconds exact.
    #[test]
    fn numbers_agree(text in number_text()) {
        assert_agrees(text.as_bytes());
        let ours = Reader::from_text(&text).f64().ok();
        let theirs = serde_json::from_str::<f64>(&text).ok();
        prop_assert_eq!(ours.map(f64::to_bits), theirs.map(f64::to_bits));
        let parsed = text.parse::<f64>().ok().filter(|f| f.is_finite());
        prop_assert_eq!(ours.map(f64::to_bits), parsed.map(f64::to_bits));
        prop_assert_eq!(Reader::from_text(&text).i64().ok(), serde_json::from_str::<i64>(&text).ok());
        prop_assert_eq!(Reader::from_text(&text).u64().ok(), serde_json::from_str::<u64>(&text).ok());
        prop_assert_eq!(Reader::from_text(&text).i32().ok(), serde_json::from_str::<i32>(&text).ok());
        prop_assert_eq!(Reader::from_text(&text).i8().ok(), serde_json::from_str::<i8>(&text).ok());
        let f32_parsed = text.parse::<f32>().ok().filter(|f| f.is_finite());
        prop_assert_eq!(Reader::from_text(&text).f32().ok().map(f32::to_bits), f32_parsed.map(f32::to_bits));
        let mut r = Reader::from_text(&text);
        prop_assert_eq!(r.number().unwrap(), text.as_str());
        r.finish().unwrap();
        if let Some(micros) = reference_micros(&text) {
            let expected = (micros.div_euclid(1_000_000) as i64, (micros.rem_euclid(1_000_000) * 1000) as u32);
            prop_assert_eq!(Reader::from_text(&text).epoch_seconds().ok(), Some(expected), "{}", text);
        }
    }

    /// Epoch seconds agree with the `wire` module's f64 rule wherever an f64 holds the
    /// microseconds exactly (within 2^31 s of 1970, at most six decimals).
    #[test]
    fn epoch_seconds_agree_with_the_f64_rule(seconds in -(1i64 << 31)..(1i64 << 31), micros in 0u32..1_000_000, exp in -3i32..4) {
        let mut w = Writer::new();
        w.epoch_seconds(seconds, micros * 1000);
        let text = w.as_str().to_owned();
        prop_assert_eq!(Reader::from_text(&text).epoch_seconds().unwrap(), (seconds, micros * 1000));
        // The same instant in exponent form, as Cognito writes it.
        let value: f64 = text.parse().unwrap();
        let scaled = format!("{}E{exp}", value / 10f64.powi(exp));
        let v: f64 = scaled.parse().unwrap();
        let floor = v.floor();
        let mut wire = (floor as i64, ((v - floor) * 1e6).round() as i64);
        if wire.1 >= 1_000_000 { wire = (wire.0 + 1, wire.1 - 1_000_000); }
        let ours = Reader::from_text(&scaled).epoch_seconds().unwrap();
        prop_assert_eq!((ours.0, i64::from(ours.1 / 1000)), wire, "{}", scaled);
    }

    /// Strings: the writer escapes exactly as serde_json does, and the reader reads back
    /// serde_json's escapes (including `\u` forms of any character).
    #[test]
    fn strings_agree(s in any::<String>(), ascii_escapes in any::<bool>()) {
        let mut w = Writer::new();
        w.string(&s);
        prop_assert_eq!(w.as_str(), serde_json::to_string(&s).unwrap());
        prop_assert_eq!(Reader::new(w.as_bytes()).unwrap().string().unwrap(), s.clone());
        // Every character as \u escapes (surrogate pairs beyond the BMP).
        if ascii_escapes {
            let escaped: String = s.encode_utf16().map(|u| format!("\\u{u:04X}")).collect();
            let text = format!("\"{escaped}\"");
            prop_assert_eq!(Reader::from_text(&text).string().unwrap(), s.clone());
            prop_assert_eq!(serde_json::from_str::<String>(&text).unwrap(), s);
        }
    }

    /// Floats: the writer's shortest form reads back to the same bits, in serde_json and here.
    #[test]
    fn floats_round_trip(bits in any::<u64>(), bits32 in any::<u32>()) {
        let f = f64::from_bits(bits);
        let mut w = Writer::new();
        w.f64(f);
        if f.is_finite() {
            prop_assert_eq!(serde_json::from_slice::<f64>(w.as_bytes()).unwrap().to_bits(), bits);
            prop_assert_eq!(Reader::new(w.as_bytes()).unwrap().f64().unwrap().to_bits(), bits);
            let theirs = serde_json::to_string(&f).unwrap();
            prop_assert_eq!(Reader::from_text(&theirs).f64().unwrap().to_bits(), bits);
        } else {
            prop_assert_eq!(w.as_str(), "null");
        }
        let f = f32::from_bits(bits32);
        let mut w = Writer::new();
        w.f32(f);
        if f.is_finite() {
            prop_assert_eq!(Reader::new(w.as_bytes()).unwrap().f32().unwrap().to_bits(), bits32);
            prop_assert_eq!(serde_json::from_slice::<f32>(w.as_bytes()).unwrap().to_bits(), bits32);
        }
    }

    /// Integers round-trip through the writer, serde_json and the reader.
    #[test]
    fn integers_round_trip(i in any::<i64>(), u in any::<u64>()) {
        let mut w = Writer::new();
        w.begin_array();
        w.i64(i);
        w.u64(u);
        w.end_array();
        prop_assert_eq!(w.as_str(), serde_json::to_string(&(i, u)).unwrap());
        let mut r = Reader::new(w.as_bytes()).unwrap();
        let mut array = r.array().unwrap();
        prop_assert!(r.next_item(&mut array).unwrap());
        prop_assert_eq!(r.i64().unwrap(), i);
        prop_assert!(r.next_item(&mut array).unwrap());
        prop_assert_eq!(r.u64().unwrap(), u);
        prop_assert!(!r.next_item(&mut array).unwrap());
    }

    /// Any value written by the writer is what serde_json writes, as a value.
    #[test]
    fn written_values_read_back(value in any_value()) {
        let mut w = Writer::new();
        write_value(&mut w, &value);
        prop_assert_eq!(serde_json::from_slice::<Value>(w.as_bytes()).unwrap(), value.clone());
        prop_assert_eq!(value_whole(w.as_bytes()).unwrap(), value);
    }
}

fn write_value(w: &mut Writer, value: &Value) {
    match value {
        Value::Null => w.null(),
        Value::Bool(b) => w.bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => w.u64(u),
            (_, Some(i), _) => w.i64(i),
            (_, _, Some(f)) => w.f64(f),
            _ => unreachable!("a number is one of the three"),
        },
        Value::String(s) => w.string(s),
        Value::Array(items) => {
            w.begin_array();
            for item in items {
                write_value(w, item);
            }
            w.end_array();
        }
        Value::Object(map) => {
            w.begin_object();
            for (key, item) in map {
                w.key(key);
                write_value(w, item);
            }
            w.end_object();
        }
    }
}
