//! No partial output: whatever fails — generation, a full disk, a failing rename, a read-only
//! folder, an impossible output path — the disk is left exactly as it was, with no staged copy
//! or half-moved folder anywhere.

mod support;

use support::faulty_disk::{Fault, FaultyDisk};
use support::{generated, leftovers, paths, small_crate, snapshot, xtask, Scratch};
use xtask::{generate_model, write_crate, Writer};

/// A crate on disk at version 1 (with a file the generator will no longer produce and one it
/// did not write), and version 2: every file changed, a new file in a new folder, one removed.
fn crate_before_and_after(scratch: &Scratch) -> (std::path::PathBuf, Vec<codegen::GeneratedFile>) {
    let out = scratch.join("out");
    let mut v1 = small_crate("v1");
    v1.push(generated("src/old.rs", "// removed in v2\n"));
    write_crate(&out, &v1).unwrap();
    std::fs::write(out.join("README.md"), "mine\n").unwrap();
    let mut v2 = small_crate("v2");
    v2.push(generated("src/extra/new.rs", "// new in v2\n"));
    (out, v2)
}

#[test]
fn a_failure_at_any_write_or_rename_leaves_the_crate_as_it_was() {
    for fault in [Fault::DiskFull, Fault::RenameFails] {
        for at in 0.. {
            let scratch = Scratch::new(&format!("fault-{fault:?}-{at}"));
            let (out, v2) = crate_before_and_after(&scratch);
            let before = snapshot(&scratch.0);
            let disk = FaultyDisk::new(fault, at);

            let result = Writer::default().disk(&disk).write_crate(&out, &v2);

            if !disk.struck.get() {
                assert!(result.is_ok(), "{fault:?} {at}: {:?}", result.err());
                assert!(at > 2, "{fault:?}: the run has several steps to fail at");
                break;
            }
            let error = result.unwrap_err().to_string();
            assert!(error.contains("nothing was changed"), "{fault:?} at {at}: {error}");
            let after = snapshot(&scratch.0);
            assert_eq!(after, before, "{fault:?} at {at}: {:?} became {:?}", paths(&before), paths(&after));
        }
    }
}

#[test]
fn a_full_disk_names_the_file_it_could_not_write() {
    let scratch = Scratch::new("full-disk-message");
    let (out, v2) = crate_before_and_after(&scratch);
    let error = Writer::default().disk(&FaultyDisk::new(Fault::DiskFull, 1)).write_crate(&out, &v2).unwrap_err();
    let error = error.to_string();
    assert!(error.starts_with("cannot write ") && error.contains("No space left on device"), "{error}");
    assert!(error.contains(".codegen-new"), "the staged copy is named: {error}");
}

#[test]
fn folders_created_for_a_new_crate_are_removed_again_when_writing_fails() {
    let scratch = Scratch::new("new-folders");
    let out = scratch.join("a/b/crate");
    let error = Writer::default().disk(&FaultyDisk::new(Fault::DiskFull, 3)).write_crate(&out, &small_crate("v1"));
    assert!(error.is_err());
    assert_eq!(paths(&snapshot(&scratch.0)), Vec::<&str>::new());
}

