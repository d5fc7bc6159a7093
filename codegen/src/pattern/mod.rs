//! `@pattern` regular expressions, read as their authors meant them and written for the engine of
//! the generated crates, [`fancy-regex`](https://docs.rs/fancy-regex) 0.20.
//!
//! # Why a translator
//!
//! The Smithy specification says a pattern is an ECMA 262 regular expression, but Smithy's own
//! tooling compiles it with Java's `java.util.regex` and searches with `find()`, and AWS's models
//! rely on that: they use POSIX classes (`\p{Alnum}`), `[\w-.]` (an error in ECMAScript's `u`
//! mode) and UTF-16 surrogate pairs. No Rust engine reads either dialect. fancy-regex reads the
//! syntax of Rust's `regex` crate plus look-around, atomic groups and back-references, and
//! bounds its backtracking (see "The bound" below). So each pattern goes through three
//! stages:
//!
//! 1. [`parse`]: read as Java reads it, into a syntax tree of meanings;
//! 2. [`emit`]: written in fancy-regex's syntax, with one meaning for each construct where Java
//!    and ECMAScript differ ([`emit::Semantics`]); character classes whose members are known
//!    are worked out as sets ([`charset`]), so the engine needs only the Unicode tables of
//!    general categories and binary properties;
//! 3. [`translate`]: compiled once with the same fancy-regex and features as the generated
//!    crates, so a pattern that the generated code compiles on first use is known to compile.
//!
//! A pattern that fails any stage is not checked by the generated crate: the generator warns,
//! naming the shape and the pattern (`space::constraints`).
//!
//! # Meanings
//!
//! ECMAScript's meaning where both dialects have a construct, Java's for what only Java has:
//!
//! | Construct | Java (JDK 17) | ECMAScript (`u` flag) | Here |
//! | --- | --- | --- | --- |
//! | `$` | the end, or before a final line terminator | the end | the end |
//! | `\s` | `[ \t\n\x0B\f\r]` | adds U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF | ECMAScript's set |
//! | `.` | not `\n \r` U+0085 U+2028 U+2029 | not `\n \r` U+2028 U+2029 | ECMAScript's (U+0085 matches) |
//! | `\b`, `\B` | word characters are Unicode letters, digits and `_` | `[A-Za-z0-9_]` | ASCII (Java 19+ agrees) |
//! | `\v` | vertical whitespace | U+000B | U+000B |
//! | `\d`, `\w` | ASCII | ASCII | ASCII |
//! | `\p{Alnum}`, `\p{XDigit}`, `\p{Punct}`, `\p{Blank}`, `\p{Print}`, … | ASCII sets | an error | Java's ASCII sets |
//! | `[\w-.]` | `-` after a class escape is a literal | an error | a literal |
//! | `\uD83D\uDE00` | one code point | one code point | one code point |
//! | a lone surrogate (`\uD800`, or one end of `[\uDBFF-\uDC00]`) | matches a lone UTF-16 unit | the same | matches nothing: a Rust `&str` holds no lone surrogate |
//! | nested classes and `&&`, `(?i)` (ASCII), `(?s)`, possessive quantifiers, `(?>…)`, `\Q…\E`, `\A \z \Z \h \R`, `\x{…}`, `\0oo`, `{n}{m}`, quantified assertions (`${1,128}`) | yes | no | Java's |
//! | a back-reference to a group that took no part | fails | matches empty | fails |
//! | Unicode scripts and blocks (`\p{IsLatin}`, `\p{InGreek}`), other inline flags (`(?m)`, `(?x)`) | yes | partly | not supported: warned about and not checked |
//!
//! A value is valid when the pattern matches anywhere in it (Java's `find()`, ECMAScript's
//! `test()`): patterns anchor themselves with `^` and `$` where they mean to.
//!
//! # The bound
//!
//! The generated crate compiles each pattern with a backtracking limit of [`BACKTRACK_LIMIT`]
//! steps. Patterns without look-around, back-references or atomic groups are handed whole to
//! regex-automata, which runs in time linear in the value; the others run on fancy-regex's
//! backtracking machine, which gives up after that many steps, and the value is then reported as
//! invalid. A string longer than its `@length` maximum is reported for its length and not
//! matched at all.

pub mod charset;
pub mod emit;
pub mod parse;

use emit::Semantics;

/// How many backtracking steps one `@pattern` check may take before it gives up. The generated
/// crates' `validate` module has the same constant (a test keeps them equal).
pub const BACKTRACK_LIMIT: usize = 1_000_000;

