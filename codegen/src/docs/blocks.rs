//! Tree → blocks: paragraphs, lists, definition lists, call-outs and code
//! blocks. Inline content is written by `inline`.

use super::inline::{bold_line, inline_elem, is_space, Inline};
use super::tree::{contains_block, kind, raw_text, Elem, Kind, Node};

#[derive(Clone, Debug)]
pub(super) enum Block {
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

pub(super) fn build_blocks(nodes: &[Node]) -> Vec<Block> {
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
        BlockBuilder { blocks: Vec::new(), para: Inline::default() }
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    fn flush(&mut self) {
        let para = std::mem::take(&mut self.para);
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

#[cfg(test)]
mod tests {
    use crate::docs::lint::check;

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
}
