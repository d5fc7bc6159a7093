//! The command line as a user meets it: help succeeds, mistakes name the closest valid word.

mod support;

use support::{xtask, Scratch};

#[test]
fn help_prints_the_usage_and_succeeds() {
    let scratch = Scratch::new("help");
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let run = xtask(&scratch.0, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.starts_with("usage: cargo xtask <task>"), "{args:?}: {}", run.stdout);
        assert!(run.stdout.contains("codegen --model FILE --out DIR"), "{args:?}: {}", run.stdout);
    }
    for args in [&["codegen", "--help"][..], &["codegen", "-h"], &["codegen", "--model", "m.json", "--help"]] {
        let run = xtask(&scratch.0, args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert!(run.stdout.contains("What is touched in DIR"), "{args:?}: {}", run.stdout);
        assert!(run.stdout.contains("generated/cognito-identity-provider"), "{args:?}: {}", run.stdout);
    }
    assert_eq!(std::fs::read_dir(&scratch.0).unwrap().count(), 0, "help wrote something");
}

#[test]
fn a_mistyped_flag_or_task_names_the_closest_valid_one() {
    let scratch = Scratch::new("mistakes");
    for (args, expected) in [
        (&["codegen", "--chek"][..], "error: unknown argument `--chek`; did you mean `--check`?"),
        (&["codegen", "--model", "m.json", "--otu", "x"], "error: unknown argument `--otu`; did you mean `--out`?"),
        (&["codegn"], "error: unknown task `codegn`; did you mean `codegen`?"),
        (&["fmt", "--chekc"], "error: unknown argument `--chekc`; did you mean `--check`?"),
        (&["deploy"], "error: unknown task `deploy`\nsee `cargo xtask --help`"),
        (&[], "error: no task given"),
    ] {
        let run = xtask(&scratch.0, args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stdout);
        assert!(run.stderr.starts_with(expected), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn what_the_generator_leaves_out_is_printed_as_a_warning() {
    let scratch = Scratch::new("warnings");
    std::fs::write(
        scratch.join("model.json"),
        r#"{"smithy": "2.0", "shapes": {
            "t#S": {"type": "service", "version": "1", "operations": [{"target": "t#Op"}],
                "traits": {"aws.protocols#awsJson1_1": {}}},
            "t#Op": {"type": "operation", "input": {"target": "t#In"}},
            "t#In": {"type": "structure", "members": {"Name": {"target": "t#Name"}}},
            "t#Name": {"type": "string", "traits": {"smithy.api#pattern": "(a"}}
        }}"#,
    )
    .unwrap();
    let run = xtask(&scratch.0, &["codegen", "--model", "model.json", "--out", "out"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stderr,
        "warning: t#Name: the @pattern `(a` is left out of validate(): it cannot be read: an unclosed group at index 2\n"
    );
    assert!(scratch.join("out/Cargo.toml").exists());
}
