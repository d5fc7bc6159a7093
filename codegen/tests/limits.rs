//! Generator limits: huge and hostile models either generate correctly or fail with a message
//! that names the shape, without overflowing the stack, in bounded time and memory. The
//! README's "Reliability" section lists what each case costs (measured with release builds, see
//! `hundred_thousand_structures_generate` below).

use codegen::{Options, TypeSpace};
use smithy_model::Model;

/// An awsJson1_1 service whose one operation takes `test#Input`, plus `shapes` (JSON members of
/// the `shapes` object, each starting with a comma).
fn model_text(shapes: &str) -> String {
    format!(
        r#"{{"smithy": "2.0", "shapes": {{
            "test#Service": {{"type": "service", "version": "1", "operations": [{{"target": "test#Op"}}],
                "traits": {{"aws.protocols#awsJson1_1": {{}}}}}},
            "test#Op": {{"type": "operation", "input": {{"target": "test#Input"}}}}
            {shapes}
        }}}}"#
    )
}

fn load(shapes: &str) -> Model {
    Model::from_json(&model_text(shapes)).unwrap_or_else(|e| panic!("the model does not load: {e}"))
}

fn options() -> Options {
    Options { standalone: true, ..Options::new("limits.json") }
}

/// `test#Input` → `test#S0` → `test#S1` → ... → `test#S{n-1}` → a string, each link a member
/// `Next` of the given kind of shape.
fn chain(n: usize, kind: &str, required: bool) -> String {
    let traits = if required { r#", "traits": {"smithy.api#required": {}}"# } else { "" };
    let mut shapes = r#", "test#Input": {"type": "structure", "members": {"First": {"target": "test#S0"}}}"#.to_owned();
    for i in 0..n {
        let next = if i + 1 == n { "smithy.api#String".to_owned() } else { format!("test#S{}", i + 1) };
        shapes.push_str(&match kind {
            "structure" | "union" => {
                format!(r#", "test#S{i}": {{"type": "{kind}", "members": {{"Next": {{"target": "{next}"{traits}}}}}}}"#)
            }
            "list" => format!(r#", "test#S{i}": {{"type": "list", "member": {{"target": "{next}"}}}}"#),
            _ => unreachable!(),
        });
    }
    shapes
}

fn generate_error(model: &Model) -> String {
    match codegen::generate(model, &options()) {
        Ok(_) => panic!("generation should fail"),
        Err(e) => e.to_string(),
    }
}

fn file<'f>(files: &'f [codegen::GeneratedFile], path: &str) -> &'f str {
    &files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}")).contents
}

#[test]
fn a_chain_of_100_000_optional_structures_is_walked_without_recursion() {
    // The boxing walk and the service closure used to recurse once per link and overflowed the
    // stack here; the full generation is `hundred_thousand_structures_generate`.
    let model = load(&chain(100_000, "structure", false));
    let service = model.service().unwrap().id.clone();
    // The chain, `test#Input`, the service, the operation, its `Unit` output and `String`.
    assert_eq!(model.closure(&service).len(), 100_000 + 5);
    let space = TypeSpace::build(&model, None).unwrap();
    assert_eq!(space.types.len(), 100_000 + 1);
}

#[test]
fn a_chain_of_1_000_structures_generates() {
    let files = codegen::generate(&load(&chain(1_000, "structure", false)), &options()).unwrap().files;
    assert!(file(&files, "src/types/s999.rs").contains("pub next: Option<String>"));
    assert!(file(&files, "src/types/s0.rs").contains("pub next: Option<S1>"));
}

/// Full generation of 100,000 structures: about 17 s and 1.9 GB with a release build, far more
/// in a debug build, so it only runs on request:
/// `cargo test --release -p smithy-codegen --test limits -- --ignored`.
#[test]
#[ignore]
fn hundred_thousand_structures_generate() {
    let files = codegen::generate(&load(&chain(100_000, "structure", false)), &options()).unwrap().files;
    assert!(file(&files, "src/types/s99999.rs").contains("pub next: Option<String>"));
}

#[test]
fn a_chain_of_required_structures_deeper_than_serde_json_can_read_is_refused() {
    let error = generate_error(&load(&chain(100_000, "structure", true)));
    assert_eq!(
        error,
        "test#S0: every value of the type nests at least 100000 objects deep (through required members and unions); \
         the limit is 64, as serde_json reads at most 128 levels"
    );
    // 64 required structures (64 nested objects) are fine, 65 are not.
    codegen::generate(&load(&chain(64, "structure", true)), &options()).unwrap();
    let error = generate_error(&load(&chain(65, "structure", true)));
    assert!(error.starts_with("test#S0: every value of the type nests at least 65 objects deep"), "{error}");
}

#[test]
fn a_chain_of_unions_deeper_than_serde_json_can_read_is_refused() {
    let error = generate_error(&load(&chain(10_000, "union", false)));
    assert!(error.starts_with("test#S0: every value of the type nests at least 10000 objects deep"), "{error}");
}

