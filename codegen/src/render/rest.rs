//! restJson1 operations: `write_request` and `read_response` that follow the HTTP bindings, and
//! `ErrorShape::read` for errors with members bound to headers. The work is done by the `rest`
//! template module; this renders the calls that spell each member's binding, with the text
//! conversion its type needs (decided here from the type space's Rust type and binding).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use smithy_model::TimestampFormat;

use crate::naming;
use crate::space::{HttpBinding, MemberDef, NamedKind, OperationDef, PathPart, RustType, TypeKind, TypeSpace};

/// Where a value is written as text, which decides a timestamp's default format.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// A path label or query parameter: `date-time` by default.
    Uri,
    /// A header: `http-date` by default, and `@mediaType` strings in base64.
    Header,
}

/// The statements of `write_request` (after the input is in `input`), ending in the request.
pub fn write_request(op: &OperationDef, space: &TypeSpace) -> TokenStream {
    let Some(route) = &op.route else { return quote!(unreachable!()) };
    let members = input_members(op, space);
    let method = &route.method;
    let path = route.path.iter().map(|part| match part {
        PathPart::Text(text) => quote!(request.path(#text);),
        PathPart::Label { member, greedy } => {
            let m = members.iter().find(|m| &m.name == member).expect("the type space checked every label");
            let field = naming::ident(&m.rust_name);
            let text = text_of(&m.ty, &quote!(value), m, Place::Uri);
            let value = if m.is_optional() {
                quote!(input.#field.as_ref().ok_or_else(|| RequestError::message(concat!("`", #member, "` must be set: it is part of the path")))?)
            } else {
                quote!(&input.#field)
            };
            quote! {
                let value = #value;
                request.label(#member, &#text, #greedy)?;
            }
        }
    });
    let constant_query = route.query.iter().map(|(key, value)| {
        let value = match value {
            Some(v) => quote!(Some(#v)),
            None => quote!(None),
        };
        quote!(request.query(#key, #value);)
    });
    let bound =
        |binding: fn(&HttpBinding) -> bool| members.iter().filter(move |m| m.http.in_request().is_some_and(binding));
    let queries = bound(|b| matches!(b, HttpBinding::Query(_))).map(|m| {
        let Some(HttpBinding::Query(key)) = m.http.in_request() else { unreachable!() };
        each_value(m, |value, ty| {
            let text = text_of(ty, &value, m, Place::Uri);
            quote!(request.query(#key, Some(&#text));)
        })
    });
    let query_params = bound(|b| *b == HttpBinding::QueryParams).map(|m| {
        let field = naming::ident(&m.rust_name);
        let values = match &m.ty {
            RustType::Map { value, .. } if matches!(**value, RustType::List { .. }) => {
                quote!(|values| values.iter().map(String::as_str).collect())
            }
            _ => quote!(|value| vec![value.as_str()]),
        };
        optional(m, &quote!(input.#field), |map| quote!(request.query_map(#map, #values);))
    });
    let headers = bound(|b| matches!(b, HttpBinding::Header(_))).map(|m| {
        let Some(HttpBinding::Header(name)) = m.http.in_request() else { unreachable!() };
        let field = naming::ident(&m.rust_name);
        optional(m, &quote!(input.#field), |value| header_value(name, value, m))
    });
    let prefix_headers = bound(|b| matches!(b, HttpBinding::PrefixHeaders(_))).map(|m| {
        let Some(HttpBinding::PrefixHeaders(prefix)) = m.http.in_request() else { unreachable!() };
        let field = naming::ident(&m.rust_name);
        optional(m, &quote!(input.#field), |map| quote!(request.prefix_headers(#prefix, #map)?;))
    });
    let body = request_body(&members);
    let token = idempotency_token(&members);
    quote! {
        #token
        let mut request = rest::Request::new(#method)?;
        #(#path)*
        #(#constant_query)*
        #(#queries)*
        #(#query_params)*
        #(#headers)*
        #(#prefix_headers)*
        #body
        request.build()
    }
}

/// An unset `@idempotencyToken` member gets a fresh token (in a copy of the input).
pub fn idempotency_token(members: &[&MemberDef]) -> TokenStream {
    let tokens: Vec<_> = members.iter().filter(|m| m.http.idempotency_token && m.is_optional()).collect();
    if tokens.is_empty() {
        return TokenStream::new();
    }
    let fields = tokens.iter().map(|m| naming::ident(&m.rust_name));
    let fill = fields.clone().map(|f| quote!(filled.#f.get_or_insert_with(idempotency::token);));
    quote! {
        let filled;
        let input = if #(input.#fields.is_none())||* {
            filled = {
                let mut filled = input.clone();
                #(#fill)*
                filled
            };
            &filled
        } else {
            input
        };
    }
}

/// The members of the operation's input (none for `Unit`).
fn input_members<'a>(op: &OperationDef, space: &'a TypeSpace) -> Vec<&'a MemberDef> {
    struct_members(op.input.as_ref().map(|t| &t.shape), space)
}

fn struct_members<'a>(shape: Option<&smithy_model::ShapeId>, space: &'a TypeSpace) -> Vec<&'a MemberDef> {
    match shape.and_then(|s| space.get(s)).map(|def| &def.kind) {
        Some(TypeKind::Struct(s)) => s.members.iter().collect(),
        _ => Vec::new(),
    }
}

/// The body: the payload member, or the JSON of the members no binding takes (if there are any).
fn request_body(members: &[&MemberDef]) -> TokenStream {
    if let Some(payload) = members.iter().find(|m| m.http.in_request() == Some(&HttpBinding::Payload)) {
        let field = naming::ident(&payload.rust_name);
        let (content_type, bytes) = payload_kind(payload);
        let write = |value: TokenStream| match bytes {
            PayloadKind::Json => quote!(request.json_payload(#value)?;),
            PayloadKind::Bytes => quote!(request.body(#content_type, (#value).clone())?;),
            PayloadKind::Text => quote!(request.body(#content_type, (#value).as_bytes().to_vec())?;),
            PayloadKind::Enum => quote!(request.body(#content_type, (#value).as_str().as_bytes().to_vec())?;),
        };
        if !payload.is_optional() {
            let set = write(quote!(value));
            return quote!(let value = &input.#field; #set);
        }
        let unset = match (&payload.ty, bytes) {
            // An unset structure is sent as `{}`; other payloads as no body.
            (RustType::Named(named), PayloadKind::Json) if named.kind == NamedKind::Structure => {
                quote!(else { request.body(#content_type, b"{}".to_vec())?; })
            }
            _ => TokenStream::new(),
        };
        let set = write(quote!(value));
        return quote!(if let Some(value) = &input.#field { #set } #unset);
    }
    if !members.iter().any(|m| m.http.in_request().is_none()) {
        return TokenStream::new();
    }
    let bound = bound_indexes(members, |m| m.http.in_request().is_some());
    quote!(request.json_body(input, &[#(#bound),*])?;)
}

/// The indexes (in the structure's `FIELDS`) of the members that an HTTP binding takes.
fn bound_indexes(members: &[&MemberDef], bound: impl Fn(&MemberDef) -> bool) -> Vec<proc_macro2::Literal> {
    members
        .iter()
        .enumerate()
        .filter(|(_, m)| bound(m))
        .map(|(i, _)| proc_macro2::Literal::usize_unsuffixed(i))
        .collect()
}

/// How a payload is written and read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum PayloadKind {
    /// JSON (a structure, union or document).
    Json,
    /// The bytes of a blob.
    Bytes,
    /// The text of a string.
    Text,
    /// The value of an enum.
    Enum,
}

/// The payload's kind and `Content-Type`.
fn payload_kind(m: &MemberDef) -> (String, PayloadKind) {
    let (default, kind) = match &m.ty {
        RustType::Blob => ("application/octet-stream", PayloadKind::Bytes),
        RustType::String => ("text/plain", PayloadKind::Text),
        RustType::Named(named) if named.kind == NamedKind::Enum => ("text/plain", PayloadKind::Enum),
        _ => ("application/json", PayloadKind::Json),
    };
    (m.http.media_type.clone().unwrap_or_else(|| default.to_owned()), kind)
}

/// `f(value)` for a member's value: inside `if let Some(value)` when it is optional.
fn optional(m: &MemberDef, place: &TokenStream, f: impl FnOnce(TokenStream) -> TokenStream) -> TokenStream {
    if m.is_optional() {
        let body = f(quote!(value));
        quote!(if let Some(value) = &#place { #body })
    } else {
        f(quote!(&#place))
    }
}

/// `f(item, type)` for each value of a query member: the value, or each item of a list.
fn each_value(m: &MemberDef, f: impl Fn(TokenStream, &RustType) -> TokenStream) -> TokenStream {
    let field = naming::ident(&m.rust_name);
    match &m.ty {
        RustType::List { item, .. } => {
            let body = f(quote!(item), item);
            optional(m, &quote!(input.#field), |list| quote!(for item in #list { #body }))
        }
        ty => optional(m, &quote!(input.#field), |value| {
            let body = f(quote!(value), ty);
            // An optional member's value is already bound to `value`.
            if m.is_optional() {
                body
            } else {
                quote!(let value = #value; #body)
            }
        }),
    }
}

/// Sends a header member (a value, or a list joined into one value).
fn header_value(name: &str, value: TokenStream, m: &MemberDef) -> TokenStream {
    match &m.ty {
        RustType::List { item, .. } => {
            let text = text_of(item, &quote!(item), m, Place::Header);
            // http-dates hold commas of their own; they are joined without quotes.
            let join = if matches!(**item, RustType::Timestamp(_)) {
                quote!(items.join(", "))
            } else {
                quote!(rest::header_list(items.iter().map(String::as_str)))
            };
            quote! {
                let mut items = Vec::new();
                for item in #value {
                    items.push(#text);
                }
                request.header(#name, &#join)?;
            }
        }
        ty => {
            let text = text_of(ty, &quote!(value), m, Place::Header);
            // An optional member's value is already bound to `value`.
            let bind = (!m.is_optional()).then(|| quote!(let value = #value;));
            quote!(#bind request.header(#name, &#text)?;)
        }
    }
}

/// A `String` expression: the text of `value` (a reference to a value of `ty`).
fn text_of(ty: &RustType, value: &TokenStream, m: &MemberDef, place: Place) -> TokenStream {
    match ty {
        RustType::String if place == Place::Header && m.http.media_type.is_some() => {
            quote!(rest::base64_text(#value.as_bytes()))
        }
        RustType::String => quote!(#value.clone()),
        RustType::Named(named) if named.kind == NamedKind::IntEnum => quote!(#value.as_i32().to_string()),
        RustType::Named(_) | RustType::BigNumber => quote!(String::from(#value.as_str())),
        RustType::F32 | RustType::F64 => quote!(rest::float_text(*#value)),
        RustType::Timestamp(_) => {
            let format = time_format(m, place);
            quote!(rest::timestamp_text(#value, #format)?)
        }
        RustType::Blob => quote!(rest::base64_text(#value)),
        _ => quote!(#value.to_string()),
    }
}

/// The text format of a timestamp member in a place: the model's, else the place's default.
fn time_format(m: &MemberDef, place: Place) -> TokenStream {
    let default = match place {
        Place::Uri => TimestampFormat::DateTime,
        Place::Header => TimestampFormat::HttpDate,
    };
    match m.http.timestamp_format.unwrap_or(default) {
        TimestampFormat::EpochSeconds => quote!(rest::TimeFormat::EpochSeconds),
        TimestampFormat::DateTime => quote!(rest::TimeFormat::DateTime),
        TimestampFormat::HttpDate => quote!(rest::TimeFormat::HttpDate),
    }
}

/// The body of `read_response`.
pub fn read_response(op: &OperationDef, space: &TypeSpace) -> TokenStream {
    let Some(output) = &op.output else {
        return quote!(rest::read_response(response, |_, _| Ok(Empty)));
    };
    let members = struct_members(Some(&output.shape), space);
    let ty = format_ident!("{}", output.name);
    let read = read_members(&quote!(crate::#ty), &members, true);
    let uses_body = members.iter().any(|m| matches!(m.http.in_response(), None | Some(HttpBinding::Payload)));
    let uses_response = members.iter().any(|m| {
        matches!(
            m.http.in_response(),
            Some(HttpBinding::Header(_) | HttpBinding::PrefixHeaders(_) | HttpBinding::ResponseCode)
        )
    });
    let body = if uses_body { quote!(body) } else { quote!(_body) };
    let response_param = if uses_response { quote!(response) } else { quote!(_response) };
    quote! {
        rest::read_response(response, |#response_param, #body| {
            #read
        })
    }
}

/// `ErrorShape::read` for an error structure with members bound to headers (restJson1). It imports
/// `rest` itself: the module exists only with the `http` feature, like this function.
pub fn error_read(members: &[MemberDef]) -> Option<TokenStream> {
    if !members.iter().any(|m| m.http.in_response().is_some()) {
        return None;
    }
    let members: Vec<&MemberDef> = members.iter().collect();
    let read = read_members(&quote!(Self), &members, false);
    Some(quote! {
        fn read(headers: &http::HeaderMap, body: &[u8]) -> Result<Self, crate::error::ReadError> {
            use crate::rest;
            #read
        }
    })
}

/// Statements that read a value of `ty` from `body` and the headers (`response` for outputs,
/// `headers` for errors), ending in `Ok(value)`.
fn read_members(ty: &TokenStream, members: &[&MemberDef], output: bool) -> TokenStream {
    let headers = if output { quote!(response.headers()) } else { quote!(headers) };
    // Members read from headers, set only when the header is there.
    let from_headers: Vec<TokenStream> = members
        .iter()
        .filter_map(|m| {
            let field = naming::ident(&m.rust_name);
            let set = |parsed: TokenStream| if m.is_optional() { quote!(Some(#parsed)) } else { parsed };
            match m.http.in_response()? {
                HttpBinding::Header(name) => {
                    let parsed = set(parse_header(m, name));
                    Some(quote! {
                        if let Some(text) = rest::header_values(#headers, #name) {
                            value.#field = #parsed;
                        }
                    })
                }
                HttpBinding::PrefixHeaders(prefix) => {
                    let map = set(quote!(map));
                    Some(quote! {
                        let map = rest::prefix_headers(#headers, #prefix);
                        if !map.is_empty() {
                            value.#field = #map;
                        }
                    })
                }
                _ => None,
            }
        })
        .collect();
    // Members that always get a value: the status code and the payload.
    let always: Vec<(proc_macro2::Ident, TokenStream)> = members
        .iter()
        .filter_map(|m| {
            let read = match (m.http.in_response()?, m.is_optional()) {
                (HttpBinding::ResponseCode, optional) if output => {
                    let status = quote!(i32::from(response.status().as_u16()));
                    if optional {
                        quote!(Some(#status))
                    } else {
                        status
                    }
                }
                (HttpBinding::Payload, _) => payload_read(m),
                _ => return None,
            };
            Some((naming::ident(&m.rust_name), read))
        })
        .collect();
    let has_payload = members.iter().any(|m| m.http.in_response() == Some(&HttpBinding::Payload));
    let binding = if from_headers.is_empty() { quote!(value) } else { quote!(mut value) };
    let start = if !has_payload && members.iter().any(|m| m.http.in_response().is_none()) {
        let bound = bound_indexes(members, |m| m.http.in_response().is_some());
        let binding = if from_headers.is_empty() && always.is_empty() { quote!(value) } else { quote!(mut value) };
        let sets = always.iter().map(|(field, read)| quote!(value.#field = #read;));
        quote!(let #binding: #ty = rest::read_json_without(body, &[#(#bound),*])?; #(#sets)*)
    } else if always.is_empty() {
        quote!(let #binding = #ty::default();)
    } else {
        let fields = always.iter().map(|(field, read)| quote!(#field: #read,));
        let others = (always.len() < members.len()).then(|| quote!(..Default::default()));
        quote!(let #binding = #ty { #(#fields)* #others };)
    };
    quote! {
        #start
        #(#from_headers)*
        Ok(value)
    }
}

/// The payload member's value from the body: no body is `None` for an optional member, and the
/// default value for a required one.
fn payload_read(payload: &MemberDef) -> TokenStream {
    let read = match payload_kind(payload).1 {
        PayloadKind::Bytes if payload.is_optional() => return quote!((!body.is_empty()).then(|| body.to_vec())),
        PayloadKind::Bytes => return quote!(body.to_vec()),
        PayloadKind::Json => quote!(rest::read_json_payload(body)?),
        PayloadKind::Text => quote!(rest::read_text_payload(body)?),
        PayloadKind::Enum => quote!(rest::read_text_payload(body)?.map(|text| text.as_str().into())),
    };
    if payload.is_optional() {
        read
    } else {
        quote!(#read.unwrap_or_default())
    }
}

/// The value of a header member from its text (`text`, every value of the header joined).
fn parse_header(m: &MemberDef, name: &str) -> TokenStream {
    match &m.ty {
        RustType::List { item, .. } => {
            let split = match (&**item, m.http.timestamp_format.unwrap_or(TimestampFormat::HttpDate)) {
                (RustType::Timestamp(_), TimestampFormat::HttpDate) => quote!(rest::split_http_dates(&text)),
                _ => quote!(rest::split_header_list(&text)),
            };
            let item = parse_text(item, &quote!(item.as_str()), m, name);
            quote!({
                let mut items = Vec::new();
                for item in #split.iter() {
                    items.push(#item);
                }
                items
            })
        }
        ty => parse_text(ty, &quote!(text.as_str()), m, name),
    }
}

/// A value of `ty` read from the text `text` (a `&str`) of the header `name`.
fn parse_text(ty: &RustType, text: &TokenStream, m: &MemberDef, name: &str) -> TokenStream {
    match ty {
        RustType::String if m.http.media_type.is_some() => quote! {
            String::from_utf8(rest::parse_base64(#name, #text)?)
                .map_err(|_| crate::error::ReadError::new(concat!("`", #name, "` is not base64 of UTF-8 text")))?
        },
        RustType::String => quote!(#text.to_owned()),
        RustType::Named(named) if named.kind == NamedKind::IntEnum => quote!(rest::parse::<i32>(#name, #text)?.into()),
        RustType::Named(_) => quote!(#text.into()),
        RustType::BigNumber => quote! {
            wire::BigNumber::new(#text).ok_or_else(|| crate::error::ReadError::new(concat!("`", #name, "` is not a number")))?
        },
        RustType::Timestamp(_) => {
            let format = time_format(m, Place::Header);
            quote!(rest::parse_timestamp(#name, #text, #format)?)
        }
        RustType::Blob => quote!(rest::parse_base64(#name, #text)?),
        _ => quote!(rest::parse(#name, #text)?),
    }
}
