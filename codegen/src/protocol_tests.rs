//! `tests/protocol_tests.rs`: the model's protocol compliance cases (`smithy.test#httpRequestTests`
//! on operations, `smithy.test#httpResponseTests` on operations and error structures) that apply
//! to clients of the service's protocol, one `#[test]` each.
//!
//! A request case reads its `params` into the input (in the serde form: see
//! [`samples::params_as_wire`]), calls `write_request` and checks the method, URI, host, query,
//! headers and body. A response case builds the `http::Response`, calls `read_response` and
//! compares the output (or the typed error) with `params` read the same way. The checks are the
//! helpers of the crate's `tests/support` module.

use std::collections::BTreeMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use serde_json::Value;
use smithy_model::{HttpTestCase, HttpTestKind, Model};

use crate::emit::Job;
use crate::naming;
use crate::render::allow_deprecated_uses;
use crate::samples;
use crate::space::{OperationDef, TypeKind, TypeRef, TypeSpace};

/// The job that writes `tests/protocol_tests.rs`, when the model has cases for this crate.
pub fn job<'a>(model: &'a Model, space: &'a TypeSpace) -> Option<Job<'a>> {
    let cases = cases(model, space);
    if cases.is_empty() {
        return None;
    }
    Some(Job::tokens("tests/protocol_tests.rs", move || {
        Ok(allow_deprecated_uses(file(model, space, &cases), space, &[]))
    }))
}

/// One case, with the operation whose `write_request` or `read_response` it calls.
struct Case<'a> {
    op: &'a OperationDef,
    case: &'a HttpTestCase,
    /// For a case on an error structure: the error's type.
    error: Option<TypeRef>,
}

/// The client cases of the service's protocol, in operation order: each operation's request and
/// response cases, then those of the errors it is the first (by name) to list.
fn cases<'a>(model: &'a Model, space: &'a TypeSpace) -> Vec<Case<'a>> {
    let protocol = format!("aws.protocols#{}", space.service.protocol.name());
    let applies = |c: &&HttpTestCase| c.applies_to_clients() && c.protocol == protocol;
    let mut error_owner: BTreeMap<&str, &OperationDef> = BTreeMap::new();
    for op in &space.operations {
        for error in &op.errors {
            error_owner.entry(error.name.as_str()).or_insert(op);
        }
    }
    let mut out = Vec::new();
    for op in &space.operations {
        let traits = &model.expect(&op.shape).traits;
        for case in traits.http_request_tests.iter().chain(&traits.http_response_tests).flatten().filter(applies) {
            out.push(Case { op, case, error: None });
        }
        for def in space.types.iter().filter(|t| matches!(&t.kind, TypeKind::Struct(s) if s.error.is_some())) {
            if error_owner.get(def.name.as_str()).is_none_or(|owner| owner.shape != op.shape) {
                continue;
            }
            let error =
                TypeRef { shape: def.shape.clone(), name: def.name.clone(), kind: crate::space::NamedKind::Structure };
            let traits = &model.expect(&def.shape).traits;
            for case in traits.http_response_tests.iter().flatten().filter(applies) {
                out.push(Case { op, case, error: Some(error.clone()) });
            }
        }
    }
    out
}

