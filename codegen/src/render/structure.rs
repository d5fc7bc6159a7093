//! A structure: a `pub struct`, and its `shape::Structure` description (each member's wire name
//! and format) from which the crate's `shape` module reads and writes it, on the wire and
//! through serde.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use smithy_model::ErrorFault;

use super::docs_attr::{deprecated_attr, doc_attrs, lines_to_attrs};
use super::imports::Imports;
use super::rust_types::{member_format, type_tokens, StdPaths};
use super::{builder, validation};
use crate::emit::{Part, RustFile};
use crate::naming;
use crate::space::{Binding, DefaultValue, ErrorInfo, MemberDef, RustType, StructDef, TypeDef, TypeSpace};

/// Renders the file of one structure.
pub fn render(def: &TypeDef, s: &StructDef, space: &TypeSpace) -> RustFile {
    let std = &StdPaths::of(space);
    let name = naming::ident(&def.name);
    let docs = struct_docs(def);
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let fields = s.members.iter().map(|f| field(f, std));
    let derive_default = s.derives_default().then(|| quote!(Default,));
    let manual_default = (!s.derives_default()).then(|| default_impl(&name, s, std));
    let mut imports = Imports::default();
    imports.types(s.members.iter().map(|f| &f.ty), &def.name, std);
    if !s.members.is_empty() {
        imports.add("crate", "wire");
    }
    let imports = imports.tokens();
    let builder = builder::struct_impl(def, s, std);
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    let definition = quote! {
        #imports

        #docs
        #deprecated
        #allow_case
        #[derive(Clone, #derive_default PartialEq)]
        pub struct #name {
            #(#fields)*
        }

        #builder
    };
    let mut parts = vec![Part::Tokens(definition)];
    parts.extend(builder::setters_macro(def, s, std).map(Part::Text));
    parts.push(Part::Text(structure_macro(&def.name, s, space)));
    let rest = quote! {
        #manual_default
    };
    if !rest.is_empty() {
        parts.push(Part::Tokens(rest));
    }
    parts.extend(s.error.as_ref().map(|e| error_shape(&def.name, e, s)));
    RustFile { parts }
}

/// The `error_shape!` invocation of an `@error` structure (`Display`, `std::error::Error` and
/// `error::ErrorShape`; see the crate's `error` module).
fn error_shape(name: &str, e: &ErrorInfo, s: &StructDef) -> Part {
    let fault = match e.fault {
        ErrorFault::Client => "Client",
        ErrorFault::Server => "Server",
    };
    let retry = match e.retryable {
        Some(r) => format!("Some(crate::error::Retry {{ throttling: {} }})", r.throttling),
        None => "None".to_owned(),
    };
    let mut head = format!(
        "{name} {{\n    code: {},\n    fault: {fault},\n    status: {},\n    retry: {retry},\n",
        proc_macro2::Literal::string(&e.code),
        e.http_status,
    );
    if let Some(f) = s.message_member() {
        head.push_str(&format!("    message: {},\n", naming::ident(&f.rust_name)));
    }
    head.push_str("}\n");
    Part::Invocation {
        path: "crate::error_shape",
        head,
        items: super::rest::error_read(&s.members).unwrap_or_default(),
    }
}

