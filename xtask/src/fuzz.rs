//! `cargo xtask fuzz [SECONDS]`: runs every fuzz target of `xtask/fuzz` for a share of SECONDS
//! (60 by default), with cargo-fuzz (libFuzzer), installing the pinned cargo-fuzz if needed.
//!
//! cargo-fuzz needs nightly compiler flags; `RUSTC_BOOTSTRAP=1` lets the stable toolchain take
//! them. The targets are built once, without a sanitizer (the code under test has no `unsafe`),
//! with 16 codegen units so that the build stays short. Each target's corpus is kept in
//! `target/fuzz/corpus/<target>` (seeded from the repository's models and the Cognito and EKS
//! examples),
//! so that later runs continue where earlier ones stopped; crashes are written to
//! `xtask/fuzz/artifacts/<target>/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use codegen::GeneratedFile;

use crate::checked_in::{CheckedIn, COGNITO, EKS};
use crate::{repo_root, TaskError, Writer};

/// The cargo-fuzz release that CI installs.
pub const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// The default total fuzzing time, shared by the targets.
pub const DEFAULT_SECONDS: u64 = 60;

/// One fuzz target and how it is run.
pub struct Target {
    /// The binary in `xtask/fuzz/fuzz_targets/`.
    pub name: &'static str,
    /// The longest input libFuzzer builds.
    pub max_len: usize,
    /// Whether inputs of every length up to `max_len` are tried from the start (libFuzzer's
    /// `-len_control=0`), rather than growing slowly: structure-aware inputs need some bytes
    /// before they say anything.
    pub all_lengths: bool,
}

/// Every fuzz target, in the order they run.
pub const TARGETS: &[Target] = &[
    Target { name: "model_bytes", max_len: 32 * 1024, all_lengths: false },
    Target { name: "model_mutations", max_len: 512, all_lengths: true },
    Target { name: "cognito_outputs", max_len: 16 * 1024, all_lengths: false },
    Target { name: "eks_outputs", max_len: 16 * 1024, all_lengths: false },
    Target { name: "json_reader", max_len: 4 * 1024, all_lengths: false },
];

const FUZZ_DIR: &str = "xtask/fuzz";
const TARGET_DIR: &str = "target/fuzz";

/// JSON's tokens and the escapes and numbers that are hard to get right, for `json_reader`.
const JSON_TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "true",
    "false",
    "null",
    "-",
    "0",
    ".",
    "e",
    "E+",
    "E-",
    "1e400",
    "-0",
    "18446744073709551616",
    "9223372036854775808",
    "\\u",
    "\\ud83d\\ude00",
    "\\ud800",
    "\\udc00",
    "\\n",
    "\\\"",
    "\\\\",
    "\\/",
    "\"a\"",
    "\"ab\"",
    "\"Name\"",
    "\"Value\"",
    "\"\"",
    "\"a\\\"b\"",
    "1.700000000123E9",
    "[[[[[[[[",
    "]]]]]]]]",
];

/// Tokens of Smithy's JSON AST, for `model_bytes`.
const MODEL_TOKENS: &[&str] = &[
    "\"smithy\"",
    "\"2.0\"",
    "\"1.0\"",
    "\"shapes\"",
    "\"type\"",
    "\"members\"",
    "\"member\"",
    "\"key\"",
    "\"value\"",
    "\"target\"",
    "\"traits\"",
    "\"input\"",
    "\"output\"",
    "\"errors\"",
    "\"operations\"",
    "\"resources\"",
    "\"rename\"",
    "\"version\"",
    "\"mixins\"",
    "\"structure\"",
    "\"union\"",
    "\"list\"",
    "\"set\"",
    "\"map\"",
    "\"enum\"",
    "\"intEnum\"",
    "\"string\"",
    "\"integer\"",
    "\"long\"",
    "\"timestamp\"",
    "\"blob\"",
    "\"document\"",
    "\"bigDecimal\"",
    "\"double\"",
    "\"float\"",
    "\"boolean\"",
    "\"operation\"",
    "\"service\"",
    "\"resource\"",
    "\"apply\"",
    "\"smithy.api#required\"",
    "\"smithy.api#default\"",
    "\"smithy.api#documentation\"",
    "\"smithy.api#enumValue\"",
    "\"smithy.api#error\"",
    "\"client\"",
    "\"smithy.api#sparse\"",
    "\"smithy.api#jsonName\"",
    "\"smithy.api#timestampFormat\"",
    "\"date-time\"",
    "\"smithy.api#paginated\"",
    "\"inputToken\"",
    "\"outputToken\"",
    "\"items\"",
    "\"smithy.api#enum\"",
    "\"smithy.api#pattern\"",
    "\"smithy.api#length\"",
    "\"smithy.api#range\"",
    "\"smithy.api#sensitive\"",
    "\"smithy.api#box\"",
    "\"smithy.api#Unit\"",
    "\"smithy.api#String\"",
    "\"aws.protocols#awsJson1_1\"",
    "\"aws.protocols#restJson1\"",
    "\"aws.api#service\"",
    "\"sdkId\"",
    "\"test#A\"",
    "\"test#B\"",
    "<p>",
    "</p>",
    "<code>",
    "<ul><li>",
    "{}",
    "[]",
    "{\"target\":\"test#A\"}",
];