#[test]
fn a_file_in_the_way_of_a_folder_stops_the_run_before_anything_is_written() {
    let scratch = Scratch::new("in-the-way");
    let out = scratch.join("out");
    write_crate(&out, &small_crate("v1")).unwrap();
    let before = snapshot(&scratch.0);
    // `src/lib.rs` is a file, so `src/lib.rs/impossible.rs` cannot be written.
    let mut v2 = small_crate("v2");
    v2.push(generated("src/lib.rs/impossible.rs", "// never\n"));
    let error = write_crate(&out, &v2).unwrap_err().to_string();
    assert!(error.contains("src/lib.rs: is a file or a link where the generator writes a folder"), "{error}");
    assert_eq!(snapshot(&scratch.0), before);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_cleanly() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = Scratch::new("read-only");
    let (out, v2) = crate_before_and_after(&scratch);
    let types = out.join("src/types");
    std::fs::set_permissions(&types, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(types.join("probe"), "").is_ok() {
        // Permissions do not bind this user (root): the failing-disk tests cover this path.
        eprintln!("skipped: folder permissions do not apply to this user");
        return;
    }
    let before = snapshot(&scratch.0);

    let error = write_crate(&out, &v2).unwrap_err().to_string();

    assert!(error.contains("src/types") && error.contains("ermission denied"), "{error}");
    assert_eq!(snapshot(&scratch.0), before);
}

#[test]
fn odd_output_folders_fail_cleanly_with_nothing_left_behind() {
    let scratch = Scratch::new("odd-targets");
    let work = scratch.join("work");
    std::fs::create_dir(&work).unwrap();
    std::fs::write(work.join("mine.txt"), "mine\n").unwrap();
    let model = support::model("test/edge-cases.json");
    let model = model.to_str().unwrap();
    let before = snapshot(&scratch.0);
    let root_before: Vec<_> = std::fs::read_dir("/").unwrap().map(|e| e.unwrap().file_name()).collect();

    for (out, expected) in [
        (".", "refusing to write into . ("),
        ("..", "refusing to write into .. ("),
        ("/", "refusing to write into /: it is not empty"),
        ("mine.txt", "mine.txt is a file, not a folder"),
        ("mine.txt/crate", "cannot create mine.txt/crate: mine.txt is a file, not a folder"),
    ] {
        let run = xtask(&work, &["codegen", "--model", model, "--out", out]);
        assert_eq!(run.code, 1, "--out {out}: {}", run.stdout);
        assert!(run.stderr.contains(expected), "--out {out}: {}", run.stderr);
        assert_eq!(snapshot(&scratch.0), before, "--out {out}");
    }
    let run = xtask(&work, &["codegen", "--model", model, "--out", ""]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`--out` needs a DIR"), "{}", run.stderr);
    let root_after: Vec<_> = std::fs::read_dir("/").unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(root_after, root_before, "something was left in /");
}

#[test]
fn out_dot_writes_and_rewrites_the_crate_in_the_current_folder() {
    let scratch = Scratch::new("out-dot");
    let work = scratch.join("work");
    std::fs::create_dir(&work).unwrap();
    let model = support::model("test/edge-cases.json");
    let first = xtask(&work, &["codegen", "--model", model.to_str().unwrap(), "--out", "."]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    let files = support::edge_cases().len();
    assert!(first.stdout.contains(&format!("{files} files written")), "{}", first.stdout);
    let second = xtask(&work, &["codegen", "--model", model.to_str().unwrap(), "--out", "."]);
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert!(second.stdout.contains(&format!("0 files written, 0 removed, {files} unchanged")), "{}", second.stdout);
    let siblings: Vec<_> = std::fs::read_dir(&scratch.0).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(siblings, ["work"]);
    assert_eq!(leftovers(&work), Vec::<String>::new());
}

#[test]
fn a_generation_that_fails_half_way_writes_nothing() {
    // The model loads, and the generator fails after naming and boxing (a union without a finite
    // value): `generate_model` returns no files, so there is nothing to write.
    let scratch = Scratch::new("generate");
    let (out, _) = crate_before_and_after(&scratch);
    let model = scratch.join("model.json");
    std::fs::write(
        &model,
        r#"{"smithy": "2.0", "shapes": {
            "t#S": {"type": "service", "version": "1", "operations": [{"target": "t#Op"}],
                "traits": {"aws.protocols#awsJson1_1": {}}},
            "t#Op": {"type": "operation", "input": {"target": "t#In"}},
            "t#In": {"type": "structure", "members": {"U": {"target": "t#U"}}},
            "t#U": {"type": "union", "members": {"Again": {"target": "t#U"}}}
        }}"#,
    )
    .unwrap();
    let before = snapshot(&scratch.0);
    let error = generate_model(&model, "model.json", true, None).unwrap_err().to_string();
    assert!(error.contains("t#U: the union has no finite value"), "{error}");
    let run = xtask(&scratch.0, &["codegen", "--model", "model.json", "--out", "out"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("t#U: the union has no finite value"), "{}", run.stderr);
    assert_eq!(snapshot(&scratch.0), before);
    assert!(out.join("README.md").exists());
}

#[test]
fn plain_files_are_written_all_or_none_and_never_over_a_folder() {
    // What the fuzz task writes its seeds and dictionaries with.
    let scratch = Scratch::new("plain-files");
    std::fs::create_dir_all(scratch.join("corpus/seed-2.json")).unwrap();
    let files = [
        codegen::GeneratedFile { path: "corpus/seed-1.json".into(), contents: "{}".into() },
        codegen::GeneratedFile { path: "corpus/seed-2.json".into(), contents: "[]".into() },
    ];
    let before = snapshot(&scratch.0);
    let error = Writer::default().write_files(&scratch.0, &files).unwrap_err().to_string();
    assert!(error.contains("corpus/seed-2.json: is not a file"), "{error}");
    assert_eq!(snapshot(&scratch.0), before);

    std::fs::remove_dir(scratch.join("corpus/seed-2.json")).unwrap();
    let before = snapshot(&scratch.0);
    let disk = FaultyDisk::new(Fault::DiskFull, 1);
    assert!(Writer::default().disk(&disk).write_files(&scratch.0, &files).is_err());
    assert_eq!(snapshot(&scratch.0), before);

    let written = Writer::default().write_files(&scratch.0, &files).unwrap();
    assert_eq!(written.written.len(), 2);
    let again = Writer::default().write_files(&scratch.0, &files).unwrap();
    assert_eq!((again.written.len(), again.unchanged), (0, 2));
}
