//! `validate()` on every family of `@pattern` the generator translates, and on constraints of every
//! kind of shape, through the crate generated from `model/test/patterns.json`
//! (`generated/pattern-families`). Each family gets values that its dialect rules accept and
//! reject; where Java (Smithy's tooling) and ECMAScript (the Smithy specification) disagree, the
//! comment says what Java answers.

use std::collections::HashMap;

use pattern_families_types as families;

use families::validate::{Validate, Violation, ViolationKind};
use families::{Input, Level, Rejected, Size};

/// Checks that `validate()` accepts every value of `accepted` in the member `member` (set by
/// `set`), and rejects every value of `rejected` with one `@pattern` violation at that member.
fn check(member: &str, set: fn(Input, String) -> Input, accepted: &[&str], rejected: &[&str]) {
    for value in accepted {
        let input = set(Input::default(), (*value).to_owned());
        assert_eq!(input.validate(), Ok(()), "{member} rejects {value:?}");
    }
    for value in rejected {
        let input = set(Input::default(), (*value).to_owned());
        let violations = input.validate().expect_err(&format!("{member} accepts {value:?}")).0;
        assert_eq!(violations.len(), 1, "{violations:?}");
        assert_eq!(violations[0].path, member);
        assert!(
            matches!(&violations[0].kind, ViolationKind::Pattern { value: Some(shown), .. } if shown == value),
            "{violations:?}"
        );
    }
}

