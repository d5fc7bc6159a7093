//! Blocks → lines: blank lines between blocks, list markers and indentation,
//! blockquote prefixes, hard line breaks and code fences.

use super::blocks::Block;
use super::escape::{backtick_fence, escape_line_start};

/// The Markdown of `blocks`: lines separated by '\n', no trailing newline.
pub(super) fn render(blocks: &[Block]) -> String {
    finish_lines(render_blocks(blocks, false))
}

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
    let fence = backtick_fence(code, 3);
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
    use crate::docs::lint::check;

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
}
