//! Converts the HTML found in Smithy `smithy.api#documentation` traits into
//! Markdown for rustdoc doc comments.
//!
//! The generated crate is documented with `RUSTDOCFLAGS="-D warnings"` and its
//! doctests are run, so the output must be Markdown that rustdoc reads exactly
//! as intended: no HTML tag may reach it (`invalid_html_tags`), no bracketed
//! text may look like an intra-doc link (`broken_intra_doc_links`), no URL may
//! be bare (`bare_urls`), and no text may turn into a code block (a doctest).
//!
//! The conversion has three stages:
//!
//! 1. `parse`: the `html5gum` tokenizer (WHATWG tokenization, so any tag soup
//!    is accepted) feeds a forgiving tree builder. Unclosed tags are closed at
//!    the end, stray end tags are dropped, and text is never lost.
//! 2. `BlockBuilder`: the tree becomes a list of Markdown `Block`s
//!    (paragraphs, lists, call-outs, code blocks); inline content is written by
//!    an `Inline` writer, which collapses whitespace and escapes text.
//! 3. `render_blocks`: the blocks become lines, with list indentation and
//!    blockquote prefixes.

use html5gum::{DefaultEmitter, Span, Token, Tokenizer};

/// Converts model HTML documentation to rustdoc Markdown. Returns one String; lines separated by '\n'; no trailing newline; never panics on any input.
pub fn html_to_markdown(html: &str) -> String {
    let (html, cut) = cut_to_limit(html);
    let root = parse(html);
    let blocks = build_blocks(&root.children);
    let mut markdown = finish_lines(render_blocks(&blocks, false));
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

// ---------------------------------------------------------------------------
// Stage 1: HTML → tree
// ---------------------------------------------------------------------------

/// A node of the (forgivingly built) HTML tree.
#[derive(Debug)]
enum Node {
    /// Decoded text. Tags that are not markup (placeholders such as
    /// `<region>` or `<user@example.com>`) are kept here as their source text.
    Text(String),
    Elem(Elem),
}

#[derive(Debug)]
struct Elem {
    /// Lower-case tag name.
    name: String,
    /// The `href` attribute, for `<a>`.
    href: Option<String>,
    children: Vec<Node>,
}

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
fn parse(html: &str) -> Elem {
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

/// What an element means for the conversion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// A block that only separates paragraphs (`p`, `div`, `fullname`, ...).
    Paragraph,
    Heading,
    List {
        ordered: bool,
    },
    DefinitionList,
    Item,
    Term,
    Definition,
    /// `<note>` and friends, rendered as a `> **Label:**` blockquote.
    Callout(&'static str),
    Pre,
    Code,
    Strong,
    Emphasis,
    Link,
    LineBreak,
    /// Content that is not documentation (`script`, `style`).
    Hidden,
    /// Any other tag: dropped, content kept.
    Transparent,
}

fn kind(name: &str) -> Kind {
    match name {
        "p" | "div" | "fullname" | "section" | "article" | "header" | "footer" | "main" | "nav" | "aside"
        | "address" | "blockquote" | "figure" | "figcaption" | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td"
        | "th" | "caption" | "hr" | "details" | "summary" | "center" | "body" | "html" | "form" | "fieldset" => {
            Kind::Paragraph
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "ul" | "menu" | "dir" => Kind::List { ordered: false },
        "ol" => Kind::List { ordered: true },
        "dl" => Kind::DefinitionList,
        "li" => Kind::Item,
        "dt" => Kind::Term,
        "dd" => Kind::Definition,
        "note" => Kind::Callout("Note"),
        "important" => Kind::Callout("Important"),
        "warning" => Kind::Callout("Warning"),
        "tip" => Kind::Callout("Tip"),
        "pre" => Kind::Pre,
        "code" | "tt" | "kbd" | "samp" => Kind::Code,
        "b" | "strong" => Kind::Strong,
        "i" | "em" | "cite" | "var" | "dfn" => Kind::Emphasis,
        "a" => Kind::Link,
        "br" => Kind::LineBreak,
        "script" | "style" | "head" | "template" => Kind::Hidden,
        _ => Kind::Transparent,
    }
}

fn is_block(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Paragraph
            | Kind::Heading
            | Kind::List { .. }
            | Kind::DefinitionList
            | Kind::Item
            | Kind::Term
            | Kind::Definition
            | Kind::Callout(_)
            | Kind::Pre
    )
}

/// Whether an element has block content somewhere inside. An inline element
/// that wraps blocks (`<b><p>..</p></b>`) cannot become one Markdown span, so
/// its own formatting is dropped.
fn contains_block(elem: &Elem) -> bool {
    elem.children.iter().any(|child| match child {
        Node::Elem(e) => is_block(kind(&e.name)) || contains_block(e),
        Node::Text(_) => false,
    })
}

// ---------------------------------------------------------------------------
// Stage 2: tree → blocks
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Block {
    /// Inline Markdown; '\n' separates lines joined by hard line breaks.
    /// Line starts are escaped when rendered.
    Para(String),
    /// The literal content of a fenced ```` ```text ```` block.
    Code(String),
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// A call-out such as `<note>`: a blockquote starting with `**Label:**`.
    Quote {
        label: &'static str,
        blocks: Vec<Block>,
    },
}

fn build_blocks(nodes: &[Node]) -> Vec<Block> {
    let mut builder = BlockBuilder::new();
    builder.children(nodes);
    builder.finish()
}

/// Collects blocks; inline content accumulates in `para` until a block
/// boundary flushes it as a paragraph.
struct BlockBuilder {
    blocks: Vec<Block>,
    para: Inline,
}

impl BlockBuilder {
    fn new() -> Self {
        BlockBuilder { blocks: Vec::new(), para: Inline::new(Style::default()) }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    fn flush(&mut self) {
        let para = std::mem::replace(&mut self.para, Inline::new(Style::default()));
        let (_, text, _) = para.finish();
        if !text.is_empty() {
            self.blocks.push(Block::Para(text));
        }
    }

    fn push(&mut self, block: Block) {
        self.flush();
        self.blocks.push(block);
    }

    fn children(&mut self, nodes: &[Node]) {
        for (i, node) in nodes.iter().enumerate() {
            self.node(node, &nodes[i + 1..]);
        }
    }

    /// `following` are the node's later siblings.
    fn node(&mut self, node: &Node, following: &[Node]) {
        let elem = match node {
            Node::Text(text) => return self.para.text(text),
            Node::Elem(elem) => elem,
        };
        match kind(&elem.name) {
            Kind::Hidden => {}
            Kind::LineBreak => self.para.hard_break(),
            Kind::Paragraph | Kind::Item | Kind::Term | Kind::Definition => {
                self.flush();
                self.children(&elem.children);
                self.flush();
            }
            Kind::Heading => self.heading(elem),
            Kind::List { ordered } => {
                let items = list_items(elem);
                if !items.is_empty() {
                    self.push(Block::List { ordered, items });
                }
            }
            Kind::DefinitionList => {
                let items = definition_items(elem);
                if !items.is_empty() {
                    self.push(Block::List { ordered: false, items });
                }
            }
            Kind::Callout(label) => {
                let blocks = build_blocks(&elem.children);
                if !blocks.is_empty() {
                    self.push(Block::Quote { label, blocks });
                }
            }
            Kind::Pre => {
                if let Some(code) = code_block(elem, false) {
                    self.push(Block::Code(code));
                }
            }
            Kind::Code if self.para.is_empty() && following.iter().all(is_blank) => {
                match is_laid_out(elem).then(|| code_block(elem, true)).flatten() {
                    Some(code) => self.push(Block::Code(code)),
                    None => inline_elem(elem, &mut self.para),
                }
            }
            _ if contains_block(elem) => self.children(&elem.children),
            _ => inline_elem(elem, &mut self.para),
        }
    }

    /// Headings become a bold paragraph: `#` headings would clash with the
    /// headings rustdoc generates for the item itself.
    fn heading(&mut self, elem: &Elem) {
        self.flush();
        if contains_block(elem) {
            self.children(&elem.children);
        } else if let Some(text) = bold_line(elem) {
            self.blocks.push(Block::Para(text));
        }
        self.flush();
    }
}

/// The inline content of `elem` as one `**bold**` span, if not empty.
fn bold_line(elem: &Elem) -> Option<String> {
    let mut inline = Inline::new(Style { strong: true, ..Style::default() });
    inline_children(&elem.children, &mut inline);
    let (_, text, _) = inline.finish();
    (!text.is_empty()).then(|| format!("**{text}**"))
}

/// Whether a `<code>` alone in its paragraph is a laid-out example (JSON)
/// for a code block: three or more lines. Two lines are usually one long
/// line wrapped in the model source, better kept as a code span.
fn is_laid_out(code: &Elem) -> bool {
    let text = raw_text(code);
    text.lines().filter(|line| !line.trim().is_empty()).count() >= 3
}

fn is_blank(node: &Node) -> bool {
    matches!(node, Node::Text(text) if text.chars().all(is_space))
}

/// The items of `<ul>`/`<ol>`. Content outside `<li>` (commonly a nested
/// `<ul>` placed after `</li>`) joins the previous item.
fn list_items(list: &Elem) -> Vec<Vec<Block>> {
    let mut items: Vec<Vec<Block>> = Vec::new();
    for child in &list.children {
        match child {
            Node::Elem(e) if kind(&e.name) == Kind::Item => items.push(build_blocks(&e.children)),
            other => append_to_last(&mut items, build_blocks(std::slice::from_ref(other))),
        }
    }
    items.retain(|item| !item.is_empty());
    items
}

/// `<dl>` becomes a list: each item is the `**term**` followed by the
/// definitions as indented paragraphs.
fn definition_items(list: &Elem) -> Vec<Vec<Block>> {
    let mut items: Vec<Vec<Block>> = Vec::new();
    // Whether the last item has only terms so far (`<dt>a<dt>b<dd>..`).
    let mut only_terms = false;
    for child in &list.children {
        match child {
            Node::Elem(e) if kind(&e.name) == Kind::Term => {
                let term = match contains_block(e) {
                    true => build_blocks(&e.children),
                    false => bold_line(e).map(Block::Para).into_iter().collect(),
                };
                if term.is_empty() {
                    continue;
                }
                match items.last_mut() {
                    Some(item) if only_terms => item.extend(term),
                    _ => items.push(term),
                }
                only_terms = true;
            }
            other => {
                let blocks = match other {
                    Node::Elem(e) if kind(&e.name) == Kind::Definition => build_blocks(&e.children),
                    other => build_blocks(std::slice::from_ref(other)),
                };
                if !blocks.is_empty() {
                    append_to_last(&mut items, blocks);
                    only_terms = false;
                }
            }
        }
    }
    items
}

fn append_to_last(items: &mut Vec<Vec<Block>>, blocks: Vec<Block>) {
    if blocks.is_empty() {
        return;
    }
    match items.last_mut() {
        Some(item) => item.extend(blocks),
        None => items.push(blocks),
    }
}

/// The text of a `<pre>` (or multi-line `<code>`) with its line structure:
/// blank lines at the ends dropped, common indentation removed, runs of blank
/// lines collapsed. `first_line_inline` is for `<code>`, whose first line
/// starts right after the tag and so has no meaningful indentation.
fn code_block(elem: &Elem, first_line_inline: bool) -> Option<String> {
    let text = raw_text(elem).replace('\u{a0}', " ");
    // Indentation is counted in spaces and tabs only, so that slicing it off
    // by byte count cannot split a character.
    let indentation = |line: &str| line.len() - line.trim_start_matches([' ', '\t']).len();
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let dedent_from = usize::from(first_line_inline);
    let indent =
        lines.iter().skip(dedent_from).filter(|line| !line.is_empty()).map(|line| indentation(line)).min().unwrap_or(0);
    for (i, line) in lines.iter_mut().enumerate() {
        *line = if i < dedent_from { line.trim_start() } else { &line[indentation(line).min(indent)..] };
    }
    let mut out: Vec<&str> = Vec::new();
    for line in lines {
        if line.is_empty() && out.last().is_none_or(|last: &&str| last.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last() == Some(&"") {
        out.pop();
    }
    (!out.is_empty()).then(|| out.join("\n"))
}

/// All text inside `elem`, whitespace untouched; `<br>` and blocks become
/// line breaks.
fn raw_text(elem: &Elem) -> String {
    let mut out = String::new();
    collect_text(elem, &mut out);
    out
}

fn collect_text(elem: &Elem, out: &mut String) {
    for child in &elem.children {
        match child {
            Node::Text(text) => out.push_str(text),
            Node::Elem(e) => match kind(&e.name) {
                Kind::Hidden => {}
                Kind::LineBreak => out.push('\n'),
                k if is_block(k) => {
                    out.push('\n');
                    collect_text(e, out);
                    out.push('\n');
                }
                _ => collect_text(e, out),
            },
        }
    }
}

// ---------------------------------------------------------------------------
// Inline content
// ---------------------------------------------------------------------------

/// The inline formatting already in effect, so that nested `<b><b>` or a link
/// inside a link do not produce broken Markdown.
#[derive(Clone, Copy, Default, Debug)]
struct Style {
    strong: bool,
    emphasis: bool,
    link: bool,
}

/// Writes inline Markdown, collapsing whitespace as HTML does.
struct Inline {
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

    fn is_empty(&self) -> bool {
        self.out.is_empty()
    }

    /// Returns (leading whitespace, Markdown, trailing whitespace).
    fn finish(self) -> (bool, String, bool) {
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
    fn hard_break(&mut self) {
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
    fn text(&mut self, text: &str) {
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
fn is_space(c: char) -> bool {
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

fn inline_elem(elem: &Elem, out: &mut Inline) {
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

/// Makes a URL safe as a Markdown link destination or autolink. Line breaks
/// and the indentation around them (long hrefs wrapped in the model) are
/// removed; a space that remains, and characters that would end the
/// destination or start an escape, are percent-encoded.
fn encode_url(url: &str) -> String {
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
fn code_span(content: &str) -> String {
    if content.is_empty() {
        return String::new();
    }
    let fence = "`".repeat(longest_backtick_run(content) + 1);
    let pad = if content.starts_with('`') || content.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{content}{pad}{fence}")
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Escaping of text
// ---------------------------------------------------------------------------

/// Escapes one whitespace-free word of text. URLs in it become `<autolinks>`
/// (rustdoc's `bare_urls` lint rejects bare ones) unless `autolink` is false
/// (inside link text, where a nested link is not allowed).
fn escape_word(word: &str, autolink: bool) -> String {
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
fn escape_line_start(line: &str) -> String {
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

// ---------------------------------------------------------------------------
// Stage 3: blocks → lines
// ---------------------------------------------------------------------------

/// Renders blocks separated by blank lines (or by nothing, for the items of
/// a tight list).
fn render_blocks(blocks: &[Block], tight: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for block in blocks {
        let lines = render_block(block);
        if lines.is_empty() {
            continue;
        }
        if !out.is_empty() && !tight {
            out.push(String::new());
        }
        out.extend(lines);
    }
    out
}

fn render_block(block: &Block) -> Vec<String> {
    match block {
        Block::Para(text) => render_para(text),
        Block::Code(code) => render_code(code),
        Block::List { ordered, items } => render_list(*ordered, items),
        Block::Quote { label, blocks } => render_quote(label, blocks),
    }
}

/// One line per hard break; each line but the last ends with `\`, which is a
/// Markdown hard break that survives trailing-whitespace trimming.
fn render_para(text: &str) -> Vec<String> {
    let lines: Vec<String> = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(escape_line_start).collect();
    let last = lines.len().saturating_sub(1);
    lines.into_iter().enumerate().map(|(i, l)| if i < last { l + "\\" } else { l }).collect()
}

/// A fenced block tagged `text`, so rustdoc never compiles it as a doctest.
fn render_code(code: &str) -> Vec<String> {
    let fence = "`".repeat((longest_backtick_run(code) + 1).max(3));
    let mut lines = vec![format!("{fence}text")];
    lines.extend(code.lines().map(str::to_string));
    lines.push(fence);
    lines
}

/// A list is tight (no blank lines) when each item is at most one paragraph
/// followed by nested lists; anything else needs blank lines between blocks,
/// and then between all items.
fn render_list(ordered: bool, items: &[Vec<Block>]) -> Vec<String> {
    let tight = items.iter().all(|item| {
        item.iter().enumerate().all(|(i, block)| match block {
            Block::List { .. } => true,
            Block::Para(_) => i == 0,
            _ => false,
        })
    });
    let mut out = Vec::new();
    let mut number = 0;
    for item in items {
        let body = render_blocks(item, tight);
        if body.is_empty() {
            continue;
        }
        number += 1;
        let marker = if ordered { format!("{number}. ") } else { "- ".to_string() };
        if !out.is_empty() && !tight {
            out.push(String::new());
        }
        // Continuation lines are indented to the item's content column.
        let indent = " ".repeat(marker.len());
        for (i, line) in body.into_iter().enumerate() {
            out.push(match i {
                0 => format!("{marker}{line}"),
                _ if line.is_empty() => line,
                _ => format!("{indent}{line}"),
            });
        }
    }
    out
}

fn render_quote(label: &str, blocks: &[Block]) -> Vec<String> {
    let mut blocks = blocks.to_vec();
    match blocks.first_mut() {
        Some(Block::Para(text)) => *text = format!("**{label}:** {text}"),
        _ => blocks.insert(0, Block::Para(format!("**{label}:**"))),
    }
    render_blocks(&blocks, false)
        .into_iter()
        .map(|line| if line.is_empty() { ">".to_string() } else { format!("> {line}") })
        .collect()
}

/// Joins lines: trailing whitespace removed, no blank line at either end and
/// never two in a row.
fn finish_lines(lines: Vec<String>) -> String {
    let mut out: Vec<&str> = Vec::new();
    for line in &lines {
        let line = line.trim_end();
        if line.is_empty() && out.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        out.push(line);
    }
    while out.last() == Some(&"") {
        out.pop();
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown;

    /// Asserts the conversion of `html`, then that the output also passes the
    /// structural checks.
    #[track_caller]
    fn check(html: &str, expected: &str) {
        let actual = html_to_markdown(html);
        assert_eq!(actual, expected, "\n--- actual ---\n{actual}\n--------------");
        if let Err(problem) = lint(&actual) {
            panic!("{problem}\n--- output ---\n{actual}");
        }
    }

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

    // Excerpts of real documentation strings from model/aws/*.json.

    #[test]
    fn note_becomes_a_callout() {
        // cognito-identity-provider: GetUserAuthFactors
        check(
            "<p>Lists the authentication options for the currently signed-in user.</p>
         <note>
            <p>Amazon Cognito doesn't evaluate Identity and Access Management (IAM) policies in requests for this API operation. For
    this operation, you can't use IAM credentials to authorize requests.</p>
         </note>",
            "Lists the authentication options for the currently signed-in user.\n\
             \n\
             > **Note:** Amazon Cognito doesn't evaluate Identity and Access Management (IAM) \
             policies in requests for this API operation. For this operation, you can't use IAM \
             credentials to authorize requests.",
        );
    }

    #[test]
    fn important_with_a_list() {
        // sqs: SendMessageBatchRequestEntry$MessageSystemAttributes
        check(
            "<p>The message system attribute to send Each message system attribute consists of a <code>Name</code>, <code>Type</code>, and <code>Value</code>.</p>
         <important>
            <ul>
               <li>
                  <p>Currently, the only supported message system attribute is <code>AWSTraceHeader</code>.
                    Its type must be <code>String</code>.</p>
               </li>
               <li>
                  <p>The size of a message system attribute doesn't count towards the total size of a message.</p>
               </li>
            </ul>
         </important>",
            "The message system attribute to send Each message system attribute consists of a \
             `Name`, `Type`, and `Value`.\n\
             \n\
             > **Important:**\n\
             >\n\
             > - Currently, the only supported message system attribute is `AWSTraceHeader`. \
             Its type must be `String`.\n\
             > - The size of a message system attribute doesn't count towards the total size of \
             a message.",
        );
    }

    #[test]
    fn definition_list() {
        // cognito-identity-provider: AdminInitiateAuthRequest$AuthFlow
        check(
            r#"<p>The authentication flow that you want to initiate.</p>
         <dl>
            <dt>USER_AUTH</dt>
            <dd>
               <p>The entry point for <a href="https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html#authentication-flows-selection-choice">choice-based authentication</a> with passwords.</p>
            </dd>
            <dt>REFRESH_TOKEN_AUTH and REFRESH_TOKEN</dt>
            <dd>
               <p>Receive new ID and access tokens when you pass a
                            <code>REFRESH_TOKEN</code> parameter.</p>
            </dd>
         </dl>"#,
            "The authentication flow that you want to initiate.\n\
             \n\
             - **USER_AUTH**\n\
             \n\
             \x20 The entry point for [choice-based authentication](https://docs.aws.amazon.com/\
             cognito/latest/developerguide/authentication-flows-selection-sdk.html\
             #authentication-flows-selection-choice) with passwords.\n\
             \n\
             - **REFRESH_TOKEN_AUTH and REFRESH_TOKEN**\n\
             \n\
             \x20 Receive new ID and access tokens when you pass a `REFRESH_TOKEN` parameter.",
        );
    }

    #[test]
    fn nested_lists() {
        // dynamodb: BatchWriteItemInput$RequestItems
        check(
            "<p>Each element in the map consists of the following:</p>
         <ul>
            <li>
               <p>
                  <code>DeleteRequest</code> - Perform a <code>DeleteItem</code> operation on the
                    specified item:</p>
               <ul>
                  <li>
                     <p>
                        <code>Key</code> - For each primary key, you must provide
                                <i>all</i> of the key attributes.</p>
                  </li>
               </ul>
            </li>
            <li>
               <p>
                  <code>PutRequest</code> - Perform a <code>PutItem</code> operation:</p>
               <ul>
                  <li>
                     <p>
                        <code>Item</code> - A map of attributes and their values.</p>
                     <p>If you specify any attributes that are part of an index key, then the
                            data types must match.</p>
                  </li>
               </ul>
            </li>
         </ul>",
            "Each element in the map consists of the following:\n\
             \n\
             - `DeleteRequest` - Perform a `DeleteItem` operation on the specified item:\n\
             \x20 - `Key` - For each primary key, you must provide *all* of the key attributes.\n\
             - `PutRequest` - Perform a `PutItem` operation:\n\
             \x20 - `Item` - A map of attributes and their values.\n\
             \n\
             \x20   If you specify any attributes that are part of an index key, then the data \
             types must match.",
        );
    }

    #[test]
    fn ordered_list() {
        // cognito-identity-provider: GetUserAuthFactors
        check(
            "<p>Returns the
            following:</p>
         <ol>
            <li>
               <p>The user's multi-factor authentication (MFA) preferences.</p>
            </li>
            <li>
               <p>The user's options for choice-based authentication with the
                        <code>USER_AUTH</code> flow.</p>
            </li>
         </ol>",
            "Returns the following:\n\
             \n\
             1. The user's multi-factor authentication (MFA) preferences.\n\
             2. The user's options for choice-based authentication with the `USER_AUTH` flow.",
        );
    }

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
    fn multi_line_code_alone_in_a_paragraph_is_a_text_block() {
        // cognito-identity-provider: AdminRespondToAuthChallengeRequest$ChallengeResponses
        check(
            r#"<dl><dt>SELECT_CHALLENGE</dt>
            <dd>
               <p>
                  <code>"ChallengeName": "SELECT_CHALLENGE", "ChallengeResponses": {
            "USERNAME": "[username]",
            "ANSWER": "[Challenge name]"}</code>
               </p>
               <p>Available challenges are <code>PASSWORD</code>.</p>
            </dd></dl>"#,
            "- **SELECT_CHALLENGE**\n\
             \n\
             \x20 ```text\n\
             \x20 \"ChallengeName\": \"SELECT_CHALLENGE\", \"ChallengeResponses\": {\n\
             \x20 \"USERNAME\": \"[username]\",\n\
             \x20 \"ANSWER\": \"[Challenge name]\"}\n\
             \x20 ```\n\
             \n\
             \x20 Available challenges are `PASSWORD`.",
        );
        // cognito-identity-provider: ListUsersRequest$Filter. Two lines are
        // one long line wrapped in the source: a code span.
        check(
            "<ul><li><p>
                  <code>status (called <b>Enabled</b> in the Console)
                        (case-sensitive)</code>
               </p></li></ul>",
            "- `status (called Enabled in the Console) (case-sensitive)`",
        );
    }

    #[test]
    fn pre_is_a_text_block_with_a_long_enough_fence() {
        // No model has <pre>; the shape AWS uses elsewhere.
        check(
            "<p>Example policy:</p><pre>
    {
      \"Statement\": [ ```inner``` ]
    }
</pre><p>After.</p>",
            "Example policy:\n\
             \n\
             ````text\n\
             {\n\
             \x20 \"Statement\": [ ```inner``` ]\n\
             }\n\
             ````\n\
             \n\
             After.",
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

    // -----------------------------------------------------------------------
    // Every documentation string of every model
    // -----------------------------------------------------------------------

    fn model_docs() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/aws");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("model/aws")
            .map(|entry| entry.expect("dir entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        assert_eq!(files.len(), 8, "expected the 8 AWS models in {dir}");
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

    // -----------------------------------------------------------------------
    // Structural checks of generated Markdown
    // -----------------------------------------------------------------------

    /// Checks what would make rustdoc warn or compile a doctest: raw HTML,
    /// unescaped brackets that are not links, bare URLs, indented code
    /// blocks; and the promised layout (no blank line at the ends or twice).
    fn lint(markdown: &str) -> Result<(), String> {
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
        let starts =
            |i: usize, s: &str| s.chars().enumerate().all(|(k, c)| chars.get(i + k).is_some_and(|&(x, _)| x == c));
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
}