/// When a translation is too big for regex-automata, one-character repetitions of more than this
/// many become loops of fancy-regex's own machine ([`emit::emit`]).
pub const VM_LOOPS_OVER: u32 = 64;

/// A pattern ready for the generated code.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Translated {
    /// The model's pattern, for messages and docs.
    pub source: String,
    /// The same pattern in fancy-regex's syntax, with the chosen meanings.
    pub regex: String,
}

/// Translates a model's pattern with the chosen meanings ([`Semantics::CHOSEN`]) and checks that
/// fancy-regex compiles it; an error says why it cannot be used.
pub fn translate(source: &str) -> Result<Translated, String> {
    translate_with(source, Semantics::CHOSEN)
}

/// [`translate`] with other meanings (to compare with Java's, say).
pub fn translate_with(source: &str, semantics: Semantics) -> Result<Translated, String> {
    let parsed = parse::parse(source).map_err(|e| format!("it cannot be read: {e}"))?;
    let plain = emit::emit(&parsed, semantics, None);
    let regex = match compile(&plain) {
        Ok(_) => plain,
        Err(error) => {
            let looped = emit::emit(&parsed, semantics, Some(VM_LOOPS_OVER));
            if looped == plain || compile(&looped).is_err() {
                return Err(format!("the regex engine refuses its translation `{plain}`: {error}"));
            }
            looped
        }
    };
    Ok(Translated { source: source.to_owned(), regex })
}

/// Compiles a translation as the generated crates do.
pub fn compile(regex: &str) -> Result<fancy_regex::Regex, String> {
    fancy_regex::RegexBuilder::new(regex).backtrack_limit(BACKTRACK_LIMIT).build().map_err(|e| {
        let message = e.to_string();
        message.lines().rfind(|line| !line.trim().is_empty()).unwrap_or_default().trim().to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(pattern: &str, value: &str) -> bool {
        let translated = translate(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"));
        compile(&translated.regex).unwrap().is_match(value).unwrap()
    }

    #[test]
    fn the_generated_crates_have_the_same_backtracking_limit() {
        let template = include_str!("../../templates/validate.rs");
        let declared = template
            .lines()
            .find_map(|line| line.strip_prefix("pub const BACKTRACK_LIMIT: usize = "))
            .and_then(|value| value.trim_end_matches(';').replace('_', "").parse::<usize>().ok());
        assert_eq!(declared, Some(BACKTRACK_LIMIT), "templates/validate.rs must declare the same BACKTRACK_LIMIT");
    }

    #[test]
    fn values_are_searched_not_matched_whole() {
        assert!(matches("[0-9]+", "abc123"));
        assert!(!matches("^[0-9]+$", "abc123"));
    }

    #[test]
    fn too_big_for_the_automaton_runs_on_the_backtracking_machine() {
        let translated = translate("^.{1,100000}$").unwrap();
        assert!(translated.regex.contains("(?s:.)){1,100000}"), "{}", translated.regex);
        let regex = compile(&translated.regex).unwrap();
        assert!(regex.is_match(&"x".repeat(100_000)).unwrap());
        assert!(!regex.is_match(&"x".repeat(100_001)).unwrap());
        assert!(!regex.is_match(&format!("{}\n", "x".repeat(10))).unwrap());
    }

    #[test]
    fn hostile_input_makes_the_backtracking_machine_give_up() {
        let translated = translate("^(?:a|(?=a)a)+$").unwrap();
        let regex = compile(&translated.regex).unwrap();
        assert!(regex.is_match(&"a".repeat(20)).unwrap());
        let hostile = format!("{}!", "a".repeat(40));
        let started = std::time::Instant::now();
        assert!(regex.is_match(&hostile).is_err());
        assert!(started.elapsed() < std::time::Duration::from_secs(5), "{:?}", started.elapsed());
    }

    proptest::proptest! {
        /// Any text made of regex syntax translates or is an error; nothing panics.
        #[test]
        fn any_pattern_translates_or_is_an_error(pattern in r"[\\()\[\]{}|*+?.^$&!=<>:,\-a-zA-Z0-9é]{0,40}") {
            let _ = translate(&pattern);
        }
    }

    #[test]
    fn what_cannot_be_used_says_why() {
        assert_eq!(translate("(a").unwrap_err(), "it cannot be read: an unclosed group at index 2");
        assert_eq!(
            translate("\\p{InGreek}").unwrap_err(),
            "it cannot be read: the property `\\p{InGreek}` is not supported at index 11"
        );
    }
}