/// `cargo xtask fuzz [SECONDS]`.
pub fn run(seconds: u64) -> Result<(), TaskError> {
    let root = repo_root();
    install_cargo_fuzz(&root)?;
    let started = Instant::now();
    println!("==> fuzz: building the targets in {TARGET_DIR}");
    cargo_fuzz(&root, &["build"])?;
    println!("==> fuzz: built in {:.0?}", started.elapsed());
    let seeds = write_seeds(&root)?;
    let share = (seconds / TARGETS.len() as u64).max(1);
    for target in TARGETS {
        let corpus = root.join(TARGET_DIR).join("corpus").join(target.name);
        let mut fuzzer_args = vec![
            format!("-max_total_time={share}"),
            format!("-max_len={}", target.max_len),
            // One input may take this long (a generation of a whole model), and this much memory.
            "-timeout=30".to_owned(),
            "-rss_limit_mb=4096".to_owned(),
            "-print_final_stats=1".to_owned(),
        ];
        if target.all_lengths {
            fuzzer_args.push("-len_control=0".to_owned());
        }
        if let Some(dict) = seeds.dictionaries.iter().find(|(name, _)| *name == target.name) {
            fuzzer_args.push(format!("-dict={}", dict.1.display()));
        }
        std::fs::create_dir_all(&corpus).map_err(|e| TaskError(format!("{}: {e}", corpus.display())))?;
        let log = root.join(TARGET_DIR).join("logs").join(format!("{}.log", target.name));
        println!(
            "==> fuzz: {} for {share} s (corpus {}, log {})",
            target.name,
            shown(&root, &corpus),
            shown(&root, &log)
        );
        let mut run = vec!["run".to_owned(), target.name.to_owned(), corpus.display().to_string(), "--".to_owned()];
        run.extend(fuzzer_args);
        let run: Vec<&str> = run.iter().map(String::as_str).collect();
        let result = cargo_fuzz_logged(&root, &run, &log);
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        if let Err(e) = result {
            let tail: Vec<&str> = text.lines().rev().take(60).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            let artifacts = root.join(FUZZ_DIR).join("artifacts").join(target.name);
            return Err(TaskError(format!(
                "{}\n{e}\nthe crashing input is in {}; reproduce it with\n  \
                 RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir {FUZZ_DIR} -s none {} <that file>\n\
                 and add it to the regression tests (see the README's \"Reliability\" section)",
                tail.join("\n"),
                shown(&root, &artifacts),
                target.name
            )));
        }
        // libFuzzer's summary: `Done N runs in S second(s)` and the coverage it reached.
        let done = text.lines().rev().find(|l| l.starts_with("Done ")).unwrap_or("done");
        let coverage = text.lines().rev().find(|l| l.contains(" DONE ") || l.contains("cov: ")).unwrap_or("");
        let coverage = coverage.split_whitespace().skip_while(|w| *w != "cov:").take(4).collect::<Vec<_>>().join(" ");
        println!("    {done}; {coverage}");
    }
    println!("==> fuzz: {} targets ran without a crash ({:.0?} in all)", TARGETS.len(), started.elapsed());
    Ok(())
}

fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}

