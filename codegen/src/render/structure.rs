//! A structure: a `pub struct` with serde attributes that follow the wire rules.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use smithy_model::ErrorFault;

use super::docs_attr::{deprecated_attr, doc_attrs, lines_to_attrs};
use super::imports::Imports;
use super::rust_types::{type_tokens, wire_format_tokens, StdPaths};
use super::{builder, debug, validation};
use crate::naming;
use crate::space::{Binding, DefaultValue, ErrorInfo, MemberDef, RustType, StructDef, TypeDef, TypeSpace};

/// Renders the file of one structure.
pub fn render(def: &TypeDef, s: &StructDef, space: &TypeSpace) -> TokenStream {
    let std = &StdPaths::of(space);
    let name = naming::ident(&def.name);
    let docs = struct_docs(def);
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let fields = s.members.iter().map(|f| field(f, std, s.error.is_some()));
    let derive_default = s.derives_default().then(|| quote!(Default,));
    let manual_default = (!s.derives_default()).then(|| default_impl(&name, s, std));
    let mut imports = Imports::default();
    imports.add("serde", "Deserialize").add("serde", "Serialize");
    imports.types(s.members.iter().map(|f| &f.ty), &def.name, std);
    if s.members.iter().any(|f| f.ty.uses_wire()) {
        imports.add("crate", "wire");
    }
    let error_impls = s.error.as_ref().map(|e| error_impls(&name, e, s));
    let redacts = debug::struct_redacts(def, s);
    let derive_debug = (!redacts).then(|| quote!(Debug,));
    let debug_impl = redacts.then(|| debug::struct_impl(def, s));
    if redacts {
        imports.add("std", "fmt").add("crate::wire", "Redacted");
    }
    let imports = imports.tokens();
    let builder = builder::struct_impl(def, s, std, validation::validate_method(std));
    let validate = validation::struct_impl(def, &s.members, space);
    let allow_case = (!naming::is_upper_camel(&def.name)).then(|| quote!(#[allow(non_camel_case_types)]));
    quote! {
        #imports

        #docs
        #deprecated
        #allow_case
        #[derive(Clone, #derive_debug #derive_default PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct #name {
            #(#fields)*
        }

        #builder

        #manual_default

        #debug_impl

        #validate

        #error_impls
    }
}

/// `Display`, `std::error::Error` and `error::ErrorShape` for an `@error` structure.
fn error_impls(name: &proc_macro2::Ident, e: &ErrorInfo, s: &StructDef) -> TokenStream {
    let code = &e.code;
    let status = e.http_status;
    let fault = match e.fault {
        ErrorFault::Client => quote!(crate::error::Fault::Client),
        ErrorFault::Server => quote!(crate::error::Fault::Server),
    };
    let retry = match e.retryable {
        Some(r) => {
            let throttling = r.throttling;
            quote!(Some(crate::error::Retry { throttling: #throttling }))
        }
        None => quote!(None),
    };
    let message = match s.message_member() {
        Some(f) if f.is_optional() => {
            let field = naming::ident(&f.rust_name);
            quote!(self.#field.as_deref())
        }
        Some(f) => {
            let field = naming::ident(&f.rust_name);
            quote!(Some(&self.#field))
        }
        None => quote!(None),
    };
    quote! {
        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(#code)?;
                if let Some(message) = crate::error::ErrorShape::message(self) {
                    write!(f, ": {message}")?;
                }
                Ok(())
            }
        }

        impl std::error::Error for #name {}

        impl crate::error::ErrorShape for #name {
            const CODE: &'static str = #code;
            const FAULT: crate::error::Fault = #fault;
            const HTTP_STATUS: u16 = #status;
            const RETRY: Option<crate::error::Retry> = #retry;

            fn message(&self) -> Option<&str> {
                #message
            }
        }
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

fn field(f: &MemberDef, std: &StdPaths, in_error: bool) -> TokenStream {
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
    let mut serde = Vec::new();
    // serde names a field after its identifier, without `r#`.
    let serde_name = name.to_string();
    if f.wire_name != serde_name.trim_start_matches("r#") {
        let wire = &f.wire_name;
        serde.push(quote!(rename = #wire));
    }
    if let Some(alias) = message_alias(f, in_error) {
        serde.push(quote!(alias = #alias));
    }
    if f.is_optional() {
        let is_none = format!("{}::is_none", std.path_str("Option"));
        serde.push(quote!(skip_serializing_if = #is_none));
    }
    if let Some(format) = f.ty.wire_format() {
        let format = wire_format_tokens(&format);
        let format = if f.is_optional() { quote!(Option<#format>) } else { format };
        let with = format!("wire::As::<{}>", format.to_string().replace(' ', ""));
        serde.push(quote!(with = #with));
    }
    let serde = (!serde.is_empty()).then(|| quote!(#[serde(#(#serde),*)]));
    quote! {
        #docs
        #deprecated
        #serde
        pub #name: #ty,
    }
}

/// Errors of the AWS JSON protocols carry their message as `message` or `Message`, whichever
/// the model names the member; the other spelling is read too.
fn message_alias(f: &MemberDef, in_error: bool) -> Option<&'static str> {
    match f.wire_name.as_str() {
        "message" if in_error => Some("Message"),
        "Message" if in_error => Some("message"),
        _ => None,
    }
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
