//! A deterministic, seeded generator of model-valid Cognito response bodies.
//!
//! The bodies look like what Cognito sends for `ListUsers` and `AdminGetUser` (awsJson1_1):
//! members in the model's order, timestamps as epoch seconds with milliseconds in the
//! service's own `1.700000000123E9` form, ~8 attributes per user, and lengths within the
//! model's `@length` bounds (usernames 1–128, attribute names 1–32, values up to 2048).

use std::fmt::Write;

/// SplitMix64: small, fast and fully determined by its seed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const GIVEN: &[&str] = &[
    "Olivia",
    "Liam",
    "Emma",
    "Noah",
    "Amelia",
    "Oliver",
    "Sophia",
    "Elijah",
    "Charlotte",
    "Mateo",
    "Mia",
    "Lucas",
    "Harper",
    "Levi",
    "Evelyn",
    "Hiroshi",
    "Aisha",
    "Søren",
    "Zoë",
    "José",
    "Priya",
    "Wei",
];
const FAMILY: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Nakamura",
    "O'Brien",
    "Müller",
    "Kowalski",
    "Nguyen",
    "Patel",
    "Okafor",
    "Lindqvist",
];
const DOMAINS: &[&str] = &["example.com", "example.org", "mail.example.net", "corp.example.co.uk", "example.io"];
const LOCALES: &[&str] = &["en-US", "en-GB", "de-DE", "fr-FR", "ja-JP", "pt-BR", "es-ES"];
/// Weighted like a live pool: mostly confirmed users.
const STATUSES: &[&str] = &[
    "CONFIRMED",
    "CONFIRMED",
    "CONFIRMED",
    "CONFIRMED",
    "CONFIRMED",
    "CONFIRMED",
    "CONFIRMED",
    "FORCE_CHANGE_PASSWORD",
    "UNCONFIRMED",
    "RESET_REQUIRED",
    "EXTERNAL_PROVIDER",
];

/// A lowercase UUID (version 4 layout), 36 characters.
fn uuid(rng: &mut Rng, out: &mut String) {
    let a = rng.next();
    let b = rng.next();
    let _ = write!(
        out,
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    );
}

/// Epoch seconds with milliseconds, as Cognito writes them: `1.700000000123E9`.
fn timestamp(rng: &mut Rng, out: &mut String) {
    // Between 2019-01-01 and 2025-01-01.
    let millis = 1_546_300_800_000 + rng.below(189_302_400_000);
    let digits = millis.to_string();
    // 13 digits: one before the point, twelve after, exponent 9.
    let fraction = digits[1..].trim_end_matches('0');
    let _ = write!(out, "{}.{}E9", &digits[..1], if fraction.is_empty() { "0" } else { fraction });
}

fn attribute(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, r#"{{"Name":"{name}","Value":"{value}"}}"#);
}

/// Writes one `UserType` object: `Attributes` under `attributes_key`, 8 attributes.
fn user(rng: &mut Rng, out: &mut String, username_key: &str, attributes_key: &str, index: usize) {
    let given = rng.pick(GIVEN);
    let family = rng.pick(FAMILY);
    let domain = rng.pick(DOMAINS);
    let mut sub = String::with_capacity(36);
    uuid(rng, &mut sub);
    let email = format!("{}.{}{}@{domain}", given.to_lowercase(), family.to_lowercase().replace('\'', ""), index);
    let phone = format!("+1{:03}555{:04}", 200 + rng.below(800), rng.below(10_000));

    out.push('{');
    // Pools with email as an alias name users by their `sub`; others by a chosen name.
    if rng.below(2) == 0 {
        let _ = write!(out, r#""{username_key}":"{sub}","#);
    } else {
        let _ = write!(
            out,
            r#""{username_key}":"{}_{}{index}","#,
            given.to_lowercase(),
            family.to_lowercase().replace('\'', "")
        );
    }
    let _ = write!(out, r#""{attributes_key}":["#);
    attribute(out, "sub", &sub);
    out.push(',');
    attribute(out, "email_verified", if rng.below(10) < 8 { "true" } else { "false" });
    out.push(',');
    attribute(out, "phone_number_verified", if rng.below(2) == 0 { "true" } else { "false" });
    out.push(',');
    attribute(out, "phone_number", &phone);
    out.push(',');
    attribute(out, "given_name", given);
    out.push(',');
    attribute(out, "family_name", family);
    out.push(',');
    attribute(out, "locale", rng.pick(LOCALES));
    out.push(',');
    attribute(out, "email", &email);
    out.push_str("],");
    out.push_str(r#""UserCreateDate":"#);
    timestamp(rng, out);
    out.push_str(r#","UserLastModifiedDate":"#);
    timestamp(rng, out);
    let _ = write!(out, r#","Enabled":{},"#, rng.below(20) != 0);
    let _ = write!(out, r#""UserStatus":"{}""#, rng.pick(STATUSES));
    out.push('}');
}

/// A `ListUsers` response body with `users` users (and a pagination token when there are any).
pub fn list_users(seed: u64, users: usize) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(64 + users * 600);
    out.push_str(r#"{"Users":["#);
    for i in 0..users {
        if i > 0 {
            out.push(',');
        }
        user(&mut rng, &mut out, "Username", "Attributes", i);
    }
    out.push(']');
    if users > 0 {
        // Cognito's tokens are long opaque base64 text.
        const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        out.push_str(r#","PaginationToken":""#);
        for _ in 0..180 {
            out.push(B64[rng.below(64) as usize] as char);
        }
        out.push_str("==\"");
    }
    out.push('}');
    out.into_bytes()
}

/// An `AdminGetUser` response body: one user, with its MFA settings.
pub fn admin_get_user(seed: u64) -> Vec<u8> {
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(1024);
    user(&mut rng, &mut out, "Username", "UserAttributes", 0);
    out.pop();
    out.push_str(r#","PreferredMfaSetting":"SOFTWARE_TOKEN_MFA","UserMFASettingList":["SOFTWARE_TOKEN_MFA"]}"#);
    out.into_bytes()
}
