//! The crates that are generated and checked in, and `cargo xtask codegen [--check]`, which
//! writes or checks all of them.
//!
//! Besides the Cognito crate that users build on, the hand-written test models in `model/test/`
//! have their output checked in as golden crates (`codegen/tests/golden/<model>/`), so that a
//! change to naming or escaping shows up as a diff in review. The golden crates are standalone
//! (their `Cargo.toml` declares its own `[workspace]`), so the repository's workspace neither
//! builds them nor complains about them; `cargo xtask models` builds the same output from
//! `target/models/`. The crate of `model/test/patterns.json` (`generated/pattern-families/`)
//! is a workspace member instead: `codegen/tests/pattern_families.rs` validates values with it.

use std::path::Path;

use codegen::{Generated, GeneratedFile};

use crate::output::{check_crate, Drift, Writer};
use crate::{generate_model, print_warnings, TaskError};

/// A crate that is generated and checked in.
pub struct CheckedIn {
    /// The model, relative to the repository root (and named so in every file's header).
    pub model: &'static str,
    /// The crate's folder, relative to the repository root.
    pub out: &'static str,
    /// Whether the crate is built on its own rather than as a member of the workspace.
    pub standalone: bool,
}

/// The crates that `cargo xtask codegen` writes and `cargo xtask codegen --check` checks.
pub const CHECKED_IN: &[CheckedIn] = &[
    CheckedIn {
        model: "model/aws/cognito-identity-provider-2016-04-18.json",
        out: "generated/cognito-identity-provider",
        standalone: false,
    },
    CheckedIn { model: "model/aws/eks-2017-11-01.json", out: "generated/eks", standalone: false },
    CheckedIn { model: "model/test/patterns.json", out: "generated/pattern-families", standalone: false },
    CheckedIn { model: "model/test/edge-cases.json", out: "codegen/tests/golden/edge-cases", standalone: true },
    CheckedIn { model: "model/test/rest-json.json", out: "codegen/tests/golden/rest-json", standalone: true },
];

/// The Cognito crate, whose model the fuzz targets and benchmarks use too.
pub const COGNITO: &CheckedIn = &CHECKED_IN[0];

/// The EKS crate (restJson1), whose model seeds the `eks_outputs` fuzz target.
pub const EKS: &CheckedIn = &CHECKED_IN[1];

impl CheckedIn {
    /// Generates the crate's files from the model under `root`.
    pub fn generate(&self, root: &Path) -> Result<Generated, TaskError> {
        generate_model(&root.join(self.model), self.model, self.standalone, None)
    }
}

/// `cargo xtask codegen`: writes every crate of `crates` under `root`, all or none, and says
/// what each run changed. The generator's warnings are printed.
pub fn write_all(root: &Path, crates: &[CheckedIn]) -> Result<Vec<crate::Written>, TaskError> {
    let generated = crates.iter().map(|krate| krate.generate(root)).collect::<Result<Vec<_>, _>>()?;
    for crate_ in &generated {
        print_warnings(&crate_.warnings);
    }
    let dirs: Vec<_> = crates.iter().map(|krate| root.join(krate.out)).collect();
    let pairs: Vec<(&Path, &[GeneratedFile])> =
        dirs.iter().map(|d| d.as_path()).zip(generated.iter().map(|g| g.files.as_slice())).collect();
    Writer::default().write_crates(&pairs)
}

/// `cargo xtask codegen --check`: fails naming every file that differs, and the command that
/// puts it right.
pub fn check_all(root: &Path, crates: &[CheckedIn]) -> Result<(), TaskError> {
    let mut drift = Vec::new();
    for krate in crates {
        let generated = krate.generate(root)?;
        print_warnings(&generated.warnings);
        drift.extend(check_crate(&root.join(krate.out), &generated.files)?);
    }
    drift_report("the checked-in crates differ from what the generator writes", "cargo xtask codegen", &drift)
}

/// Ok when there is no drift; otherwise an error saying `what`, listing the drift, and what to
/// do: run `command`, or move files by hand.
pub fn drift_report(what: &str, command: &str, drift: &[Drift]) -> Result<(), TaskError> {
    if drift.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = drift.iter().map(|d| format!("  {d}")).collect();
    let mut fix = Vec::new();
    if drift.iter().any(Drift::fixed_by_codegen) {
        fix.push(format!("run `{command}` to update them"));
    }
    if !drift.iter().all(Drift::fixed_by_codegen) {
        fix.push("move the files the generator did not write out of the crate (it never removes them)".to_owned());
    }
    Err(TaskError(format!("{what}:\n{}\n{}", list.join("\n"), fix.join("; "))))
}
