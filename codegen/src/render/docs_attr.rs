//! Documentation attributes from model HTML.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc = "..."]` lines for the model's HTML documentation (nothing when there is none).
pub(crate) fn doc_attrs(html: Option<&str>) -> TokenStream {
    let Some(html) = html else { return TokenStream::new() };
    let markdown = crate::docs::html_to_markdown(html);
    lines_to_attrs(&markdown)
}

/// `#[doc = "..."]` lines for Markdown text.
pub(crate) fn lines_to_attrs(markdown: &str) -> TokenStream {
    let lines = doc_lines(markdown);
    quote! { #( #[doc = #lines] )* }
}

/// `#![doc = "..."]` lines (crate or module documentation) for Markdown text.
pub(crate) fn inner_doc_attrs(markdown: &str) -> TokenStream {
    let lines = doc_lines(markdown);
    quote! { #( #![doc = #lines] )* }
}

/// `#![doc = "..."]` lines for Markdown lines, those marked with a cargo feature shown only when
/// the crate is built with it.
pub(crate) fn inner_doc_attrs_with_features(lines: &[(String, Option<&str>)]) -> TokenStream {
    let attrs = lines.iter().map(|(line, feature)| {
        let line = doc_line(line);
        match feature {
            Some(feature) => quote!(#![cfg_attr(feature = #feature, doc = #line)]),
            None => quote!(#![doc = #line]),
        }
    });
    quote!(#(#attrs)*)
}

/// Each line gets the space that `/// ` puts after the slashes.
fn doc_lines(markdown: &str) -> Vec<String> {
    markdown.lines().map(doc_line).collect()
}

fn doc_line(line: &str) -> String {
    if line.is_empty() {
        String::new()
    } else {
        format!(" {line}")
    }
}

/// The docs of an enum variant: its wire value in code, then the model's documentation, then
/// `#[deprecated]` if the model says so.
pub(crate) fn value_doc_attrs(
    value: &str,
    html: Option<&str>,
    deprecated: Option<&smithy_model::Deprecated>,
) -> TokenStream {
    let value_doc = format!(" {}", crate::docs::code_span(value));
    let deprecated = deprecated_attr(deprecated);
    match html {
        Some(html) => {
            let docs = doc_attrs(Some(html));
            quote!(#[doc = #value_doc] #[doc = ""] #docs #deprecated)
        }
        None => quote!(#[doc = #value_doc] #deprecated),
    }
}

/// `#[deprecated(...)]` for the model's `@deprecated` trait.
pub(crate) fn deprecated_attr(deprecated: Option<&smithy_model::Deprecated>) -> TokenStream {
    let Some(deprecated) = deprecated else { return TokenStream::new() };
    // `since` must be a semver version for Rust; a date or other text goes into the note.
    let (since, message) = match deprecated.since.as_deref() {
        Some(v) if is_semver(v) => (Some(quote!(since = #v,)), deprecated.message.clone()),
        Some(other) => (
            None,
            Some(match &deprecated.message {
                Some(m) => format!("since {other}: {m}"),
                None => format!("since {other}"),
            }),
        ),
        None => (None, deprecated.message.clone()),
    };
    let note = message.as_deref().map(|m| quote!(note = #m,));
    if since.is_none() && note.is_none() {
        quote!(#[deprecated])
    } else {
        quote!(#[deprecated(#since #note)])
    }
}

/// `1.2.3` (what `#[deprecated(since)]` accepts).
fn is_semver(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3 && parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}
