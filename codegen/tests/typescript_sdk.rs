//! Cross-checks the generated Rust types against the official AWS SDK for
//! JavaScript v3 (`@aws-sdk/client-cognito-identity-provider` 3.865.0).
//!
//! Both are generated from the same Smithy model
//! (`model/aws/cognito-identity-provider-2016-04-18.json`), so for every
//! structure shape they must agree on
//!
//! * which members exist (by wire name), and
//! * which members are required;
//!
//! and for every enum shape on its set of wire values.
//!
//! The TypeScript side is read from the package's `dist-types/models/*.d.ts`
//! files, vendored under `tests/fixtures/typescript-sdk/` (see the README
//! there). The Rust side is read from the sources of the generated crate
//! `generated/cognito-identity-provider/src`, parsed with `syn`. The Smithy
//! model supplies what neither file says on its own: which shapes are
//! structures and errors, and which members carry a non-null
//! `smithy.api#default` trait.
//!
//! Documented differences between the two generators, which the test allows:
//!
//! 1. **Modeled defaults.** A member with a non-null `smithy.api#default` that
//!    is not `smithy.api#required` is optional in TypeScript (`Name?: T`) but a
//!    plain, non-`Option` field in Rust (reading fills in the default) — except
//!    in an operation's input (`@input`) or with `@clientOptional`, where the
//!    Rust field is an `Option` too (an unset member is not sent, and the
//!    service applies its default).
//! 2. **Error `message`.** Every error class extends `__BaseException`, which
//!    via `ServiceException` extends the JavaScript `Error` class, so the
//!    TypeScript SDK does not redeclare the Smithy `message` member: it is
//!    `Error.prototype.message`. For error shapes, a model member named
//!    `message` (any case) that the class does not declare is therefore taken
//!    from the model instead, with the model's required-ness.
//! 3. **TS-only class fields.** Error classes declare `readonly name: "..."`,
//!    `readonly $fault: "client" | "server"` and may declare `$retryable` /
//!    `$metadata`; these are SDK bookkeeping, not Smithy members, and are
//!    ignored, as is the `constructor(...)`.
//!
//! Names need no mapping: in 3.865.0 the `.d.ts` files declare all 350
//! structures of the model (296 interfaces, including the empty
//! `...Response {}` ones, and 54 error classes), each under its Smithy shape
//! name, and declare no other interface or error class. The test
//! `typescript_fixture_agrees_with_model` pins this down.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// Namespace of the service's own shapes in the Smithy model.
const NAMESPACE: &str = "com.amazonaws.cognitoidentityprovider";

/// Below this many compared structures the comparison is considered vacuous
/// (the model has 350 structures, all declared by the TypeScript SDK).
const MIN_COMPARED_STRUCTURES: usize = 340;

// ---------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("codegen crate lives inside the workspace").to_path_buf()
}

fn typescript_fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/typescript-sdk")
}

fn model_path() -> PathBuf {
    workspace_root().join("model/aws/cognito-identity-provider-2016-04-18.json")
}

fn generated_src_dir() -> PathBuf {
    workspace_root().join("generated/cognito-identity-provider/src")
}

/// Lists the files directly in `dir` whose name satisfies `keep`, sorted.
fn files_in(dir: &Path, keep: impl Fn(&str) -> bool) -> Vec<PathBuf> {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.is_file())
        .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(&keep))
        .collect();
    files.sort();
    files
}

/// Every `.rs` file under `dir`, recursively, sorted.
fn rust_files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = files_in(dir, |name| name.ends_with(".rs"));
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    let mut subdirs: Vec<PathBuf> =
        entries.map(|entry| entry.expect("directory entry").path()).filter(|path| path.is_dir()).collect();
    subdirs.sort();
    for subdir in subdirs {
        files.extend(rust_files_under(&subdir));
    }
    files
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------
// TypeScript declarations
// ---------------------------------------------------------------------------

/// The two kinds of TypeScript declaration that correspond to Smithy
/// structures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TsKind {
    /// `export interface Name { ... }`
    Interface,
    /// `export declare class Name extends __BaseException { ... }`
    ErrorClass,
}

/// One member of an interface or error class, e.g. `Username: string | undefined;`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TsMember {
    /// `Name: T` is required, `Name?: T` is optional.
    required: bool,
    /// The declared type, whitespace-normalised (informational only).
    ty: String,
}

#[derive(Debug, Clone)]
struct TsStructure {
    kind: TsKind,
    members: BTreeMap<String, TsMember>,
}

#[derive(Debug, Default)]
struct TsDeclarations {
    structures: BTreeMap<String, TsStructure>,
    /// `export declare const Name: { readonly KEY: "value"; ... }` → values.
    enums: BTreeMap<String, BTreeSet<String>>,
}

/// What an `export ...` header before a `{` declares.
#[derive(Debug, PartialEq, Eq)]
enum TsHeader {
    Structure(TsKind, String),
    EnumConst(String),
    /// Anything else (`export { X };`, namespaces, other classes, ...).
    Other,
}

