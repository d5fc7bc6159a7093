//! Time per phase of generating a crate, for every model in `model/aws/`.
//!
//! `cargo bench -p xtask --bench codegen` prints, per model, the median over repeated runs of:
//!
//! - `read`: `std::fs::read_to_string` of the model file;
//! - `parse+validate`: `Model::from_json` (JSON → shape graph, prelude, `apply`, validation);
//! - `type space`: `codegen::TypeSpace::build` (names, type mapping, boxing);
//! - `emit` and `format`: the rest of `codegen::generate` (`generate` minus `type space`). The
//!   generator renders and formats each file in one private step, so the two are told apart from
//!   outside: `format` is timed by formatting the generated files again the way `codegen` does,
//!   `syn::parse2` of each file's tokens (tokenized beforehand, untimed) and then
//!   `prettyplease::unparse`; `emit` (building the token streams, docs included) is the rest;
//! - `write`: `xtask::write_crate` into a fresh folder under the system's temporary folder (set
//!   `TMPDIR` to choose another file system, e.g. `TMPDIR=/dev/shm` to leave the disk out);
//! - `total`: read + parse+validate + generate + write, what `cargo xtask codegen` does for one crate.
//!
//! Arguments after `--`: a substring of the model file names to pick models, `--quick` for fewer
//! runs. Without `--bench` (as `cargo test --all-targets` runs it) it generates the Cognito crate
//! once and checks that files come out.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use codegen::{Options, TypeSpace};
use smithy_model::Model;

const COGNITO: &str = "cognito-identity-provider-2016-04-18.json";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|a| a == "--bench");
    let quick = args.iter().any(|a| a == "--quick");
    let filter = args.iter().find(|a| !a.starts_with("--")).cloned();
    let models = models();
    let scratch = std::env::temp_dir().join(format!("xtask-bench-codegen-{}", std::process::id()));
    if !bench {
        let path = models.iter().find(|m| m.ends_with(COGNITO)).expect("the Cognito model is checked in");
        let timing = run_once(path, &scratch.join("check"));
        let _ = std::fs::remove_dir_all(&scratch);
        assert!(timing.files > 10, "the Cognito crate has its files");
        println!("codegen: generated the Cognito crate ({} files) once (measure with `cargo bench -p xtask --bench codegen`)", timing.files);
        return;
    }
    let runs = if quick { 5 } else { 21 };
    println!(
        "{:<44} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "model (median of runs, ms)", "files", "read", "parse+val", "typespace", "emit", "format", "write", "total"
    );
    let mut sum = Timing::default();
    let picked = |m: &&PathBuf| match &filter {
        Some(f) => m.to_string_lossy().contains(f.as_str()),
        None => true,
    };
    for path in models.iter().filter(picked) {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut timings: Vec<Timing> =
            (0..runs).map(|run| run_once(path, &scratch.join(format!("{name}-{run}")))).collect();
        let median = Timing::median(&mut timings);
        print_row(&name, &median);
        sum.add(&median);
    }
    print_row("all models (sum of medians)", &sum);
    // Removed only now: on ext4, creating files right after deleting many is several times
    // slower (the allocator skips recently deleted inodes), which is not what `cargo xtask
    // codegen` meets (it writes changed files beside the old ones and renames them over them).
    let _ = std::fs::remove_dir_all(&scratch);
}

/// The checked-in models, sorted by file name.
fn models() -> Vec<PathBuf> {
    let dir = xtask::repo_root().join("model/aws");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

#[derive(Clone, Default)]
struct Timing {
    files: usize,
    read: Duration,
    parse: Duration,
    space: Duration,
    /// `generate` minus `space`: emit and format.
    render: Duration,
    format: Duration,
    write: Duration,
}

impl Timing {
    fn total(&self) -> Duration {
        self.read + self.parse + self.space + self.render + self.write
    }

    fn add(&mut self, other: &Timing) {
        self.files += other.files;
        self.read += other.read;
        self.parse += other.parse;
        self.space += other.space;
        self.render += other.render;
        self.format += other.format;
        self.write += other.write;
    }

    /// The median of each phase on its own (so the phases of the result may come from different runs).
    fn median(runs: &mut [Timing]) -> Timing {
        fn pick(runs: &mut [Timing], f: impl Fn(&Timing) -> Duration) -> Duration {
            let mut values: Vec<Duration> = runs.iter().map(f).collect();
            values.sort();
            values[values.len() / 2]
        }
        Timing {
            files: runs[0].files,
            read: pick(runs, |t| t.read),
            parse: pick(runs, |t| t.parse),
            space: pick(runs, |t| t.space),
            render: pick(runs, |t| t.render),
            format: pick(runs, |t| t.format),
            write: pick(runs, |t| t.write),
        }
    }
}

fn print_row(name: &str, t: &Timing) {
    let ms = |d: Duration| format!("{:.2}", d.as_secs_f64() * 1e3);
    println!(
        "{:<44} {:>6} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
        name,
        t.files,
        ms(t.read),
        ms(t.parse),
        ms(t.space),
        ms(t.render.saturating_sub(t.format)),
        ms(t.format),
        ms(t.write),
        ms(t.total())
    );
}

/// One full generation of `model` into `out` (which must not exist), timed by phase.
fn run_once(model: &Path, out: &Path) -> Timing {
    let name = model.display().to_string();
    let start = Instant::now();
    let text = std::fs::read_to_string(model).unwrap_or_else(|e| panic!("{name}: {e}"));
    let read = start.elapsed();

    let start = Instant::now();
    let model = Model::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let parse = start.elapsed();

    let mut options = Options::new(name.as_str());
    options.standalone = true;
    let start = Instant::now();
    black_box(TypeSpace::build(&model, None).unwrap_or_else(|e| panic!("{name}: {e}")));
    let space = start.elapsed();

    let start = Instant::now();
    let files = codegen::generate(&model, &options).unwrap_or_else(|e| panic!("{name}: {e}")).files;
    let generate = start.elapsed();

    let tokens: Vec<proc_macro2::TokenStream> = files
        .iter()
        .filter(|f| f.path.ends_with(".rs"))
        .map(|f| f.contents.parse().unwrap_or_else(|e| panic!("{name}: {}: {e}", f.path)))
        .collect();
    let start = Instant::now();
    for tokens in tokens {
        let file: syn::File = syn::parse2(tokens).unwrap_or_else(|e| panic!("{name}: {e}"));
        black_box(prettyplease::unparse(&file));
    }
    let format = start.elapsed();

    let start = Instant::now();
    xtask::write_crate(out, &files).unwrap_or_else(|e| panic!("{name}: {e}"));
    let write = start.elapsed();

    Timing { files: files.len(), read, parse, space, render: generate.saturating_sub(space), format, write }
}
