//! `cargo xtask <task>`: reads the command line (`cli`) and runs the task. Exits 0 on success
//! and for `--help`, 1 when a task fails, 2 when the command line is wrong.

use std::process::ExitCode;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use xtask::checked_in::{check_all, drift_report, write_all};
use xtask::cli::{self, Task};
use xtask::{check_crate, generate_model, print_warnings, repo_root, TaskError, Writer, CHECKED_IN};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let task = match cli::parse(&args) {
        Ok(task) => task,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match run(task) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(task: Task) -> Result<(), TaskError> {
    match task {
        Task::Help(usage) => {
            println!("{usage}");
            Ok(())
        }
        Task::Test => xtask::test::run_all(),
        Task::Models { only } => xtask::models::check_all(only.as_deref()),
        Task::Fuzz { seconds } => xtask::fuzz::run(seconds),
        Task::Fmt { check } => xtask::format::run(check),
        Task::Patterns => xtask::patterns::run(),
        Task::CodegenAll { check: true } => {
            check_all(&repo_root(), CHECKED_IN)?;
            println!("the checked-in crates are up to date");
            Ok(())
        }
        Task::CodegenAll { check: false } => {
            for written in write_all(&repo_root(), CHECKED_IN)? {
                println!("{written}");
            }
            Ok(())
        }
        Task::CodegenOne { model, out, check, force, service } => {
            let generated = generate_model(&model, &model.display().to_string(), true, service.as_ref())?;
            print_warnings(&generated.warnings);
            let files = generated.files;
            if check {
                let command = format!("cargo xtask codegen --model {} --out {}", model.display(), out.display());
                drift_report(
                    &format!("{} differs from what the generator writes", out.display()),
                    &command,
                    &check_crate(&out, &files)?,
                )?;
                println!("{} is up to date", out.display());
            } else {
                println!("{}", Writer::default().force(force).write_crate(&out, &files)?);
            }
            Ok(())
        }
    }
}
