//! Turns a Smithy model into the source of a Rust serde types crate.
//!
//! Pure: a [`smithy_model::Model`] goes in, the crate's files come out as data; nothing is read
//! or written here. Data flows one way, and each module only uses the ones before it:
//!
//! 1. helpers that decide nothing about a particular model: [`naming`] (every Rust name
//!    rule), [`docs`] (HTML documentation to rustdoc Markdown), [`pattern`] (`@pattern`s read
//!    as Java does and written for the generated crates' regex engine), [`error`] (errors and
//!    warnings);
//! 2. [`space`]: the type space, the one resolved description of the crate — service and
//!    operation facts, names, Rust types, wire names and formats, optionality, boxing,
//!    constraints — built from the model by [`TypeSpace::build`];
//! 3. `render`: the type space (and nothing else) spelled as token streams and text;
//!    `test_files`: the tests written into the crate, from the type space and samples built
//!    from the model alone (`samples`), so that they check the type space rather than repeat it;
//! 4. `emit`: tokens formatted with prettyplease, headers added, files returned.

pub mod docs;
mod emit;
pub mod error;
pub mod naming;
pub mod pattern;
mod protocol_tests;
mod render;
mod samples;
pub mod space;
mod test_files;

pub use error::{Error, ErrorKind, Warning};
pub use space::TypeSpace;

/// How to generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// How the model is named in every file's header (e.g. its path in the repository).
    pub model_name: String,
    /// Whether the crate is built outside any workspace (adds an empty `[workspace]` table).
    pub standalone: bool,
    /// The service to generate, for a model that defines several; `None` takes the model's only
    /// service.
    pub service: Option<smithy_model::ShapeId>,
}

impl Options {
    /// Options for the model named `model_name` in the file headers.
    pub fn new(model_name: impl Into<String>) -> Options {
        Options { model_name: model_name.into(), standalone: false, service: None }
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

/// What [`generate`] makes of a model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// The crate's Cargo package name, e.g. `cognito-identity-provider-types`.
    pub package_name: String,
    /// Every file of the crate, ordered by path.
    pub files: Vec<GeneratedFile>,
    /// What was left out of the crate rather than refuse the model (a `@pattern` the engine
    /// cannot use, say), sorted by place.
    pub warnings: Vec<Warning>,
}

/// Generates every file of the types crate for the model's service.
pub fn generate(model: &smithy_model::Model, options: &Options) -> Result<Generated, Error> {
    let space = TypeSpace::build(model, options.service.as_ref())?;
    let mut jobs = render::crate_jobs(&space, options);
    jobs.extend(test_files::jobs(model, &space));
    jobs.extend(protocol_tests::job(model, &space));
    let files = emit::run(jobs, options)?;
    Ok(Generated { package_name: space.service.package_name.clone(), files, warnings: space.warnings.clone() })
}
