//! No partial output: when generation or writing fails half-way, the crate folder keeps exactly
//! what it had, and no staging folder is left beside it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use codegen::GeneratedFile;
use xtask::{generate_model, write_crate};

/// A scratch folder holding a crate folder `out/`, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("xtask-partial-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("out/src")).unwrap();
        std::fs::write(dir.join("out/Cargo.toml"), "[package]\nname = \"before\"\n").unwrap();
        std::fs::write(dir.join("out/src/lib.rs"), "// before\n").unwrap();
        Scratch(dir)
    }

    fn out(&self) -> PathBuf {
        self.0.join("out")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Every file under `dir` with its text, and every other entry of `dir`'s parent.
fn snapshot(dir: &Path) -> (BTreeMap<String, String>, Vec<String>) {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().display().to_string();
                files.insert(relative, std::fs::read_to_string(&path).unwrap());
            }
        }
    }
    let mut siblings: Vec<String> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    siblings.sort();
    (files, siblings)
}

fn file(path: &str, contents: &str) -> GeneratedFile {
    GeneratedFile { path: path.to_owned(), contents: contents.to_owned() }
}

#[test]
fn a_write_that_fails_half_way_leaves_the_crate_as_it_was() {
    let scratch = Scratch::new("write");
    let before = snapshot(&scratch.out());
    // The third file cannot be written: `src/lib.rs` is a file, not a folder. The first two are
    // written by then.
    let files = [
        file("Cargo.toml", "[package]\nname = \"after\"\n"),
        file("src/lib.rs", "// after\n"),
        file("src/lib.rs/impossible.rs", "// never\n"),
        file("src/types/more.rs", "// never\n"),
    ];
    let error = write_crate(&scratch.out(), &files).unwrap_err().to_string();
    assert!(error.contains("impossible.rs") || error.contains("src/lib.rs"), "{error}");
    assert_eq!(snapshot(&scratch.out()), before, "the crate folder or its parent changed");
}

#[test]
fn a_generation_that_fails_half_way_writes_nothing() {
    // The model loads, and the generator fails after naming and boxing (a union without a finite
    // value): `generate_model` returns no files, so there is nothing to write.
    let scratch = Scratch::new("generate");
    let model = scratch.0.join("model.json");
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
    let before = snapshot(&scratch.out());
    let error = generate_model(&model, "model.json", true).unwrap_err().to_string();
    assert!(error.contains("t#U: the union has no finite value"), "{error}");
    assert_eq!(snapshot(&scratch.out()), before);
}

#[test]
fn a_successful_write_after_a_failed_one_replaces_the_crate() {
    let scratch = Scratch::new("retry");
    let _ = write_crate(&scratch.out(), &[file("a", "1"), file("a/b", "2")]).unwrap_err();
    write_crate(&scratch.out(), &[file("Cargo.toml", "after"), file("src/lib.rs", "// after\n")]).unwrap();
    let (files, siblings) = snapshot(&scratch.out());
    assert_eq!(files.keys().collect::<Vec<_>>(), ["Cargo.toml", "src/lib.rs"]);
    assert_eq!(files["src/lib.rs"], "// after\n");
    assert_eq!(siblings, ["out"]);
}
