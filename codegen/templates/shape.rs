//! What every generated structure, union and enum shares, written once: each generated type
//! describes its members (names on the wire, and how each is read and written, see
//! [`crate::wire`]), and the functions here read and write it — in JSON on the wire and
//! through serde — from that description.
//!
//! A structure implements [`Structure`], a union [`Union`] and a string enum [`StringEnum`]; an
//! `intEnum` has its conversions from and to `i32`; one macro line per type
//! (`crate::structure!(Name)`, ...) adds the implementations of `Serialize` and `Deserialize`,
//! and of [`Json`] for unions and enums (every [`Structure`] is [`Json`] through one generic
//! implementation), that call the functions below. The
//! macros are exported (hidden from the docs), so that a crate that has no union does not warn
//! about the union macro. Reading is lenient as the protocols say: unknown members are
//! skipped, and a `null` member is an absent one.
//!
//! Every function written for one type is `#[inline]` (or generic): those of the macros here
//! and the generator's own (`new`, unions' members, `validate_into`, the operations'
//! `write_request`). rustc compiles such a function to machine code only where it is
//! called. Building this crate alone compiles the shared code once, and a project compiles the
//! types and operations it uses, not the whole service (this took the Cognito crate's LLVM IR
//! from 425,000 lines to 52,000 and its build time down by a third; see the README's
//! "Performance").

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct, Serializer};

use crate::json::{self, Field, Fields, Reader, Writer};
use crate::wire::{Format, FormatSeed, Json, OptionSeed, WithFormat};

/// A generated structure.
pub trait Structure: Default {
    /// The structure's name.
    const NAME: &'static str;
    /// The members' names on the wire, in model order.
    const FIELDS: Fields<'static>;
    /// Other names that members are read from, each with the member's wire name (an error's
    /// `Message` for `message`).
    const ALIASES: &'static [(&'static str, &'static str)] = &[];

    /// The index of the member that `name` is another name of.
    fn alias(name: &str) -> Option<usize> {
        let (_, wire) = Self::ALIASES.iter().find(|(alias, _)| *alias == name)?;
        Self::FIELDS.names().iter().position(|n| n == wire)
    }

    /// Reads the member at `index` of `FIELDS` from `r`.
    fn read_field<R: FieldReader>(&mut self, index: usize, r: R) -> Result<(), R::Error>;

    /// Writes every member through `w`, by its index in `FIELDS`.
    fn write_fields<W: FieldWriter>(&self, w: &mut W) -> Result<(), W::Error>;
}

/// Where a member's value is read from.
pub trait FieldReader {
    /// What can go wrong.
    type Error;

    /// Reads a structure member's value in `format` into `slot`; `null` leaves it as it is.
    fn set<T, F: Format<T>>(self, slot: &mut T, format: F) -> Result<(), Self::Error>;

    /// Reads a union member's value in `format`.
    fn value<T, F: Format<T>>(self, format: F) -> Result<T, Self::Error>;
}

/// Where members are written to.
pub trait FieldWriter {
    /// What can go wrong.
    type Error;

    /// Writes the member at `index` in `format` (nothing when the format says it is absent).
    fn field<T, F: Format<T>>(&mut self, index: usize, value: &T, format: F) -> Result<(), Self::Error>;
}

/// A generated union.
pub trait Union: Sized {
    /// The union's name.
    const NAME: &'static str;
    /// The members' names on the wire, in model order.
    const VARIANTS: Fields<'static>;

    /// Reads the member at `index` of `VARIANTS` from `r`.
    fn read_variant<R: FieldReader>(index: usize, r: R) -> Result<Self, R::Error>;

    /// A member this version of the crate does not know, kept as it was received.
    fn unknown(member: String, value: serde_json::Value) -> Self;

    /// Writes the member that is set.
    fn write_variant<W: VariantWriter>(&self, w: &mut W) -> Result<(), W::Error>;
}

