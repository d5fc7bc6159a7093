//! The crate's frame: `Cargo.toml`, `lib.rs`, the `wire` module and the `types` module index.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs_attr::{inner_doc_attrs, inner_doc_attrs_with_features};
use crate::naming;
use crate::space::TypeSpace;
use crate::Options;

/// The modules that are the same for every service, kept as real Rust files in
/// `codegen/templates/`.
pub const WIRE_RS: &str = include_str!("../../templates/wire.rs");
/// See [`WIRE_RS`]: the JSON reader and writer.
pub const JSON_RS: &str = include_str!("../../templates/json.rs");
/// See [`WIRE_RS`]: what generated structures, unions and enums share.
pub const SHAPE_RS: &str = include_str!("../../templates/shape.rs");
/// See [`WIRE_RS`].
pub const ERROR_RS: &str = include_str!("../../templates/error.rs");
/// See [`WIRE_RS`]: the tests of the `wire` module, written into every crate.
pub const WIRE_TESTS_RS: &str = include_str!("../../templates/wire_tests.rs");
/// See [`WIRE_RS`].
pub const VALIDATE_RS: &str = include_str!("../../templates/validate.rs");
/// See [`WIRE_RS`].
pub const OPERATION_RS: &str = include_str!("../../templates/operation.rs");
/// See [`WIRE_RS`].
pub const PROTOCOL_RS: &str = include_str!("../../templates/protocol.rs");
/// See [`WIRE_RS`]: only in restJson1 crates.
pub const REST_RS: &str = include_str!("../../templates/rest.rs");
/// See [`WIRE_RS`]: only in crates with an operation marked `@httpChecksumRequired`.
pub const CHECKSUM_RS: &str = include_str!("../../templates/checksum.rs");
/// See [`WIRE_RS`]: only in crates with an `@idempotencyToken` member.
pub const IDEMPOTENCY_RS: &str = include_str!("../../templates/idempotency.rs");
/// See [`WIRE_RS`]: only in crates with an operation marked `@requestCompression`.
pub const COMPRESSION_RS: &str = include_str!("../../templates/compression.rs");
/// See [`WIRE_RS`]: the helpers of the tests written into every crate (`tests/support/mod.rs`).
pub const TEST_SUPPORT_RS: &str = include_str!("../../templates/test_support.rs");

/// `Cargo.toml` of the generated crate (without the generated-file header).
pub fn cargo_toml(space: &TypeSpace, options: &Options) -> String {
    let service = &space.service;
    let optional = Optional::of(space);
    let workspace = if options.standalone { "\n# Built on its own, outside any workspace.\n[workspace]\n" } else { "" };
    format!(
        r#"[package]
name = "{package}"
version = "0.1.0"
edition = "2021"
rust-version = "1.88"
license = "Apache-2.0"
description = "{description}"
publish = false

[features]
default = ["http", "validate"]
# The operations as HTTP messages: `write_request` and `read_response` (the `operation`,
# `operations` and `protocol` modules), with the `http` crate.
http = [{http_deps}]
# `validate()` and the `validate` module: the model's `@length`, `@range` and `@pattern`
# constraints, with fancy-regex as the `@pattern` engine.
validate = ["dep:fancy-regex", "dep:regex-syntax"]
# Without them the crate has its types and their wire form only.

[dependencies]
base64 = "0.22"
{compression}http = {{ version = "1", optional = true }}
{checksum}serde = "1"
serde_json = {{ version = "1", features = ["float_roundtrip", "raw_value"] }}
time = {{ version = "0.3.36", features = ["formatting", "parsing"] }}
{idempotency}# The engine and Unicode tables the generator compiled every pattern with.
fancy-regex = {{ version = "0.20", default-features = false, features = ["std"], optional = true }}
regex-syntax = {{ version = "0.8", default-features = false, features = ["unicode-gencat", "unicode-bool"], optional = true }}

[dev-dependencies]
# The tests of the `wire` formats use them in types of their own, through `#[serde(with)]`.
serde = {{ version = "1", features = ["derive"] }}
{workspace}"#,
        package = service.package_name,
        http_deps = optional.http_dependencies().join(", "),
        compression = if optional.compression { "flate2 = { version = \"1\", optional = true }\n" } else { "" },
        idempotency = if optional.idempotency {
            "uuid = { version = \"1\", features = [\"v4\"], optional = true }\n"
        } else {
            ""
        },
        checksum = if optional.checksum { "md-5 = { version = \"0.10\", optional = true }\n" } else { "" },
        description = toml_escape(&format!(
            "Serde types for {} (API version {}), generated from its Smithy model",
            service.title, service.version
        )),
    )
}