/// Removes `/* ... */` (including `/** doc */`) and `// ...` comments.
///
/// String literals are copied verbatim so that e.g. `"https://..."` is not
/// mistaken for a comment. Doc comments in these files contain `{`, `}` and
/// `;` (JSON examples), so they must go before any brace matching.
fn strip_comments(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < chars.len() {
        match (chars[i], chars.get(i + 1).copied()) {
            ('/', Some('*')) => {
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    i += 1;
                }
                i += 2; // the closing `*/`
                out.push(' ');
            }
            ('/', Some('/')) => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            ('"' | '\'' | '`', _) => {
                let end = string_literal_end(&chars, i).min(chars.len());
                out.extend(&chars[i..end]);
                i = end;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// Given `chars[start]` is a quote character, returns the index just past
/// the matching closing quote (backslash escapes are honoured).
fn string_literal_end(chars: &[char], start: usize) -> usize {
    let quote = chars[start];
    let mut i = start + 1;
    while i < chars.len() && chars[i] != quote {
        i += if chars[i] == '\\' { 2 } else { 1 };
    }
    i + 1
}

/// Index of the `}` matching the `{` at byte offset `open` of `src`.
///
/// Nested braces inside member types (`$retryable: { throttling: boolean }`,
/// inline object types) are skipped; braces inside string literals are not
/// counted.
fn matching_brace(src: &str, open: usize) -> usize {
    let bytes = src.as_bytes();
    assert_eq!(bytes[open], b'{');
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' | b'`' => {
                i = byte_string_end(bytes, i);
                continue;
            }
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    panic!("unbalanced `{{` at byte {open}");
}

/// Byte-level twin of [`string_literal_end`] (quotes are ASCII, so byte
/// indices stay on char boundaries).
fn byte_string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != quote {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    i + 1
}

/// Classifies the text of an `export` statement up to its opening `{`.
///
/// Handled forms (whitespace-separated tokens):
/// * `export interface Name`                              → structure
/// * `export declare class Name extends __BaseException`  → error structure
/// * `export declare const Name:`                         → enum const
fn classify_header(header: &str) -> TsHeader {
    let tokens: Vec<&str> = header.split_whitespace().collect();
    match tokens.as_slice() {
        ["export", "interface", name] => TsHeader::Structure(TsKind::Interface, name.to_string()),
        ["export", "declare", "class", name, "extends", "__BaseException"] => {
            TsHeader::Structure(TsKind::ErrorClass, name.to_string())
        }
        ["export", "declare", "const", name] if name.ends_with(':') => {
            TsHeader::EnumConst(name.trim_end_matches(':').to_string())
        }
        _ => TsHeader::Other,
    }
}

/// Splits a declaration body into its `;`-terminated statements, ignoring
/// `;` nested inside `{}`, `()`, `[]`, `<>` or string literals, so that a
/// multi-line member type such as `X?: { a: string; b: number } | undefined;`
/// stays one statement. The `>` of an arrow (`=>`) is not a closing angle.
fn split_statements(body: &str) -> Vec<String> {
    let bytes = body.as_bytes();
    let mut statements = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' | b'`' => {
                i = byte_string_end(bytes, i);
                continue;
            }
            b'{' | b'(' | b'[' | b'<' => depth += 1,
            b'>' if i > 0 && bytes[i - 1] == b'=' => {}
            b'}' | b')' | b']' | b'>' => depth -= 1,
            b';' if depth == 0 => {
                statements.push(body[start..i].trim().to_string());
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    statements.push(body[start..].trim().to_string());
    statements.retain(|s| !s.is_empty());
    statements
}

/// A property statement: `[readonly] Name[?]: Type`.
#[derive(Debug, PartialEq, Eq)]
struct TsProperty {
    readonly: bool,
    name: String,
    optional: bool,
    ty: String,
}

/// Parses one body statement as a property. Returns `None` for anything
/// else, notably `constructor(opts: ...)` in error classes.
fn parse_property(statement: &str) -> Option<TsProperty> {
    let (readonly, rest) = match statement.strip_prefix("readonly ") {
        Some(rest) => (true, rest.trim_start()),
        None => (false, statement),
    };
    let colon = rest.find(':')?;
    let (key, ty) = (rest[..colon].trim(), rest[colon + 1..].trim());
    // A `(` before the colon means a method or constructor signature.
    if key.contains('(') {
        return None;
    }
    let (key, optional) = match key.strip_suffix('?') {
        Some(key) => (key.trim_end(), true),
        None => (key, false),
    };
    // Property names may be quoted (`"x-y"?: string`).
    let name = key.trim_matches(|c| c == '"' || c == '\'');
    Some(TsProperty {
        readonly,
        name: name.to_string(),
        optional,
        ty: ty.split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

/// True for class fields that the TypeScript SDK adds and that are not
/// Smithy members: `readonly name: "XException"`, `readonly $fault`, and any
/// `$`-prefixed field (`$retryable`, `$metadata`, `$service`, ...). Smithy
/// member names cannot start with `$`.
fn is_typescript_only(kind: TsKind, property: &TsProperty) -> bool {
    property.name.starts_with('$') || (kind == TsKind::ErrorClass && property.readonly && property.name == "name")
}

fn parse_structure_body(kind: TsKind, body: &str) -> TsStructure {
    let members = split_statements(body)
        .iter()
        .filter_map(|statement| parse_property(statement))
        .filter(|property| !is_typescript_only(kind, property))
        .map(|p| (p.name, TsMember { required: !p.optional, ty: p.ty }))
        .collect();
    TsStructure { kind, members }
}

/// `readonly ADMIN_ONLY: "admin_only";` → the quoted values.
fn parse_enum_body(body: &str) -> BTreeSet<String> {
    split_statements(body)
        .iter()
        .filter_map(|statement| parse_property(statement))
        .map(|p| p.ty.trim_matches('"').to_string())
        .collect()
}

/// Parses all structure and enum declarations of one `.d.ts` source.
///
/// Walks the top-level `export` statements of the comment-free source. A
/// statement whose header reaches `;` before `{` (imports, `export type`
/// aliases, `...FilterSensitiveLog` consts) has no body and is skipped;
/// otherwise the body runs to the matching `}`.
fn parse_typescript(src: &str, into: &mut TsDeclarations) {
    let src = strip_comments(src);
    let mut pos = 0;
    while let Some(found) = src[pos..].find("export ") {
        let start = pos + found;
        // The header runs to the first `{` (a body follows) or `;` (none does).
        let Some(header_len) = src[start..].find(['{', ';']) else {
            break;
        };
        let open = start + header_len;
        if src.as_bytes()[open] == b';' {
            pos = open + 1;
            continue;
        }
        let close = matching_brace(&src, open);
        let body = &src[open + 1..close];
        match classify_header(&src[start..open]) {
            TsHeader::Structure(kind, name) => {
                let previous = into.structures.insert(name.clone(), parse_structure_body(kind, body));
                assert!(previous.is_none(), "TypeScript declares `{name}` twice");
            }
            TsHeader::EnumConst(name) => {
                into.enums.insert(name, parse_enum_body(body));
            }
            TsHeader::Other => {}
        }
        pos = close + 1;
    }
}

/// Parses every `models_*.d.ts` fixture.
fn load_typescript() -> TsDeclarations {
    let files = files_in(&typescript_fixture_dir(), |name| name.starts_with("models_") && name.ends_with(".d.ts"));
    assert!(!files.is_empty(), "no models_*.d.ts in {}", typescript_fixture_dir().display());
    let mut declarations = TsDeclarations::default();
    for file in files {
        parse_typescript(&read(&file), &mut declarations);
    }
    declarations
}

// ---------------------------------------------------------------------------
// Smithy model
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct ModelMember {
    /// Has the `smithy.api#required` trait.
    required: bool,
    /// Has a `smithy.api#default` trait whose value is not `null`.
    has_default: bool,
    /// Clients may leave the member unset: it belongs to an operation's input (`@input`) or is
    /// `@clientOptional`.
    client_optional: bool,
}

#[derive(Debug)]
struct ModelStructure {
    /// Has the `smithy.api#error` trait.
    is_error: bool,
    members: BTreeMap<String, ModelMember>,
}

#[derive(Debug, Default)]
struct Model {
    structures: BTreeMap<String, ModelStructure>,
    /// `enum` shapes → their `smithy.api#enumValue`s.
    enums: BTreeMap<String, BTreeSet<String>>,
}

fn has_trait(traits: &serde_json::Value, name: &str) -> bool {
    traits.get(name).is_some()
}

fn model_structure(shape: &serde_json::Value) -> ModelStructure {
    let members = shape["members"].as_object().into_iter().flatten();
    let input = has_trait(&shape["traits"], "smithy.api#input");
    ModelStructure {
        is_error: has_trait(&shape["traits"], "smithy.api#error"),
        members: members
            .map(|(name, member)| {
                let traits = &member["traits"];
                let default = traits.get("smithy.api#default");
                let member = ModelMember {
                    required: has_trait(traits, "smithy.api#required"),
                    has_default: default.is_some_and(|value| !value.is_null()),
                    client_optional: input || has_trait(traits, "smithy.api#clientOptional"),
                };
                (name.clone(), member)
            })
            .collect(),
    }
}

fn model_enum(shape: &serde_json::Value) -> BTreeSet<String> {
    let members = shape["members"].as_object().into_iter().flatten();
    members
        .map(|(name, member)| match &member["traits"]["smithy.api#enumValue"] {
            serde_json::Value::String(value) => value.clone(),
            _ => name.clone(),
        })
        .collect()
}

/// Loads the structure and enum shapes of [`NAMESPACE`], keyed by shape name.
fn load_model() -> Model {
    let json: serde_json::Value = serde_json::from_str(&read(&model_path())).expect("model is JSON");
    let shapes = json["shapes"].as_object().expect("model has a `shapes` map");
    let prefix = format!("{NAMESPACE}#");
    let mut model = Model::default();
    for (id, shape) in shapes {
        let Some(name) = id.strip_prefix(&prefix) else {
            continue;
        };
        match shape["type"].as_str() {
            Some("structure") => {
                model.structures.insert(name.to_string(), model_structure(shape));
            }
            Some("enum") => {
                model.enums.insert(name.to_string(), model_enum(shape));
            }
            _ => {}
        }
    }
    model
}

// ---------------------------------------------------------------------------
// Generated Rust source
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
struct RustField {
    /// The Rust identifier, without `r#`.
    ident: String,
    /// The field's type is `Option<...>`.
    optional: bool,
}

#[derive(Debug, Clone, Default)]
struct RustStruct {
    file: PathBuf,
    /// Wire name → field.
    fields: BTreeMap<String, RustField>,
    /// Things this test cannot interpret (e.g. `#[serde(flatten)]`); each is
    /// reported as a mismatch rather than guessed at.
    problems: Vec<String>,
}

#[derive(Debug, Default)]
struct RustCrate {
    structs: BTreeMap<String, RustStruct>,
    /// `pub enum` name → wire values of its unit variants.
    enums: BTreeMap<String, BTreeSet<String>>,
    /// Type name → the strings of a `pub const VALUES: &[&str] = &[...]` in
    /// an inherent `impl` of that type (see [`RustCrate::enum_values`]).
    values_consts: BTreeMap<String, BTreeSet<String>>,
    /// Structs or enums declared more than once.
    duplicates: Vec<String>,
    /// Struct name → field → wire name, from `crate::structure!` invocations (the generator
    /// describes each structure's members there, see the crate's `shape` module).
    described: BTreeMap<String, BTreeMap<String, String>>,
}

/// One `key` or `key = "value"` inside `#[serde(...)]`.
#[derive(Debug, PartialEq, Eq)]
struct SerdeArg {
    key: String,
    /// The string literal after `=`, if any.
    value: Option<String>,
    /// The argument was a list, `key(...)`.
    is_list: bool,
}

/// Reads every argument of every `#[serde(...)]` attribute in `attrs`.
fn serde_args(attrs: &[syn::Attribute]) -> Vec<SerdeArg> {
    let mut args = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            let (value, is_list) = consume_meta_value(&meta)?;
            args.push(SerdeArg { key, value, is_list });
            Ok(())
        })
        .unwrap_or_else(|e| panic!("unparsable #[serde] attribute: {e}"));
    }
    args
}

/// Consumes whatever follows a meta path: `= <expr>` (returning the string
/// literal if it is one), `(<nested metas>)`, or nothing.
fn consume_meta_value(meta: &syn::meta::ParseNestedMeta) -> syn::Result<(Option<String>, bool)> {
    if meta.input.peek(syn::Token![=]) {
        let expr: syn::Expr = meta.value()?.parse()?;
        let value = match expr {
            syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
            _ => None,
        };
        return Ok((value, false));
    }
    if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| consume_meta_value(&inner).map(drop))?;
        return Ok((None, true));
    }
    Ok((None, false))
}

/// Serde attributes that change which wire names a struct or field has in
/// a way this test does not model; their presence is reported.
const UNSUPPORTED_SERDE: &[&str] =
    &["flatten", "skip", "skip_serializing", "skip_deserializing", "rename_all", "rename_all_fields", "transparent"];

fn unsupported_serde(args: &[SerdeArg]) -> Vec<String> {
    let rename_list = args.iter().filter(|a| a.key == "rename" && a.is_list);
    let unsupported = args.iter().filter(|a| UNSUPPORTED_SERDE.contains(&a.key.as_str()));
    unsupported
        .chain(rename_list)
        .map(|arg| format!("unsupported #[serde({}{})]", arg.key, if arg.is_list { "(..)" } else { "" }))
        .collect()
}

/// The identifier as written, without a raw-identifier `r#` prefix.
fn ident_name(ident: &syn::Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map(str::to_string).unwrap_or(name)
}

/// Wire name: `#[serde(rename = "...")]` if present, else the identifier.
fn wire_name(ident: &syn::Ident, args: &[SerdeArg]) -> String {
    args.iter().find(|arg| arg.key == "rename").and_then(|arg| arg.value.clone()).unwrap_or_else(|| ident_name(ident))
}

/// True if `ty` is `Option<...>` (also `std::option::Option<...>` etc.).
fn is_option(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) => path.path.segments.last().is_some_and(|s| s.ident == "Option"),
        syn::Type::Group(group) => is_option(&group.elem),
        syn::Type::Paren(paren) => is_option(&paren.elem),
        _ => false,
    }
}

fn rust_struct(item: &syn::ItemStruct, file: &Path) -> RustStruct {
    let mut result = RustStruct { file: file.to_path_buf(), ..RustStruct::default() };
    result.problems.extend(unsupported_serde(&serde_args(&item.attrs)));
    let fields = match &item.fields {
        syn::Fields::Named(named) => named.named.iter().collect(),
        syn::Fields::Unit => Vec::new(),
        syn::Fields::Unnamed(_) => {
            result.problems.push("is a tuple struct, expected named fields".to_string());
            Vec::new()
        }
    };
    for field in fields {
        let ident = field.ident.as_ref().expect("named field");
        let args = serde_args(&field.attrs);
        result.problems.extend(unsupported_serde(&args).into_iter().map(|p| format!("field `{ident}`: {p}")));
        let rust_field = RustField { ident: ident_name(ident), optional: is_option(&field.ty) };
        let wire = wire_name(ident, &args);
        if result.fields.insert(wire.clone(), rust_field).is_some() {
            result.problems.push(format!("two fields have wire name `{wire}`"));
        }
    }
    result
}

/// Wire values of a `pub enum`'s unit variants (`#[serde(rename)]` or the
/// variant name). Variants with data or `#[serde(other)]` are catch-alls for
/// unknown values and carry no wire value of their own.
fn rust_enum_values(item: &syn::ItemEnum) -> BTreeSet<String> {
    item.variants
        .iter()
        .filter(|variant| matches!(variant.fields, syn::Fields::Unit))
        .map(|variant| (variant, serde_args(&variant.attrs)))
        .filter(|(_, args)| !args.iter().any(|arg| arg.key == "other"))
        .map(|(variant, args)| wire_name(&variant.ident, &args))
        .collect()
}

/// The wire values of a `string_enum!` invocation's variants: the string after each `=`.
fn string_enum_values(item: &syn::ItemEnum) -> BTreeSet<String> {
    item.variants
        .iter()
        .filter_map(|variant| match &variant.discriminant {
            Some((_, syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(value), .. }))) => Some(value.value()),
            _ => None,
        })
        .collect()
}