/// Where a union's member is written to.
pub trait VariantWriter: FieldWriter {
    /// Writes a member this version of the crate does not know (nothing for an empty name).
    fn unknown(&mut self, member: &str, value: &serde_json::Value) -> Result<(), Self::Error>;
}

/// A generated string enum: the variant of a value on the wire.
pub trait StringEnum {
    /// The variant of `value` (`Unknown` for a value the crate does not know).
    fn of(value: &str) -> Self;
}

/// What `Debug` prints in place of a `@sensitive` value (whether or not it is set, as the
/// official SDK does).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("*** Sensitive Data Redacted ***")
    }
}

/// A field's name as `Debug` prints it: without the `r#` of a raw identifier.
pub fn field_name(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Reads a structure from JSON.
#[inline]
pub fn read_structure<T: Structure>(r: &mut Reader<'_>) -> Result<T, json::Error> {
    read_structure_skipping(r, &[])
}

/// Reads a structure from JSON, leaving the members whose indexes are in `skip` at their
/// defaults (a restJson1 body, whose members bound to headers come from elsewhere).
#[inline]
pub fn read_structure_skipping<T: Structure>(r: &mut Reader<'_>, skip: &[usize]) -> Result<T, json::Error> {
    let mut out = T::default();
    read_members(r, &mut out, skip)?;
    Ok(out)
}

/// Reads a structure from JSON onto the end of `items`, in place (no copy of the value); on an
/// error `items` is left as it was.
#[inline]
pub fn push_structure<T: Structure>(r: &mut Reader<'_>, items: &mut Vec<T>) -> Result<(), json::Error> {
    let at = items.len();
    items.push(T::default());
    let read = read_members(r, &mut items[at], &[]);
    if read.is_err() {
        items.truncate(at);
    }
    read
}

/// Reads a structure's members from JSON into `out`.
#[inline(never)]
fn read_members<T: Structure>(r: &mut Reader<'_>, out: &mut T, skip: &[usize]) -> Result<(), json::Error> {
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, &T::FIELDS)? {
        let index = match field {
            Field::Known(index) => Some(index),
            Field::Unknown(name) => T::alias(&name),
        };
        match index {
            Some(index) if !skip.contains(&index) => out.read_field(index, JsonValue(r))?,
            _ => r.skip()?,
        }
    }
    Ok(())
}

/// Every structure reads and writes JSON through its member table: one implementation for all
/// of them, rather than one per structure from the `structure!` macro (a thousand functions
/// fewer for rustc to check in the Cognito crate).
impl<T: Structure> Json for T {
    #[inline]
    fn read_json(r: &mut Reader<'_>) -> Result<Self, json::Error> {
        read_structure(r)
    }

    #[inline]
    fn push_json(r: &mut Reader<'_>, items: &mut Vec<Self>) -> Result<(), json::Error> {
        push_structure(r, items)
    }

    #[inline]
    fn write_json(&self, w: &mut Writer) {
        write_structure(self, w)
    }
}

/// Writes a structure as JSON.
pub fn write_structure<T: Structure>(value: &T, w: &mut Writer) {
    write_structure_skipping(value, w, &[]);
}

/// Writes a structure as JSON without the members whose indexes are in `skip`.
pub fn write_structure_skipping<T: Structure>(value: &T, w: &mut Writer, skip: &[usize]) {
    w.begin_object();
    let Ok(()) = value.write_fields(&mut JsonFields { w, names: T::FIELDS.names(), skip });
    w.end_object();
}

/// A value read from JSON.
struct JsonValue<'r, 'a>(&'r mut Reader<'a>);

impl FieldReader for JsonValue<'_, '_> {
    type Error = json::Error;

    #[inline(always)]
    fn set<T, F: Format<T>>(self, slot: &mut T, format: F) -> Result<(), json::Error> {
        format.read_member(self.0, slot)
    }

    fn value<T, F: Format<T>>(self, format: F) -> Result<T, json::Error> {
        format.read(self.0)
    }
}

/// Members written as JSON.
struct JsonFields<'w, 'n> {
    w: &'w mut Writer,
    names: &'n [&'n str],
    skip: &'n [usize],
}

