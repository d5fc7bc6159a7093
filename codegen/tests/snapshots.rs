//! Snapshots of the code generated for a few representative Cognito shapes. A change to the
//! generator that changes them shows up here as a readable diff; accept it with
//! `INSTA_UPDATE=always cargo test -p smithy-codegen --test snapshots` (or `cargo insta review`).

use codegen::{GeneratedFile, Options};
use smithy_model::Model;

fn cognito_files() -> Vec<GeneratedFile> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../model/aws/cognito-identity-provider-2016-04-18.json");
    let model = Model::from_file(path).expect("the Cognito model loads");
    let options = Options::new("model/aws/cognito-identity-provider-2016-04-18.json");
    codegen::generate(&model, &options).expect("the Cognito model generates").files
}

fn file<'a>(files: &'a [GeneratedFile], path: &str) -> &'a str {
    &files.iter().find(|f| f.path == path).unwrap_or_else(|| panic!("{path} is not generated")).contents
}

#[test]
fn snapshots_of_representative_shapes() {
    let files = cognito_files();
    for (name, path) in [
        ("GetUserAuthFactorsResponse", "src/types/get_user_auth_factors_response.rs"),
        ("EmailMfaConfigType", "src/types/email_mfa_config_type.rs"),
        ("WebAuthnConfigurationType", "src/types/web_authn_configuration_type.rs"),
        ("UserVerificationType", "src/types/user_verification_type.rs"),
    ] {
        insta::assert_snapshot!(name, file(&files, path));
    }
}

#[test]
fn generation_is_deterministic() {
    assert_eq!(cognito_files(), cognito_files());
}
