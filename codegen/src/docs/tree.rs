//! The HTML tree that `parse` builds, and what each element means for the
//! conversion.

/// A node of the (forgivingly built) HTML tree.
#[derive(Debug)]
pub(super) enum Node {
    /// Decoded text. Tags that are not markup (placeholders such as
    /// `<region>` or `<user@example.com>`) are kept here as their source text.
    Text(String),
    Elem(Elem),
}

#[derive(Debug)]
pub(super) struct Elem {
    /// Lower-case tag name.
    pub(super) name: String,
    /// The `href` attribute, for `<a>`.
    pub(super) href: Option<String>,
    pub(super) children: Vec<Node>,
}

/// What an element means for the conversion.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Kind {
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

pub(super) fn kind(name: &str) -> Kind {
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

pub(super) fn is_block(kind: Kind) -> bool {
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
pub(super) fn contains_block(elem: &Elem) -> bool {
    elem.children.iter().any(|child| match child {
        Node::Elem(e) => is_block(kind(&e.name)) || contains_block(e),
        Node::Text(_) => false,
    })
}

/// All text inside `elem`, whitespace untouched; `<br>` and blocks become
/// line breaks.
pub(super) fn raw_text(elem: &Elem) -> String {
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

#[cfg(test)]
mod tests {
    use crate::docs::lint::check;

    #[test]
    fn hidden_content_is_dropped_and_inline_wrappers_of_blocks_are_unwrapped() {
        check(
            "<p>Before<script>alert(1)</script> <style>p {}</style>after</p><b><p>one</p><p>two</p></b>",
            "Before after\n\none\n\ntwo",
        );
    }
}