impl FieldWriter for JsonFields<'_, '_> {
    type Error = std::convert::Infallible;

    fn field<T, F: Format<T>>(&mut self, index: usize, value: &T, format: F) -> Result<(), Self::Error> {
        if !format.is_absent(value) && !self.skip.contains(&index) {
            self.w.key(self.names[index]);
            format.write(value, self.w);
        }
        Ok(())
    }
}

impl VariantWriter for JsonFields<'_, '_> {
    fn unknown(&mut self, member: &str, value: &serde_json::Value) -> Result<(), Self::Error> {
        if !member.is_empty() {
            self.w.key(member);
            self.w.raw(&value.to_string());
        }
        Ok(())
    }
}

/// Writes a structure through serde, as a struct of its present members.
pub fn serialize_structure<T: Structure, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut count = Count(0);
    let Ok(()) = value.write_fields(&mut count);
    let mut out = SerdeFields { out: serializer.serialize_struct(T::NAME, count.0)?, names: T::FIELDS.names() };
    value.write_fields(&mut out)?;
    out.out.end()
}

/// Counts the members that are present.
struct Count(usize);

impl FieldWriter for Count {
    type Error = std::convert::Infallible;

    fn field<T, F: Format<T>>(&mut self, _index: usize, value: &T, format: F) -> Result<(), Self::Error> {
        self.0 += usize::from(!format.is_absent(value));
        Ok(())
    }
}

/// Members written through serde.
struct SerdeFields<S> {
    out: S,
    names: &'static [&'static str],
}

impl<S: SerializeStruct> FieldWriter for SerdeFields<S> {
    type Error = S::Error;

    fn field<T, F: Format<T>>(&mut self, index: usize, value: &T, format: F) -> Result<(), S::Error> {
        if format.is_absent(value) {
            self.out.skip_field(self.names[index])
        } else {
            self.out.serialize_field(self.names[index], &WithFormat(value, format))
        }
    }
}

/// Reads a structure through serde.
pub fn deserialize_structure<'de, T: Structure, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(StructureVisitor(PhantomData))
}

struct StructureVisitor<T>(PhantomData<T>);

impl<'de, T: Structure> Visitor<'de> for StructureVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the structure `{}`", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut out = T::default();
        while let Some(index) = map.next_key_seed(FieldIndex(T::FIELDS.names(), T::alias))? {
            match index {
                Some(index) => out.read_field(index, SerdeValue(&mut map, PhantomData))?,
                None => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(out)
    }
}

/// A member's index from its name or alias (`None` for a name the type does not know).
struct FieldIndex<'n>(&'n [&'n str], fn(&str) -> Option<usize>);

impl<'de> DeserializeSeed<'de> for FieldIndex<'_> {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<usize>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for FieldIndex<'_> {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Option<usize>, E> {
        Ok(self.0.iter().position(|n| *n == name).or_else(|| (self.1)(name)))
    }
}

/// A member's value read through serde; `null` leaves the member as it is.
struct SerdeValue<'m, 'de, A>(&'m mut A, PhantomData<&'de ()>);

impl<'de, A: MapAccess<'de>> FieldReader for SerdeValue<'_, 'de, A> {
    type Error = A::Error;

    fn set<T, F: Format<T>>(self, slot: &mut T, format: F) -> Result<(), A::Error> {
        if let Some(value) = self.0.next_value_seed(OptionSeed(format, PhantomData))? {
            *slot = value;
        }
        Ok(())
    }

    fn value<T, F: Format<T>>(self, format: F) -> Result<T, A::Error> {
        self.0.next_value_seed(FormatSeed(format, PhantomData))
    }
}

/// Reads a union from JSON: an object with exactly one member (`__type` is ignored, and a
/// `null` member is unset); a member this version does not know is kept.
pub fn read_union<T: Union>(r: &mut Reader<'_>) -> Result<T, json::Error> {
    let start = r.offset();
    let mut found: Option<T> = None;
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, &T::VARIANTS)? {
        let at = r.offset();
        if r.null()? {
            continue;
        }
        let value = match field {
            Field::Known(index) => T::read_variant(index, JsonValue(r))?,
            Field::Unknown(name) if name == "__type" => {
                r.skip()?;
                continue;
            }
            Field::Unknown(name) => {
                let name = name.into_owned();
                let value = <serde_json::Value as Json>::read_json(r)?;
                T::unknown(name, value)
            }
        };
        if found.is_some() {
            return Err(r.error(at, format!("more than one member of the union `{}` is set", T::NAME)));
        }
        found = Some(value);
    }
    found.ok_or_else(|| r.error(start, format!("no member of the union `{}` is set", T::NAME)))
}

