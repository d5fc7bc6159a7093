//! Test support: structural checks of the generated Markdown, for the tests of
//! every stage. Their inputs are mostly excerpts of real documentation strings
//! from `model/aws/*.json`, named in a comment.

use super::html_to_markdown;

/// Asserts the conversion of `html`, then that the output also passes the
/// structural checks.
#[track_caller]
pub(super) fn check(html: &str, expected: &str) {
    let actual = html_to_markdown(html);
    assert_eq!(actual, expected, "\n--- actual ---\n{actual}\n--------------");
    if let Err(problem) = lint(&actual) {
        panic!("{problem}\n--- output ---\n{actual}");
    }
}

/// Checks what would make rustdoc warn or compile a doctest: raw HTML,
/// unescaped brackets that are not links, bare URLs, indented code
/// blocks; and the promised layout (no blank line at the ends or twice).
pub(super) fn lint(markdown: &str) -> Result<(), String> {
    if markdown.starts_with('\n') || markdown.ends_with('\n') || markdown.contains("\n\n\n") {
        return Err("blank line at an end or two in a row".into());
    }
    if markdown.contains('\r') {
        return Err("carriage return".into());
    }
    let mut fence: Option<String> = None;
    // Content columns of the list items seen in the current block.
    let mut list_columns: Vec<usize> = Vec::new();
    for line in markdown.split('\n') {
        let body = strip_quote_prefix(line);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let mut rest = &body[indent..];
        if let Some(open) = &fence {
            if strip_prefixes(rest) == open.as_str() {
                fence = None;
            }
            continue;
        }
        // List markers, possibly several (`- 1. text`), each opening a
        // content column.
        let mut column = indent;
        let mut has_marker = false;
        while let Some(marker) = list_marker_len(rest) {
            if !has_marker {
                list_columns.retain(|&c| c <= column);
            }
            has_marker = true;
            column += marker;
            list_columns.push(column);
            rest = &rest[marker..];
        }
        if !has_marker && indent == 0 && !body.is_empty() {
            list_columns.clear();
        }
        if indent >= 4 && !list_columns.iter().any(|&c| c <= indent && indent < c + 4) {
            return Err(format!("indented code block: {line:?}"));
        }
        let content = strip_containers(rest);
        let ticks: String = content.chars().take_while(|&c| c == '`').collect();
        // A backtick fence's info string holds no backtick; otherwise the
        // line is a code span.
        if ticks.len() >= 3 && !content[ticks.len()..].contains('`') {
            fence = Some(ticks);
            if !content.ends_with("text") {
                return Err(format!("code block not tagged `text`: {line}"));
            }
            continue;
        }
        check_inline(content).map_err(|e| format!("{e} in line {line:?}"))?;
    }
    match fence {
        Some(_) => Err("unclosed code fence".into()),
        None => Ok(()),
    }
}

fn strip_quote_prefix(mut line: &str) -> &str {
    while let Some(rest) = line.strip_prefix("> ").or_else(|| line.strip_prefix('>')) {
        line = rest;
    }
    line
}

/// Drops leading spaces and blockquote markers.
fn strip_prefixes(line: &str) -> &str {
    line.trim_start_matches([' ', '>'])
}

/// Drops leading spaces, blockquote markers and list markers, in any
/// nesting (`> - > 1. text`).
fn strip_containers(mut line: &str) -> &str {
    loop {
        let stripped = strip_prefixes(line);
        let stripped = &stripped[list_marker_len(stripped).unwrap_or(0)..];
        if stripped.len() == line.len() {
            return line;
        }
        line = stripped;
    }
}

fn list_marker_len(line: &str) -> Option<usize> {
    if line.starts_with("- ") {
        return Some(2);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0 && line[digits..].starts_with(". ")).then_some(digits + 2)
}

/// The characters of a line outside code spans, with whether each was
/// backslash-escaped. Code spans are replaced by a single 'C'.
fn outside_code(line: &str) -> Vec<(char, bool)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) {
            out.push((chars[i + 1], true));
            i += 2;
        } else if c == '`' {
            let run = chars[i..].iter().take_while(|&&c| c == '`').count();
            let close = (i + run..chars.len()).find(|&j| {
                chars[j..].iter().take_while(|&&c| c == '`').count() == run && (j == 0 || chars[j - 1] != '`')
            });
            match close {
                Some(j) => {
                    out.push(('C', false));
                    i = j + run;
                }
                None => {
                    out.extend(std::iter::repeat_n(('`', false), run));
                    i += run;
                }
            }
        } else {
            out.push((c, false));
            i += 1;
        }
    }
    out
}

fn check_inline(line: &str) -> Result<(), String> {
    let chars = outside_code(line);
    let text: String = chars.iter().map(|&(c, _)| c).collect();
    let raw = |i: usize, c: char| chars.get(i).is_some_and(|&(x, escaped)| x == c && !escaped);
    let starts = |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k).is_some_and(|&(x, _)| x == c));
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        if raw(i, '`') {
            return Err("unmatched backtick".into());
        } else if raw(i, '<') {
            // Only autolinks may use `<`.
            let is_autolink = (starts(i + 1, "http://") || starts(i + 1, "https://"))
                && text[text.char_indices().nth(i).map_or(0, |(b, _)| b)..].contains('>');
            if !is_autolink {
                return Err("raw `<`".into());
            }
            i += chars[i..].iter().position(|&(c, _)| c == '>').unwrap_or(0);
        } else if raw(i, '[') {
            depth += 1;
        } else if raw(i, ']') {
            if depth == 0 || !starts(i + 1, "(http") {
                return Err("unescaped `]` that does not end a link".into());
            }
            depth -= 1;
            // Skip the destination.
            i += chars[i..].iter().position(|&(c, _)| c == ')').unwrap_or(0);
        } else if depth == 0 && (starts(i, "http://") || starts(i, "https://")) {
            return Err("bare URL".into());
        }
        i += 1;
    }
    if depth != 0 {
        return Err("unescaped `[` that does not start a link".into());
    }
    Ok(())
}
