//! The last stage: each file's tokens are formatted (tokens → `syn::File` → prettyplease text)
//! and every file gets the generated-file header. Files are independent, so they are made on all
//! cores; the result does not depend on how many.

use proc_macro2::TokenStream;

use crate::error::Error;
use crate::{GeneratedFile, Options};

/// One file to make: its path relative to the crate root, and where its contents come from.
pub struct Job<'a> {
    /// The path, with `/` separators.
    pub path: String,
    /// What makes the file's contents.
    pub source: Source<'a>,
}

/// The contents of a file, before the header.
pub enum Source<'a> {
    /// A Rust file, formatted by prettyplease.
    Rust(Box<dyn Fn() -> Result<RustFile, Error> + Sync + 'a>),
    /// Text written as it is (templates, `Cargo.toml`).
    Text(String),
}

/// A Rust file, in parts: items as tokens, which prettyplease formats, and items the generator
/// formats itself (macro invocations, whose bodies prettyplease does not lay out: it runs their
/// tokens together). The first part holds the file's inner attributes and `use` lines.
pub struct RustFile {
    /// The parts, in order.
    pub parts: Vec<Part>,
}

/// A part of a [`RustFile`].
pub enum Part {
    /// Items, formatted by prettyplease.
    Tokens(TokenStream),
    /// Items already formatted, ending in a newline.
    Text(String),
    /// A macro invocation whose body is lines the generator formats followed by Rust items
    /// (`crate::string_enum! { pub enum … }`): the items are formatted by prettyplease, and the
    /// whole body is indented inside the invocation's braces.
    Invocation {
        /// The macro's path, without the `!`.
        path: &'static str,
        /// The body's first lines, already formatted (or empty).
        head: String,
        /// The items after them (or none).
        items: TokenStream,
    },
}

impl From<TokenStream> for RustFile {
    fn from(tokens: TokenStream) -> RustFile {
        RustFile { parts: vec![Part::Tokens(tokens)] }
    }
}

impl RustFile {
    /// The tokens of the first part (where the inner attributes go).
    pub fn first_tokens(&mut self) -> Option<&mut TokenStream> {
        match self.parts.first_mut() {
            Some(Part::Tokens(tokens)) => Some(tokens),
            _ => None,
        }
    }
}

impl<'a> Job<'a> {
    /// A Rust file made from tokens.
    pub fn tokens(path: impl Into<String>, make: impl Fn() -> Result<TokenStream, Error> + Sync + 'a) -> Job<'a> {
        Job::rust(path, move || make().map(RustFile::from))
    }

    /// A Rust file made from tokens and formatted items.
    pub fn rust(path: impl Into<String>, make: impl Fn() -> Result<RustFile, Error> + Sync + 'a) -> Job<'a> {
        Job { path: path.into(), source: Source::Rust(Box::new(make)) }
    }

    /// A file written as it is.
    pub fn text(path: impl Into<String>, text: String) -> Job<'a> {
        Job { path: path.into(), source: Source::Text(text) }
    }
}

/// Makes every file, ordered by path.
pub fn run(jobs: Vec<Job<'_>>, options: &Options) -> Result<Vec<GeneratedFile>, Error> {
    let mut files = parallel_map(&jobs, |job| {
        let header = header(if job.path.ends_with(".toml") { "#" } else { "//" }, options);
        let text = match &job.source {
            Source::Rust(make) => {
                let mut text = String::new();
                for part in make()?.parts {
                    let part = match part {
                        Part::Tokens(tokens) => format_rust(&job.path, tokens)?,
                        Part::Text(text) => text,
                        Part::Invocation { path, head, items } => {
                            invocation(path, &head, &format_rust(&job.path, items)?)
                        }
                    };
                    if !text.is_empty() && !part.is_empty() {
                        text.push('\n');
                    }
                    text.push_str(&part);
                }
                text
            }
            Source::Text(text) => text.clone(),
        };
        Ok(GeneratedFile { path: job.path.clone(), contents: format!("{header}\n{text}") })
    })
    .into_iter()
    .collect::<Result<Vec<_>, Error>>()?;
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// `f` over `items` on every available core, results in the order of `items`. Thread `k` of
/// `n` takes items `k`, `k + n`, ... so that large and small files spread evenly.
fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, items.len().max(1));
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let f = &f;
        let handles: Vec<_> = (0..threads)
            .map(|k| {
                scope.spawn(move || {
                    items.iter().enumerate().skip(k).step_by(threads).map(|(i, item)| (i, f(item))).collect::<Vec<_>>()
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Formats tokens as Rust source text.
fn format_rust(path: &str, tokens: TokenStream) -> Result<String, Error> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| Error::bug(path, format!("the generator produced invalid Rust ({e})")))?;
    Ok(blank_lines_between_items(&prettyplease::unparse(&file)))
}

/// The header of every generated file, a comment line.
pub fn header(comment: &str, options: &Options) -> String {
    format!("{comment} Code generated by `cargo xtask codegen` from {}. DO NOT EDIT.\n", options.model_name)
}

/// prettyplease puts no blank lines between top-level items; rustfmt-formatted code written by
/// a person has one after the imports and between items, and it reads better. A blank line is
/// added after every top-level item that ends on a line of its own, except between consecutive
/// one-line `use`/`mod` declarations.
fn blank_lines_between_items(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        if let Some(prev) = previous {
            if ends_item(prev) && starts_item(line) && !(is_declaration(prev) && is_declaration(line)) {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
        previous = Some(line);
    }
    out
}

/// A top-level line that ends an item: `}`, `};`, or a one-line item or inner attribute.
fn ends_item(line: &str) -> bool {
    let top_level = !line.starts_with(char::is_whitespace) && !line.starts_with("//");
    top_level && (line.ends_with(';') || line.ends_with('}') || line.starts_with("#!["))
}

/// A top-level line that starts an item (or its docs or attributes).
fn starts_item(line: &str) -> bool {
    !line.is_empty() && !line.starts_with(char::is_whitespace) && !line.starts_with('}')
}

/// A one-line `use` or `mod` declaration.
fn is_declaration(line: &str) -> bool {
    let line = line.strip_prefix("pub ").unwrap_or(line);
    (line.starts_with("use ") || line.starts_with("mod ")) && line.ends_with(';')
}

/// `path! {` … `}` around a body already formatted, indented one level.
fn invocation(path: &str, head: &str, items: &str) -> String {
    let mut out = format!("{path}! {{\n");
    let gap = (!head.is_empty() && !items.is_empty()).then_some("");
    for line in head.lines().chain(gap).chain(items.lines()) {
        if !line.is_empty() {
            out.push_str("    ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str("}\n");
    out
}