fn is_pub(vis: &syn::Visibility) -> bool {
    matches!(vis, syn::Visibility::Public(_))
}

/// Collects the `pub struct`s and `pub enum`s of `items`, descending into
/// inline `mod x { ... }` blocks.
fn collect_items(items: &[syn::Item], file: &Path, into: &mut RustCrate) {
    for item in items {
        match item {
            syn::Item::Struct(item) if is_pub(&item.vis) => {
                let name = ident_name(&item.ident);
                if into.structs.insert(name.clone(), rust_struct(item, file)).is_some() {
                    into.duplicates.push(format!("struct {name}"));
                }
            }
            syn::Item::Enum(item) if is_pub(&item.vis) => {
                let name = ident_name(&item.ident);
                if into.enums.insert(name.clone(), rust_enum_values(item)).is_some() {
                    into.duplicates.push(format!("enum {name}"));
                }
            }
            syn::Item::Impl(item) if item.trait_.is_none() => {
                if let Some((name, values)) = values_const(item) {
                    into.values_consts.insert(name, values);
                }
            }
            syn::Item::Mod(module) => {
                if let Some((_, items)) = &module.content {
                    collect_items(items, file, into);
                }
            }
            syn::Item::Macro(item) if item.mac.path.segments.last().is_some_and(|s| s.ident == "string_enum") => {
                // `crate::string_enum! { pub enum Name { Variant = "VALUE", ... } }`.
                if let Ok(item) = syn::parse2::<syn::ItemEnum>(item.mac.tokens.clone()) {
                    let name = ident_name(&item.ident);
                    let values = string_enum_values(&item);
                    into.values_consts.insert(name.clone(), values.clone());
                    if into.enums.insert(name.clone(), values).is_some() {
                        into.duplicates.push(format!("enum {name}"));
                    }
                }
            }
            syn::Item::Macro(item) if item.mac.path.segments.last().is_some_and(|s| s.ident == "structure") => {
                if let Some((name, fields)) = structure_description(item.mac.tokens.clone()) {
                    into.described.insert(name, fields);
                }
            }
            _ => {}
        }
    }
}