/// The modules that only some crates have (and the dependencies they bring).
#[derive(Clone, Copy, Debug, Default)]
pub struct Optional {
    /// `compression`: an operation sends compressed bodies (`flate2`).
    pub compression: bool,
    /// `checksum`: an operation sends `Content-MD5` (`md-5`).
    pub checksum: bool,
    /// `idempotency`: a member is an idempotency token (`uuid`).
    pub idempotency: bool,
    /// `rest`: the service speaks restJson1.
    pub rest: bool,
}

impl Optional {
    /// The dependencies of the `http` feature, as `dep:` names.
    fn http_dependencies(&self) -> Vec<&'static str> {
        let mut deps = vec!["\"dep:http\""];
        for (used, dep) in
            [(self.compression, "\"dep:flate2\""), (self.checksum, "\"dep:md-5\""), (self.idempotency, "\"dep:uuid\"")]
        {
            if used {
                deps.push(dep);
            }
        }
        deps
    }

    /// What the crate of `space` needs.
    pub fn of(space: &TypeSpace) -> Optional {
        let members = space.types.iter().flat_map(|t| t.members());
        Optional {
            compression: space.operations.iter().any(|op| op.gzip),
            checksum: space.operations.iter().any(|op| op.checksum_required),
            idempotency: members.into_iter().any(|m| m.http.idempotency_token),
            rest: space.service.protocol == smithy_model::Protocol::RestJson1,
        }
    }
}

/// Text for a TOML basic string: backslashes, quotes and control characters escaped.
fn toml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out
}

/// `src/lib.rs`: the crate documentation and the module tree.
pub fn lib_rs(space: &TypeSpace) -> TokenStream {
    let optional = Optional::of(space);
    let checksum = optional.checksum.then(|| {
        quote!(
            #[cfg(feature = "http")]
            pub mod checksum;
        )
    });
    let compression = optional.compression.then(|| {
        quote!(
            #[cfg(feature = "http")]
            pub mod compression;
        )
    });
    let idempotency = optional.idempotency.then(|| {
        quote!(
            #[cfg(feature = "http")]
            pub mod idempotency;
        )
    });
    let rest = optional.rest.then(|| {
        quote!(
            #[cfg(feature = "http")]
            pub mod rest;
        )
    });
    let mut intro = super::crate_docs::markdown(space);
    intro.extend(["", "## The service", ""].map(|line| (line.to_owned(), None)));
    let intro = inner_doc_attrs_with_features(&intro);
    let service_docs =
        inner_doc_attrs(&space.service.docs.as_deref().map(crate::docs::html_to_markdown).unwrap_or_default());
    quote! {
        #intro
        #service_docs
        #![forbid(unsafe_code)]

        #checksum
        #compression
        pub mod error;
        #idempotency
        pub mod json;
        #[cfg(feature = "http")]
        pub mod operation;
        #[cfg(feature = "http")]
        pub mod operations;
        #[cfg(feature = "http")]
        pub mod protocol;
        #rest
        pub mod shape;
        #[cfg(feature = "validate")]
        pub mod validate;
        pub mod wire;

        #[cfg(feature = "validate")]
        mod constraints;
        #[cfg(feature = "validate")]
        mod patterns;
        mod types;

        pub use types::*;
    }
}

/// A template module's text, copied as it is (comments included). `__crate__` in its doc
/// examples becomes the crate's library name.
pub fn template(source: &str, space: &TypeSpace) -> String {
    source.replace("__crate__", &space.service.library_name)
}

/// `src/types/mod.rs`: one module per type, each re-exported.
pub fn types_mod(space: &TypeSpace) -> TokenStream {
    let items = space.types.iter().map(|t| {
        let module = naming::ident(&t.module);
        let name = naming::ident(&t.name);
        quote! {
            mod #module;
            pub use #module::#name;
        }
    });
    quote! {
        //! One module per generated type; all are re-exported at the crate root.
        #(#items)*
    }
}

#[cfg(test)]
mod tests {
    use super::toml_escape;

    #[test]
    fn toml_strings_cannot_be_broken_out_of() {
        assert_eq!(toml_escape(r#"a "quoted" \ title"#), r#"a \"quoted\" \\ title"#);
        assert_eq!(toml_escape("line\n[evil]"), "line\\u000A[evil]");
    }
}
