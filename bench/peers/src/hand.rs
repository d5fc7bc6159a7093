//! `ListUsersResponse` and `AdminGetUserResponse` read and written through `json::Reader` and
//! `json::Writer`, written by hand exactly as the generator is to emit it: one small function per
//! structure (an object, a loop over `next_field`, a `match` on the member's index in model
//! order), one per list (capacity hint, `null` items skipped), enums through `From<&str>`,
//! optional members `None` on `null`, timestamps through `epoch_seconds`.

use cognito_identity_provider_types::{
    AdminGetUserResponse, AttributeType, DeliveryMediumType, ListUsersResponse, MFAOptionType, UserStatusType, UserType,
};
use time::OffsetDateTime;

use crate::json::{Error, Field, Fields, Reader, Writer};

/// The first allocation of a list: lists of structures rarely have fewer items than this, and
/// starting here saves the 4 → 8 growth of the usual case (8 attributes per user).
pub const LIST_CAPACITY: usize = 8;

/// Reads a whole `ListUsers` body.
pub fn read_list_users(body: &[u8]) -> Result<ListUsersResponse, Error> {
    let mut r = Reader::new(body)?;
    let value = read_list_users_response(&mut r)?;
    r.finish()?;
    Ok(value)
}

/// Reads a whole `AdminGetUser` body.
pub fn read_admin_get_user(body: &[u8]) -> Result<AdminGetUserResponse, Error> {
    let mut r = Reader::new(body)?;
    let value = read_admin_get_user_response(&mut r)?;
    r.finish()?;
    Ok(value)
}

const LIST_USERS_RESPONSE: Fields = Fields::new(&["Users", "PaginationToken"]);

fn read_list_users_response(r: &mut Reader<'_>) -> Result<ListUsersResponse, Error> {
    let mut out = ListUsersResponse::default();
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, &LIST_USERS_RESPONSE)? {
        match field {
            Field::Known(0) => out.users = r.option(read_users_list_type)?,
            Field::Known(1) => out.pagination_token = r.option(Reader::string)?,
            _ => r.skip()?,
        }
    }
    Ok(out)
}

fn read_users_list_type(r: &mut Reader<'_>) -> Result<Vec<UserType>, Error> {
    let mut items = Vec::with_capacity(LIST_CAPACITY);
    let mut array = r.array()?;
    while r.next_item(&mut array)? {
        if r.null()? {
            continue;
        }
        items.push(read_user_type(r)?);
    }
    Ok(items)
}

const USER_TYPE: Fields = Fields::new(&[
    "Username",
    "Attributes",
    "UserCreateDate",
    "UserLastModifiedDate",
    "Enabled",
    "UserStatus",
    "MFAOptions",
]);

fn read_user_type(r: &mut Reader<'_>) -> Result<UserType, Error> {
    let mut out = UserType::default();
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, &USER_TYPE)? {
        match field {
            Field::Known(0) => out.username = r.option(Reader::string)?,
            Field::Known(1) => out.attributes = r.option(read_attribute_list_type)?,
            Field::Known(2) => out.user_create_date = r.option(read_epoch_seconds)?,
            Field::Known(3) => out.user_last_modified_date = r.option(read_epoch_seconds)?,
            Field::Known(4) => out.enabled = r.bool()?,
            Field::Known(5) => out.user_status = r.option(|r| Ok(UserStatusType::from(&*r.str()?)))?,
            Field::Known(6) => out.mfa_options = r.option(read_mfa_option_list_type)?,
            _ => r.skip()?,
        }
    }
    Ok(out)
}

fn read_attribute_list_type(r: &mut Reader<'_>) -> Result<Vec<AttributeType>, Error> {
    let mut items = Vec::with_capacity(LIST_CAPACITY);
    let mut array = r.array()?;
    while r.next_item(&mut array)? {
        if r.null()? {
            continue;
        }
        items.push(read_attribute_type(r)?);
    }
    Ok(items)
}

const ATTRIBUTE_TYPE: Fields = Fields::new(&["Name", "Value"]);

fn read_attribute_type(r: &mut Reader<'_>) -> Result<AttributeType, Error> {
    let mut out = AttributeType::default();
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, &ATTRIBUTE_TYPE)? {
        match field {
            Field::Known(0) => out.name = r.string()?,
            Field::Known(1) => out.value = r.option(Reader::string)?,
            _ => r.skip()?,
        }
    }
    Ok(out)
}

fn read_mfa_option_list_type(r: &mut Reader<'_>) -> Result<Vec<MFAOptionType>, Error> {
    let mut items = Vec::with_capacity(LIST_CAPACITY);
    let mut array = r.array()?;
    while r.next_item(&mut array)? {
        if r.null()? {
            continue;
        }
        items.push(read_mfa_option_type(r)?);
    }
    Ok(items)
}

const MFA_OPTION_TYPE: Fields = Fields::new(&["DeliveryMedium", "AttributeName"]);

