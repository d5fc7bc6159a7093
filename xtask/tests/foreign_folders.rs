//! The generator never destroys what it did not write: a folder that is not its crate is
//! refused untouched, `--force` adds the crate beside what is there, and files it did not write
//! inside its crate are kept (and named by the drift check).

mod support;

use support::{edge_cases, generated, git, model, paths, small_crate, snapshot, xtask, Scratch};
use xtask::{check_crate, write_crate, Drift, Writer};

#[test]
fn a_git_repository_with_work_in_progress_is_refused_untouched() {
    let scratch = Scratch::new("git-repository");
    let repo = scratch.join("myproject");
    std::fs::create_dir(&repo).unwrap();
    git(&repo, &["init", "--quiet"]);
    std::fs::write(repo.join("notes.md"), "committed\n").unwrap();
    git(&repo, &["add", "notes.md"]);
    git(&repo, &["commit", "--quiet", "-m", "first"]);
    std::fs::write(repo.join("notes.md"), "committed, then edited\n").unwrap();
    std::fs::write(repo.join("draft.txt"), "not committed\n").unwrap();
    let before = snapshot(&scratch.0);
    let status = git(&repo, &["status", "--porcelain"]);

    let model = model("aws/support-2013-04-15.json");
    let run = xtask(&scratch.0, &["codegen", "--model", model.to_str().unwrap(), "--out", "myproject"]);

    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr.contains("refusing to write into myproject") && run.stderr.contains("has no Cargo.toml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("Nothing was changed"), "{}", run.stderr);
    assert_eq!(snapshot(&scratch.0), before, "the repository changed");
    assert_eq!(git(&repo, &["status", "--porcelain"]), status);
    assert_eq!(git(&repo, &["log", "--format=%s"]), "first\n");
}

#[test]
fn someone_elses_crate_is_refused_untouched() {
    let scratch = Scratch::new("someone-elses-crate");
    let out = scratch.join("theirs");
    std::fs::create_dir_all(out.join("src")).unwrap();
    std::fs::write(out.join("Cargo.toml"), "[package]\nname = \"theirs\"\n").unwrap();
    std::fs::write(out.join("src/lib.rs"), "pub fn mine() {}\n").unwrap();
    let before = snapshot(&scratch.0);

    let error = write_crate(&out, &small_crate("v1")).unwrap_err().to_string();

    assert!(error.contains("theirs") && error.contains("its Cargo.toml was not written by"), "{error}");
    assert_eq!(snapshot(&scratch.0), before);
    // The drift check says the same, and writes nothing either.
    let error = check_crate(&out, &small_crate("v1")).unwrap_err().to_string();
    assert!(error.contains("is not a crate written by `cargo xtask codegen`"), "{error}");
    assert_eq!(snapshot(&scratch.0), before);
}

#[test]
fn force_adds_the_crate_beside_what_is_there_and_lists_it() {
    let scratch = Scratch::new("force");
    let repo = scratch.join("myproject");
    std::fs::create_dir_all(repo.join("docs")).unwrap();
    git(&repo, &["init", "--quiet"]);
    std::fs::write(repo.join("README.md"), "# My project\n").unwrap();
    std::fs::write(repo.join("docs/guide.md"), "guide\n").unwrap();
    git(&repo, &["add", "."]);
    git(&repo, &["commit", "--quiet", "-m", "first"]);
    let git_data = snapshot(&repo.join(".git"));

    let model = model("test/edge-cases.json");
    let run = xtask(&scratch.0, &["codegen", "--model", model.to_str().unwrap(), "--out", "myproject", "--force"]);

    assert_eq!(run.code, 0, "{}", run.stderr);
    let files = edge_cases().len();
    assert!(run.stdout.contains(&format!("{files} files written")), "{}", run.stdout);
    assert!(run.stdout.contains("kept, not written by the generator: README.md, docs/"), "{}", run.stdout);
    assert_eq!(std::fs::read_to_string(repo.join("README.md")).unwrap(), "# My project\n");
    assert_eq!(std::fs::read_to_string(repo.join("docs/guide.md")).unwrap(), "guide\n");
    assert_eq!(snapshot(&repo.join(".git")), git_data);
    assert!(repo.join("src/types/widget.rs").is_file());
    // From now on it is the generator's crate: no `--force` needed, and nothing changes.
    let again = xtask(&scratch.0, &["codegen", "--model", model.to_str().unwrap(), "--out", "myproject"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stdout.contains(&format!("0 files written, 0 removed, {files} unchanged")), "{}", again.stdout);
}

#[test]
fn force_never_replaces_a_file_the_generator_did_not_write() {
    let scratch = Scratch::new("force-conflict");
    let out = scratch.join("theirs");
    std::fs::create_dir_all(out.join("src")).unwrap();
    std::fs::write(out.join("Cargo.toml"), "[package]\nname = \"theirs\"\n").unwrap();
    std::fs::write(out.join("src/lib.rs"), "pub fn mine() {}\n").unwrap();
    std::fs::write(out.join("src/main.rs"), "fn main() {}\n").unwrap();
    let before = snapshot(&scratch.0);

    let error = Writer::default().force(true).write_crate(&out, &small_crate("v1")).unwrap_err().to_string();

    assert!(error.contains("  Cargo.toml: was not written by the generator"), "{error}");
    assert!(error.contains("  src/lib.rs: was not written by the generator"), "{error}");
    assert!(!error.contains("main.rs"), "{error}");
    assert_eq!(snapshot(&scratch.0), before);
}

#[test]
fn a_regenerated_crate_keeps_the_files_the_generator_did_not_write() {
    let scratch = Scratch::new("keeps");
    let out = scratch.join("crate");
    write_crate(&out, &small_crate("v1")).unwrap();
    let mine = [
        ("README.md", "# About this crate\n"),
        (".gitignore", "/target\n"),
        ("src/.lib.rs.swp", "editor state"),
        ("src/types/notes.txt", "mine\n"),
        ("Cargo.lock", "# cargo's\n"),
        ("target/debug/build-output", "cargo's\n"),
    ];
    for (path, text) in mine {
        std::fs::create_dir_all(out.join(path).parent().unwrap()).unwrap();
        std::fs::write(out.join(path), text).unwrap();
    }

    let written = write_crate(&out, &small_crate("v2")).unwrap();

    for (path, text) in mine {
        assert_eq!(std::fs::read_to_string(out.join(path)).unwrap(), text, "{path}");
    }
    // Listed when writing, cargo's own files aside.
    assert_eq!(written.kept, [".gitignore", "README.md", "src/.lib.rs.swp", "src/types/notes.txt"]);
    assert_eq!(written.written.len(), 5);
    // The drift check names them: a checked-in crate holds only what the generator writes.
    let drift = check_crate(&out, &small_crate("v2")).unwrap();
    let names: Vec<String> = drift.iter().map(|d| d.to_string()).collect();
    assert_eq!(drift.len(), 4, "{names:#?}");
    assert!(drift.iter().all(|d| matches!(d, Drift::Foreign(_))), "{names:#?}");
    assert!(names[0].starts_with("foreign:  ") && names[0].contains(".gitignore"), "{names:#?}");
}

#[test]
fn files_the_generator_no_longer_produces_are_removed_and_nothing_else() {
    let scratch = Scratch::new("removed");
    let out = scratch.join("crate");
    let mut first = small_crate("v1");
    first.push(generated("src/old/mod.rs", "// gone next time\n"));
    first.push(generated("src/old/deeper/item.rs", "// gone next time\n"));
    first.push(generated("src/shared/mod.rs", "// gone next time\n"));
    write_crate(&out, &first).unwrap();
    std::fs::write(out.join("src/shared/mine.rs"), "// mine\n").unwrap();

    let written = write_crate(&out, &small_crate("v1")).unwrap();

    assert_eq!(written.removed, ["src/old/deeper/item.rs", "src/old/mod.rs", "src/shared/mod.rs"]);
    assert!(!out.join("src/old").exists(), "a folder left empty is removed");
    assert_eq!(std::fs::read_to_string(out.join("src/shared/mine.rs")).unwrap(), "// mine\n");
    assert_eq!(written.kept, ["src/shared/mine.rs"]);
}

#[test]
fn a_generated_file_stripped_of_its_header_stops_the_run_untouched() {
    let scratch = Scratch::new("stripped");
    let out = scratch.join("crate");
    write_crate(&out, &small_crate("v1")).unwrap();
    std::fs::write(out.join("src/lib.rs"), "// my own now\n").unwrap();
    let before = snapshot(&scratch.0);

    let error = write_crate(&out, &small_crate("v2")).unwrap_err().to_string();

    assert!(error.contains("src/lib.rs: was not written by the generator"), "{error}");
    assert!(error.contains("Nothing was changed"), "{error}");
    assert_eq!(snapshot(&scratch.0), before, "{:?}", paths(&snapshot(&scratch.0)));
    let drift = check_crate(&out, &small_crate("v2")).unwrap();
    assert!(drift.iter().any(|d| matches!(d, Drift::Blocking(p) if p.ends_with("src/lib.rs"))), "{drift:?}");
}

#[cfg(unix)]
#[test]
fn links_are_never_followed_or_replaced() {
    let scratch = Scratch::new("links");
    let out = scratch.join("crate");
    let elsewhere = scratch.join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    write_crate(&out, &small_crate("v1")).unwrap();
    std::fs::remove_dir_all(out.join("src/types")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("src/types")).unwrap();
    let before = snapshot(&scratch.0);

    let error = write_crate(&out, &small_crate("v2")).unwrap_err().to_string();

    assert!(error.contains("src/types: is a file or a link where the generator writes a folder"), "{error}");
    assert_eq!(snapshot(&scratch.0), before);
}

#[test]
fn an_empty_folder_or_one_with_only_cargo_and_git_files_is_written_into() {
    let scratch = Scratch::new("empty");
    let empty = scratch.join("empty");
    std::fs::create_dir(&empty).unwrap();
    write_crate(&empty, &edge_cases()).unwrap();
    assert!(empty.join("Cargo.toml").is_file());

    let fresh_repo = scratch.join("fresh-repo");
    std::fs::create_dir(&fresh_repo).unwrap();
    git(&fresh_repo, &["init", "--quiet"]);
    let git_data = snapshot(&fresh_repo.join(".git"));
    let written = write_crate(&fresh_repo, &edge_cases()).unwrap();
    assert_eq!(written.written.len(), edge_cases().len());
    assert!(written.kept.is_empty(), "{:?}", written.kept);
    assert_eq!(snapshot(&fresh_repo.join(".git")), git_data);
}
