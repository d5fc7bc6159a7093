//! Turns a Smithy model into the source of a Rust serde types crate.
//!
//! Pure: a [`smithy_model::Model`] goes in, the crate's files come out as data; nothing is read
//! or written here. The pipeline runs one way:
//!
//! 1. [`space::TypeSpace::build`] resolves every type, name and wire rule ([`naming`] decides
//!    names, [`mapping`] the Smithy → Rust type mapping, [`boxing`] where recursion needs a box);
//! 2. `render` turns the type space into token streams and formats them with prettyplease.

pub mod boxing;
pub mod constraints;
pub mod docs;
pub mod error;
pub mod mapping;
pub mod naming;
pub mod operations;
pub mod pattern;
mod render;
mod samples;
pub mod space;

pub use error::Error;
pub use space::TypeSpace;

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// The Cargo package name of the generated crate.
    pub package_name: String,
    /// How the model is named in every file's header (e.g. its path in the repository).
    pub model_name: String,
    /// Whether the crate is built outside any workspace (adds an empty `[workspace]` table).
    pub standalone: bool,
}

impl Options {
    /// Options for a model's service: the package is `<sdk-id>-types`.
    pub fn for_model(model: &smithy_model::Model, model_name: impl Into<String>) -> Result<Options, Error> {
        Ok(Options { package_name: package_name(model)?, model_name: model_name.into(), standalone: false })
    }
}

/// One generated file: its path relative to the crate root, and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Relative path with `/` separators, e.g. `src/types/user_type.rs`.
    pub path: String,
    /// The file's full text.
    pub contents: String,
}

impl GeneratedFile {
    fn new(path: impl Into<String>, contents: String) -> GeneratedFile {
        GeneratedFile { path: path.into(), contents }
    }
}

/// Generates every file of the types crate for the model's service, ordered by path.
pub fn generate(model: &smithy_model::Model, options: &Options) -> Result<Vec<GeneratedFile>, Error> {
    let space = TypeSpace::build(model)?;
    render::render(model, &space, options)
}

/// `<sdk-id>-types`: the `aws.api#service` `sdkId` lowercased with spaces turned into hyphens,
/// or the service shape's name in kebab-case when the model has no `sdkId` (see
/// [`naming::package_name`]).
pub fn package_name(model: &smithy_model::Model) -> Result<String, Error> {
    let service = model.service()?;
    let sdk_id = operations::aws_service_text(service, "sdkId")
        .unwrap_or_else(|| heck::ToKebabCase::to_kebab_case(service.id.name()));
    Ok(naming::package_name(&sdk_id))
}
