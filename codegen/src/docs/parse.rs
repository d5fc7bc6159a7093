//! HTML → tree: the `html5gum` tokenizer feeds a tree builder that forgives
//! any mis-nesting and keeps a tag that is not markup as text.

use html5gum::{DefaultEmitter, Span, Token, Tokenizer};

use super::tree::{Elem, Node};

/// Deeper nesting is flattened, so that the recursive stages cannot overflow
/// the stack on hostile input.
const MAX_DEPTH: usize = 64;

/// Every HTML element name, plus the tags AWS models add (`note`,
/// `important`, `fullname`). Outside code these are always treated as markup.
#[rustfmt::skip]
const KNOWN_TAGS: &[&str] = &[
    "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
    "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code",
    "col", "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir",
    "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
    "iframe", "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map",
    "mark", "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option",
    "output", "p", "param", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp",
    "script", "section", "select", "slot", "small", "source", "span", "strike", "strong",
    "style", "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot",
    "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
    "note", "important", "fullname", "warning", "tip",
];

/// Inside `<code>`/`<pre>` only these tags are markup. Anything else there is a
/// placeholder written without escaping (`<code>arn:<region>:...</code>`,
/// `<code>Map<Column, Type></code>`, `<code><row a="b"></row></code>`), and is
/// kept as literal text.
#[rustfmt::skip]
const CODE_MARKUP_TAGS: &[&str] = &[
    "a", "b", "strong", "i", "em", "code", "br", "span", "sub", "sup", "u", "var", "kbd",
    "samp", "tt", "p", "div", "ul", "ol", "li", "dl", "dt", "dd", "pre", "note", "important",
    "h1", "h2", "h3", "h4", "h5", "h6",
];

/// Elements that never have content or an end tag.
const VOID_TAGS: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// Tokenizes `html` and builds the tree; the returned element is the root.
pub(super) fn parse(html: &str) -> Elem {
    let mut tree = TreeBuilder::new();
    // End of the source consumed by tokens seen so far.
    let mut consumed = 0;
    let tokenizer = Tokenizer::new_with_emitter(html, DefaultEmitter::<usize>::new_with_span());
    for token in tokenizer {
        let token = match token {
            Ok(token) => token,
            Err(never) => match never {},
        };
        match token {
            Token::StartTag(tag) => {
                consumed = consumed.max(tag.span.end);
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let href = tag
                    .attributes
                    .get(b"href".as_slice())
                    .map(|value| String::from_utf8_lossy(&value.value).into_owned());
                let raw = source_of(html, tag.span, &name, false);
                let has_attributes = !tag.attributes.is_empty();
                tree.start_tag(name, href, has_attributes, tag.self_closing, &raw);
            }
            Token::EndTag(tag) => {
                consumed = consumed.max(tag.span.end);
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let raw = source_of(html, tag.span, &name, true);
                tree.end_tag(&name, &raw);
            }
            Token::String(text) => {
                consumed = consumed.max(text.span.end);
                tree.text(&String::from_utf8_lossy(&text.value));
            }
            Token::Comment(comment) => consumed = consumed.max(comment.span.end),
            Token::Doctype(doctype) => consumed = consumed.max(doctype.span.end),
            Token::Error(_) => {}
        }
    }
    // Per the HTML spec a tag still open at the end of input ("a <b and c") is
    // dropped with everything after it. Keep that source as text instead.
    if let Some(rest) = html.get(consumed..) {
        if rest.starts_with('<') {
            tree.text(rest);
        }
    }
    tree.finish()
}

/// The source text of a tag, to keep a placeholder tag literally.
fn source_of(html: &str, span: Span<usize>, name: &str, end_tag: bool) -> String {
    match html.get(span.start..span.end) {
        Some(raw) if !raw.is_empty() => raw.to_string(),
        _ if end_tag => format!("</{name}>"),
        _ => format!("<{name}>"),
    }
}

/// Builds the tree from tokens, forgiving any mis-nesting.
struct TreeBuilder {
    /// Open elements; `stack[0]` is the root and is never popped.
    stack: Vec<Elem>,
}

impl TreeBuilder {
    fn new() -> Self {
        let root = Elem { name: String::new(), href: None, children: Vec::new() };
        TreeBuilder { stack: vec![root] }
    }

    fn in_code(&self) -> bool {
        self.stack.iter().any(|e| is_code_tag(&e.name))
    }

    /// Whether a tag is markup (an element) rather than literal text.
    fn is_markup(&self, name: &str, has_attributes: bool) -> bool {
        if self.in_code() {
            return CODE_MARKUP_TAGS.contains(&name);
        }
        // Outside code, a simple unknown name without attributes (`<p1>`,
        // `<fullname>`) is treated as an unknown element: its tag is dropped.
        // Anything else (`<user@example.com>`, `<YOUR_ID>`, `<x y="z">`) is
        // text that was meant to be shown.
        KNOWN_TAGS.contains(&name) || (!has_attributes && is_simple_tag_name(name))
    }

    fn start_tag(&mut self, name: String, href: Option<String>, has_attributes: bool, self_closing: bool, raw: &str) {
        if !self.is_markup(&name, has_attributes) {
            self.text(raw);
            return;
        }
        self.close_implied(&name);
        let empty = self_closing || VOID_TAGS.contains(&name.as_str());
        let elem = Elem { name, href, children: Vec::new() };
        if empty {
            self.current().children.push(Node::Elem(elem));
        } else if self.stack.len() < MAX_DEPTH {
            self.stack.push(elem);
        }
        // Too deep: the tag is dropped and its content goes to the parent.
    }