/// The struct name and each field's wire name from the body of a `crate::structure!`
/// invocation: `Name { field: "Wire" [| "Alias"] => format, ... }`.
fn structure_description(tokens: proc_macro2::TokenStream) -> Option<(String, BTreeMap<String, String>)> {
    use proc_macro2::TokenTree;
    let mut tokens = tokens.into_iter();
    let Some(TokenTree::Ident(name)) = tokens.next() else { return None };
    let Some(TokenTree::Group(body)) = tokens.next() else { return None };
    let mut fields = BTreeMap::new();
    let mut body = body.stream().into_iter().peekable();
    while let Some(tree) = body.next() {
        // A member starts after the previous one's comma: `field : "Wire"`.
        if let TokenTree::Ident(field) = tree {
            let colon = matches!(body.peek(), Some(TokenTree::Punct(p)) if p.as_char() == ':');
            if colon {
                body.next();
                if let Some(TokenTree::Literal(wire)) = body.next() {
                    let wire = syn::parse_str::<syn::LitStr>(&wire.to_string()).ok()?.value();
                    fields.insert(ident_name(&field), wire);
                }
                // Skip to the next member.
                for tree in body.by_ref() {
                    if matches!(&tree, TokenTree::Punct(p) if p.as_char() == ',') {
                        break;
                    }
                }
            }
        }
    }
    Some((ident_name(&name), fields))
}