/// Installs cargo-fuzz [`CARGO_FUZZ_VERSION`] unless `cargo fuzz --version` already reports it.
fn install_cargo_fuzz(root: &Path) -> Result<(), TaskError> {
    let installed = Command::new("cargo")
        .args(["fuzz", "--version"])
        .current_dir(root)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned());
    if installed.as_deref() == Some(&format!("cargo-fuzz {CARGO_FUZZ_VERSION}")) {
        return Ok(());
    }
    println!(
        "==> fuzz: installing cargo-fuzz {CARGO_FUZZ_VERSION} (found: {})",
        installed.as_deref().unwrap_or("none")
    );
    let status = Command::new("cargo")
        .args(["install", "cargo-fuzz", "--version", CARGO_FUZZ_VERSION, "--locked"])
        .current_dir(root)
        .status()
        .map_err(|e| TaskError(format!("cannot run cargo install: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(TaskError(format!("`cargo install cargo-fuzz --version {CARGO_FUZZ_VERSION} --locked` failed ({status})")))
    }
}

/// Runs `cargo fuzz <args>` with the repository's fuzz settings.
fn cargo_fuzz(root: &Path, args: &[&str]) -> Result<(), TaskError> {
    let (subcommand, rest) = args.split_first().expect("a cargo fuzz subcommand");
    let status = fuzz_command(root, subcommand)
        .args(rest)
        .status()
        .map_err(|e| TaskError(format!("cannot run cargo fuzz: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(TaskError(format!("`cargo fuzz {}` failed ({status})", args.join(" "))))
    }
}

/// Runs `cargo fuzz <args>` with libFuzzer's (long) output in `log`.
fn cargo_fuzz_logged(root: &Path, args: &[&str], log: &Path) -> Result<(), TaskError> {
    let io = |e: std::io::Error| TaskError(format!("{}: {e}", log.display()));
    if let Some(folder) = log.parent() {
        std::fs::create_dir_all(folder).map_err(io)?;
    }
    let out = std::fs::File::create(log).map_err(io)?;
    let err = out.try_clone().map_err(io)?;
    let (subcommand, rest) = args.split_first().expect("a cargo fuzz subcommand");
    let status = fuzz_command(root, subcommand)
        .args(rest)
        .stdout(out)
        .stderr(err)
        .status()
        .map_err(|e| TaskError(format!("cannot run cargo fuzz: {e}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(TaskError(format!("`cargo fuzz {}` failed ({status})", args.join(" "))))
    }
}

/// `cargo fuzz <subcommand>` with the repository's settings, in `root`.
fn fuzz_command(root: &Path, subcommand: &str) -> Command {
    let mut command = Command::new("cargo");
    command
        .arg("fuzz")
        .arg(subcommand)
        .args(["--fuzz-dir", FUZZ_DIR, "--target-dir", TARGET_DIR, "--sanitizer", "none", "--codegen-units", "16"])
        // cargo-fuzz passes nightly-only flags (`-Zsanitizer`-style and `-Cpasses=sancov-module`
        // settings); this lets the stable toolchain accept them.
        .env("RUSTC_BOOTSTRAP", "1")
        .current_dir(root);
    command
}

/// What [`write_seeds`] wrote.
struct Seeds {
    /// libFuzzer dictionaries, by target.
    dictionaries: Vec<(&'static str, PathBuf)>,
}

/// Seeds each corpus: the test models for `model_bytes`; the Cognito model's example inputs and
/// outputs for `cognito_outputs`, and the EKS model's for `eks_outputs`, each with a dictionary
/// of the model's member names (and `@jsonName`s) and enum values, and for EKS the header names
/// a restJson1 response is read from.
///
/// The seeds and dictionaries are written through [`Writer::write_files`], like every file a
/// task writes: all or none, only those whose contents changed, and never over a folder. Their
/// names (`seed-*`, `*.dict`) are the task's own; libFuzzer names what it adds to a corpus
/// after its contents' hash, and nothing here removes a file.
fn write_seeds(root: &Path) -> Result<Seeds, TaskError> {
    let io = |path: &Path, e: std::io::Error| TaskError(format!("{}: {e}", path.display()));
    let mut files = Vec::new();
    let mut add = |path: String, contents: String| files.push(GeneratedFile { path, contents });
    let tests = root.join("model/test");
    for entry in std::fs::read_dir(&tests).map_err(|e| io(&tests, e))? {
        let path = entry.map_err(|e| io(&tests, e))?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            add(format!("corpus/model_bytes/seed-{name}"), text);
        }
    }
    add("model.dict".into(), dictionary(MODEL_TOKENS.iter().map(|t| t.to_string())));

    for (krate, target, dict, extra) in
        [(COGNITO, "cognito_outputs", "cognito.dict", &[][..]), (EKS, "eks_outputs", "eks.dict", REST_JSON_TOKENS)]
    {
        let (seeds, tokens) = model_seeds(root, krate)?;
        for (n, seed) in seeds.into_iter().enumerate() {
            add(format!("corpus/{target}/seed-example-{}.json", n + 1), seed);
        }
        add(dict.into(), dictionary(tokens.into_iter().chain(extra.iter().map(|t| t.to_string()))));
    }
    add("json.dict".into(), dictionary(JSON_TOKENS.iter().map(|t| t.to_string())));
    let fuzz = root.join(TARGET_DIR);
    Writer::default().write_files(&fuzz, &files)?;

    // json_reader: JSONTestSuite's cases. They are bytes, not all UTF-8, so they are copied
    // (only `seed-*` files into the task's own corpus folder) rather than written as text.
    let suite = root.join("codegen/tests/json-test-suite/test_parsing");
    let json_corpus = fuzz.join("corpus/json_reader");
    std::fs::create_dir_all(&json_corpus).map_err(|e| io(&json_corpus, e))?;
    for entry in std::fs::read_dir(&suite).map_err(|e| io(&suite, e))? {
        let path = entry.map_err(|e| io(&suite, e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let to = json_corpus.join(format!("seed-{name}"));
        std::fs::copy(&path, &to).map_err(|e| io(&to, e))?;
    }
    Ok(Seeds {
        dictionaries: vec![
            ("model_bytes", fuzz.join("model.dict")),
            ("cognito_outputs", fuzz.join("cognito.dict")),
            ("eks_outputs", fuzz.join("eks.dict")),
            ("json_reader", fuzz.join("json.dict")),
        ],
    })
}

/// The example inputs and outputs of a checked-in crate's model, as JSON text, and the tokens of
/// its dictionary: every member name and `@jsonName` and every enum value, quoted.
fn model_seeds(root: &Path, krate: &CheckedIn) -> Result<(Vec<String>, BTreeSet<String>), TaskError> {
    let model = smithy_model::Model::from_file(root.join(krate.model)).map_err(|e| TaskError(e.to_string()))?;
    let mut seeds = Vec::new();
    let mut tokens = BTreeSet::new();
    for shape in model.shapes() {
        for member in shape.kind.members() {
            tokens.insert(format!("\"{}\"", member.name));
            tokens.extend(member.traits.json_name.iter().map(|name| format!("\"{name}\"")));
        }
        if let smithy_model::ShapeKind::Enum(values) = &shape.kind {
            tokens.extend(values.iter().map(|v| format!("\"{}\"", v.value)));
        }
        for example in shape.traits.examples.iter().flatten() {
            seeds.extend([&example.output, &example.input].into_iter().flatten().map(|value| value.to_string()));
        }
    }
    Ok((seeds, tokens))
}

/// What a restJson1 response is read from besides its members, for `eks_outputs`: the header
/// names of errors, error codes (bare, with a namespace, with `:` detail), and the members that
/// carry them in a body.
const REST_JSON_TOKENS: &[&str] = &[
    "x-amzn-errortype",
    "content-type",
    "application/json",
    "\"__type\"",
    "\"code\"",
    "\"message\"",
    "\"Message\"",
    "ResourceNotFoundException",
    "com.amazonaws.eks#ResourceNotFoundException",
    "InvalidParameterException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
    "\"ResourceInUseException\"",
    "\"NotFoundException\"",
];

/// A libFuzzer dictionary: one quoted token per line.
fn dictionary(tokens: impl Iterator<Item = String>) -> String {
    tokens
        .map(|t| {
            let escaped: String = t
                .bytes()
                .map(|b| match b {
                    b'"' | b'\\' => format!("\\{}", b as char),
                    0x20..=0x7e => (b as char).to_string(),
                    _ => format!("\\x{b:02X}"),
                })
                .collect();
            format!("\"{escaped}\"\n")
        })
        .collect()
}
