//! Operations: a unit struct per operation implementing `operation::Operation`, its error enum,
//! the service-wide error enum, the list of all operations and the service metadata.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use super::docs_attr::{doc_attrs, lines_to_attrs};
use super::imports::Imports;
use super::rust_types::qualified_type_tokens;
use crate::emit::{Part, RustFile};
use crate::space::{Auth, ErrorRef, HostPart, OperationDef, PageMember, Pagination, RustType, TypeRef, TypeSpace};

/// `src/operations/<name>.rs`.
pub fn render(op: &OperationDef, space: &TypeSpace) -> RustFile {
    let name = format_ident!("{}", op.name);
    let error_name = format_ident!("{}", op.error_name);
    let op_name = &op.wire_name;
    let target = &op.target;
    let input = body_type(op.input.as_ref());
    let output = body_type(op.output.as_ref());
    let auth = auth_tokens(op.auth);
    let summary = lines_to_attrs(&format!(
        "The `{op_name}` operation: input {}, output {}, errors [`{}`].",
        type_link(op.input.as_ref()),
        type_link(op.output.as_ref()),
        op.error_name,
    ));
    let docs = doc_attrs(op.docs.as_deref());
    let docs = if docs.is_empty() { summary } else { quote!(#summary #[doc = ""] #docs) };
    let pagination = op.pagination.as_ref().map(|p| paginated(op, p));
    let errors = operation_errors(&format!("{} of {}", op.error_name, op.name), &op.errors, Some("ServiceError"));
    let imports = imports(op, space);
    let (write_request, read_response) = match &op.route {
        Some(_) => (super::rest::write_request(op, space), super::rest::read_response(op, space)),
        None => {
            let token = super::rest::idempotency_token(&input_members(op, space));
            (quote!(#token protocol::aws_json_request(#target, input)), quote!(protocol::aws_json_response(response)))
        }
    };
    let write_request = match (op.gzip, op.checksum_required) {
        (false, false) => write_request,
        (gzip, md5) => {
            let gzip = gzip.then(|| quote!(let request = compression::gzip_large_body(request)?;));
            let md5 = md5.then(|| quote!(let request = checksum::content_md5(request)?;));
            quote! {
                let request = { #write_request }?;
                #gzip
                #md5
                Ok(request)
            }
        }
    };
    let host_prefix = op.host_prefix.as_ref().map(|parts| host_prefix(parts));
    // A restJson1 input without members leaves `input` unused.
    let input_param =
        if op.route.is_some() && input_members(op, space).is_empty() { quote!(_input) } else { quote!(input) };
    let allow_deprecated = uses_deprecated(op, space).then(|| quote!(#![allow(deprecated)]));
    let definition = quote! {
        #allow_deprecated
        #imports

        #docs
        #[derive(Clone, Copy, Debug, Default)]
        pub struct #name;
    };
    let mut parts = vec![Part::Tokens(definition)];
    if is_plain_aws_json(op, space) {
        parts.push(Part::Text(aws_json_operation(op)));
    } else {
        parts.push(Part::Tokens(quote! {
            impl Operation for #name {
                const NAME: &'static str = #op_name;
                const AUTH: Auth = #auth;
                type Input = #input;
                type Output = #output;
                type Error = #error_name;

                #[inline]
                fn write_request(#input_param: &Self::Input) -> Result<http::Request<Vec<u8>>, RequestError> {
                    #write_request
                }

                fn read_response<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<Self::Output, Self::Error> {
                    #read_response
                }

                #host_prefix
            }
        }));
    }
    parts.extend(pagination.map(Part::Tokens));
    parts.push(Part::Text(errors));
    RustFile { parts }
}

/// Whether the operation's file names what the model deprecates: its input or output type, or
/// (restJson1, whose operations read and write the HTTP-bound members one by one) a deprecated
/// member of either. The crate must use them all the same; users still get the warning. (The
/// error enums allow the deprecated errors they name themselves.)
fn uses_deprecated(op: &OperationDef, space: &TypeSpace) -> bool {
    [&op.input, &op.output].into_iter().flatten().filter_map(|t| space.get(&t.shape)).any(|def| {
        def.deprecated.is_some()
            || (op.route.is_some()
                && matches!(&def.kind, crate::space::TypeKind::Struct(s) if s.members.iter().any(|m| m.deprecated.is_some())))
    })
}

/// Whether an operation's `Operation` implementation is the `aws_json_operation!` macro's: an
/// awsJson operation whose request is exactly its input.
fn is_plain_aws_json(op: &OperationDef, space: &TypeSpace) -> bool {
    let fills_token = input_members(op, space).iter().any(|m| m.http.idempotency_token && m.is_optional());
    op.route.is_none() && !op.gzip && !op.checksum_required && op.host_prefix.is_none() && !fills_token
}

/// The `aws_json_operation!` invocation of a plain awsJson operation (see
/// [`is_plain_aws_json`]), one entry a line.
fn aws_json_operation(op: &OperationDef) -> String {
    let body = |ty: Option<&TypeRef>| {
        ty.map_or_else(|| "crate::operation::Empty".to_owned(), |t| format!("crate::{}", t.name))
    };
    let auth = match op.auth {
        Auth::SigV4 => "SigV4",
        Auth::SigV4Optional => "SigV4Optional",
        Auth::None => "None",
    };
    format!(
        "crate::aws_json_operation!({} {{\n    name: {},\n    target: {},\n    auth: {auth},\n    input: {},\n    output: {},\n    error: {},\n}});\n",
        op.name,
        proc_macro2::Literal::string(&op.wire_name),
        proc_macro2::Literal::string(&op.target),
        body(op.input.as_ref()),
        body(op.output.as_ref()),
        op.error_name,
    )
}

fn auth_tokens(auth: Auth) -> TokenStream {
    match auth {
        Auth::SigV4 => quote!(Auth::SigV4),
        Auth::SigV4Optional => quote!(Auth::SigV4Optional),
        Auth::None => quote!(Auth::None),
    }
}

/// A rustdoc link to an input or output type.
fn type_link(ty: Option<&TypeRef>) -> String {
    match ty {
        Some(TypeRef { name, .. }) => format!("[`{name}`](crate::{name})"),
        None => "[`Empty`](crate::operation::Empty)".to_owned(),
    }
}

fn body_type(ty: Option<&TypeRef>) -> TokenStream {
    match ty {
        Some(TypeRef { name, .. }) => {
            let ident = format_ident!("{name}");
            quote!(crate::#ident)
        }
        None => quote!(Empty),
    }
}

/// The `use` lines of an operation's file.
fn imports(op: &OperationDef, space: &TypeSpace) -> TokenStream {
    let mut imports = Imports::default();
    let plain = is_plain_aws_json(op, space);
    if !plain {
        imports
            .add("crate::error", "RequestError")
            .add("crate::operation", "Auth")
            .add("crate::operation", "Operation");
    }
    let unit = op.input.is_none() || op.output.is_none();
    if unit && (!plain || op.pagination.is_some()) {
        imports.add("crate::operation", "Empty");
    }
    if let Some(p) = &op.pagination {
        imports.add("crate::operation", "Paginated");
        if p.items.is_some() {
            imports.add("crate::operation", "PaginatedItems");
        }
    }
    let rest = op.route.is_some();
    let has_token = input_members(op, space).iter().any(|m| m.http.idempotency_token && m.is_optional());
    let host_labels = op.host_prefix.iter().flatten().any(|part| matches!(part, HostPart::Label { .. }));
    for (used, module) in [
        (op.gzip, "compression"),
        (op.checksum_required, "checksum"),
        (has_token, "idempotency"),
        (rest, "rest"),
        (!plain && (!rest || host_labels), "protocol"),
        (rest && uses_wire(op, space), "wire"),
    ] {
        if used {
            imports.add("crate", module);
        }
    }
    imports.tokens()
}

/// The members of the operation's input (none for `Unit`).
fn input_members<'a>(op: &OperationDef, space: &'a TypeSpace) -> Vec<&'a crate::space::MemberDef> {
    match op.input.as_ref().and_then(|t| space.get(&t.shape)).map(|def| &def.kind) {
        Some(crate::space::TypeKind::Struct(s)) => s.members.iter().collect(),
        _ => Vec::new(),
    }
}

/// Whether a restJson1 operation's generated code names the `wire` module (to read a big
/// number from a header).
fn uses_wire(op: &OperationDef, space: &TypeSpace) -> bool {
    let output = match op.output.as_ref().and_then(|t| space.get(&t.shape)).map(|def| &def.kind) {
        Some(crate::space::TypeKind::Struct(s)) => s.members.as_slice(),
        _ => &[],
    };
    output.iter().any(|m| {
        matches!(m.http.in_response(), Some(crate::space::HttpBinding::Header(_))) && m.ty == RustType::BigNumber
    })
}

/// `Operation::host_prefix` of an operation with `@endpoint`: the prefix's text with the
/// `@hostLabel` members' values in place of their labels.
fn host_prefix(parts: &[HostPart]) -> TokenStream {
    let mut format = String::new();
    let mut labels = Vec::new();
    for part in parts {
        match part {
            HostPart::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            HostPart::Label { member, field, optional } => {
                format.push_str("{}");
                let field = crate::naming::ident(field);
                let value =
                    if *optional { quote!(input.#field.as_deref()) } else { quote!(Some(input.#field.as_str())) };
                labels.push(quote!(protocol::host_label(#member, #value)?));
            }
        }
    }
    if labels.is_empty() {
        return quote! {
            fn host_prefix(_input: &Self::Input) -> Result<Option<String>, RequestError> {
                Ok(Some(#format.to_owned()))
            }
        };
    }
    quote! {
        fn host_prefix(input: &Self::Input) -> Result<Option<String>, RequestError> {
            Ok(Some(format!(#format, #(#labels),*)))
        }
    }
}

/// `Paginated` (and `PaginatedItems` when the items member is a list).
fn paginated(op: &OperationDef, p: &Pagination) -> TokenStream {
    let name = format_ident!("{}", op.name);
    let input_ty = body_type(op.input.as_ref());
    let output_ty = body_type(op.output.as_ref());
    let (input_token, output_token) = (&p.input_token.member, &p.output_token.member);
    let page_size = match &p.page_size {
        Some(member) => quote!(Some(#member)),
        None => quote!(None),
    };
    let out_field = field_ident(&p.output_token);
    let in_field = field_ident(&p.input_token);
    let token = if p.output_token.optional {
        quote!(let token = output.#out_field.as_ref()?;)
    } else {
        quote!(let token = &output.#out_field;)
    };
    let (sent, next) = if p.input_token.optional {
        (quote!(input.#in_field.as_ref() == Some(token)), quote!(Some(token.clone())))
    } else {
        (quote!(&input.#in_field == token), quote!(token.clone()))
    };
    let items = p.items.as_ref().map(|(member, item)| items_impl(&name, &output_ty, member, item));
    quote! {
        impl Paginated for #name {
            const INPUT_TOKEN: &'static str = #input_token;
            const OUTPUT_TOKEN: &'static str = #output_token;
            const PAGE_SIZE: Option<&'static str> = #page_size;

            fn next_input(input: &#input_ty, output: &#output_ty) -> Option<#input_ty> {
                #token
                if token.is_empty() || #sent {
                    return None;
                }
                Some(#input_ty { #in_field: #next, ..input.clone() })
            }
        }

        #items
    }
}

fn items_impl(name: &Ident, output_ty: &TokenStream, member: &PageMember, item: &RustType) -> TokenStream {
    let items_member = &member.member;
    let field = field_ident(member);
    let item_ty = qualified_type_tokens(item);
    let items =
        if member.optional { quote!(output.#field.as_deref().unwrap_or_default()) } else { quote!(&output.#field) };
    quote! {
        impl PaginatedItems for #name {
            type Item = #item_ty;
            const ITEMS: &'static str = #items_member;

            fn items(output: &#output_ty) -> &[#item_ty] {
                #items
            }
        }
    }
}

fn field_ident(member: &PageMember) -> Ident {
    crate::naming::ident(&member.field)
}

/// An error enum (see the `operation_errors!` macro of the crate's `error` module), one variant a
/// line: an operation's (`head` is `ListUsersError of ListUsers`, converting into the service's
/// error enum) or the service's.
fn operation_errors(head: &str, errors: &[ErrorRef], into: Option<&str>) -> String {
    let mut out = format!("crate::operation_errors!({head} {{\n");
    for error in errors {
        out.push_str(&format!("    {},\n", error.name));
    }
    out.push('}');
    if let Some(service) = into {
        out.push_str(&format!(" => {service}"));
    }
    out.push_str(");\n");
    out
}

/// `src/operations/mod.rs`: the modules, the service metadata, the list of operations, and the
/// service-wide error enum.
pub fn operations_mod(space: &TypeSpace) -> RustFile {
    let service = &space.service;
    let (sdk_id, version, prefix, signing) =
        (&service.sdk_id, &service.version, &service.endpoint_prefix, &service.signing_name);
    let (protocol, content_type) = (service.protocol.name(), service.protocol.content_type());
    let query_compatible = service.query_compatible;
    let modules = space.operations.iter().map(|op| {
        let module = crate::naming::ident(&op.module);
        let (name, error) = (format_ident!("{}", op.name), format_ident!("{}", op.error_name));
        quote! {
            mod #module;
            pub use #module::{#name, #error};
        }
    });
    let infos = space.operations.iter().map(|op| {
        let (name, target) = (&op.wire_name, &op.target);
        let input = op.input.as_ref().map_or("Empty", |t| t.name.as_str());
        let output = op.output.as_ref().map_or("Empty", |t| t.name.as_str());
        let errors = op.errors.iter().map(|e| e.name.as_str());
        let auth = auth_tokens(op.auth);
        let paginated = op.pagination.is_some();
        quote! {
            OperationInfo {
                name: #name,
                target: #target,
                input: #input,
                output: #output,
                errors: &[#(#errors),*],
                auth: #auth,
                paginated: #paginated,
            },
        }
    });
    let service_error = operation_errors("service ServiceError", &space.errors, None);
    let tokens = quote! {
        //! Every operation of the service: a unit struct implementing
        //! [`Operation`](crate::operation::Operation) and an error enum for each, the
        //! [`ServiceError`] they all convert into, and [`OPERATIONS`], the list of all of them.

        #(#modules)*

        use crate::operation::{Auth, OperationInfo, ServiceMetadata};

        /// The service's metadata.
        pub const SERVICE: ServiceMetadata = ServiceMetadata {
            sdk_id: #sdk_id,
            version: #version,
            endpoint_prefix: #prefix,
            signing_name: #signing,
            protocol: #protocol,
            content_type: #content_type,
            query_compatible: #query_compatible,
        };

        /// Every operation of the service, ordered by name.
        pub const OPERATIONS: &[OperationInfo] = &[#(#infos)*];
    };
    RustFile { parts: vec![Part::Tokens(tokens), Part::Text(service_error)] }
}