#[test]
fn lists_nested_deeper_than_the_limit_are_refused() {
    let error = generate_error(&load(&chain(100_000, "list", false)));
    assert_eq!(error, "test#S32: lists and maps nest more than 32 levels deep here; the generator supports at most 32");
    let files = codegen::generate(&load(&chain(32, "list", false)), &options()).unwrap().files;
    let nested = format!("Option<{}String", "Vec<".repeat(32));
    let input: String = file(&files, "src/types/input.rs").split_whitespace().collect();
    assert!(input.contains(&nested), "{input}");
}

#[test]
fn a_member_targeting_its_own_structure_is_boxed() {
    let model = load(
        r#", "test#Input": {"type": "structure", "members": {
            "Me": {"target": "test#Input"},
            "Others": {"target": "test#InputList"}
        }},
        "test#InputList": {"type": "list", "member": {"target": "test#Input"}}"#,
    );
    let files = codegen::generate(&model, &options()).unwrap().files;
    let input = file(&files, "src/types/input.rs");
    assert!(input.contains("pub me: Option<Box<Input>>"), "{input}");
    assert!(input.contains("pub others: Option<Vec<Input>>"), "{input}");
}

#[test]
fn a_required_member_targeting_its_own_structure_is_refused() {
    let model = load(
        r#", "test#Input": {"type": "structure", "members": {
            "Me": {"target": "test#Input", "traits": {"smithy.api#required": {}}}
        }}"#,
    );
    assert_eq!(generate_error(&model), "test#Input: a cycle of required members has no finite value: test#Input$Me");
}

#[test]
fn a_structure_that_requires_a_list_of_itself_generates_finite_samples() {
    // The generated tests' samples used to recurse without end through the required list.
    let model = load(
        r#", "test#Input": {"type": "structure", "members": {
            "Children": {"target": "test#InputList", "traits": {"smithy.api#required": {}}},
            "Tag": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}, "smithy.api#sensitive": {}}}
        }},
        "test#InputList": {"type": "list", "member": {"target": "test#Input"}}"#,
    );
    let files = codegen::generate(&model, &options()).unwrap().files;
    assert!(file(&files, "tests/shapes.rs").contains("Children"));
}

#[test]
fn a_union_whose_members_all_lead_back_to_it_is_refused() {
    let model = load(
        r#", "test#Input": {"type": "structure", "members": {"U": {"target": "test#U"}}},
        "test#U": {"type": "union", "members": {
            "Again": {"target": "test#U"},
            "Wrapped": {"target": "test#Wrapper"}
        }},
        "test#Wrapper": {"type": "structure", "members": {
            "U": {"target": "test#U", "traits": {"smithy.api#required": {}}}
        }}"#,
    );
    assert_eq!(
        generate_error(&model),
        "test#U: the union has no finite value: each of its members is a structure or union that contains it again"
    );
}

#[test]
fn a_union_that_is_its_own_first_member_gets_a_finite_sample() {
    let model = load(
        r#", "test#Input": {"type": "structure", "members": {"U": {"target": "test#U"}}},
        "test#U": {"type": "union", "members": {
            "Again": {"target": "test#U"},
            "Leaf": {"target": "smithy.api#String"}
        }}"#,
    );
    let files = codegen::generate(&model, &options()).unwrap().files;
    assert!(file(&files, "tests/shapes.rs").contains("Leaf"));
}

#[test]
fn a_50_mb_documentation_string_is_cut_to_256_kib() {
    let doc = "<p>Paragraph <code>x</code></p>".repeat(50_000_000 / 30);
    let text = model_text(&format!(
        r#", "test#Input": {{"type": "structure", "members": {{"A": {{"target": "smithy.api#String",
            "traits": {{"smithy.api#documentation": {}}}}}}}}}"#,
        serde_json_string(&doc)
    ));
    let model = Model::from_json(&text).unwrap();
    let files = codegen::generate(&model, &options()).unwrap().files;
    let input = file(&files, "src/types/input.rs");
    assert!(input.len() < 1_000_000, "{} bytes", input.len());
    assert!(input.contains("/// *The model's documentation is longer than 256 KiB; the rest is left out.*"));
}

#[test]
fn many_shapes_with_the_same_name_are_named_in_linear_time() {
    // 20,000 structures named `Item` in as many namespaces: each is `<Namespace>Item`, and the
    // clashes that remain are numbered with one counter per name, not by trying 2, 3, ... again.
    let mut shapes = String::from(r#", "test#Input": {"type": "structure", "members": {"#);
    for i in 0..20_000 {
        shapes.push_str(&format!(r#"{}"M{i}": {{"target": "n{i}.same#Item"}}"#, if i == 0 { "" } else { "," }));
    }
    shapes.push_str("}}");
    for i in 0..20_000 {
        shapes.push_str(&format!(r#", "n{i}.same#Item": {{"type": "structure", "members": {{}}}}"#));
    }
    let model = load(&shapes);
    let space = TypeSpace::build(&model, None).unwrap();
    let mut names: Vec<&str> = space.types.iter().map(|t| t.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 20_001);
    assert!(names.contains(&"SameItem") && names.contains(&"SameItem20000"), "{:?}", &names[..3]);
}

fn serde_json_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}
