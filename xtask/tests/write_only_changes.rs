//! Only what changed is written: a second run touches no file, so cargo rebuilds nothing, and a
//! change in one template rewrites only the files made from it.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, SystemTime};

use support::{edge_cases, xtask, Scratch};
use xtask::write_crate;

/// A time well in the past, given to every file so that any rewrite shows.
fn long_ago() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000)
}

/// Sets every file's modification time under `dir` to [`long_ago`].
fn age(dir: &Path) {
    for path in support::snapshot(dir).into_keys().map(|p| dir.join(p)).filter(|p| p.is_file()) {
        std::fs::File::options().write(true).open(&path).unwrap().set_modified(long_ago()).unwrap();
    }
}

/// The files under `dir` whose modification time is not [`long_ago`].
fn touched(dir: &Path) -> Vec<String> {
    let times: BTreeMap<String, SystemTime> = support::snapshot(dir)
        .into_keys()
        .filter(|p| dir.join(p).is_file())
        .map(|p| {
            let time = std::fs::metadata(dir.join(&p)).unwrap().modified().unwrap();
            (p, time)
        })
        .collect();
    times.into_iter().filter(|(_, t)| *t != long_ago()).map(|(p, _)| p).collect()
}

#[test]
fn a_second_run_writes_nothing() {
    let scratch = Scratch::new("second-run");
    let out = scratch.join("edge-cases");
    let model = support::model("test/edge-cases.json");
    let first = xtask(&scratch.0, &["codegen", "--model", model.to_str().unwrap(), "--out", "edge-cases"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    age(&out);
    let before = support::snapshot(&out);

    let second = xtask(&scratch.0, &["codegen", "--model", model.to_str().unwrap(), "--out", "edge-cases"]);

    assert_eq!(second.code, 0, "{}", second.stderr);
    let unchanged = format!("edge-cases: 0 files written, 0 removed, {} unchanged", edge_cases().len());
    assert!(second.stdout.contains(&unchanged), "{}", second.stdout);
    assert_eq!(touched(&out), Vec::<String>::new());
    assert_eq!(support::snapshot(&out), before);
}

#[test]
fn a_template_change_rewrites_only_the_files_made_from_it() {
    let scratch = Scratch::new("template-change");
    let out = scratch.join("edge-cases");
    let files = edge_cases();
    write_crate(&out, &files).unwrap();
    age(&out);
    // What a change to `codegen/templates/wire.rs` does to the output: `src/wire.rs` differs.
    let changed: Vec<codegen::GeneratedFile> = files
        .iter()
        .cloned()
        .map(|mut f| {
            if f.path == "src/wire.rs" {
                f.contents.push_str("\n// a new line in the template\n");
            }
            f
        })
        .collect();

    let written = write_crate(&out, &changed).unwrap();

    assert_eq!(written.written, ["src/wire.rs"]);
    assert_eq!((written.removed.len(), written.unchanged), (0, files.len() - 1));
    assert_eq!(touched(&out), ["src/wire.rs"]);
    assert!(std::fs::read_to_string(out.join("src/wire.rs")).unwrap().ends_with("// a new line in the template\n"));
}