/// Writes a union as JSON.
pub fn write_union<T: Union>(value: &T, w: &mut Writer) {
    w.begin_object();
    let Ok(()) = value.write_variant(&mut JsonFields { w, names: T::VARIANTS.names(), skip: &[] });
    w.end_object();
}

/// Writes a union through serde, as a map with its one member.
pub fn serialize_union<T: Union, S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut out = SerdeMap { out: serializer.serialize_map(None)?, names: T::VARIANTS.names() };
    value.write_variant(&mut out)?;
    out.out.end()
}

/// Members written through serde as map entries.
struct SerdeMap<S> {
    out: S,
    names: &'static [&'static str],
}

impl<S: SerializeMap> FieldWriter for SerdeMap<S> {
    type Error = S::Error;

    fn field<T, F: Format<T>>(&mut self, index: usize, value: &T, format: F) -> Result<(), S::Error> {
        self.out.serialize_entry(self.names[index], &WithFormat(value, format))
    }
}

impl<S: SerializeMap> VariantWriter for SerdeMap<S> {
    fn unknown(&mut self, member: &str, value: &serde_json::Value) -> Result<(), S::Error> {
        if member.is_empty() {
            return Ok(());
        }
        self.out.serialize_entry(member, value)
    }
}

/// Reads a union through serde.
pub fn deserialize_union<'de, T: Union, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(UnionVisitor(PhantomData))
}

struct UnionVisitor<T>(PhantomData<T>);

impl<'de, T: Union> Visitor<'de> for UnionVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the union `{}`: an object with exactly one member", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut found: Option<T> = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let value = match T::VARIANTS.names().iter().position(|n| *n == key) {
                Some(index) => map.next_value_seed(OptionSeed(VariantFormat::<T>(index, PhantomData), PhantomData))?,
                None if key == "__type" => {
                    map.next_value::<de::IgnoredAny>()?;
                    continue;
                }
                None => map.next_value::<Option<serde_json::Value>>()?.map(|value| T::unknown(key.into_owned(), value)),
            };
            if value.is_some() && found.is_some() {
                return Err(de::Error::custom(format!("more than one member of the union `{}` is set", T::NAME)));
            }
            found = found.or(value);
        }
        found.ok_or_else(|| de::Error::custom(format!("no member of the union `{}` is set", T::NAME)))
    }
}

/// Reads the union member at an index through serde (as the format of a map value).
struct VariantFormat<T>(usize, PhantomData<T>);

impl<T> Clone for VariantFormat<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for VariantFormat<T> {}

impl<T: Union> Format<T> for VariantFormat<T> {
    fn read(self, r: &mut Reader<'_>) -> Result<T, json::Error> {
        T::read_variant(self.0, JsonValue(r))
    }

    fn write(self, _value: &T, _w: &mut Writer) {}

    fn serialize<S: Serializer>(self, _value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }

    fn deserialize<'de, D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read_variant(self.0, SerdeDeserializer(deserializer, PhantomData))
    }
}

/// A value read through a serde deserializer.
struct SerdeDeserializer<'de, D>(D, PhantomData<&'de ()>);