fn file(model: &Model, space: &TypeSpace, cases: &[Case<'_>]) -> TokenStream {
    let lib = format_ident!("{}", space.service.library_name);
    let protocol = cases.iter().any(|c| c.case.vendor_params.is_some()).then(|| quote!(use #lib::protocol;));
    let names = test_names(cases);
    let tests = cases.iter().zip(names).map(|(case, name)| {
        let name = format_ident!("{name}");
        let doc = format!(" `{}`: {}", case.case.id, case.case.documentation.as_deref().unwrap_or("").trim());
        let doc = doc.lines().next().unwrap_or_default().to_owned();
        let body = match &case.case.kind {
            HttpTestKind::Request { .. } => request_test(model, space, case),
            HttpTestKind::Response { code } => response_test(model, space, case, *code),
        };
        quote! {
            #[doc = #doc]
            #[test]
            fn #name() {
                #body
            }
        }
    });
    quote! {
        //! The protocol compliance cases of the model (`smithy.test#httpRequestTests` and
        //! `smithy.test#httpResponseTests`) that apply to clients: each request is built with
        //! `write_request` and compared with the case, each response is read with
        //! `read_response` and compared with the case's values. (Only with the crate's `http`
        //! feature, which the operations need.)
        #![cfg(feature = "http")]

        mod support;

        use #lib::operation::Operation;
        use #lib::operations as ops;
        #protocol
        use support::*;

        #(#tests)*
    }
}

/// Test names: the case IDs in snake_case; an ID shared by a request and a response case gets
/// `_request` and `_response`.
fn test_names(cases: &[Case<'_>]) -> Vec<String> {
    let base: Vec<String> = cases.iter().map(|c| heck::ToSnakeCase::to_snake_case(c.case.id.as_str())).collect();
    let names = base.iter().zip(cases).map(|(name, case)| {
        if base.iter().filter(|other| *other == name).count() == 1 {
            return name.clone();
        }
        match case.case.kind {
            HttpTestKind::Request { .. } => format!("{name}_request"),
            HttpTestKind::Response { .. } => format!("{name}_response"),
        }
    });
    naming::disambiguate(names.map(|n| naming::module_name(&n)))
}

fn request_test(model: &Model, space: &TypeSpace, case: &Case<'_>) -> TokenStream {
    let HttpTestKind::Request {
        method,
        uri,
        host,
        resolved_host,
        query_params,
        forbid_query_params,
        require_query_params,
    } = &case.case.kind
    else {
        return TokenStream::new();
    };
    let op = format_ident!("{}", case.op.name);
    let input = params(model, space, case.op.input.as_ref(), &case.case.params);
    let host = option(host.as_deref());
    let resolved_host = option(resolved_host.as_deref());
    let headers = pairs(&case.case.headers);
    let (forbid_headers, require_headers) = (&case.case.forbid_headers, &case.case.require_headers);
    let body = option(case.case.body.as_deref().map(raw_string).as_ref());
    let media_type = option(case.case.body_media_type.as_deref());
    // The compliance cases expect this token wherever the client fills one in.
    let fills_token = input_has_token(space, case.op);
    let write = if fills_token {
        let lib = format_ident!("{}", space.service.library_name);
        quote! {
            #lib::idempotency::with_tokens(|| "00000000-0000-4000-8000-000000000000".to_owned(), || {
                ops::#op::write_request(&input)
            })
        }
    } else {
        quote!(ops::#op::write_request(&input))
    };
    quote! {
        let input = #input;
        let request = #write.expect("the request builds");
        let host_prefix = ops::#op::host_prefix(&input).expect("the host prefix builds");
        assert_request(&request, host_prefix.as_deref(), &ExpectedRequest {
            method: #method,
            uri: #uri,
            host: #host,
            resolved_host: #resolved_host,
            query: &[#(#query_params),*],
            forbid_query: &[#(#forbid_query_params),*],
            require_query: &[#(#require_query_params),*],
            headers: &[#headers],
            forbid_headers: &[#(#forbid_headers),*],
            require_headers: &[#(#require_headers),*],
            body: #body,
            body_media_type: #media_type,
        });
    }
}

fn response_test(model: &Model, space: &TypeSpace, case: &Case<'_>, code: u16) -> TokenStream {
    let op = format_ident!("{}", case.op.name);
    let headers = pairs(&case.case.headers);
    let body = raw_string(case.case.body.as_deref().unwrap_or(""));
    let code = proc_macro2::Literal::u16_unsuffixed(code);
    let read = quote! {
        let response = response(#code, &[#headers], #body);
        let result = ops::#op::read_response(&response);
    };
    let Some(error) = &case.error else {
        let expected = params(model, space, case.op.output.as_ref(), &case.case.params);
        return quote! {
            #read
            let output = result.expect("the response reads as the output");
            assert_same(&output, &#expected);
        };
    };
    let (error_enum, variant) = (format_ident!("{}", case.op.error_name), format_ident!("{}", error.name));
    let expected = params(model, space, Some(error), &case.case.params);
    let vendor = case.case.vendor_params.as_ref().map(|params| query_error_check(params, error));
    quote! {
        #read
        let error = result.expect_err("the response is an error");
        let ops::#error_enum::#variant(error) = error else {
            panic!("expected {}, got {error:?}", stringify!(#variant));
        };
        assert_same(&*error, &#expected);
        #vendor
    }
}

/// `vendorParams` of a query-compatible error: the awsQuery code (the header's, or the error's
/// own name when there is none) and fault.
fn query_error_check(params: &Value, error: &TypeRef) -> TokenStream {
    let code = params.get("code").and_then(Value::as_str).unwrap_or_default();
    let fault = option(params.get("type").and_then(Value::as_str));
    let name = error.name.as_str();
    quote! {
        let query = protocol::query_error(response.headers());
        assert_eq!(query.as_ref().map_or(#name, |q| q.code.as_str()), #code);
        assert_eq!(query.as_ref().map(|q| q.fault.as_str()), #fault);
    }
}

/// Whether the operation's input has an `@idempotencyToken` member that a request fills in.
fn input_has_token(space: &TypeSpace, op: &OperationDef) -> bool {
    match op.input.as_ref().and_then(|t| space.get(&t.shape)).map(|def| &def.kind) {
        Some(TypeKind::Struct(s)) => s.members.iter().any(|m| m.http.idempotency_token && m.is_optional()),
        _ => false,
    }
}

/// An expression of type `ty` (the input, output or error) holding a case's `params`.
fn params(
    model: &Model,
    space: &TypeSpace,
    ty: Option<&TypeRef>,
    params: &serde_json::Map<String, Value>,
) -> TokenStream {
    let lib = format_ident!("{}", space.service.library_name);
    let Some(ty) = ty else {
        return quote!(#lib::operation::Empty);
    };
    let json = samples::params_as_wire(
        model,
        &ty.shape,
        &Value::Object(params.clone()),
        space.service.protocol.uses_json_name(),
    );
    let name = format_ident!("{}", ty.name);
    let json = raw_string(&serde_json::to_string_pretty(&json).expect("JSON values always serialize"));
    quote!(params::<#lib::#name>(#json))
}

fn pairs(pairs: &[(String, String)]) -> TokenStream {
    let pairs = pairs.iter().map(|(name, value)| quote!((#name, #value)));
    quote!(#(#pairs),*)
}

fn option<T: quote::ToTokens>(value: Option<T>) -> TokenStream {
    match value {
        Some(value) => quote!(Some(#value)),
        None => quote!(None),
    }
}

/// A raw string literal of `text`, with enough `#`s to be unambiguous.
fn raw_string(text: &str) -> TokenStream {
    let mut hashes = String::from("#");
    while text.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{text}\"{hashes}").parse().expect("a raw string literal tokenizes")
}
