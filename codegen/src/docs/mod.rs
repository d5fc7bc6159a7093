//! Converts the HTML found in Smithy `smithy.api#documentation` traits into
//! Markdown for rustdoc doc comments.
//!
//! The generated crate is documented with `RUSTDOCFLAGS="-D warnings"` and its
//! doctests are run, so the output must be Markdown that rustdoc reads exactly
//! as intended: no HTML tag may reach it (`invalid_html_tags`), no bracketed
//! text may look like an intra-doc link (`broken_intra_doc_links`), no URL may
//! be bare (`bare_urls`), and no text may turn into a code block (a doctest).
//!
//! # Why it is hand-written
//!
//! The HTML-to-Markdown crates were run on excerpts of AWS's documentation
//! (html2md 0.2.17, fast_html2md 0.0.63, htmd 0.5.6, mdka 3.3.0, html2text
//! 0.17.4); none gives Markdown that passes those lints:
//!
//! - All five parse HTML as a browser does (html5ever, or lol_html), so the
//!   unescaped placeholders AWS writes inside code become elements and their
//!   text is lost: `<code>arn:aws:kinesis:<region>:123:stream/x</code>` comes
//!   out as `` `arn:aws:kinesis::123:stream/x` ``, `<code>Map<Column, Type></code>`
//!   as `` `Map` ``.
//! - All five leave bare URLs bare, and none makes a call-out of `<note>` or
//!   `<important>`.
//! - html2md, fast_html2md and html2text leave `[Foo]` unescaped: a broken
//!   intra-doc link.
//! - html2md, fast_html2md and mdka write `<pre>` (htmd `<pre><code>`) as a
//!   fence without an info string, which rustdoc compiles as a Rust doctest.
//! - html2md is GPL-3.0-or-later (this workspace is Apache-2.0); html2text
//!   writes plain text wrapped to a fixed width.
//!
//! So only html5gum's tokenizer is used, and the rest is here.
//!
//! # Stages
//!
//! Data flows one way, through three stages:
//!
//! 1. `parse`: the `html5gum` tokenizer (WHATWG tokenization, so any tag soup
//!    is accepted) feeds a forgiving tree builder. Unclosed tags are closed at
//!    the end, stray end tags are dropped, a tag that is not markup (such as
//!    `<region>`) stays text, and text is never lost. `tree` holds the tree
//!    and what each element means.
//! 2. `blocks`: the tree becomes a list of Markdown blocks (paragraphs, lists,
//!    call-outs, code blocks); `inline` writes their inline content (code
//!    spans, links, emphasis) and collapses whitespace; `escape` decides every
//!    escape, so that text is read literally.
//! 3. `render`: the blocks become lines, with list indentation and blockquote
//!    prefixes.

mod blocks;
mod escape;
mod inline;
#[cfg(test)]
mod lint;
mod parse;
mod render;
mod tree;

/// Text as a Markdown code span, fenced with enough backticks for any it holds.
pub fn code_span(text: &str) -> String {
    escape::code_span(text)
}

/// Converts model HTML documentation to rustdoc Markdown. Returns one String; lines separated by '\n'; no trailing newline; never panics on any input.
pub fn html_to_markdown(html: &str) -> String {
    let (html, cut) = cut_to_limit(html);
    let root = parse::parse(html);
    let blocks = blocks::build_blocks(&root.children);
    let mut markdown = render::render(&blocks);
    if cut {
        if !markdown.is_empty() {
            markdown.push_str("\n\n");
        }
        markdown.push_str(&format!(
            "*The model's documentation is longer than {} KiB; the rest is left out.*",
            MAX_HTML_LEN / 1024
        ));
    }
    markdown
}

/// Documentation longer than this is cut, so that a hostile model (50 MB of `<p>x</p>`) cannot
/// take minutes and gigabytes. The longest in AWS's models is about 15 KB.
pub const MAX_HTML_LEN: usize = 256 * 1024;

