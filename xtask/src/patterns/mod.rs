//! `cargo xtask patterns`: checks the translation of every `@pattern` of every model in `model/`
//! against Java's `java.util.regex`, which Smithy's own tooling uses (`xtask/pattern-oracle/`).
//!
//! Each pattern gets about [`PROBES`] probe strings (`probes.rs`); the Java oracle answers
//! `find()` for each, and so does fancy-regex on the generator's translation (as the generated
//! crates check a value). Where the two differ, the construct responsible is found by giving
//! each construct on which Java and ECMAScript disagree ([`Semantics`]) Java's meaning in turn
//! (then each two of them);
//! with Java's meaning for all of them, no answer may differ. The task fails on a pattern that
//! does not translate, an answer no documented choice explains, or any difference under Java's
//! meanings. It needs a JDK (`javac` and `java` on the `PATH`).

mod probes;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Stdio};

use codegen::pattern::emit::{Meaning, Semantics};
use serde_json::{json, Value};
use smithy_model::{Model, ShapeKind};

use crate::{models, repo_root, TaskError};

/// Probes per pattern.
pub const PROBES: usize = 75;

/// The meaning of one construct in a [`Semantics`].
type Construct = fn(&mut Semantics) -> &mut Meaning;

/// The constructs whose meaning is a choice, each named as the report names it.
const CHOICES: &[(&str, Construct)] = &[
    ("`$` (the end only)", |s| &mut s.dollar),
    ("`\\s` (ECMAScript's Unicode spaces)", |s| &mut s.space),
    ("`.` (U+0085 matches)", |s| &mut s.dot),
    ("`\\b` (ASCII word characters)", |s| &mut s.boundary),
    ("`\\v` (U+000B only)", |s| &mut s.vspace),
];

/// Runs the cross-check and prints its result.
pub fn run() -> Result<(), TaskError> {
    let root = repo_root();
    let out = root.join("target/patterns");
    std::fs::create_dir_all(&out).map_err(|e| TaskError(format!("{}: {e}", out.display())))?;
    let patterns = collect(&root)?;
    println!("==> {} distinct patterns in model/; {PROBES} probes each", patterns.len());
    let cases: Vec<(String, Vec<String>)> = patterns.keys().map(|p| (p.clone(), probes::probes(p, PROBES))).collect();
    let java = java_answers(&root, &out, &cases)?;

    let mut report = Report::default();
    for (pattern, probes) in &cases {
        let Some(java) = java.get(pattern) else { return Err(TaskError(format!("the oracle skipped `{pattern}`"))) };
        report.pattern(pattern, probes, java.as_deref(), &patterns[pattern]);
    }
    report.print(cases.iter().map(|(_, p)| p.len()).sum());
    report.result()
}

/// Every distinct pattern of every model, with where it is (`file: shape or member`).
fn collect(root: &Path) -> Result<BTreeMap<String, BTreeSet<String>>, TaskError> {
    let mut patterns: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in models::model_files(root)? {
        let model = Model::from_file(&file).map_err(|e| TaskError(format!("{}: {e}", file.display())))?;
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        for shape in model.shapes() {
            let members = match &shape.kind {
                ShapeKind::Structure(members) | ShapeKind::Union(members) => members.iter().collect(),
                ShapeKind::List { member, .. } => vec![member],
                ShapeKind::Map { key, value } => vec![key, value],
                _ => Vec::new(),
            };
            let places = std::iter::once((shape.id.to_string(), &shape.traits))
                .chain(members.into_iter().map(|m| (format!("{}${}", shape.id, m.name), &m.traits)));
            for (place, traits) in places {
                if let Some(pattern) = &traits.pattern {
                    patterns.entry(pattern.clone()).or_default().insert(format!("{name}: {place}"));
                }
            }
        }
    }
    Ok(patterns)
}

/// Java's answers (`find()` per probe, or `None` when Java does not compile the pattern).
fn java_answers(
    root: &Path,
    out: &Path,
    cases: &[(String, Vec<String>)],
) -> Result<BTreeMap<String, Option<String>>, TaskError> {
    let input: String =
        cases.iter().map(|(pattern, probes)| format!("{}\n", json!({"pattern": pattern, "probes": probes}))).collect();
    let probes_file = out.join("probes.jsonl");
    std::fs::write(&probes_file, &input).map_err(|e| TaskError(format!("{}: {e}", probes_file.display())))?;
    let classes = out.join("oracle");
    let source = root.join("xtask/pattern-oracle/PatternOracle.java");
    let javac = Command::new("javac").arg("-d").arg(&classes).arg(&source).status();
    match javac {
        Ok(status) if status.success() => {}
        Ok(status) => return Err(TaskError(format!("javac {} failed ({status})", source.display()))),
        Err(e) => return Err(TaskError(format!("cannot run javac: {e}; this task needs a JDK"))),
    }
    let mut java = Command::new("java")
        .arg("-cp")
        .arg(&classes)
        .arg("PatternOracle")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| TaskError(format!("cannot run java: {e}")))?;
    let mut stdin = java.stdin.take().ok_or_else(|| TaskError("java has no stdin".into()))?;
    let writer = std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
    let output = java.wait_with_output().map_err(|e| TaskError(format!("java: {e}")))?;
    writer
        .join()
        .map_err(|_| TaskError("writing to java panicked".into()))?
        .map_err(|e| TaskError(format!("java: {e}")))?;
    if !output.status.success() {
        return Err(TaskError(format!("java PatternOracle failed ({})", output.status)));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    std::fs::write(out.join("java.jsonl"), text.as_bytes())
        .map_err(|e| TaskError(format!("{}: {e}", out.display())))?;
    let mut answers = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let value: Value =
            serde_json::from_str(line).map_err(|e| TaskError(format!("the oracle wrote `{line}`: {e}")))?;
        let pattern = value["pattern"].as_str().unwrap_or_default().to_owned();
        answers.insert(pattern, value["find"].as_str().map(str::to_owned));
    }
    Ok(answers)
}