/// Finds `pub const VALUES: &[&str] = &["a", "b"];` in an inherent impl and
/// returns the implementing type's name with the strings.
fn values_const(item: &syn::ItemImpl) -> Option<(String, BTreeSet<String>)> {
    let syn::Type::Path(self_ty) = item.self_ty.as_ref() else {
        return None;
    };
    let name = ident_name(&self_ty.path.segments.last()?.ident);
    item.items.iter().find_map(|impl_item| match impl_item {
        syn::ImplItem::Const(c) if c.ident == "VALUES" => string_array(&c.expr).map(|values| (name.clone(), values)),
        _ => None,
    })
}

/// The strings of `&["a", "b"]` (or `["a", "b"]`); `None` for anything else.
fn string_array(expr: &syn::Expr) -> Option<BTreeSet<String>> {
    match expr {
        syn::Expr::Reference(reference) => string_array(&reference.expr),
        syn::Expr::Array(array) => array
            .elems
            .iter()
            .map(|elem| match elem {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

impl RustCrate {
    /// The wire values of the `pub enum` called `name`.
    ///
    /// The generator serializes enums by hand (so that an `Unknown(String)`
    /// variant keeps unknown values) and lists the known wire values in an
    /// associated `VALUES` const; that list is used when present. Otherwise
    /// the values come from the unit variants, as serde derives them.
    fn enum_values(&self, name: &str) -> Option<&BTreeSet<String>> {
        self.enums.get(name)?;
        self.values_consts.get(name).or_else(|| self.enums.get(name))
    }
}

fn parse_rust_source(src: &str, file: &Path, into: &mut RustCrate) {
    let parsed = syn::parse_file(src).unwrap_or_else(|e| panic!("{}: not valid Rust: {e}", file.display()));
    collect_items(&parsed.items, file, into);
}

/// Parses the generated crate, failing (never skipping) if it is absent.
fn load_generated_crate() -> RustCrate {
    let src = generated_src_dir();
    assert!(src.is_dir(), "{} does not exist: run `cargo xtask codegen` to generate the crate first", src.display());
    let mut krate = RustCrate::default();
    for file in rust_files_under(&src) {
        parse_rust_source(&read(&file), &file, &mut krate);
    }
    // A described structure's fields are keyed by the wire names of its description.
    for (name, described) in &krate.described {
        let Some(item) = krate.structs.get_mut(name) else { continue };
        let fields = std::mem::take(&mut item.fields);
        for (key, field) in fields {
            let wire = described.get(&field.ident).cloned().unwrap_or(key);
            item.fields.insert(wire, field);
        }
    }
    krate
}

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

/// Required-ness of a member as each side states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Required,
    Optional,
}

impl Presence {
    fn from_required(required: bool) -> Self {
        if required {
            Presence::Required
        } else {
            Presence::Optional
        }
    }
}

impl fmt::Display for Presence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Presence::Required => "required",
            Presence::Optional => "optional",
        })
    }
}

/// The members TypeScript gives a structure, plus the error `message`
/// member that error classes inherit from `Error` (see the module docs).
fn effective_ts_members(ts: &TsStructure, model: &ModelStructure) -> BTreeMap<String, Presence> {
    let mut members: BTreeMap<String, Presence> =
        ts.members.iter().map(|(name, member)| (name.clone(), Presence::from_required(member.required))).collect();
    if ts.kind == TsKind::ErrorClass {
        let inherited = model.members.iter().filter(|(name, _)| name.eq_ignore_ascii_case("message"));
        for (name, member) in inherited {
            members.entry(name.clone()).or_insert(Presence::from_required(member.required));
        }
    }
    members
}

/// What the Rust field's optionality should be, given the TypeScript
/// presence and the model (exception 1 in the module docs).
fn expected_rust_presence(ts: Presence, model: Option<&ModelMember>) -> Presence {
    match model {
        Some(member) if member.has_default && !member.client_optional => Presence::Required,
        _ => ts,
    }
}

