//! Inputs that broke the loader (found by the fuzz targets in `xtask/fuzz` or while measuring
//! limits), kept as regression tests. Each names what used to happen.

use serde_json::{json, Value};
use smithy_model::Model;

fn doc(shapes: Value) -> String {
    json!({ "smithy": "2.0", "shapes": shapes }).to_string()
}

fn err(shapes: Value) -> String {
    match Model::from_json(&doc(shapes)) {
        Ok(_) => panic!("expected the model to be rejected"),
        Err(e) => e.to_string(),
    }
}

/// A list that holds itself made every consumer of the model recurse without end (the
/// generator's type mapping overflowed the stack). Smithy allows recursion only through a
/// structure or union.
#[test]
fn a_list_that_contains_itself_is_rejected() {
    let error = err(json!({"a#L": {"type": "list", "member": {"target": "a#L"}}}));
    assert_eq!(
        error,
        "a#L: lists and maps contain each other without a structure or union in between, so a value never ends: a#L -> a#L"
    );
}

#[test]
fn lists_and_maps_that_contain_each_other_are_rejected() {
    let error = err(json!({
        "a#L": {"type": "list", "member": {"target": "a#M"}},
        "a#M": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "a#N"}},
        "a#N": {"type": "list", "member": {"target": "a#L"}}
    }));
    assert!(error.ends_with("so a value never ends: a#L -> a#M -> a#N -> a#L"), "{error}");
}

#[test]
fn recursion_through_a_structure_or_union_is_fine() {
    Model::from_json(&doc(json!({
        "a#L": {"type": "list", "member": {"target": "a#S"}},
        "a#S": {"type": "structure", "members": {"Children": {"target": "a#L"}}},
        "a#M": {"type": "map", "key": {"target": "smithy.api#String"}, "value": {"target": "a#U"}},
        "a#U": {"type": "union", "members": {"Nested": {"target": "a#M"}, "Leaf": {"target": "smithy.api#String"}}}
    })))
    .unwrap();
}

/// "an union" in messages.
#[test]
fn messages_say_a_union() {
    let error = err(json!({
        "a#Op": {"type": "operation", "input": {"target": "a#U"}},
        "a#U": {"type": "union", "members": {"A": {"target": "smithy.api#String"}}}
    }));
    assert_eq!(error, "a#Op: input: `a#U` must be a structure, but it is a union");
}

/// 100,000 shapes: a chain of lists loads (the cycle check keeps its own stack), and a chain of
/// structures has a closure of every link (`Model::closure` keeps its own stack too).
#[test]
fn chains_of_100_000_shapes_load() {
    let mut shapes = serde_json::Map::new();
    for i in 0..100_000 {
        let next = if i + 1 == 100_000 { "smithy.api#String".to_owned() } else { format!("a#L{}", i + 1) };
        shapes.insert(format!("a#L{i}"), json!({"type": "list", "member": {"target": next}}));
        let next = if i + 1 == 100_000 { "smithy.api#String".to_owned() } else { format!("a#S{}", i + 1) };
        shapes.insert(format!("a#S{i}"), json!({"type": "structure", "members": {"Next": {"target": next}}}));
    }
    let model = Model::from_json(&doc(Value::Object(shapes))).unwrap();
    let root = smithy_model::ShapeId::parse("a#S0").unwrap();
    assert_eq!(model.closure(&root).len(), 100_000 + 1);
}

/// JSON nested deeper than serde_json's limit (128) is a clean error, not a stack overflow.
#[test]
fn json_nested_10_000_levels_deep_is_an_error() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let text =
        format!(r#"{{"smithy": "2.0", "shapes": {{"a#S": {{"type": "structure", "traits": {{"a#t": {deep}}}}}}}}}"#);
    let error = Model::from_json(&text).unwrap_err().to_string();
    assert!(error.contains("recursion limit exceeded"), "{error}");
}

/// Found by the `model_mutations` pipeline (run through `xtask/fuzz/examples/mutation_stats.rs`):
/// errors quoted a megabyte-long name in full.
#[test]
fn errors_about_huge_names_stay_short() {
    let error = err(json!({"a#S": {"type": "x".repeat(1_000_000)}}));
    assert!(error.len() < 1500, "{} bytes", error.len());
    assert!(error.starts_with("a#S: unknown shape type `xxx") && error.contains("characters left out"), "{error}");
}

/// Found by the `model_mutations` pipeline (an enum turned into a structure): a structure
/// member targeting `smithy.api#Unit` failed in the generator with "smithy.api#Unit: no Rust
/// type is generated for this shape", which does not say which member.
#[test]
fn only_union_members_may_target_unit() {
    let error = err(json!({"a#S": {"type": "structure", "members": {"A": {"target": "smithy.api#Unit"}}}}));
    assert_eq!(error, "a#S$A: only union members may target `smithy.api#Unit`, not structure members");
    let error = err(json!({"a#L": {"type": "list", "member": {"target": "smithy.api#Unit"}}}));
    assert_eq!(error, "a#L$member: only union members may target `smithy.api#Unit`, not list members");
    Model::from_json(&doc(json!({"a#U": {"type": "union", "members": {"A": {"target": "smithy.api#Unit"}}}}))).unwrap();
}