impl<'de, D: Deserializer<'de>> FieldReader for SerdeDeserializer<'de, D> {
    type Error = D::Error;

    fn set<T, F: Format<T>>(self, slot: &mut T, format: F) -> Result<(), D::Error> {
        *slot = format.deserialize(self.0)?;
        Ok(())
    }

    fn value<T, F: Format<T>>(self, format: F) -> Result<T, D::Error> {
        format.deserialize(self.0)
    }
}

/// Reads a string enum from JSON without allocating for known values.
pub fn read_string_enum<T: StringEnum>(r: &mut Reader<'_>) -> Result<T, json::Error> {
    r.str().map(|value| T::of(&value))
}

/// Reads a string enum through serde.
pub fn deserialize_string_enum<'de, T: StringEnum, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    struct EnumVisitor<T>(PhantomData<T>);

    impl<T: StringEnum> Visitor<'_> for EnumVisitor<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            Ok(T::of(v))
        }
    }

    deserializer.deserialize_str(EnumVisitor(PhantomData))
}

/// A structure's description and the implementations every generated structure shares: each
/// member as `field: "WireName" => format`, in model order, with `| "Alias"` after the wire name
/// for another name it is read from, `[CONSTRAINTS]` (a constant of the `constraints` module) or
/// `[]` (checked by its own type only) after it when `validate()` checks the member, and
/// `#[sensitive]` before a member whose value `Debug` must not print. This implements
/// [`Structure`] (and so `Json`), `Debug`, `Validate` (with the `validate` feature: its provided
/// `validate()` checks the value), and `Serialize` and `Deserialize` through [`Structure`].
#[doc(hidden)]
#[macro_export]
macro_rules! structure {
    (@serde $name:ident) => {
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::shape::serialize_structure(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                $crate::shape::deserialize_structure(deserializer)
            }
        }
    };
    ($name:ident {}) => {
        #[cfg(feature = "validate")]
        impl $crate::validate::Validate for $name {
            #[inline]
            fn validate_into(&self, _: &mut $crate::validate::Validator) {}
        }

        impl ::core::fmt::Debug for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(stringify!($name))
            }
        }

        impl $crate::shape::Structure for $name {
            const NAME: &'static str = stringify!($name);
            const FIELDS: $crate::json::Fields<'static> = $crate::json::Fields::new(&[]);

            fn read_field<R: $crate::shape::FieldReader>(&mut self, _: usize, _: R) -> ::core::result::Result<(), R::Error> {
                ::core::result::Result::Ok(())
            }

            fn write_fields<W: $crate::shape::FieldWriter>(&self, _: &mut W) -> ::core::result::Result<(), W::Error> {
                ::core::result::Result::Ok(())
            }
        }

        $crate::structure!(@serde $name);
    };
    (@debug #[sensitive] $value:expr) => {
        &$crate::shape::Redacted
    };
    (@debug $value:expr) => {
        &$value
    };
    (@constraints) => {
        &$crate::validate::Constraints::NONE
    };
    (@constraints $constraints:ident) => {
        &$crate::constraints::$constraints
    };
    (
        $name:ident {
            $(
                $(#[$sensitive:ident])?
                $field:ident: $wire:literal $(| $alias:literal)? $([$($constraints:ident)?])? => $format:expr
            ),* $(,)?
        }
    ) => {
        #[cfg(feature = "validate")]
        impl $crate::validate::Validate for $name {
            #[inline]
            fn validate_into(&self, v: &mut $crate::validate::Validator) {
                $($(
                    v.member($wire, &self.$field, $crate::structure!(@constraints $($constraints)?));
                )?)*
                let _ = v;
            }
        }

        impl ::core::fmt::Debug for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.debug_struct(stringify!($name))
                    $(.field(
                        $crate::shape::field_name(stringify!($field)),
                        $crate::structure!(@debug $(#[$sensitive])? self.$field),
                    ))*
                    .finish()
            }
        }

        impl $crate::shape::Structure for $name {
            const NAME: &'static str = stringify!($name);
            const FIELDS: $crate::json::Fields<'static> = $crate::json::Fields::new(&[$($wire),*]);
            const ALIASES: &'static [(&'static str, &'static str)] = &[$($(($alias, $wire),)?)*];

            #[inline]
            fn read_field<R: $crate::shape::FieldReader>(
                &mut self,
                index: usize,
                r: R,
            ) -> ::core::result::Result<(), R::Error> {
                let mut at = 0;
                $(
                    if index == at {
                        return r.set(&mut self.$field, $format);
                    }
                    at += 1;
                )*
                let _ = (at, r);
                ::core::result::Result::Ok(())
            }

            fn write_fields<W: $crate::shape::FieldWriter>(&self, w: &mut W) -> ::core::result::Result<(), W::Error> {
                let mut at = 0;
                $(
                    w.field(at, &self.$field, $format)?;
                    at += 1;
                )*
                let _ = (at, w);
                ::core::result::Result::Ok(())
            }
        }

        $crate::structure!(@serde $name);
    };
}