/// The first [`MAX_HTML_LEN`] bytes of `html` (on a character boundary, and before a tag that
/// the cut would split), and whether anything was cut.
fn cut_to_limit(html: &str) -> (&str, bool) {
    if html.len() <= MAX_HTML_LEN {
        return (html, false);
    }
    let mut end = MAX_HTML_LEN;
    while !html.is_char_boundary(end) {
        end -= 1;
    }
    let head = &html[..end];
    match (head.rfind('<'), head.rfind('>')) {
        (Some(open), Some(close)) if open > close => (&head[..open], true),
        (Some(open), None) => (&head[..open], true),
        _ => (head, true),
    }
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown;
    use super::lint::lint;

    #[test]
    fn documentation_longer_than_the_limit_is_cut_with_a_note() {
        let html = "<p>A paragraph with <code>code</code>.</p>".repeat(super::MAX_HTML_LEN / 20);
        let markdown = html_to_markdown(&html);
        assert!(markdown.len() < super::MAX_HTML_LEN, "{}", markdown.len());
        assert!(markdown.starts_with("A paragraph with `code`.\n\nA paragraph"), "{}", &markdown[..100]);
        assert!(markdown.ends_with("*The model's documentation is longer than 256 KiB; the rest is left out.*"));
        lint(&markdown).unwrap();
        // A cut inside a tag or a multi-byte character drops the partial tag or character.
        for filler in ["<code>ab</code>", "é", "x<b"] {
            let html = filler.repeat(super::MAX_HTML_LEN / filler.len() + 1);
            let markdown = html_to_markdown(&html);
            assert!(markdown.ends_with("the rest is left out.*"), "{filler}");
            lint(&markdown).unwrap_or_else(|e| panic!("{filler}: {e}"));
        }
        assert!(!html_to_markdown(&"x".repeat(super::MAX_HTML_LEN)).contains("left out"));
    }

    fn model_docs() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/aws");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("model/aws")
            .map(|entry| entry.expect("dir entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        assert_eq!(files.len(), 10, "expected the 10 AWS models in {dir}");
        let mut docs = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).expect("read model");
            let model: serde_json::Value = serde_json::from_str(&text).expect("model JSON");
            let shapes = model["shapes"].as_object().expect("shapes");
            for (id, shape) in shapes {
                let members = shape["members"].as_object().into_iter().flatten();
                let targets =
                    std::iter::once((id.clone(), shape)).chain(members.map(|(m, v)| (format!("{id}${m}"), v)));
                for (name, target) in targets {
                    if let Some(doc) = target["traits"]["smithy.api#documentation"].as_str() {
                        docs.push((name, doc.to_string()));
                    }
                }
            }
        }
        docs
    }

    #[test]
    fn every_model_documentation_string_converts_cleanly() {
        let docs = model_docs();
        assert!(docs.len() > 5000, "only {} documentation strings found", docs.len());
        let mut failures = Vec::new();
        for (name, html) in &docs {
            let markdown = html_to_markdown(html);
            if let Err(problem) = lint(&markdown) {
                failures.push(format!("{name}: {problem}"));
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn tag_soup_never_panics_and_stays_clean() {
        const PIECES: &[&str] = &[
            "<p>",
            "</p>",
            "<ul>",
            "<ol>",
            "<li>",
            "</li>",
            "</ul>",
            "<code>",
            "</code>",
            "<pre>",
            "</pre>",
            "<a href=\"https://x.com/a b\">",
            "<a href=\"../rel\">",
            "<a>",
            "</a>",
            "<b>",
            "</b>",
            "<i>",
            "</i>",
            "<note>",
            "</note>",
            "<dl>",
            "<dt>",
            "<dd>",
            "</dl>",
            "<h2>",
            "<br>",
            "<!--",
            "-->",
            "text ",
            " ",
            "\n    ",
            "[x]",
            "*",
            "_a_",
            "`",
            "``",
            "<region>",
            "&lt;",
            "&#x41;",
            "&amp;",
            "&",
            "<",
            ">",
            "https://example.com/x.",
            "1. ",
            "- ",
            "#",
            "|",
            "{####}",
            "é",
            "\t",
            "\\",
            "<p1>",
            "<x y=\"z\">",
            "</",
            "<important>",
            "\u{a0}",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            // xorshift64*
            seed ^= seed >> 12;
            seed ^= seed << 25;
            seed ^= seed >> 27;
            seed.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        for _ in 0..3000 {
            let len = next() % 40;
            let html: String = (0..len).map(|_| PIECES[(next() % PIECES.len() as u64) as usize]).collect();
            let markdown = html_to_markdown(&html);
            if let Err(problem) = lint(&markdown) {
                panic!("{problem}\n--- input ---\n{html}\n--- output ---\n{markdown}");
            }
        }
        // Deep nesting must not overflow the stack (kept under the length limit, which would
        // otherwise cut it and add a note).
        let deep = "<b><i><ul><li>".repeat(18_000);
        assert!(deep.len() < super::MAX_HTML_LEN);
        assert!(html_to_markdown(&deep).is_empty());
    }
}