/// The model's documentation, after a line saying which operations use the structure.
fn struct_docs(def: &TypeDef) -> TokenStream {
    let roles: Vec<String> = def
        .bindings
        .iter()
        .filter_map(|b| match b {
            Binding::Input(op) => Some(format!("the input of `{op}`")),
            Binding::Output(op) => Some(format!("the output of `{op}`")),
            Binding::Error(_) => None,
        })
        .collect();
    let errors: Vec<String> = def
        .bindings
        .iter()
        .filter_map(|b| match b {
            Binding::Error(op) => Some(format!("`{op}`")),
            _ => None,
        })
        .collect();
    let mut lead = Vec::new();
    if !roles.is_empty() {
        lead.push(format!("This structure is {}.", join_words(&roles)));
    }
    match errors.len() {
        0 => {}
        1..=6 => lead.push(format!("An error returned by {}.", join_words(&errors))),
        n => lead.push(format!("An error returned by {n} operations of the service.")),
    }
    let lead = lines_to_attrs(&lead.join(" "));
    let model_docs = doc_attrs(def.docs.as_deref());
    match (lead.is_empty(), model_docs.is_empty()) {
        (false, false) => quote!(#lead #[doc = ""] #model_docs),
        _ => quote!(#lead #model_docs),
    }
}

/// `a`, `a and b`, `a, b and c`.
fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

fn field(f: &MemberDef, std: &StdPaths) -> TokenStream {
    let docs = doc_attrs(f.docs.as_deref());
    let unchecked = validation::unchecked_docs(f);
    let docs = quote!(#docs #unchecked);
    let docs = match &f.service_default {
        Some(default) => {
            let note = format!(
                " When it is not set, the service uses its default, {}.",
                crate::docs::code_span(&default.to_string())
            );
            if docs.is_empty() {
                quote!(#[doc = #note])
            } else {
                quote!(#docs #[doc = ""] #[doc = #note])
            }
        }
        None => docs,
    };
    let deprecated = deprecated_attr(f.deprecated.as_ref());
    let name = naming::ident(&f.rust_name);
    let ty = field_type(f, std);
    quote! {
        #docs
        #deprecated
        pub #name: #ty,
    }
}

/// The structure's description (see the `structure!` macro of the crate's `shape` module), one
/// member a line: whether it is sensitive, its field, wire name (and alias), what `validate()`
/// checks (`[CONSTANT]` of the `constraints` module, `[]` for a value checked by its own type
/// only, nothing when there is nothing to check) and its format.
fn structure_macro(name: &str, s: &StructDef, space: &TypeSpace) -> String {
    if s.members.is_empty() {
        return format!("crate::structure!({name} {{}});\n");
    }
    let alias = message_alias(s);
    let mut out = format!("crate::structure!({name} {{\n");
    for (index, m) in s.members.iter().enumerate() {
        let field = naming::ident(&m.rust_name);
        let wire = proc_macro2::Literal::string(&m.wire_name);
        let alias = match alias {
            Some((alias, at)) if at == index => format!(" | {}", proc_macro2::Literal::string(alias)),
            _ => String::new(),
        };
        let format = member_format(&m.ty, m.boxed, m.is_optional());
        let sensitive = if m.redact { "#[sensitive] " } else { "" };
        let check = match &m.checks {
            Some(checks) => format!(" [{}]", space.constraint_name(checks).unwrap_or_default()),
            None => String::new(),
        };
        out.push_str(&format!("    {sensitive}{field}: {wire}{alias}{check} => {format},\n"));
    }
    out.push_str("});\n");
    out
}

/// Errors of the AWS JSON protocols carry their message as `message` or `Message`, whichever
/// the model names the member; the other spelling is read too. The alias and the member's index.
fn message_alias(s: &StructDef) -> Option<(&'static str, usize)> {
    s.error.as_ref()?;
    s.members.iter().enumerate().find_map(|(index, m)| match m.wire_name.as_str() {
        "message" => Some(("Message", index)),
        "Message" => Some(("message", index)),
        _ => None,
    })
}

/// The field's full type: `Option` when optional, `Box` when breaking a recursion.
fn field_type(f: &MemberDef, std: &StdPaths) -> TokenStream {
    let mut ty = type_tokens(&f.ty, std);
    if f.boxed {
        let boxed = std.path("Box");
        ty = quote!(#boxed<#ty>);
    }
    if f.is_optional() {
        let option = std.path("Option");
        ty = quote!(#option<#ty>);
    }
    ty
}

/// `Default` by hand: for structures with a required timestamp or a non-zero model default.
fn default_impl(name: &proc_macro2::Ident, s: &StructDef, std: &StdPaths) -> TokenStream {
    let default = std.path("Default");
    let fields = s.members.iter().map(|f| {
        let field = naming::ident(&f.rust_name);
        let value = match (f.default(), &f.ty) {
            (_, _) if f.is_optional() => quote!(None),
            (Some(value), ty) => default_value(ty, value, std),
            (None, RustType::Timestamp(_)) => quote!(time::OffsetDateTime::UNIX_EPOCH),
            (None, _) => quote!(#default::default()),
        };
        let value = if f.boxed { quote!(Box::new(#value)) } else { value };
        quote!(#field: #value,)
    });
    quote! {
        impl #default for #name {
            fn default() -> Self {
                Self { #(#fields)* }
            }
        }
    }
}

/// A Rust expression for a model default value.
fn default_value(ty: &RustType, value: &DefaultValue, std: &StdPaths) -> TokenStream {
    let default = std.path("Default");
    match value {
        DefaultValue::Bool(b) => quote!(#b),
        DefaultValue::Integer(n) => {
            let literal = proc_macro2::Literal::i64_unsuffixed(*n);
            quote!(#literal)
        }
        DefaultValue::Float(f) => {
            let literal = proc_macro2::Literal::f64_unsuffixed(*f);
            quote!(#literal)
        }
        DefaultValue::BigNumber(digits) => quote!(wire::BigNumber::new(#digits).unwrap_or_default()),
        DefaultValue::String(s) => quote!(#s.to_owned()),
        DefaultValue::Blob(bytes) => {
            let literal = proc_macro2::Literal::byte_string(bytes);
            quote!(#literal.to_vec())
        }
        DefaultValue::Timestamp { seconds, nanos } => {
            let seconds = proc_macro2::Literal::i64_unsuffixed(*seconds);
            let nanos = proc_macro2::Literal::u32_unsuffixed(*nanos);
            quote!(time::OffsetDateTime::UNIX_EPOCH + time::Duration::new(#seconds, #nanos))
        }
        DefaultValue::Document(json) => {
            let json = json_tokens(json);
            quote!(serde_json::json!(#json))
        }
        DefaultValue::Enum(text) => {
            let ty = type_tokens(ty, std);
            quote!(#ty::from(#text))
        }
        DefaultValue::IntEnum(n) => {
            let (ty, n) = (type_tokens(ty, std), proc_macro2::Literal::i32_unsuffixed(*n));
            quote!(#ty::from(#n))
        }
        DefaultValue::EmptyList | DefaultValue::EmptyMap => quote!(#default::default()),
    }
}

/// A JSON value in the syntax of `serde_json::json!`.
fn json_tokens(value: &serde_json::Value) -> TokenStream {
    use serde_json::Value;
    match value {
        Value::Null => quote!(null),
        Value::Bool(b) => quote!(#b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => proc_macro2::Literal::u64_unsuffixed(u).into_token_stream(),
            (_, Some(i), _) => {
                let magnitude = proc_macro2::Literal::u64_unsuffixed(i.unsigned_abs());
                quote!(-#magnitude)
            }
            (_, _, Some(f)) if f < 0.0 => {
                let magnitude = proc_macro2::Literal::f64_unsuffixed(-f);
                quote!(-#magnitude)
            }
            (_, _, f) => proc_macro2::Literal::f64_unsuffixed(f.unwrap_or_default()).into_token_stream(),
        },
        Value::String(s) => quote!(#s),
        Value::Array(items) => {
            let items = items.iter().map(json_tokens);
            quote!([#(#items),*])
        }
        Value::Object(entries) => {
            let entries = entries.iter().map(|(k, v)| {
                let v = json_tokens(v);
                quote!(#k: #v)
            });
            quote!({#(#entries),*})
        }
    }
}
