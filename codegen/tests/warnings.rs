//! A constraint the generator cannot express never refuses the model: the member is generated
//! without that check, its docs say so, and the generator warns naming the shape and the pattern.

use smithy_model::Model;

/// A service whose input has members with patterns the engine cannot use: an unbalanced group (a
/// broken pattern), a Unicode block (Java reads it; the generated crates carry no block tables)
/// on a list member, and one good pattern beside them.
const MODEL: &str = r#"{
    "smithy": "2.0",
    "shapes": {
        "test#Service": {
            "type": "service",
            "version": "2024-01-01",
            "operations": [{"target": "test#Op"}],
            "traits": {"aws.protocols#awsJson1_1": {}}
        },
        "test#Op": {"type": "operation", "input": {"target": "test#Input"}},
        "test#Input": {"type": "structure", "members": {
            "Broken": {"target": "test#Broken", "traits": {"smithy.api#documentation": "<p>Half a group.</p>"}},
            "AlsoBroken": {"target": "test#Broken"},
            "Greek": {"target": "test#GreekList"},
            "Fine": {"target": "test#Fine"}
        }},
        "test#Broken": {"type": "string", "traits": {"smithy.api#pattern": "(a", "smithy.api#length": {"max": 10}}},
        "test#GreekList": {"type": "list", "member": {
            "target": "smithy.api#String",
            "traits": {"smithy.api#pattern": "^\\p{InGreek}+$"}
        }},
        "test#Fine": {"type": "string", "traits": {"smithy.api#pattern": "^[a-z]+$"}}
    }
}"#;

fn generate() -> codegen::Generated {
    let model = Model::from_json(MODEL).unwrap_or_else(|e| panic!("the test model does not load: {e}"));
    codegen::generate(&model, &codegen::Options::new("warnings.json")).expect("the model generates")
}

fn file<'a>(generated: &'a codegen::Generated, path: &str) -> &'a str {
    &generated.files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("no {path}")).contents
}

#[test]
fn a_pattern_that_cannot_be_used_is_a_warning_naming_the_shape_and_the_pattern() {
    let generated = generate();
    let warnings: Vec<String> = generated.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "test#Broken: the @pattern `(a` is left out of validate(): it cannot be read: an unclosed group at index 2",
            "test#GreekList$member: the @pattern `^\\p{InGreek}+$` is left out of validate(): it cannot be read: the property `\\p{InGreek}` is not supported at index 12",
        ]
    );
}

#[test]
fn the_member_is_generated_without_that_check_and_its_docs_say_so() {
    let generated = generate();
    let patterns = file(&generated, "src/patterns.rs");
    assert!(patterns.contains("static FINE: Pattern"), "{patterns}");
    assert!(!patterns.contains("(a") && !patterns.contains("InGreek"), "{patterns}");
    // The other constraint of the shape is still checked; the list's items have nothing left.
    let constraints = file(&generated, "src/constraints.rs");
    assert!(
        constraints.contains("static BROKEN: Constraints = Constraints::NONE.length(None, Some(10));"),
        "{constraints}"
    );
    let input = file(&generated, "src/types/input.rs");
    assert!(input.contains(r#"broken: "Broken" [BROKEN] =>"#), "{input}");
    assert!(input.contains(r#"fine: "Fine" [FINE] =>"#), "{input}");
    assert!(input.contains(r#"greek: "Greek" =>"#), "{input}");
    let note = "/// Not checked by `validate()`: the `@pattern` `(a` of `test#Broken`, which the generator \
                cannot use (`it cannot be read: an unclosed group at index 2`).";
    assert!(input.contains(&format!("/// Half a group.\n    ///\n    {note}\n    pub broken:")), "{input}");
    assert!(input.contains(&format!("Option<String>,\n    {note}\n    pub also_broken:")), "{input}");
    assert!(
        input.contains("/// Not checked by `validate()`: the `@pattern` `^\\p{InGreek}+$` of `test#GreekList$member`"),
        "{input}"
    );
}
