//! `cargo xtask codegen [--check]` and `cargo xtask codegen --model FILE --out DIR`.

use std::path::PathBuf;
use std::process::ExitCode;

use xtask::{check_crate, generate_model, repo_root, write_crate, TaskError, CHECKED_IN};

const USAGE: &str = "\
usage:
  cargo xtask test                             run every check that CI runs
  cargo xtask models [NAME]                    generate, build, test, lint and document every
                                               model in model/ (or those whose name has NAME)
  cargo xtask fuzz [SECONDS]                   run every fuzz target (xtask/fuzz) for a share of
                                               SECONDS (default 60); installs cargo-fuzz if needed
  cargo xtask fmt [--check]                    format the hand-written code (or check that it is)
  cargo xtask codegen                          regenerate the checked-in crates
  cargo xtask codegen --check                  fail if a checked-in crate is stale (writes nothing)
  cargo xtask codegen --model FILE --out DIR   generate one model's crate into DIR";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), TaskError> {
    let (task, rest) = args.split_first().ok_or_else(|| TaskError(USAGE.to_owned()))?;
    match task.as_str() {
        "codegen" => codegen(rest),
        "test" if rest.is_empty() => xtask::test::run_all(),
        "fuzz" => xtask::fuzz::run(rest),
        "fmt" if rest.is_empty() => xtask::format::run(false),
        "fmt" if rest == ["--check"] => xtask::format::run(true),
        "models" if rest.len() <= 1 => xtask::models::check_all(rest.first().map(String::as_str)),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(TaskError(format!("unknown task `{other}`\n{USAGE}"))),
    }
}

fn codegen(args: &[String]) -> Result<(), TaskError> {
    let mut check = false;
    let mut model = None;
    let mut out = None;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--check" => check = true,
            "--model" => {
                model = Some(PathBuf::from(args.next().ok_or_else(|| TaskError("--model needs a FILE".into()))?))
            }
            "--out" => out = Some(PathBuf::from(args.next().ok_or_else(|| TaskError("--out needs a DIR".into()))?)),
            other => return Err(TaskError(format!("unknown argument `{other}`\n{USAGE}"))),
        }
    }
    match (model, out) {
        (Some(model), Some(out)) => {
            let files = generate_model(&model, &model.display().to_string(), true)?;
            write_crate(&out, &files)?;
            println!("generated {} files into {}", files.len(), out.display());
            Ok(())
        }
        (None, None) if check => check_all(),
        (None, None) => write_all(),
        _ => Err(TaskError(format!("--model and --out go together\n{USAGE}"))),
    }
}

fn write_all() -> Result<(), TaskError> {
    let root = repo_root();
    for krate in CHECKED_IN {
        let files = generate_model(&root.join(krate.model), krate.model, false)?;
        write_crate(&root.join(krate.out), &files)?;
        println!("generated {} files into {}", files.len(), krate.out);
    }
    Ok(())
}

fn check_all() -> Result<(), TaskError> {
    let root = repo_root();
    let mut drift = Vec::new();
    for krate in CHECKED_IN {
        let files = generate_model(&root.join(krate.model), krate.model, false)?;
        drift.extend(check_crate(&root.join(krate.out), &files)?);
    }
    if drift.is_empty() {
        println!("the generated crates are up to date");
        return Ok(());
    }
    let list: Vec<String> = drift.iter().map(|d| format!("  {d}")).collect();
    Err(TaskError(format!(
        "the generated crates differ from what the generator writes:\n{}\nrun `cargo xtask codegen` to update them",
        list.join("\n")
    )))
}
