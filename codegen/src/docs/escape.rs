//! How text is written so that Markdown and rustdoc read it literally:
//! backslash escapes (within a line and at its start), autolinks for bare
//! URLs, percent-encoded link destinations, and code spans and fences longer
//! than any backtick run inside.

/// Escapes one whitespace-free word of text. URLs in it become `<autolinks>`
/// (rustdoc's `bare_urls` lint rejects bare ones) unless `autolink` is false
/// (inside link text, where a nested link is not allowed).
pub(super) fn escape_word(word: &str, autolink: bool) -> String {
    let mut out = String::with_capacity(word.len() + 8);
    let mut rest = word;
    while let Some((start, end)) = autolink.then(|| find_url(rest)).flatten() {
        escape_text(&rest[..start], &mut out);
        // `find_url` stops at `<`, `>` and `\\`, so the URL fits in `<...>` as is.
        out.push('<');
        out.push_str(&rest[start..end]);
        out.push('>');
        rest = &rest[end..];
    }
    escape_text(rest, &mut out);
    out
}

/// The byte range of the first http(s) URL in a word. It ends before a
/// character that cannot be in an autolink, and trailing sentence
/// punctuation (or an unbalanced `)`) is left out.
fn find_url(word: &str) -> Option<(usize, usize)> {
    let lower = word.to_ascii_lowercase();
    let start = match (lower.find("https://"), lower.find("http://")) {
        (Some(a), Some(b)) => a.min(b),
        (a, b) => a.or(b)?,
    };
    let scheme_len = if lower[start..].starts_with("https://") { 8 } else { 7 };
    let tail = &word[start..];
    let mut end = tail.find(['<', '>', '"', '\'', '`', '{', '}', '|', '\\', '^', '[', ']']).unwrap_or(tail.len());
    loop {
        let url = &tail[..end];
        let unbalanced = url.ends_with(')') && url.matches(')').count() > url.matches('(').count();
        if url.ends_with(['.', ',', ';', ':', '!', '?', '*']) || unbalanced {
            end -= 1;
        } else {
            break;
        }
    }
    (end > scheme_len).then_some((start, start + end))
}

