//! Every Rust name the generator emits is decided here: types, fields, variants, files.
//!
//! Rules (documented for users in the README):
//! - a shape keeps its name (`GetUserAuthFactorsResponse`); the service's `rename` wins;
//! - a member becomes a snake_case field (`UserMFASettingList` → `user_mfa_setting_list`);
//!   Rust keywords become raw identifiers (`r#type`), except those that cannot be raw
//!   (`self`, `Self`, `super`, `crate`), which get a `_` suffix (`self_`);
//! - an enum value becomes an UpperCamelCase variant from its member name (or its value when
//!   there is no name); a name that starts with a digit gets a `V` prefix (`V2021`), one with no
//!   letters or digits becomes `Empty`, and values that fold to the same variant get `2`, `3`
//!   suffixes in model order;
//! - the file of a type is its snake_case name; clashes get `_2`, `_3` in shape-ID order.

use heck::{ToSnakeCase, ToUpperCamelCase};
use proc_macro2::{Ident, Span};

/// Rust's strict and reserved keywords (2021 edition), which need `r#` or a suffix.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self",
    "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "abstract", "become",
    "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Names of std items the generated code uses; a shape with one of these names forces the
/// generated code to spell the std item by its full path.
pub const STD_NAMES: &[&str] = &["String", "Vec", "Option", "Box", "HashMap", "Result", "Default"];

/// Makes an identifier from text that is already a valid Rust name, escaping keywords.
pub fn ident(name: &str) -> Ident {
    if NOT_RAW.contains(&name) {
        Ident::new(&format!("{name}_"), Span::call_site())
    } else if KEYWORDS.contains(&name) {
        Ident::new_raw(name, Span::call_site())
    } else {
        Ident::new(name, Span::call_site())
    }
}

/// The Rust type name of a shape: its Smithy name, made a valid non-keyword identifier.
pub fn type_name(shape_name: &str) -> String {
    if shape_name == "Self" {
        "SelfShape".to_owned()
    } else if KEYWORDS.contains(&shape_name) || NOT_RAW.contains(&shape_name) {
        format!("{shape_name}_")
    } else {
        shape_name.to_owned()
    }
}

/// Whether a type name follows Rust's UpperCamelCase convention (else the generated type
/// carries `#[allow(non_camel_case_types)]`, keeping the model's name).
pub fn is_upper_camel(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_uppercase()) && !name.contains('_')
}

/// The name of a shape whose name is taken by a shape of the service's own namespace: the
/// UpperCamelCase last segment of its namespace, then its name (`other.ns#Foo` → `NsFoo`).
pub fn foreign_type_name(namespace: &str, shape_name: &str) -> String {
    let segment = namespace.rsplit('.').next().unwrap_or(namespace).to_upper_camel_case();
    // A segment such as `_1` has no letter to start a type name with.
    let segment = if segment.starts_with(|c: char| c.is_ascii_digit()) { format!("Ns{segment}") } else { segment };
    format!("{segment}{}", type_name(shape_name))
}

/// The field name of a structure member (before keyword escaping, see [`ident`]).
pub fn field_name(member_name: &str) -> String {
    let snake = plural_acronyms(member_name).to_snake_case();
    if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("m_{snake}")
    } else {
        snake
    }
}

/// A plural acronym (`URLs`, `ARNs`) is one word: its `s` is capitalised so that snake_case
/// gives `callback_urls`, not `callback_ur_ls`.
fn plural_acronyms(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len());
    for (i, &c) in chars.iter().enumerate() {
        let acronym_before = i >= 2 && chars[i - 1].is_ascii_uppercase() && chars[i - 2].is_ascii_uppercase();
        let word_ends = chars.get(i + 1).is_none_or(|next| !next.is_ascii_lowercase());
        out.push(if c == 's' && acronym_before && word_ends { 'S' } else { c });
    }
    out
}

/// The variant name of an enum value or union member, without disambiguation.
pub fn variant_name(name: &str) -> String {
    // Values of Smithy 1.0 `@enum`s are any text: keep only what a Rust identifier may hold.
    let camel: String =
        name.to_upper_camel_case().chars().filter(|&c| c.is_ascii_alphanumeric() || continues_ident(c)).collect();
    let starts_ident = camel.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || starts_ident(c));
    if camel.is_empty() {
        "Empty".to_owned()
    } else if !starts_ident {
        format!("V{camel}")
    } else if camel == "Unknown" || camel == "Self" {
        // `Unknown` is the fallback variant of every generated enum and union.
        format!("{camel}Value")
    } else {
        camel
    }
}

/// The Cargo package name for a service: `<sdk-id>-types`, from the `sdkId` (`Cognito Identity
/// Provider` → `cognito-identity-provider-types`) or the service shape's name. Anything but
/// ASCII letters and digits becomes `-`, so that the library name (`-` → `_`) is a Rust
/// identifier; a name that would start with a digit gets `service-` in front.
pub fn package_name(sdk_id_or_service: &str) -> String {
    let mut name = String::new();
    for c in sdk_id_or_service.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    match name.chars().next() {
        None => "service-types".to_owned(),
        Some(c) if c.is_ascii_digit() => format!("service-{name}-types"),
        Some(_) => format!("{name}-types"),
    }
}

