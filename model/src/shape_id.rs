//! Smithy shape IDs: `namespace#Name` and `namespace#Name$member`.

use std::fmt;

/// An absolute Smithy shape ID such as `com.amazonaws.cognitoidentityprovider#UserType`.
///
/// Member IDs (`...#Shape$member`) are not shape IDs of their own in this crate: members are
/// addressed through their containing shape.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId {
    namespace: String,
    name: String,
}

impl ShapeId {
    /// Parses an absolute shape ID. Returns a description of the problem on failure.
    pub fn parse(text: &str) -> Result<ShapeId, String> {
        let (namespace, name) =
            text.split_once('#').ok_or_else(|| format!("shape ID `{text}` has no `#` between namespace and name"))?;
        if name.contains('$') {
            return Err(format!("`{text}` is a member ID, not a shape ID"));
        }
        if namespace.is_empty() || !namespace.split('.').all(is_identifier) {
            return Err(format!("shape ID `{text}` has a malformed namespace `{namespace}`"));
        }
        if !is_identifier(name) {
            return Err(format!("shape ID `{text}` has a malformed name `{name}`"));
        }
        Ok(ShapeId { namespace: namespace.to_owned(), name: name.to_owned() })
    }

    /// Builds the ID of a shape of the Smithy prelude (`smithy.api#Name`).
    pub fn prelude(name: &str) -> ShapeId {
        ShapeId { namespace: crate::prelude::NAMESPACE.to_owned(), name: name.to_owned() }
    }

    /// The namespace, e.g. `com.amazonaws.cognitoidentityprovider`.
    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    /// The shape's name, e.g. `UserType`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether this ID is `smithy.api#Unit`, the prelude's "no value" structure.
    pub fn is_unit(&self) -> bool {
        self.namespace == crate::prelude::NAMESPACE && self.name == "Unit"
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.namespace, self.name)
    }
}

/// A Smithy identifier: a letter or `_` first, then letters, digits and `_`, not `_` alone.
pub(crate) fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_ascii_alphabetic() || c == '_' => {}
        _ => return false,
    }
    text != "_" && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_well_formed_ids() {
        let id = ShapeId::parse("com.amazonaws.cognitoidentityprovider#UserType").unwrap();
        assert_eq!(id.namespace(), "com.amazonaws.cognitoidentityprovider");
        assert_eq!(id.name(), "UserType");
        assert_eq!(id.to_string(), "com.amazonaws.cognitoidentityprovider#UserType");
    }

    #[test]
    fn rejects_malformed_ids() {
        for bad in ["UserType", "#UserType", "ns#", "ns..a#X", "ns#1X", "ns#A$b", "n s#X", "ns#_"] {
            assert!(ShapeId::parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