/// The `with_*` setters of a structure's optional members: `with_field(field: Type)` sets `field`
/// to `Some(value.into())` and returns the structure, so that a value is built in one
/// expression.
#[doc(hidden)]
#[macro_export]
macro_rules! setters {
    ($name:ident { $($setter:ident($field:ident: $ty:ty)),* $(,)? }) => {
        impl $name {
            $(
                #[doc = concat!("Sets `", stringify!($field), "`.")]
                pub fn $setter(mut self, value: impl ::core::convert::Into<$ty>) -> Self {
                    self.$field = ::core::option::Option::Some(value.into());
                    self
                }
            )*
        }
    };
}

/// The implementations every generated union shares: `Json`, `Serialize`, `Deserialize`, and
/// `Default` (the empty `Unknown` value, written as `{}`: what a required member that is missing
/// reads as).
#[doc(hidden)]
#[macro_export]
macro_rules! union {
    ($name:ident) => {
        impl $crate::wire::Json for $name {
            #[inline]
            fn read_json(r: &mut $crate::json::Reader<'_>) -> ::core::result::Result<Self, $crate::json::Error> {
                $crate::shape::read_union(r)
            }

            #[inline]
            fn write_json(&self, w: &mut $crate::json::Writer) {
                $crate::shape::write_union(self, w)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::shape::serialize_union(self, serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                $crate::shape::deserialize_union(deserializer)
            }
        }

        impl ::core::default::Default for $name {
            #[inline]
            fn default() -> Self {
                <Self as $crate::shape::Union>::unknown(::std::string::String::new(), ::serde_json::Value::Null)
            }
        }
    };
}

/// A generated string enum, declared once: the enum with one variant per known value and
/// `Unknown(String)` for the values added later, `VALUES`, `as_str`, the conversions from and
/// to text, `Default` (the empty `Unknown` value), `Display`, `Json`, `Serialize` and
/// `Deserialize`.
///
/// ```text
/// string_enum! {
///     /// The enum's documentation.
///     #[derive(Debug)]
///     pub enum Name {
///         /// `VALUE`
///         Variant = "VALUE",
///     }
/// }
/// ```
#[doc(hidden)]
#[macro_export]
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $value:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
            /// A value that this version of the crate does not know, kept exactly as received. Do
            /// not match on it: a later version may add the value as a variant of its own.
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every value this version of the crate knows, in model order.
            pub const VALUES: &'static [&'static str] = &[$($value),*];

            /// The value as it is written on the wire.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Unknown(value) => value,
                }
            }

            /// Whether the value is one this version of the crate knows (not `Unknown`).
            #[inline]
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        #[cfg(feature = "validate")]
        impl $crate::validate::Check for $name {
            #[inline]
            fn check(&self, constraints: &$crate::validate::Constraints, validator: &mut $crate::validate::Validator) {
                validator.enum_value(self.as_str(), self.is_known(), constraints);
            }
        }

        impl $crate::shape::StringEnum for $name {
            #[inline]
            fn of(value: &str) -> Self {
                match value {
                    $($value => Self::$variant,)*
                    other => Self::Unknown(other.to_owned()),
                }
            }
        }

        impl ::core::default::Default for $name {
            #[inline]
            fn default() -> Self {
                Self::Unknown(::std::string::String::new())
            }
        }

        impl ::core::convert::From<&str> for $name {
            #[inline]
            fn from(value: &str) -> Self {
                <Self as $crate::shape::StringEnum>::of(value)
            }
        }

        impl ::core::convert::From<::std::string::String> for $name {
            #[inline]
            fn from(value: ::std::string::String) -> Self {
                <Self as $crate::shape::StringEnum>::of(&value)
            }
        }

        impl ::core::str::FromStr for $name {
            type Err = ::core::convert::Infallible;

            #[inline]
            fn from_str(value: &str) -> ::core::result::Result<Self, Self::Err> {
                ::core::result::Result::Ok(<Self as $crate::shape::StringEnum>::of(value))
            }
        }

        impl ::core::convert::AsRef<str> for $name {
            #[inline]
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::wire::Json for $name {
            #[inline]
            fn read_json(r: &mut $crate::json::Reader<'_>) -> ::core::result::Result<Self, $crate::json::Error> {
                $crate::shape::read_string_enum(r)
            }

            #[inline]
            fn write_json(&self, w: &mut $crate::json::Writer) {
                w.string(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                $crate::shape::deserialize_string_enum(deserializer)
            }
        }
    };
}

