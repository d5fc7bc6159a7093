//! Inline content: text with collapsed whitespace, code spans, links,
//! emphasis and hard line breaks.

use super::escape::{code_span, encode_url, escape_word};
use super::tree::{is_block, kind, raw_text, Elem, Kind, Node};

/// The inline formatting already in effect, so that nested `<b><b>` or a link
/// inside a link do not produce broken Markdown.
#[derive(Clone, Copy, Default, Debug)]
struct Style {
    strong: bool,
    emphasis: bool,
    link: bool,
}

/// Writes inline Markdown, collapsing whitespace as HTML does.
#[derive(Default)]
pub(super) struct Inline {
    out: String,
    /// A space is due before the next content.
    space_pending: bool,
    /// The content began with whitespace (reported by `finish`, so that a
    /// wrapper can put the space outside its delimiters).
    leading_space: bool,
    /// The content ends with a closing `*`/`**` preceded by punctuation; see
    /// [`Inline::wrap`].
    fragile_close: bool,
    style: Style,
}

impl Inline {
    fn new(style: Style) -> Self {
        Inline { out: String::new(), space_pending: false, leading_space: false, fragile_close: false, style }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// Returns (leading whitespace, Markdown, trailing whitespace).
    pub(super) fn finish(self) -> (bool, String, bool) {
        let text = self.out.trim_end_matches('\n').to_string();
        (self.leading_space, text, self.space_pending)
    }

    fn space(&mut self) {
        if self.out.is_empty() {
            self.leading_space = true;
        } else {
            self.space_pending = true;
        }
    }

    /// Appends Markdown (already escaped).
    fn push(&mut self, markdown: &str) {
        if markdown.is_empty() {
            return;
        }
        let glued = self.fragile_close && markdown.starts_with(is_word_char);
        if (self.space_pending || glued) && !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push(' ');
        }
        self.space_pending = false;
        self.fragile_close = false;
        self.out.push_str(markdown);
    }