/// Compares one structure; returns one line per disagreement.
fn compare_structure(name: &str, ts: &TsStructure, model: &ModelStructure, rust: &RustStruct) -> Vec<String> {
    let mut mismatches: Vec<String> =
        rust.problems.iter().map(|problem| format!("{name}: {problem} ({})", rust.file.display())).collect();
    let ts_members = effective_ts_members(ts, model);
    for (member, &ts_presence) in &ts_members {
        // Error `message` members come from the model (exception 2).
        let ts_note = if ts.members.contains_key(member) { "" } else { " (Error.message, per model)" };
        let Some(field) = rust.fields.get(member) else {
            mismatches.push(format!("{name}.{member}: ts={ts_presence}{ts_note}, rust=missing"));
            continue;
        };
        let model_member = model.members.get(member);
        let expected = expected_rust_presence(ts_presence, model_member);
        let actual = Presence::from_required(!field.optional);
        if actual != expected {
            let default_note = if model_member.is_some_and(|m| m.has_default) { ", modeled default" } else { "" };
            mismatches.push(format!(
                "{name}.{member}: ts={ts_presence}{ts_note}{default_note}, rust={} (field `{}`, expected {})",
                if field.optional { "Option" } else { "non-Option" },
                field.ident,
                if expected == Presence::Required { "non-Option" } else { "Option" },
            ));
        }
    }
    for (wire, field) in &rust.fields {
        if !ts_members.contains_key(wire) {
            mismatches.push(format!("{name}.{wire}: ts=missing, rust=field `{}`", field.ident));
        }
    }
    mismatches
}

/// Result of comparing every TypeScript structure with the generated crate.
#[derive(Debug, Default)]
struct Report {
    compared: usize,
    mismatches: Vec<String>,
    /// TS structures (in the model) without a Rust struct.
    missing_in_rust: Vec<String>,
    /// Rust `pub struct`s that TypeScript does not declare.
    not_in_typescript: Vec<String>,
}

fn compare_crate(ts: &TsDeclarations, model: &Model, rust: &RustCrate) -> Report {
    let mut report = Report::default();
    report.mismatches.extend(rust.duplicates.iter().map(|d| format!("{d} is declared twice")));
    for (name, ts_structure) in &ts.structures {
        let Some(model_structure) = model.structures.get(name) else {
            continue;
        };
        let Some(rust_struct) = rust.structs.get(name) else {
            report.missing_in_rust.push(name.clone());
            continue;
        };
        report.compared += 1;
        report.mismatches.extend(compare_structure(name, ts_structure, model_structure, rust_struct));
    }
    report.not_in_typescript = rust.structs.keys().filter(|n| !ts.structures.contains_key(*n)).cloned().collect();
    report
}

fn bullet_list(items: &[String]) -> String {
    items.iter().map(|item| format!("  - {item}\n")).collect()
}

// ---------------------------------------------------------------------------
// Tests against the real fixtures, model and generated crate
// ---------------------------------------------------------------------------

/// The vendored `.d.ts` files and the Smithy model describe exactly the same
/// structures, members and required-ness, apart from the inherited error
/// `message` (exception 2). This keeps the exceptions honest: if the model
/// or fixtures are updated independently, this fails first.
#[test]
fn typescript_fixture_agrees_with_model() {
    let ts = load_typescript();
    let model = load_model();
    let mut problems = Vec::new();

    let ts_names: BTreeSet<&String> = ts.structures.keys().collect();
    let model_names: BTreeSet<&String> = model.structures.keys().collect();
    for name in ts_names.difference(&model_names) {
        problems.push(format!("{name}: declared by TypeScript, not a structure in the model"));
    }
    for name in model_names.difference(&ts_names) {
        problems.push(format!("{name}: structure in the model, not declared by TypeScript"));
    }
    for (name, ts_structure) in &ts.structures {
        let Some(model_structure) = model.structures.get(name) else {
            continue;
        };
        if model_structure.is_error != (ts_structure.kind == TsKind::ErrorClass) {
            problems.push(format!("{name}: error in one, not in the other"));
        }
        let members = effective_ts_members(ts_structure, model_structure);
        let model_members: BTreeMap<String, Presence> = model_structure
            .members
            .iter()
            .map(|(member, m)| (member.clone(), Presence::from_required(m.required)))
            .collect();
        if members != model_members {
            problems.push(format!("{name}: ts={members:?} model={model_members:?}"));
        }
    }
    for (name, values) in &ts.enums {
        match model.enums.get(name) {
            Some(model_values) if model_values == values => {}
            other => problems.push(format!("enum {name}: ts={values:?} model={other:?}")),
        }
    }
    println!(
        "TypeScript: {} structures ({} error classes), {} enums; model: {} structures, {} enums",
        ts.structures.len(),
        ts.structures.values().filter(|s| s.kind == TsKind::ErrorClass).count(),
        ts.enums.len(),
        model.structures.len(),
        model.enums.len(),
    );
    assert!(problems.is_empty(), "fixture and model disagree:\n{}", bullet_list(&problems));
    assert_eq!(ts.structures.len(), 350);
}

/// The generated crate's structs agree with the TypeScript SDK, member for
/// member and in required-ness.
#[test]
fn generated_structs_match_typescript_sdk() {
    let ts = load_typescript();
    let model = load_model();
    let rust = load_generated_crate();
    let report = compare_crate(&ts, &model, &rust);

    println!(
        "compared {} structures; TypeScript declares {}, the model has {}, the generated crate has {} pub structs",
        report.compared,
        ts.structures.len(),
        model.structures.len(),
        rust.structs.len()
    );
    if !report.not_in_typescript.is_empty() {
        // Not an error: the generator emits types of its own (operation
        // markers, error-handling helpers, ...) that no Smithy structure has.
        println!(
            "{} pub structs in the generated crate are not TypeScript structures: {}",
            report.not_in_typescript.len(),
            report.not_in_typescript.join(", ")
        );
    }

    assert!(
        report.compared > 0,
        "{} declares none of the model's {} structures: run `cargo xtask codegen` to generate the crate first",
        generated_src_dir().display(),
        model.structures.len()
    );
    let mut failures = report.mismatches.clone();
    failures.extend(
        report.missing_in_rust.iter().map(|name| format!("{name}: no `pub struct {name}` in the generated crate")),
    );
    assert!(
        failures.is_empty(),
        "{} mismatches between the generated crate and the TypeScript SDK:\n{}",
        failures.len(),
        bullet_list(&failures)
    );
    assert!(
        report.compared >= MIN_COMPARED_STRUCTURES,
        "only {} structures compared, expected at least {MIN_COMPARED_STRUCTURES}",
        report.compared
    );
}