/// fancy-regex's answers on the translation with `semantics`, as the generated crates check a
/// value: `1` matches, `0` does not or gave up. `Err` when the pattern does not translate.
fn answers(pattern: &str, probes: &[String], semantics: Semantics) -> Result<(String, usize), String> {
    let translated = codegen::pattern::translate_with(pattern, semantics)?;
    let regex = codegen::pattern::compile(&translated.regex)?;
    let mut gave_up = 0;
    let find = probes
        .iter()
        .map(|probe| match regex.is_match(probe) {
            Ok(true) => '1',
            Ok(false) => '0',
            Err(_) => {
                gave_up += 1;
                '0'
            }
        })
        .collect();
    Ok((find, gave_up))
}

#[derive(Default)]
struct Report {
    patterns: usize,
    java_refuses: Vec<String>,
    not_translated: Vec<String>,
    gave_up: usize,
    /// Answers that differ, per explaining construct: (answers, patterns).
    explained: BTreeMap<String, (usize, BTreeSet<String>)>,
    unexplained: Vec<String>,
    differ_under_java: Vec<String>,
}

impl Report {
    fn pattern(&mut self, pattern: &str, probes: &[String], java: Option<&str>, places: &BTreeSet<String>) {
        self.patterns += 1;
        let where_ = places.iter().next().cloned().unwrap_or_default();
        let Some(java) = java else {
            self.java_refuses.push(format!("`{pattern}` ({where_})"));
            return;
        };
        if java.len() != probes.len() {
            let answered = format!("`{pattern}`: the oracle answered {} of {} probes", java.len(), probes.len());
            self.differ_under_java.push(answered);
            return;
        }
        let (ours, gave_up) = match answers(pattern, probes, Semantics::CHOSEN) {
            Ok(answers) => answers,
            Err(e) => {
                self.not_translated.push(format!("`{pattern}` ({where_}): {e}"));
                return;
            }
        };
        self.gave_up += gave_up;
        match answers(pattern, probes, Semantics::JAVA) {
            Ok((all_java, _)) if all_java == java => {}
            Ok((all_java, _)) => {
                for (i, probe) in
                    probes.iter().enumerate().filter(|(i, _)| all_java.as_bytes()[*i] != java.as_bytes()[*i])
                {
                    self.differ_under_java.push(format!("`{pattern}` on {probe:?}: Java {}", &java[i..=i]));
                }
            }
            Err(e) => self.differ_under_java.push(format!("`{pattern}`: {e}")),
        }
        if ours == java {
            return;
        }
        // Each construct with Java's meaning, alone, then each two together.
        let mut alternatives: Vec<(String, Option<String>)> = Vec::new();
        let mut with_java = |constructs: &[usize]| {
            let mut semantics = Semantics::CHOSEN;
            for &c in constructs {
                *(CHOICES[c].1)(&mut semantics) = Meaning::Java;
            }
            let name = constructs.iter().map(|&c| CHOICES[c].0).collect::<Vec<_>>().join(" with ");
            alternatives.push((name, answers(pattern, probes, semantics).ok().map(|(find, _)| find)));
        };
        for a in 0..CHOICES.len() {
            with_java(&[a]);
        }
        for a in 0..CHOICES.len() {
            for b in a + 1..CHOICES.len() {
                with_java(&[a, b]);
            }
        }
        for (i, probe) in probes.iter().enumerate() {
            if ours.as_bytes()[i] == java.as_bytes()[i] {
                continue;
            }
            let explains = alternatives
                .iter()
                .find(|(_, find)| find.as_ref().is_some_and(|f| f.as_bytes()[i] == java.as_bytes()[i]));
            match explains {
                Some((name, _)) => {
                    let entry = self.explained.entry(name.clone()).or_default();
                    entry.0 += 1;
                    entry.1.insert(pattern.to_owned());
                }
                None => self.unexplained.push(format!(
                    "`{pattern}` on {probe:?}: Java {}, here {}",
                    &java[i..=i],
                    &ours[i..=i]
                )),
            }
        }
    }

    fn print(&self, probes: usize) {
        println!("==> {} patterns, {probes} probes", self.patterns);
        println!(
            "    Java refuses {} of them; {} do not translate",
            self.java_refuses.len(),
            self.not_translated.len()
        );
        for line in self.java_refuses.iter().chain(&self.not_translated) {
            println!("      {line}");
        }
        let differ: usize = self.explained.values().map(|(answers, _)| answers).sum();
        let patterns: BTreeSet<&String> = self.explained.values().flat_map(|(_, p)| p).collect();
        println!(
            "    with the chosen meanings, {differ} answers differ from Java's ({} patterns), {} without a documented reason",
            patterns.len(),
            self.unexplained.len()
        );
        for (construct, (answers, patterns)) in &self.explained {
            println!("      {construct}: {answers} answers, {} patterns", patterns.len());
        }
        for line in &self.unexplained {
            println!("      unexplained: {line}");
        }
        println!("    with Java's meaning for every construct, {} answers differ", self.differ_under_java.len());
        for line in &self.differ_under_java {
            println!("      {line}");
        }
        println!("    checks that gave up after {} steps: {}", codegen::pattern::BACKTRACK_LIMIT, self.gave_up);
    }

    fn result(&self) -> Result<(), TaskError> {
        if self.not_translated.is_empty() && self.unexplained.is_empty() && self.differ_under_java.is_empty() {
            Ok(())
        } else {
            Err(TaskError("the translation disagrees with Java beyond the documented choices (see above)".into()))
        }
    }
}