    /// `<br>`: a '\n', turned into a hard line break when rendered. Breaks at
    /// the start or repeated are dropped; link text cannot hold one.
    pub(super) fn hard_break(&mut self) {
        if self.style.link {
            return self.space();
        }
        self.space_pending = false;
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    /// Appends text: whitespace runs collapse to one space, and each word is
    /// escaped.
    pub(super) fn text(&mut self, text: &str) {
        for (i, word) in text.split(is_space).enumerate() {
            if i > 0 {
                self.space();
            }
            if !word.is_empty() {
                let escaped = escape_word(word, !self.style.link);
                self.push(&escaped);
            }
        }
    }

    /// Appends a code span of `raw` (whitespace collapsed, nothing escaped).
    fn code(&mut self, raw: &str) {
        let content = collapse_space(raw);
        if raw.starts_with(is_space) {
            self.space();
        }
        self.push(&code_span(&content));
        if raw.ends_with(is_space) && !content.is_empty() {
            self.space();
        }
    }

    /// Renders `children` between `delimiter`s, with any surrounding
    /// whitespace moved outside: `** bold **` would not be emphasis.
    ///
    /// Markdown also ignores an opening delimiter between a letter and
    /// punctuation (`a**(b)**`), and a closing one between punctuation and a
    /// letter (`**b:**c`). A space is inserted there instead, which reads
    /// better than losing the emphasis.
    fn wrap(&mut self, delimiter: &str, style: Style, children: &[Node]) {
        let mut inner = Inline::new(style);
        inline_children(children, &mut inner);
        let (leading, text, trailing) = inner.finish();
        if leading {
            self.space();
        }
        if let (Some(first), Some(last)) = (text.chars().next(), text.chars().last()) {
            if !first.is_alphanumeric() && self.out.ends_with(is_word_char) {
                self.space();
            }
            self.push(&format!("{delimiter}{text}{delimiter}"));
            self.fragile_close = !last.is_alphanumeric();
        }
        if trailing {
            self.space();
        }
    }
}

/// HTML whitespace. A no-break space is collapsed too: at a line start it
/// would otherwise hide whitespace from the line-start escaping, and inside
/// `*`/`**` it would stop the delimiters from working.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

/// A character next to which an emphasis delimiter does not count when it
/// is on the punctuation side: anything but whitespace and ASCII punctuation
/// (conservatively, as Unicode punctuation is not told apart).
fn is_word_char(c: char) -> bool {
    !(c.is_whitespace() || c.is_ascii_punctuation())
}

fn collapse_space(text: &str) -> String {
    text.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

fn inline_children(children: &[Node], out: &mut Inline) {
    for child in children {
        match child {
            Node::Text(text) => out.text(text),
            Node::Elem(elem) => inline_elem(elem, out),
        }
    }
}

pub(super) fn inline_elem(elem: &Elem, out: &mut Inline) {
    let style = out.style;
    match kind(&elem.name) {
        Kind::Hidden => {}
        Kind::LineBreak => out.hard_break(),
        Kind::Strong if !style.strong => out.wrap("**", Style { strong: true, ..style }, &elem.children),
        Kind::Emphasis if !style.emphasis => out.wrap("*", Style { emphasis: true, ..style }, &elem.children),
        Kind::Code => out.code(&raw_text(elem)),
        Kind::Link if !style.link => link(elem, out),
        k if is_block(k) => {
            // Only reached inside a span (link text, bold, ...): keep words apart.
            out.space();
            inline_children(&elem.children, out);
            out.space();
        }
        _ => inline_children(&elem.children, out),
    }
}

/// The inline content of `elem` as one `**bold**` span, if not empty.
pub(super) fn bold_line(elem: &Elem) -> Option<String> {
    let mut inline = Inline::new(Style { strong: true, ..Style::default() });
    inline_children(&elem.children, &mut inline);
    let (_, text, _) = inline.finish();
    (!text.is_empty()).then(|| format!("**{text}**"))
}

/// `<a href="https://..">text</a>` → `[text](url)`. Without an href the text
/// is an API name → code span. A relative or non-http href would not resolve
/// from rustdoc (and could be mistaken for an intra-doc link) → plain text.
fn link(elem: &Elem, out: &mut Inline) {
    let href = match elem.href.as_deref().map(str::trim) {
        None => return out.code(&raw_text(elem)),
        Some(href) if is_absolute_url(href) => encode_url(href),
        Some(_) => return inline_children(&elem.children, out),
    };
    let mut text = Inline::new(Style { link: true, ..out.style });
    inline_children(&elem.children, &mut text);
    let (leading, text, trailing) = text.finish();
    if leading {
        out.space();
    }
    if text.is_empty() || text == href {
        out.push(&format!("<{href}>"));
    } else {
        out.push(&format!("[{text}]({href})"));
    }
    if trailing {
        out.space();
    }
}

fn is_absolute_url(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    ["http://", "https://"].iter().any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

#[cfg(test)]
mod tests {
    use crate::docs::lint::check;

    #[test]
    fn links_with_and_without_usable_href() {
        // cognito-identity: GetIdentityPoolRolesResponse$RoleMappings, GetOpenIdToken,
        // AWSCognitoIdentityService; kinesis: SubscribeToShardEvent (relative href).
        check(
            r#"<p>This is a
            String-to-<a>RoleMapping</a> object map. This known Cognito ID is returned by
            <a>GetId</a>. See <a href="/streams/latest/dev/building-enhanced-consumers-api.html">Enhanced Fan-Out
                Using the Kinesis Data Streams API</a> and <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-identity.html">Amazon Cognito
                Federated Identities</a>.</p>"#,
            "This is a String-to-`RoleMapping` object map. This known Cognito ID is returned by \
             `GetId`. See Enhanced Fan-Out Using the Kinesis Data Streams API and [Amazon Cognito \
             Federated Identities](https://docs.aws.amazon.com/cognito/latest/developerguide/\
             cognito-identity.html).",
        );
    }

    #[test]
    fn inline_formatting_and_headings() {
        check(
            "<p>Provide <i>all </i>of the <b> key</b> attributes, <b><i>both</i></b> <b><b>twice</b></b><br/>next \
             line <em>em</em> <strong>strong</strong> <b></b> -- dash</p><h2>A <b>heading</b></h2><p>Text</p>",
            "Provide *all* of the **key** attributes, ***both*** **twice**\\\n\
             next line *em* **strong** \\-\\- dash\n\
             \n\
             **A heading**\n\
             \n\
             Text",
        );
    }

    #[test]
    fn emphasis_delimiters_next_to_punctuation_still_work() {
        // sqs: SendMessageBatchRequestEntry$MessageGroupId. `**queues:**Use`
        // would show the asterisks, so a space is inserted.
        check(
            "<p>
                  <b>Standard queues:</b>Use <code>MessageGroupId</code> in standard queues. \
             Key<i>(optional)</i>, <b><code>Id</code></b>s and <b>done.</b></p>",
            "**Standard queues:** Use `MessageGroupId` in standard queues. Key *(optional)*, \
             **`Id`** s and **done.**",
        );
    }

    #[test]
    fn code_span_fences_and_empty_input() {
        check("<code>a `b` c</code> <code>`x</code> <code></code>", "``a `b` c`` `` `x ``");
        check("", "");
        check("  \n <p> </p> <br> ", "");
        check("plain text, no tags", "plain text, no tags");
    }
}