/// The generated enums know exactly the values the TypeScript SDK declares
/// in its `export declare const X: { readonly KEY: "value"; ... }` objects.
#[test]
fn generated_enums_match_typescript_sdk() {
    let ts = load_typescript();
    let rust = load_generated_crate();
    let mut failures = Vec::new();
    for (name, ts_values) in &ts.enums {
        match rust.enum_values(name) {
            None => failures.push(format!("{name}: no `pub enum {name}` in the generated crate")),
            Some(values) if values != ts_values => {
                let missing: Vec<_> = ts_values.difference(values).collect();
                let extra: Vec<_> = values.difference(ts_values).collect();
                failures.push(format!("{name}: values only in ts={missing:?}, only in rust={extra:?}"));
            }
            Some(_) => {}
        }
    }
    println!("compared {} enums", ts.enums.len());
    assert!(
        failures.is_empty(),
        "{} enum mismatches between the generated crate and the TypeScript SDK:\n{}",
        failures.len(),
        bullet_list(&failures)
    );
    assert!(ts.enums.len() >= 40, "only {} TypeScript enums parsed", ts.enums.len());
}

// ---------------------------------------------------------------------------
// Unit tests of the two parsers
// ---------------------------------------------------------------------------

fn member(required: bool, ty: &str) -> TsMember {
    TsMember { required, ty: ty.to_string() }
}

fn members(list: &[(&str, bool, &str)]) -> BTreeMap<String, TsMember> {
    list.iter().map(|(name, required, ty)| (name.to_string(), member(*required, ty))).collect()
}

#[test]
fn ts_parser_reads_real_interfaces() {
    let ts = load_typescript();
    let expect = |name: &str, list: &[(&str, bool, &str)]| {
        let structure = ts.structures.get(name).unwrap_or_else(|| panic!("{name} not parsed"));
        assert_eq!(structure.kind, TsKind::Interface, "{name}");
        assert_eq!(structure.members, members(list), "{name}");
    };
    expect(
        "GetUserAuthFactorsResponse",
        &[
            ("Username", true, "string | undefined"),
            ("PreferredMfaSetting", false, "string | undefined"),
            ("UserMFASettingList", false, "string[] | undefined"),
            ("ConfiguredUserAuthFactors", false, "AuthFactorType[] | undefined"),
        ],
    );
    expect("EmailMfaConfigType", &[("Message", false, "string | undefined"), ("Subject", false, "string | undefined")]);
    expect(
        "WebAuthnConfigurationType",
        &[
            ("RelyingPartyId", false, "string | undefined"),
            ("UserVerification", false, "UserVerificationType | undefined"),
        ],
    );
    expect(
        "AdminUpdateUserAttributesRequest",
        &[
            ("UserPoolId", true, "string | undefined"),
            ("Username", true, "string | undefined"),
            ("UserAttributes", true, "AttributeType[] | undefined"),
            ("ClientMetadata", false, "Record<string, string> | undefined"),
        ],
    );
    expect(
        "AdminAddUserToGroupRequest",
        &[
            ("UserPoolId", true, "string | undefined"),
            ("Username", true, "string | undefined"),
            ("GroupName", true, "string | undefined"),
        ],
    );
    // Empty output structures are declared too.
    expect("AdminConfirmSignUpResponse", &[]);
}

#[test]
fn ts_parser_reads_real_error_classes_without_ts_only_fields() {
    let ts = load_typescript();
    let invalid_parameter = &ts.structures["InvalidParameterException"];
    assert_eq!(invalid_parameter.kind, TsKind::ErrorClass);
    assert_eq!(invalid_parameter.members, members(&[("reasonCode", false, "string | undefined")]));
    let internal = &ts.structures["InternalErrorException"];
    assert_eq!(internal.kind, TsKind::ErrorClass);
    assert!(internal.members.is_empty(), "{:?}", internal.members);
}