fn violations(value: &impl Validate) -> Vec<Violation> {
    let mut found = value.validate().map(|()| Vec::new()).unwrap_or_else(|e| e.0);
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

#[test]
fn look_arounds_anywhere() {
    check("NotAwsPrefixed", Input::with_not_aws_prefixed, &["ecs:thing", "awsx:y"], &["aws:thing", "Aws"]);
    check("NoTrailingDot", Input::with_no_trailing_dot, &["my-bucket.logs", ""], &["my-bucket.", "."]);
    check("AliasName", Input::with_alias_name, &["live", "v2-beta_1"], &["123", "has space"]);
    // Look-aheads in alternatives, and inside a repeated group.
    check(
        "MailOrLocal",
        Input::with_mail_or_local,
        &["jo@example.com", "local-bob"],
        &["local-admin", "jo@example", "local-"],
    );
    check("Consonants", Input::with_consonants, &["bcd", "xyz"], &["bad", "a"]);
    check("NotSystemKey", Input::with_not_system_key, &["PATH", "_x"], &["system.x", "1$x", "x$"]);
    // Lambda's `Qualifier`: the pattern is searched, not matched whole, so the second
    // alternative finds `23` in `123` (Java's `find()` does the same).
    check("Qualifier", Input::with_qualifier, &["$LATEST", "prod", "123"], &["trailing."]);
}

#[test]
fn posix_classes_are_ascii_alone_and_inside_classes() {
    check("Alnum", Input::with_alnum, &["abc123", "XYZ"], &["abc_123", "é", "٣"]);
    check("HexWord", Input::with_hex_word, &["0aF9", "beef"], &["0aG9", "abc", "١٢٣٤"]);
    check("PunctOrBlank", Input::with_punct_or_blank, &["!? ,", "\t-"], &["a!", "\u{a0}", "«"]);
    check("Printable", Input::with_printable, &["Hello, World! ~", ""], &["tab\there", "é", "\u{7f}"]);
    check("Slug", Input::with_slug, &["my_slug-1"], &["my slug", "ñ"]);
}

#[test]
fn negated_properties_alone_and_inside_classes() {
    // One character that is not a mark, then marks: `e` + U+0301, precomposed `é`, an emoji.
    check("OneGrapheme", Input::with_one_grapheme, &["e\u{301}", "é", "😀"], &["\u{301}", "ab"]);
    // `[^\P{L}a-z]`: letters, but not `a-z`.
    check("NonAsciiLowerLetters", Input::with_non_ascii_lower_letters, &["ÉCOLE", "日本", "Ω"], &["école", "1", "a"]);
    // `[\P{C}\t]`: no control or format characters (U+200B is one) but tab. Java would also
    // accept `"nl\n"`: its `$` matches before a final line break.
    check("NoControls", Input::with_no_controls, &["tab\tok", "😀 ok", ""], &["bell\u{7}", "nl\n", "\u{200b}"]);
}

#[test]
fn utf16_surrogates() {
    // `\uD800\uDC00-\uDBFF\uDFFF` is every supplementary character.
    check(
        "AnyText",
        Input::with_any_text,
        &["emoji 😀 ok", "𝟘\r\n", "\u{fffd}"],
        &["bell\u{7}", "\u{fffe}", "\u{ffff}"],
    );
    // `\uD800`, `\uDBFF-\uDC00` and `\uDFFF` are lone surrogates, which no Rust string holds (Java
    // matches them against lone UTF-16 units): no supplementary character matches.
    check("BmpText", Input::with_bmp_text, &["plain text", "日本\t\u{fffd}"], &["emoji 😀", "𝟘", "\u{7}"]);
    // A pair outside a class is one code point.
    check("Grins", Input::with_grins, &["😀", "😀😀"], &["😁", "", "😀!"]);
}

#[test]
fn a_dash_after_a_class_escape_is_a_literal() {
    check("Token", Input::with_token, &["a-b.c~d", "--", "_.~"], &["a b", "a/b", "é"]);
}

#[test]
fn ecmascript_meanings_where_java_reads_otherwise() {
    // `$` is the end: Java also accepts `abc\n` and `abc\r\n`.
    check("Lower", Input::with_lower, &["abc"], &["abc\n", "abc\r\n", "Abc"]);
    // `\s` holds Unicode spaces: Java's is ASCII and rejects the last three accepted values.
    check(
        "Spaces",
        Input::with_spaces,
        &[" \t", "\u{a0}", "\u{3000}\u{2028}", "\u{feff}"],
        &["\u{85}", "\u{200b}", "x "],
    );
    // `.` matches U+0085 (Java's does not) and a supplementary character as one.
    check("OneChar", Input::with_one_char, &["a", "\u{85}", "😀"], &["\n", "\r", "\u{2028}", "ab"]);
    // `\b` between ASCII word characters and anything else: Java 17 counts `é` as a word
    // character and rejects `écat` and `caté`.
    check("Cat", Input::with_cat, &["cat", "a cat!", "écat", "caté"], &["cats", "concat", "cat_", "catnap"]);
}

#[test]
fn patterns_from_aws_models() {
    check("UsernameType", Input::with_username_type, &["jane.doe", "ñandú", "+1", "a b"], &[" ", "\t", "\u{200b}"]);
    check(
        "FunctionName",
        Input::with_function_name,
        &[
            "my-function",
            "arn:aws:lambda:us-west-2:123456789012:function:my-function:$LATEST",
            "123456789012:function:f",
        ],
        &["my.function", "arn:aws:lambda:us-west-2:1234:function:f"],
    );
}

#[test]
fn a_check_that_backtracks_too_much_gives_up_and_counts_as_a_violation() {
    let hostile = Input::default().with_hostile(format!("{}!", "a".repeat(40)));
    let started = std::time::Instant::now();
    let found = violations(&hostile);
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "Hostile");
    assert_eq!(found[0].kind, ViolationKind::PatternGaveUp { pattern: "^(?:a|(?=a)a)+$" });
    assert_eq!(found[0].to_string(), "Hostile: the check of the pattern ^(?:a|(?=a)a)+$ gave up after 1000000 steps");
    assert_eq!(Input::default().with_hostile("a".repeat(40)).validate(), Ok(()));
    // A value longer than its `@length` maximum is not matched at all.
    let long = Input::default().with_hostile(format!("{}!", "a".repeat(5000)));
    let found = violations(&long);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, ViolationKind::Length { min: None, max: Some(1000), actual: 5001 });
}