    fn end_tag(&mut self, name: &str, raw: &str) {
        if name == "br" {
            // Browsers read `</br>` as `<br>`.
            let br = Elem { name: "br".to_string(), href: None, children: Vec::new() };
            self.current().children.push(Node::Elem(br));
        } else if let Some(pos) = self.stack.iter().rposition(|e| e.name == name) {
            // Closes the element and anything left open inside it.
            if pos > 0 {
                while self.stack.len() > pos {
                    self.pop();
                }
            }
        } else if !self.is_markup(name, false) {
            self.text(raw);
        }
        // Otherwise a stray end tag: dropped.
    }

    /// `<li>` closes an open `<li>` of the same list, `<dt>`/`<dd>` an open
    /// `<dt>`/`<dd>`, as in HTML; otherwise unclosed items would nest.
    fn close_implied(&mut self, name: &str) {
        let (closes, stops): (&[&str], &[&str]) = match name {
            "li" => (&["li"], &["ul", "ol", "menu", "dl", "note", "important", "blockquote"]),
            "dt" | "dd" => (&["dt", "dd"], &["dl", "ul", "ol", "note", "important", "blockquote"]),
            _ => return,
        };
        for i in (1..self.stack.len()).rev() {
            let open = self.stack[i].name.as_str();
            if closes.contains(&open) {
                while self.stack.len() > i {
                    self.pop();
                }
                return;
            }
            if stops.contains(&open) {
                return;
            }
        }
    }

    fn text(&mut self, text: &str) {
        // Control characters have no place in a doc comment.
        let text: String = text.chars().filter(|&c| !c.is_control() || c == '\n' || c == '\t').collect();
        if text.is_empty() {
            return;
        }
        let children = &mut self.current().children;
        if let Some(Node::Text(last)) = children.last_mut() {
            last.push_str(&text);
        } else {
            children.push(Node::Text(text));
        }
    }

    fn current(&mut self) -> &mut Elem {
        self.stack.last_mut().expect("the root is never popped")
    }

    fn pop(&mut self) {
        if self.stack.len() > 1 {
            if let Some(elem) = self.stack.pop() {
                self.current().children.push(Node::Elem(elem));
            }
        }
    }

    fn finish(mut self) -> Elem {
        while self.stack.len() > 1 {
            self.pop();
        }
        self.stack.pop().expect("the root is never popped")
    }
}

fn is_code_tag(name: &str) -> bool {
    matches!(name, "code" | "pre" | "tt" | "kbd" | "samp")
}

fn is_simple_tag_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use crate::docs::lint::check;

    #[test]
    fn code_keeps_angle_brackets_and_stars() {
        // glue: GetMLTransformResponse$Schema, UpdateJobFromSourceControlRequest,
        // CreateXMLClassifierRequest$RowTag; kinesis: StreamARN pattern. The
        // unescaped `<...>` inside <code> are placeholders, not tags.
        check(
            r#"<p>The <code>Map<Column, Type></code> object. Use the format <code><WorkspaceName>/<RepositoryName></code>. For example, <code><row item_a="A" item_b="B"></row></code> is okay. Pattern: <code>arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+</code></p>"#,
            r#"The `Map<Column, Type>` object. Use the format `<WorkspaceName>/<RepositoryName>`. For example, `<row item_a="A" item_b="B"></row>` is okay. Pattern: `arn:aws.*:kinesis:.*:\d{12}:.*stream/\S+`"#,
        );
    }

    #[test]
    fn entities() {
        // verifiedpermissions: ActionIdentifier, CognitoUserPoolConfiguration$clientIds.
        // In text, `&Name;` is escaped so that Markdown does not decode it again.
        check(
            r#"<p>Example: <code>{ "actionId": "&lt;action name&gt;", "actionType": "Action" }</code> </p> <p>Example: <code>"ClientIds": ["&amp;ExampleCogClientId;"]</code> and &amp;ExampleCogClientId; &#39;quoted&#39; &#x41;&#66;&nbsp;&mdash;&nbsp;x &lt;tag&gt; &quot;q&quot; &apos;a&apos;</p>"#,
            "Example: `{ \"actionId\": \"<action name>\", \"actionType\": \"Action\" }`\n\
             \n\
             Example: `\"ClientIds\": [\"&ExampleCogClientId;\"]` and \\&ExampleCogClientId; \
             'quoted' AB — x \\<tag> \"q\" 'a'",
        );
    }

    #[test]
    fn placeholder_tags_and_unknown_tags() {
        // support: Communication$submittedBy; cognito-identity: <fullname>.
        check(
            r#"<fullname>Amazon Cognito Federated Identities</fullname>
         <p>(for example,
            "AdminRole (Role) <janedoe@example.com>). <p1>Unknown</p1> tags <span>keep</span> <title>their</title> <div>text</div></p>"#,
            "Amazon Cognito Federated Identities\n\
             \n\
             (for example, \"AdminRole (Role) \\<janedoe@example.com>). Unknown tags keep their\n\
             \n\
             text",
        );
    }

    #[test]
    fn malformed_html_keeps_all_text() {
        check(
            "<p>Unclosed <b>bold and <i>italic <code>code</p><p>Next</b> para</i> text</ul></li> and a < b but c <d and more",
            "Unclosed **bold and *italic `code`***\n\nNext para text and a \\< b but c \\<d and more",
        );
    }
}