/// A generated `intEnum`, declared once: the enum with one variant per known number and
/// `Unknown(i32)` for the numbers added later, `VALUES`, `as_i32`, the conversions from and to
/// `i32`, `Default` (the value 0, `Unknown(0)` unless 0 is known: what a required member that is
/// missing reads as), `Display`, `Json`, `Serialize` and `Deserialize`. Written like
/// [`string_enum!`], with numbers for the values.
#[doc(hidden)]
#[macro_export]
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident = $value:expr,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($(#[$variant_meta])* $variant,)*
            /// A number that this version of the crate does not know, kept exactly as received.
            /// Do not match on it: a later version may add the number as a variant of its own.
            Unknown(i32),
        }

        impl $name {
            /// Every number this version of the crate knows, in model order.
            pub const VALUES: &'static [i32] = &[$($value),*];

            /// The number as it is written on the wire.
            #[inline]
            pub fn as_i32(self) -> i32 {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Unknown(value) => value,
                }
            }
        }

        impl ::core::convert::From<i32> for $name {
            #[inline]
            fn from(value: i32) -> Self {
                $(if value == $value {
                    return Self::$variant;
                })*
                Self::Unknown(value)
            }
        }

        #[cfg(feature = "validate")]
        impl $crate::validate::Check for $name {
            #[inline]
            fn check(&self, constraints: &$crate::validate::Constraints, validator: &mut $crate::validate::Validator) {
                validator.int_enum_value(self.as_i32(), self.is_known(), constraints);
            }
        }

        impl ::core::convert::From<$name> for i32 {
            #[inline]
            fn from(value: $name) -> i32 {
                value.as_i32()
            }
        }

        impl $name {
            /// Whether the value is one this version of the crate knows (not `Unknown`).
            #[inline]
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl ::core::default::Default for $name {
            #[inline]
            fn default() -> Self {
                Self::from(0)
            }
        }

        impl ::core::fmt::Display for $name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.as_i32(), f)
            }
        }

        impl $crate::wire::Json for $name {
            #[inline]
            fn read_json(r: &mut $crate::json::Reader<'_>) -> ::core::result::Result<Self, $crate::json::Error> {
                r.i32().map(Self::from)
            }

            #[inline]
            fn write_json(&self, w: &mut $crate::json::Writer) {
                w.i64(::core::primitive::i64::from(self.as_i32()))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.as_i32())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                <::core::primitive::i32 as ::serde::Deserialize>::deserialize(deserializer).map(Self::from)
            }
        }
    };
}