#[test]
fn enum_values_are_checked_known_or_not() {
    assert_eq!(Input::default().with_size(Size::Small).validate_strict(), Ok(()));
    // `@pattern` `^[a-z]+$` and `@length` at most 5 on the enum shape.
    let found = violations(&Input::default().with_size(Size::from("HUGE")));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "Size");
    assert!(matches!(&found[0].kind, ViolationKind::Pattern { value: Some(v), .. } if v == "HUGE"), "{found:?}");
    let found = violations(&Input::default().with_sizes(vec![Size::Large, Size::from("enormous")]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "Sizes[1]");
    assert_eq!(found[0].kind, ViolationKind::Length { min: None, max: Some(5), actual: 8 });
    // An unknown value within the constraints is valid, and reported only when strict.
    let tiny = Input::default().with_size(Size::from("tiny"));
    assert_eq!(tiny.validate(), Ok(()));
    let strict = tiny.validate_strict().unwrap_err().0;
    assert_eq!(strict[0].kind, ViolationKind::UnknownEnumValue { value: Some("tiny".into()) });
}

#[test]
fn int_enum_values_are_checked_against_their_range() {
    assert_eq!(Input::default().with_level(Level::High).validate_strict(), Ok(()));
    let found = violations(&Input::default().with_level(Level::from(7)));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, ViolationKind::Range { min: Some(1.0), max: Some(3.0), actual: Some(7.0) });
    let two = Input::default().with_level(Level::from(2));
    assert_eq!(two.validate(), Ok(()));
    let strict = two.validate_strict().unwrap_err().0;
    assert_eq!(strict[0].kind, ViolationKind::UnknownEnumValue { value: Some("2".into()) });
}

#[test]
fn map_keys_and_values_are_checked() {
    let tags = HashMap::from([("Bad Key".to_owned(), "tab\t".to_owned())]);
    let found = violations(&Input::default().with_tags(tags));
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    // `{…}` is the key itself, `[…]` the value at the key.
    assert_eq!(paths, ["Tags[\"Bad Key\"]", "Tags{\"Bad Key\"}"], "{found:?}");
    let empty_key = HashMap::from([(String::new(), "v".to_owned())]);
    let found = violations(&Input::default().with_tags(empty_key));
    assert_eq!(found[0].kind, ViolationKind::Length { min: Some(1), max: Some(16), actual: 0 });
    assert!(matches!(found[1].kind, ViolationKind::Pattern { .. }), "{found:?}");
    let four: HashMap<String, String> = (0..4).map(|i| (format!("k{i}"), "v".to_owned())).collect();
    let found = violations(&Input::default().with_tags(four));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "Tags");
}

#[test]
fn sensitive_map_keys_and_values_never_show() {
    let secrets = HashMap::from([("bad key".to_owned(), "has space".to_owned())]);
    let found = violations(&Input::default().with_secrets(secrets));
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["Secrets[<sensitive key>]", "Secrets{<sensitive key>}"], "{found:?}");
    for violation in &found {
        assert!(matches!(violation.kind, ViolationKind::Pattern { value: None, .. }), "{violation:?}");
        let shown = violation.to_string();
        assert!(!shown.contains("bad key") && !shown.contains("has space"), "{shown}");
    }
}

#[test]
fn list_members_and_member_patterns_are_checked() {
    let words = vec!["ok".to_owned(), "n0t".to_owned(), "waytoolongword".to_owned()];
    let found = violations(&Input::default().with_words(words));
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["Words[1]", "Words[2]"], "{found:?}");
    assert_eq!(found[1].kind, ViolationKind::Length { min: None, max: Some(10), actual: 14 });
    // The member's own pattern replaces its target's (`\p{Alnum}+`).
    check("Code", Input::with_code, &["ABC"], &["abc", "AB1", "ABCD"]);
}

#[test]
fn error_structures_are_checked() {
    let error =
        Rejected { field: Some("a b".into()), reasons: Some(vec!["fine".into(), "1".into()]), ..Rejected::default() };
    let found = violations(&error);
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(paths, ["field", "reasons[1]"], "{found:?}");
}