/// Backslash-escapes what Markdown (with rustdoc's extensions) would read as
/// syntax inside a line. Line starts are handled by [`escape_line_start`].
fn escape_text(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { chars.get(i - 1).copied() } else { None };
        let next = chars.get(i + 1).copied();
        let escape = match c {
            // `\` escapes, `` ` `` code spans, `*` emphasis, `[` `]` links and
            // intra-doc links (`[Foo]` is resolved as a Rust path), `<` HTML
            // tags and autolinks, `|` tables, `~` strikethrough.
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' | '~' => true,
            // `_` can only start or end emphasis when not between two
            // alphanumerics, so `SNAKE_CASE` needs no escaping.
            '_' => !(prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric)),
            // `--` would become a dash (rustdoc enables smart punctuation).
            '-' => prev == Some('-') || next == Some('-'),
            // `&name;` / `&#1;` would be decoded as an entity.
            '&' => looks_like_entity(&chars[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

fn looks_like_entity(after_ampersand: &[char]) -> bool {
    let body = after_ampersand.strip_prefix(&['#']).unwrap_or(after_ampersand);
    let name_len = body.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    name_len > 0 && body.get(name_len) == Some(&';')
}

/// Escapes a character at the start of a line that Markdown would read as
/// block syntax: `#` heading, `>` blockquote, `-`/`+` list or thematic break,
/// `=` setext underline, `:` definition, `1.`/`1)` ordered list. (`*`, `_`,
/// `` ` ``, `~`, `|`, `<`, `[` are escaped everywhere; leading whitespace,
/// which could make an indented code block, i.e. a doctest, is trimmed.)
pub(super) fn escape_line_start(line: &str) -> String {
    match line.chars().next() {
        Some('#' | '>' | '-' | '+' | '=' | ':') => format!("\\{line}"),
        Some(c) if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let after = &line[digits..];
            let is_marker =
                after.starts_with(['.', ')']) && after[1..].chars().next().is_none_or(|c| c == ' ' || c == '\t');
            if is_marker {
                format!("{}\\{}", &line[..digits], after)
            } else {
                line.to_string()
            }
        }
        _ => line.to_string(),
    }
}

/// Makes a URL safe as a Markdown link destination or autolink. Line breaks
/// and the indentation around them (long hrefs wrapped in the model) are
/// removed; a space that remains, and characters that would end the
/// destination or start an escape, are percent-encoded.
pub(super) fn encode_url(url: &str) -> String {
    let joined: String = url.lines().map(str::trim).collect();
    let mut out = String::with_capacity(joined.len());
    for c in joined.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            '"' => out.push_str("%22"),
            c if c.is_whitespace() || c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A code span whose fence is longer than any backtick run inside, so the
/// content never needs escaping. Content starting or ending with a backtick
/// is padded with spaces, which Markdown strips again.
pub(crate) fn code_span(content: &str) -> String {
    if content.is_empty() {
        return String::new();
    }
    let fence = backtick_fence(content, 1);
    let pad = if content.starts_with('`') || content.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{content}{pad}{fence}")
}

/// A run of backticks longer than any inside `content`, and at least `min_len`
/// long: code between two of them needs no escaping.
pub(super) fn backtick_fence(content: &str, min_len: usize) -> String {
    "`".repeat((longest_backtick_run(content) + 1).max(min_len))
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use crate::docs::lint::check;

    #[test]
    fn placeholders_stay_literal() {
        // cognito-identity-provider: AdminCreateUserConfigType$InviteMessageTemplate
        check(
            "<p>The template for the welcome message to new users. This template must include the
                <code>{####}</code> temporary password placeholder. The {####} placeholder is replaced.</p>",
            "The template for the welcome message to new users. This template must include the \
             `{####}` temporary password placeholder. The {####} placeholder is replaced.",
        );
    }

    #[test]
    fn brackets_stars_and_backslashes_are_escaped() {
        // glue: S3CsvSource$Exclusions. `[..]` would be an intra-doc link,
        // `**` bold, `\"` an escaped quote.
        check(
            r#"<p>A string containing a JSON list of Unix-style glob patterns to exclude. For example, "[\"**.pdf\"]" excludes all PDF files. </p>"#,
            r#"A string containing a JSON list of Unix-style glob patterns to exclude. For example, "\[\\"\*\*.pdf\\"\]" excludes all PDF files."#,
        );
    }

    #[test]
    fn bare_urls_become_autolinks() {
        // cognito-identity-provider: CreateUserPoolClientRequest$CallbackURLs
        check(
            "<p>Amazon Cognito requires HTTPS over HTTP except for http://localhost for testing purposes
            only.</p>
         <p>See https://tools.ietf.org/html/rfc6749#section-3.1.2. App callback URLs such as myapp://example are also supported.</p>",
            "Amazon Cognito requires HTTPS over HTTP except for <http://localhost> for testing \
             purposes only.\n\
             \n\
             See <https://tools.ietf.org/html/rfc6749#section-3.1.2>. App callback URLs such as \
             myapp://example are also supported.",
        );
    }

    #[test]
    fn backticks_pipes_stars_and_underscores_in_text() {
        // glue: IntegrationPartition$FieldName, KafkaStreamingSourceOptions;
        // support: severity codes; sqs: MessageGroupId; dynamodb: backoff.
        check(
            r##"<p>Avoid using columns (for example, `LastModifiedTimestamp`,
      `SystemModTimeStamp`). Valid values: <code>low</code> | <code>normal</code>. Punctuation (<code>!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~</code>). Sleep (500 * 2) or "__src_timestamp" or SECRET_HASH.</p>"##,
            r##"Avoid using columns (for example, \`LastModifiedTimestamp\`, \`SystemModTimeStamp\`). Valid values: `low` \| `normal`. Punctuation (``!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~``). Sleep (500 \* 2) or "\_\_src_timestamp" or SECRET_HASH."##,
        );
    }

    #[test]
    fn text_that_looks_like_block_syntax_at_a_line_start() {
        check(
            "<p>1. Not a list</p><p>- not a bullet</p><p># not a heading</p>\
             <p>&gt; not a quote<br>+ plus<br><br>  2) two<br>=== no</p><p>    indented</p>",
            "1\\. Not a list\n\
             \n\
             \\- not a bullet\n\
             \n\
             \\# not a heading\n\
             \n\
             \\> not a quote\\\n\
             \\+ plus\\\n\
             2\\) two\\\n\
             \\=== no\n\
             \n\
             indented",
        );
    }
}
