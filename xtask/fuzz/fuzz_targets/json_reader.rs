//! Arbitrary bytes read by the generated crates' JSON reader (`codegen/templates/json.rs`) and by
//! serde_json: the same accept or reject for a whole value, and the same value. The reader's
//! value is rebuilt three ways: map keys through `next_key`, and structure members through
//! `next_field` with plain names (the speculative path) and with names that must be escaped
//! (never compared raw). Whatever it reads, `json::Writer` writes back to the same value, and
//! `raw` gives the value's exact text.
#![no_main]

#[allow(dead_code)]
#[path = "../../../codegen/templates/json.rs"]
mod json;

use json::{Error, Field, Fields, Kind, Reader, Writer};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Plain names, some of them prefixes of others, as the speculative path must tell apart.
const PLAIN: Fields = Fields::new(&["a", "ab", "Name", "Value", "", "b", "a"]);
/// Names the input has to escape.
const ESCAPED: Fields = Fields::new(&["a\"b", "a", "\\", "\n", "é"]);

#[derive(Clone, Copy)]
enum Keys {
    Map,
    Fields(&'static Fields<'static>),
}

fn read_value(r: &mut Reader<'_>, keys: Keys) -> Result<Value, Error> {
    Ok(match r.peek()? {
        Kind::Null => {
            assert!(r.null()?);
            Value::Null
        }
        Kind::Bool => Value::Bool(r.bool()?),
        Kind::String => Value::String(r.string()?),
        Kind::Number => {
            let mut probe = r.clone();
            let text = probe.number()?;
            // Never a panic, whatever the number; exact when it answers (checked by the tests).
            let _ = r.clone().epoch_seconds();
            let _ = r.clone().f32();
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
                items.push(read_value(r, keys)?);
            }
            Value::Array(items)
        }
        Kind::Object => {
            let mut map = serde_json::Map::new();
            let mut object = r.object()?;
            match keys {
                Keys::Map => {
                    while let Some(key) = r.next_key(&mut object)? {
                        let value = read_value(r, keys)?;
                        map.insert(key.into_owned(), value);
                    }
                }
                Keys::Fields(fields) => {
                    while let Some(field) = r.next_field(&mut object, fields)? {
                        let key = match field {
                            Field::Known(i) => fields.names()[i].to_owned(),
                            Field::Unknown(name) => {
                                assert!(!fields.names().contains(&&*name), "{name:?} is known");
                                name.into_owned()
                            }
                        };
                        let value = read_value(r, keys)?;
                        map.insert(key, value);
                    }
                }
            }
            Value::Object(map)
        }
    })
}

fn whole(data: &[u8], keys: Keys) -> Result<Value, Error> {
    let mut r = Reader::new(data)?;
    let value = read_value(&mut r, keys)?;
    r.finish()?;
    Ok(value)
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

fuzz_target!(|data: &[u8]| {
    let shown = String::from_utf8_lossy(data);
    let theirs = serde_json::from_slice::<Value>(data);
    let skipped = Reader::new(data).and_then(|mut r| {
        let raw = r.raw()?;
        assert_eq!(raw, raw.trim_matches([' ', '\t', '\n', '\r']), "raw text is the value alone");
        r.finish()?;
        Ok(raw.to_owned())
    });
    for keys in [Keys::Map, Keys::Fields(&PLAIN), Keys::Fields(&ESCAPED)] {
        let ours = whole(data, keys);
        match &theirs {
            Ok(theirs) => {
                let ours = ours.unwrap_or_else(|e| panic!("serde_json reads {shown:?} as {theirs}, we fail: {e}"));
                assert!(ours == *theirs, "{shown:?}: we read {ours}, serde_json {theirs}");
            }
            Err(e) => {
                let ours = ours.err().unwrap_or_else(|| panic!("serde_json refuses {shown:?} ({e}), we read it"));
                // The same first error, except that the reader checks UTF-8 for the whole input
                // before anything else, where serde_json may stop at an earlier error.
                if ours.message() != "invalid UTF-8" {
                    let range = e.to_string().starts_with("number out of range");
                    assert_eq!(range, ours.message().contains("out of range"), "{shown:?}: {e} / {ours}");
                }
            }
        }
    }
    match &theirs {
        Ok(value) => {
            let raw = skipped.unwrap_or_else(|e| panic!("skip refuses {shown:?}: {e}"));
            assert_eq!(serde_json::from_str::<Value>(&raw).expect("raw is the value"), *value);
            let mut w = Writer::new();
            write_value(&mut w, value);
            let again: Value = serde_json::from_slice(w.as_bytes())
                .unwrap_or_else(|e| panic!("the writer wrote invalid JSON {:?}: {e}", w.as_str()));
            assert!(again == *value, "written {:?}, read back {again}", w.as_str());
        }
        // Numbers beyond f64 are skipped by their grammar alone (as serde_json's IgnoredAny does).
        Err(e) if e.to_string().starts_with("number out of range") => {}
        Err(e) => assert!(skipped.is_err(), "serde_json refuses {shown:?} ({e}), skip accepts it"),
    }
});
