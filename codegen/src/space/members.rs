//! Members of structures and unions: one record per member, built the same way for both, with
//! every fact the crate needs (names, type, optionality, boxing, constraints, docs, redaction).

use std::collections::{BTreeMap, BTreeSet};

use smithy_model::{Deprecated, Member, Model, Shape, ShapeId};

use super::constraints::{self, Checks, UncheckedPattern};
use super::defaults::DefaultValue;
use super::http::HttpMember;
use super::names::Names;
use super::types::RustType;
use crate::error::Error;
use crate::naming;
use smithy_model::Protocol;

/// Whether a structure member always holds a value, and where it comes from when the wire has
/// none. Decided here once; `Option` fields, `new` parameters and pagination all follow it.
#[derive(Clone, Debug, PartialEq)]
pub enum Presence {
    /// `@required` without a default: a plain field, set by `new`; a missing one reads as the
    /// zero value (client error correction).
    Required,
    /// A model default (never `null`): a plain field holding the default when absent.
    Defaulted(DefaultValue),
    /// Neither: an `Option`, left out when `None`. Union members are all optional.
    Optional,
}

/// A member of a structure (a field) or of a union (a variant).
#[derive(Debug)]
pub struct MemberDef {
    /// The member name in the model.
    pub name: String,
    /// The Rust name, before keyword escaping: a snake_case field or an UpperCamelCase variant.
    pub rust_name: String,
    /// The key on the wire (the member name, or `@jsonName` in restJson1).
    pub wire_name: String,
    /// The value's type, before `Option` and `Box` ([`RustType::Unit`] for union members
    /// targeting `smithy.api#Unit`).
    pub ty: RustType,
    /// Whether the member always holds a value.
    pub presence: Presence,
    /// For an optional member that has a model default (a member of an operation's input, or
    /// `@clientOptional`): the value the service uses when the member is not sent.
    pub service_default: Option<DefaultValue>,
    /// Whether the value is boxed to keep a recursive type finite.
    pub boxed: bool,
    /// What `validate()` checks (`None`: nothing).
    pub checks: Option<Checks>,
    /// The `@pattern`s `validate()` leaves out (the engine cannot use them), for the docs.
    pub unchecked: Vec<UncheckedPattern>,
    /// Documentation of the member (HTML).
    pub docs: Option<String>,
    /// `@deprecated` on the member.
    pub deprecated: Option<Deprecated>,
    /// Whether `Debug` prints a redaction marker instead of the value.
    pub redact: bool,
    /// Where the member goes in an HTTP message (restJson1), its media type and timestamp text.
    pub http: HttpMember,
}

impl MemberDef {
    /// Whether the field is an `Option`.
    pub fn is_optional(&self) -> bool {
        self.presence == Presence::Optional
    }

    /// Whether `new` takes the member (required, without a default).
    pub fn is_required(&self) -> bool {
        self.presence == Presence::Required
    }

    /// The model's default value.
    pub fn default(&self) -> Option<&DefaultValue> {
        match &self.presence {
            Presence::Defaulted(value) => Some(value),
            _ => None,
        }
    }
}

/// What building members needs from the rest of the type space.
pub struct Context<'a> {
    /// The model.
    pub model: &'a Model,
    /// The Rust names of the generated types.
    pub names: &'a Names,
    /// `(shape, member)` pairs that are boxed.
    pub boxed: &'a BTreeSet<(ShapeId, String)>,
    /// Builds the checks of every member.
    pub constraints: &'a mut constraints::Builder,
    /// The service's protocol (it decides wire names).
    pub protocol: Protocol,
}

impl Context<'_> {
    /// The fields of a structure. Two members whose field names fold together are an error
    /// naming both.
    pub fn structure(&mut self, shape: &Shape, members: &[Member]) -> Result<Vec<MemberDef>, Error> {
        let mut out = Vec::new();
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for member in members {
            let field = naming::field_name(&member.name);
            if let Some(first) = seen.insert(field.clone(), &member.name) {
                return Err(Error::invalid(
                    shape.id.to_string(),
                    format!(
                        "members `{first}` and `{}` both become the Rust field `{field}`; rename one of them in the model",
                        member.name
                    ),
                ));
            }
            let mut def = self.member(shape, member, field, Presence::Optional)?;
            // IDL 2.0 repeats a target's default on the member; `@default(null)` removes it.
            let default = match member.traits.default.as_ref().filter(|v| !v.is_null()) {
                Some(default) => {
                    let place = format!("{}${}", shape.id, member.name);
                    Some(DefaultValue::of(default, &def.ty, &place)?)
                }
                None => None,
            };
            // A client leaves a member of an operation's input unset to let the service apply its
            // default, and `@clientOptional` members are optional whatever else they are (the
            // Smithy specification's client nullability rules).
            let client_optional = member.traits.client_optional || (shape.traits.input && default.is_some());
            def.presence = match default {
                _ if client_optional => {
                    def.service_default = default;
                    Presence::Optional
                }
                Some(default) => Presence::Defaulted(default),
                None if member.traits.required => Presence::Required,
                None => Presence::Optional,
            };
            out.push(def);
        }
        Ok(out)
    }

    /// The variants of a union, named after their members (names that fold together get `2`,
    /// `3`, ...).
    pub fn union(&mut self, shape: &Shape, members: &[Member]) -> Result<Vec<MemberDef>, Error> {
        if members.is_empty() {
            return Err(Error::invalid(shape.id.to_string(), "a union needs at least one member"));
        }
        let variants = naming::disambiguate_camel(members.iter().map(|m| naming::variant_name(&m.name)));
        members
            .iter()
            .zip(variants)
            .map(|(member, variant)| self.member(shape, member, variant, Presence::Optional))
            .collect()
    }

    fn member(
        &mut self,
        shape: &Shape,
        member: &Member,
        rust_name: String,
        presence: Presence,
    ) -> Result<MemberDef, Error> {
        let model = self.model;
        let traits = model.effective_traits(member);
        let wire_name = match (&member.traits.json_name, self.protocol.uses_json_name()) {
            (Some(json_name), true) => json_name.clone(),
            _ => member.name.clone(),
        };
        let ty = RustType::of_member(model, self.names, &member.target, &traits)?;
        let (checks, unchecked) = self.constraints.member(model, shape, member, &ty);
        Ok(MemberDef {
            name: member.name.clone(),
            rust_name,
            wire_name,
            ty,
            presence,
            service_default: None,
            boxed: self.boxed.contains(&(shape.id.clone(), member.name.clone())),
            checks,
            unchecked,
            docs: member.traits.documentation.clone(),
            deprecated: member.traits.deprecated.clone(),
            redact: shape.traits.sensitive || constraints::redacted(model, &traits, &member.target),
            http: HttpMember::of(member, &traits, self.protocol == Protocol::RestJson1),
        })
    }
}
