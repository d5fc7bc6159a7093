//! `@pattern` regular expressions: ECMA 262 in the model, Rust's `regex` crate in the generated
//! code. Most patterns mean the same in both; this module translates the rest, or refuses.
//!
//! Translations:
//! - a UTF-16 surrogate pair `\uD800\uDC00` (ECMA matches code units) becomes the code point it
//!   encodes (`\x{10000}`), so `[\uD800\uDC00-\uDBFF\uDFFF]` is "every supplementary character";
//! - `\p{Print}` (POSIX printable ASCII) becomes `[[:print:]]`;
//! - a leading negative look-ahead `^(?!X)` becomes a second pattern that must *not* match
//!   (`^(?:X)`), and a trailing negative look-behind `(?<!X)$` likewise (`(?:X)$`); the `regex`
//!   crate has no look-around.
//!
//! Any other pattern that the `regex` crate cannot compile is an error naming the shape.

/// A pattern ready for the generated code: a value is valid when `accept` matches and `reject`
/// (if any) does not.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Translated {
    /// The model's pattern, for messages.
    pub source: String,
    /// What a valid value must match.
    pub accept: String,
    /// What a valid value must not match.
    pub reject: Option<String>,
}

/// Translates an ECMA 262 pattern for the `regex` crate and checks that it compiles.
pub fn translate(source: &str) -> Result<Translated, String> {
    let text = replace_print_class(&surrogate_pairs_to_code_points(source));
    let (accept, reject) = split_negative_lookaround(&text);
    for pattern in std::iter::once(&accept).chain(reject.as_ref()) {
        if let Err(e) = regex::Regex::new(pattern) {
            let reason = e.to_string().lines().last().unwrap_or_default().trim().to_owned();
            return Err(format!("the pattern `{source}` cannot be used with Rust's regex crate: {reason}"));
        }
    }
    Ok(Translated { source: source.to_owned(), accept, reject })
}

/// `\uD83D\uDE00` → `\x{1F600}`.
fn surrogate_pairs_to_code_points(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(start) = rest.find("\\u") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let pair = (unit(tail), unit(tail.get(6..).unwrap_or_default()));
        match pair {
            (Some(high @ 0xD800..=0xDBFF), Some(low @ 0xDC00..=0xDFFF)) => {
                let code_point = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                out.push_str(&format!("\\x{{{code_point:X}}}"));
                rest = &tail[12..];
            }
            _ => {
                out.push_str("\\u");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The code unit of a `\uXXXX` escape at the start of `text`.
fn unit(text: &str) -> Option<u32> {
    let hex = text.strip_prefix("\\u")?.get(..4)?;
    u32::from_str_radix(hex, 16).ok()
}

/// `\p{Print}` inside a class is `[:print:]`, outside `[[:print:]]`.
fn replace_print_class(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut chars = pattern.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if pattern[i..].starts_with("\\p{Print}") {
            out.push_str(if in_class { "[:print:]" } else { "[[:print:]]" });
            for _ in 0.."\\p{Print}".len() - 1 {
                chars.next();
            }
            continue;
        }
        match c {
            '\\' => {
                out.push(c);
                if let Some((_, escaped)) = chars.next() {
                    out.push(escaped);
                }
                continue;
            }
            '[' => in_class = true,
            ']' => in_class = false,
            _ => {}
        }
        out.push(c);
    }
    out
}

/// `^(?!X)rest` → (`^rest`, `^(?:X)`); `rest(?<!X)$` → (`rest$`, `(?:X)$`).
fn split_negative_lookaround(pattern: &str) -> (String, Option<String>) {
    if let Some(after) = pattern.strip_prefix("^(?!") {
        if let Some(end) = group_end(after) {
            return (format!("^{}", &after[end + 1..]), Some(format!("^(?:{})", &after[..end])));
        }
    }
    if let Some(before) = pattern.strip_suffix(")$") {
        if let Some(start) = before.rfind("(?<!") {
            let inner = &before[start + 4..];
            if group_end(&format!("{inner})")) == Some(inner.len()) {
                return (format!("{}$", &before[..start]), Some(format!("(?:{inner})$")));
            }
        }
    }
    (pattern.to_owned(), None)
}

/// The index of the `)` that closes a group whose body starts at `text[0]`.
fn group_end(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_class = false;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => in_class = true,
            ']' => in_class = false,
            '(' if !in_class => depth += 1,
            ')' if !in_class => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(t: &Translated, value: &str) -> bool {
        regex::Regex::new(&t.accept).unwrap().is_match(value)
            && !t.reject.as_ref().is_some_and(|r| regex::Regex::new(r).unwrap().is_match(value))
    }

    #[test]
    fn ordinary_patterns_pass_through() {
        let t = translate("[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+").unwrap();
        assert_eq!(t.accept, "[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+");
        assert!(t.reject.is_none());
        assert!(matches(&t, "user-1"));
    }

    #[test]
    fn surrogate_pairs_become_supplementary_code_points() {
        let t = translate("^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\uD800\\uDC00-\\uDBFF\\uDFFF\\t]*$").unwrap();
        assert_eq!(t.accept, "^[\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}\\t]*$");
        assert!(matches(&t, "emoji 😀 ok"));
        assert!(!matches(&t, "bell \u{7}"));
    }

    #[test]
    fn posix_print_is_translated() {
        let t = translate("^\\p{Print}+$").unwrap();
        assert_eq!(t.accept, "^[[:print:]]+$");
        assert!(matches(&t, "Scale-Out Policy"));
        assert!(!matches(&t, "tab\there"));
    }

    #[test]
    fn trailing_negative_look_behind_becomes_a_reject_pattern() {
        let t = translate("^[0-9A-Za-z\\.\\-_]*(?<!\\.)$").unwrap();
        assert_eq!(t.accept, "^[0-9A-Za-z\\.\\-_]*$");
        assert_eq!(t.reject.as_deref(), Some("(?:\\.)$"));
        assert!(matches(&t, "my-bucket.logs"));
        assert!(!matches(&t, "my-bucket."));
    }

    #[test]
    fn leading_negative_look_ahead_becomes_a_reject_pattern() {
        let t = translate("^(?!(.*[.\\/\\\\]|aws:)).*$").unwrap();
        assert_eq!(t.accept, "^.*$");
        assert_eq!(t.reject.as_deref(), Some("^(?:(.*[.\\/\\\\]|aws:))"));
        assert!(matches(&t, "catalog"));
        assert!(!matches(&t, "aws:catalog"));
        assert!(!matches(&t, "a/b"));
    }

    #[test]
    fn untranslatable_patterns_are_errors() {
        let error = translate("^(a)\\1$").unwrap_err();
        assert!(error.starts_with("the pattern `^(a)\\1$` cannot be used with Rust's regex crate"), "{error}");
        assert!(translate("a(?=b)c").is_err());
    }
}