#[test]
fn ts_parser_reads_real_enum_consts() {
    let ts = load_typescript();
    let values = |list: &[&str]| list.iter().map(|v| v.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(ts.enums["UserVerificationType"], values(&["preferred", "required"]));
    assert_eq!(ts.enums["RecoveryOptionNameType"], values(&["admin_only", "verified_email", "verified_phone_number"]));
    // `UserVerificationType` is an enum, not a structure.
    assert!(!ts.structures.contains_key("UserVerificationType"));
}

#[test]
fn ts_parser_handles_comments_nested_braces_and_multiline_types() {
    let src = r#"
import { X as __X } from "./x";
/**
 * <p>Docs with { braces; and semicolons } and "quotes".</p>
 * @public
 */
export interface Sample {
    /** doc { */
    Plain: string | undefined;
    // line comment: Fake: string;
    Nested?: {
        a: string;
        b: { c: number };
    } | undefined;
    Fn?: ((x: string) => Map<string, number[]>) | undefined;
    "Quoted-Name"?: Record<string, string> | undefined;
}
export declare const SampleFilterSensitiveLog: (obj: Sample) => any;
export type Alias = (typeof Kind)[keyof typeof Kind];
export declare const Kind: {
    readonly A: "a;b";
    readonly URL: "https://example.com/{x}";
};
export declare class BadException extends __BaseException {
    readonly name: "BadException";
    readonly $fault: "client";
    $retryable: {
        throttling: boolean;
    };
    Detail: string | undefined;
    constructor(opts: __ExceptionOptionType<BadException, __BaseException>);
}
export declare class NotAnError extends Something {
    Ignored: string;
}
"#;
    let mut ts = TsDeclarations::default();
    parse_typescript(src, &mut ts);
    assert_eq!(ts.structures.keys().collect::<Vec<_>>(), ["BadException", "Sample"]);
    assert_eq!(
        ts.structures["Sample"].members,
        members(&[
            ("Plain", true, "string | undefined"),
            ("Nested", false, "{ a: string; b: { c: number }; } | undefined"),
            ("Fn", false, "((x: string) => Map<string, number[]>) | undefined"),
            ("Quoted-Name", false, "Record<string, string> | undefined"),
        ])
    );
    assert_eq!(ts.structures["BadException"].members, members(&[("Detail", true, "string | undefined")]));
    let kind: BTreeSet<String> = ["a;b", "https://example.com/{x}"].iter().map(|s| s.to_string()).collect();
    assert_eq!(ts.enums["Kind"], kind);
}

#[test]
fn rust_extractor_reads_wire_names_and_optionality() {
    let src = r#"
        use serde::{Deserialize, Serialize};

        /// A hand-made stand-in for a generated structure.
        #[derive(Debug, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Sample {
            #[serde(rename = "UserPoolId")]
            pub user_pool_id: String,
            #[serde(rename = "ClientMetadata", default, skip_serializing_if = "Option::is_none")]
            pub client_metadata: Option<std::collections::HashMap<String, String>>,
            pub r#type: ::std::option::Option<Kind>,
            #[serde(default)]
            pub count: i32,
        }

        pub struct Empty {}
        pub struct Unit;
        struct Private { pub x: i32 }

        pub mod errors {
            #[derive(serde::Deserialize)]
            pub struct SomeException {
                #[serde(rename = "message")]
                pub message: Option<String>,
            }
        }

        #[derive(Serialize, Deserialize)]
        pub enum Kind {
            #[serde(rename = "admin_only")]
            AdminOnly,
            Plain,
            #[serde(other)]
            Unknown,
            Other(String),
        }

        pub enum ByHand { Required, Unknown(String) }
        impl ByHand {
            pub const VALUES: &'static [&'static str] = &["required"];
        }

        #[serde(rename_all = "PascalCase")]
        pub struct Renamed { pub x: i32, #[serde(flatten)] pub rest: Option<Sample> }
    "#;
    let mut krate = RustCrate::default();
    parse_rust_source(src, Path::new("fixture.rs"), &mut krate);

    let names: Vec<&String> = krate.structs.keys().collect();
    assert_eq!(names, ["Empty", "Renamed", "Sample", "SomeException", "Unit"]);
    let field = |ident: &str, optional: bool| RustField { ident: ident.to_string(), optional };
    let sample = &krate.structs["Sample"];
    let expected: BTreeMap<String, RustField> = [
        ("UserPoolId", field("user_pool_id", false)),
        ("ClientMetadata", field("client_metadata", true)),
        ("type", field("type", true)),
        ("count", field("count", false)),
    ]
    .into_iter()
    .map(|(wire, f)| (wire.to_string(), f))
    .collect();
    assert_eq!(sample.fields, expected);
    assert!(sample.problems.is_empty(), "{:?}", sample.problems);
    assert!(krate.structs["Empty"].fields.is_empty());
    assert!(krate.structs["Unit"].fields.is_empty());
    assert_eq!(krate.structs["SomeException"].fields["message"], field("message", true));
    assert_eq!(
        krate.structs["Renamed"].problems,
        ["unsupported #[serde(rename_all)]", "field `rest`: unsupported #[serde(flatten)]"]
    );
    let kind: BTreeSet<String> = ["admin_only", "Plain"].iter().map(|s| s.to_string()).collect();
    assert_eq!(krate.enum_values("Kind"), Some(&kind));
    let by_hand: BTreeSet<String> = ["required".to_string()].into();
    assert_eq!(krate.enum_values("ByHand"), Some(&by_hand));
    assert_eq!(krate.enum_values("Missing"), None);
}

#[test]
fn comparison_applies_defaults_and_inherited_message() {
    let ts_member = |required| TsMember { required, ty: String::new() };
    let model_member = |required, has_default| ModelMember { required, has_default, client_optional: false };
    let rust_field = |ident: &str, optional| RustField { ident: ident.to_string(), optional };

    let ts = TsStructure {
        kind: TsKind::ErrorClass,
        members: [("Code", ts_member(true)), ("Enabled", ts_member(false)), ("Extra", ts_member(false))]
            .into_iter()
            .map(|(n, m)| (n.to_string(), m))
            .collect(),
    };
    let model = ModelStructure {
        is_error: true,
        members: [
            ("Code", model_member(true, false)),
            ("Enabled", model_member(false, true)),
            ("Extra", model_member(false, false)),
            ("message", model_member(false, false)),
        ]
        .into_iter()
        .map(|(n, m)| (n.to_string(), m))
        .collect(),
    };
    let good = RustStruct {
        fields: [
            ("Code", rust_field("code", false)),
            ("Enabled", rust_field("enabled", false)),
            ("Extra", rust_field("extra", true)),
            ("message", rust_field("message", true)),
        ]
        .into_iter()
        .map(|(n, f)| (n.to_string(), f))
        .collect(),
        ..RustStruct::default()
    };
    assert_eq!(compare_structure("E", &ts, &model, &good), Vec::<String>::new());

    let mut bad = good.clone();
    bad.fields.insert("Code".to_string(), rust_field("code", true));
    bad.fields.insert("Enabled".to_string(), rust_field("enabled", true));
    bad.fields.remove("message");
    bad.fields.insert("Bogus".to_string(), rust_field("bogus", true));
    assert_eq!(
        compare_structure("E", &ts, &model, &bad),
        [
            "E.Code: ts=required, rust=Option (field `code`, expected non-Option)",
            "E.Enabled: ts=optional, modeled default, rust=Option (field `enabled`, expected non-Option)",
            "E.message: ts=optional (Error.message, per model), rust=missing",
            "E.Bogus: ts=missing, rust=field `bogus`",
        ]
    );
}
