//! A structure: a `pub struct` with serde attributes that follow the wire rules.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs_attr::{deprecated_attr, doc_attrs, lines_to_attrs};
use super::imports;
use crate::mapping::{RustType, StdPaths};
use crate::naming;
use crate::space::{Binding, FieldDef, StructDef, TypeDef, TypeSpace};

/// Renders the file of one structure.
pub fn render(def: &TypeDef, s: &StructDef, space: &TypeSpace) -> TokenStream {
    let std = &space.std;
    let name = naming::ident(&def.name);
    let docs = struct_docs(def);
    let deprecated = deprecated_attr(def.deprecated.as_ref());
    let fields = s.fields.iter().map(|f| field(f, std));
    let derive_default = s.derives_default().then(|| quote!(Default,));
    let manual_default = (!s.derives_default()).then(|| default_impl(&name, s, std));
    let imports = imports(s.fields.iter().map(|f| &f.ty), &def.name, std);
    quote! {
        #imports

        #docs
        #deprecated
        #[derive(Clone, Debug, #derive_default PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct #name {
            #(#fields)*
        }

        #manual_default
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

fn field(f: &FieldDef, std: &StdPaths) -> TokenStream {
    let docs = doc_attrs(f.docs.as_deref());
    let deprecated = deprecated_attr(f.deprecated.as_ref());
    let name = naming::ident(&f.name);
    let ty = field_type(f, std);
    let mut serde = Vec::new();
    if f.wire_name != f.name {
        let wire = &f.wire_name;
        serde.push(quote!(rename = #wire));
    }
    if f.optional {
        let is_none = format!("{}::is_none", std.path_str("Option"));
        serde.push(quote!(skip_serializing_if = #is_none));
    }
    if let Some(format) = f.ty.wire_format() {
        let format = if f.optional { quote!(Option<#format>) } else { format };
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

/// The field's full type: `Option` when optional, `Box` when breaking a recursion.
fn field_type(f: &FieldDef, std: &StdPaths) -> TokenStream {
    let mut ty = f.ty.tokens(std);
    if f.boxed {
        let boxed = std.path("Box");
        ty = quote!(#boxed<#ty>);
    }
    if f.optional {
        let option = std.path("Option");
        ty = quote!(#option<#ty>);
    }
    ty
}

/// `Default` by hand: for structures with a required timestamp or a non-zero model default.
fn default_impl(name: &proc_macro2::Ident, s: &StructDef, std: &StdPaths) -> TokenStream {
    let default = std.path("Default");
    let fields = s.fields.iter().map(|f| {
        let field = naming::ident(&f.name);
        let value = match (&f.default, &f.ty) {
            (_, _) if f.optional => quote!(None),
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
fn default_value(ty: &RustType, value: &serde_json::Value, std: &StdPaths) -> TokenStream {
    use serde_json::Value;
    let default = std.path("Default");
    match (ty, value) {
        (RustType::Bool, Value::Bool(b)) => quote!(#b),
        (RustType::I8 | RustType::I16 | RustType::I32 | RustType::I64, Value::Number(n)) => {
            let literal = proc_macro2::Literal::i64_unsuffixed(n.as_i64().unwrap_or_default());
            quote!(#literal)
        }
        (RustType::F32 | RustType::F64, Value::Number(n)) => {
            let literal = proc_macro2::Literal::f64_unsuffixed(n.as_f64().unwrap_or_default());
            quote!(#literal)
        }
        (RustType::String, Value::String(s)) => quote!(#s.to_owned()),
        (RustType::Named(name), Value::String(s)) => {
            let ty = crate::mapping::named(name, std);
            quote!(#ty::from(#s))
        }
        (RustType::Timestamp(_), Value::Number(n)) => {
            let seconds = n.as_i64().unwrap_or_default();
            quote!(time::OffsetDateTime::from_unix_timestamp(#seconds).unwrap_or(time::OffsetDateTime::UNIX_EPOCH))
        }
        _ => quote!(#default::default()),
    }
}