/// Whether a non-ASCII character may continue a Rust identifier (Unicode `XID_Continue`).
fn continues_ident(c: char) -> bool {
    !c.is_ascii() && syn::parse_str::<syn::Ident>(&format!("a{c}")).is_ok()
}

/// Whether a non-ASCII character may start a Rust identifier (Unicode `XID_Start`).
fn starts_ident(c: char) -> bool {
    !c.is_ascii() && syn::parse_str::<syn::Ident>(&c.to_string()).is_ok()
}

/// The file (module) name of a type, without disambiguation.
pub fn module_name(type_name: &str) -> String {
    let snake = type_name.to_snake_case();
    if snake.is_empty() || snake.starts_with(|c: char| c.is_ascii_digit()) {
        // `__` and `_1` are shape names, but `` and `1` are not module names.
        format!("m_{snake}")
    } else if KEYWORDS.contains(&snake.as_str()) || NOT_RAW.contains(&snake.as_str()) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// Gives each name in order a unique spelling: later duplicates get `_2`, `_3`, ...
pub fn disambiguate(names: impl IntoIterator<Item = String>) -> Vec<String> {
    disambiguate_with(names, "_")
}

/// Like [`disambiguate`] for UpperCamelCase names, which take `2`, `3`, ... without `_`.
pub fn disambiguate_camel(names: impl IntoIterator<Item = String>) -> Vec<String> {
    disambiguate_with(names, "")
}

fn disambiguate_with(names: impl IntoIterator<Item = String>, separator: &str) -> Vec<String> {
    let mut taken = std::collections::BTreeSet::new();
    // The next suffix to try for each name: the ones below it are taken, so that 100,000 equal
    // names take linear time, not quadratic.
    let mut next_suffix: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    names
        .into_iter()
        .map(|name| {
            let mut candidate = name.clone();
            let n = next_suffix.entry(name.clone()).or_insert(2);
            while !taken.insert(candidate.clone()) {
                candidate = format!("{name}{separator}{n}");
                *n += 1;
            }
            candidate
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_snake_case() {
        assert_eq!(field_name("UserMFASettingList"), "user_mfa_setting_list");
        assert_eq!(field_name("Username"), "username");
        assert_eq!(field_name("SMSMfaSettings"), "sms_mfa_settings");
        assert_eq!(field_name("message"), "message");
        assert_eq!(field_name("CallbackURLs"), "callback_urls");
        assert_eq!(field_name("LogoutURLs"), "logout_urls");
        assert_eq!(field_name("ARNsToKeep"), "arns_to_keep");
        assert_eq!(field_name("AllowedOAuthFlows"), "allowed_o_auth_flows");
        assert_eq!(field_name("IdPs"), "id_ps");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(ident(&field_name("Type")).to_string(), "r#type");
        assert_eq!(ident(&field_name("Match")).to_string(), "r#match");
        assert_eq!(ident(&field_name("Self")).to_string(), "self_");
        assert_eq!(ident(&field_name("async")).to_string(), "r#async");
        assert_eq!(type_name("Self"), "SelfShape");
        assert_eq!(type_name("type"), "type_");
    }

    #[test]
    fn variants_are_upper_camel_case() {
        assert_eq!(variant_name("ADMIN_NO_SRP_AUTH"), "AdminNoSrpAuth");
        assert_eq!(variant_name("2021-01-01"), "V20210101");
        assert_eq!(variant_name("aws.cognito.signin.user.admin"), "AwsCognitoSigninUserAdmin");
        assert_eq!(variant_name("---"), "Empty");
        assert_eq!(variant_name("UNKNOWN"), "UnknownValue");
        // `@enum` values that are no identifier.
        assert_eq!(variant_name("٣"), "V٣");
        assert_eq!(variant_name("🎉"), "Empty");
        assert_eq!(variant_name("Ωmega"), "Ωmega");
        assert_eq!(variant_name("\u{301}accent"), "Accent");
        assert_eq!(foreign_type_name("a._1", "Foo"), "Ns1Foo");
    }

    #[test]
    fn package_names_are_cargo_names_whose_library_is_an_identifier() {
        assert_eq!(package_name("Cognito Identity Provider"), "cognito-identity-provider-types");
        assert_eq!(package_name("cognito-identity-provider"), "cognito-identity-provider-types");
        // Found by the `model_bytes` fuzz target: an `sdkId` with `/` and `.`.
        assert_eq!(package_name("Restests/examples.rst Notes"), "restests-examples-rst-notes-types");
        assert_eq!(package_name("  Über  Service__2 "), "ber-service-2-types");
        assert_eq!(package_name("3D Things"), "service-3d-things-types");
        assert_eq!(package_name("---"), "service-types");
        assert_eq!(package_name(""), "service-types");
    }

    #[test]
    fn duplicates_get_numbered_suffixes() {
        let names = ["a", "b", "a", "a"].map(String::from);
        assert_eq!(disambiguate(names), ["a", "b", "a_2", "a_3"]);
        let variants = ["A", "A", "A2"].map(String::from);
        assert_eq!(disambiguate_camel(variants), ["A", "A2", "A22"]);
        assert_eq!(foreign_type_name("com.example.other", "Foo"), "OtherFoo");
        let many = disambiguate(std::iter::repeat_n("a".to_owned(), 5).chain(["a_3".to_owned(), "a".to_owned()]));
        assert_eq!(many, ["a", "a_2", "a_3", "a_4", "a_5", "a_3_2", "a_6"]);
    }
}