fn read_mfa_option_type(r: &mut Reader<'_>) -> Result<MFAOptionType, Error> {
    let mut out = MFAOptionType::default();
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, &MFA_OPTION_TYPE)? {
        match field {
            Field::Known(0) => out.delivery_medium = r.option(|r| Ok(DeliveryMediumType::from(&*r.str()?)))?,
            Field::Known(1) => out.attribute_name = r.option(Reader::string)?,
            _ => r.skip()?,
        }
    }
    Ok(out)
}

const ADMIN_GET_USER_RESPONSE: Fields = Fields::new(&[
    "Username",
    "UserAttributes",
    "UserCreateDate",
    "UserLastModifiedDate",
    "Enabled",
    "UserStatus",
    "MFAOptions",
    "PreferredMfaSetting",
    "UserMFASettingList",
]);

fn read_admin_get_user_response(r: &mut Reader<'_>) -> Result<AdminGetUserResponse, Error> {
    let mut out = AdminGetUserResponse::default();
    let mut object = r.object()?;
    while let Some(field) = r.next_field(&mut object, &ADMIN_GET_USER_RESPONSE)? {
        match field {
            Field::Known(0) => out.username = r.string()?,
            Field::Known(1) => out.user_attributes = r.option(read_attribute_list_type)?,
            Field::Known(2) => out.user_create_date = r.option(read_epoch_seconds)?,
            Field::Known(3) => out.user_last_modified_date = r.option(read_epoch_seconds)?,
            Field::Known(4) => out.enabled = r.bool()?,
            Field::Known(5) => out.user_status = r.option(|r| Ok(UserStatusType::from(&*r.str()?)))?,
            Field::Known(6) => out.mfa_options = r.option(read_mfa_option_list_type)?,
            Field::Known(7) => out.preferred_mfa_setting = r.option(Reader::string)?,
            Field::Known(8) => out.user_mfa_setting_list = r.option(read_user_mfa_setting_list_type)?,
            _ => r.skip()?,
        }
    }
    Ok(out)
}

fn read_user_mfa_setting_list_type(r: &mut Reader<'_>) -> Result<Vec<String>, Error> {
    let mut items = Vec::with_capacity(LIST_CAPACITY);
    let mut array = r.array()?;
    while r.next_item(&mut array)? {
        if r.null()? {
            continue;
        }
        items.push(r.string()?);
    }
    Ok(items)
}

/// `wire::EpochSeconds`: the reader's exact microseconds into a `time::OffsetDateTime`.
fn read_epoch_seconds(r: &mut Reader<'_>) -> Result<OffsetDateTime, Error> {
    let at = r.offset();
    let (seconds, nanoseconds) = r.epoch_seconds()?;
    OffsetDateTime::from_unix_timestamp(seconds)
        .ok()
        .and_then(|t| t.replace_nanosecond(nanoseconds).ok())
        .ok_or_else(|| r.error(at, "timestamp out of range"))
}

/// Writes a `ListUsers` body.
pub fn write_list_users(w: &mut Writer, value: &ListUsersResponse) {
    w.begin_object();
    if let Some(users) = &value.users {
        w.key("Users");
        w.begin_array();
        for user in users {
            write_user_type(w, user);
        }
        w.end_array();
    }
    if let Some(token) = &value.pagination_token {
        w.key("PaginationToken");
        w.string(token);
    }
    w.end_object();
}

fn write_user_type(w: &mut Writer, value: &UserType) {
    w.begin_object();
    if let Some(username) = &value.username {
        w.key("Username");
        w.string(username);
    }
    if let Some(attributes) = &value.attributes {
        w.key("Attributes");
        w.begin_array();
        for attribute in attributes {
            write_attribute_type(w, attribute);
        }
        w.end_array();
    }
    if let Some(date) = &value.user_create_date {
        w.key("UserCreateDate");
        w.epoch_seconds(date.unix_timestamp(), date.nanosecond());
    }
    if let Some(date) = &value.user_last_modified_date {
        w.key("UserLastModifiedDate");
        w.epoch_seconds(date.unix_timestamp(), date.nanosecond());
    }
    w.key("Enabled");
    w.bool(value.enabled);
    if let Some(status) = &value.user_status {
        w.key("UserStatus");
        w.string(status.as_str());
    }
    if let Some(options) = &value.mfa_options {
        w.key("MFAOptions");
        w.begin_array();
        for option in options {
            w.begin_object();
            if let Some(medium) = &option.delivery_medium {
                w.key("DeliveryMedium");
                w.string(medium.as_str());
            }
            if let Some(name) = &option.attribute_name {
                w.key("AttributeName");
                w.string(name);
            }
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

fn write_attribute_type(w: &mut Writer, value: &AttributeType) {
    w.begin_object();
    w.key("Name");
    w.string(&value.name);
    if let Some(v) = &value.value {
        w.key("Value");
        w.string(v);
    }
    w.end_object();
}
