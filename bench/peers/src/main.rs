//! The generated Cognito crate's JSON reader and writer beside its peers, on the same bytes.
//!
//! `cargo run --release` (in `bench/peers`) measures, for the seeded bodies of
//! `xtask/benches/read_write/data.rs` (`ListUsers` with 10,000 and 100 users, `AdminGetUser`):
//!
//! - `ignored-any`: `serde_json::from_slice::<IgnoredAny>`, serde_json's parse-and-skip floor;
//! - `json-skip`: the crate's `json::Reader` skipping the body, its own floor;
//! - `read_response`: `Operation::read_response` of a 200 `http::Response` holding the body
//!   (built once, outside the timed loop): what a client calls;
//! - `from_json`: `wire::from_json` of the body into the output type (what `read_response` calls);
//! - `serde`: `serde_json::from_slice` into the same type, through its serde form;
//! - `rusoto`: `serde_json::from_slice` into `rusoto_cognito_idp` 0.48's types;
//! - `sdk`: the official `aws-sdk-cognitoidentityprovider` deserializer (see [`sdk`]);
//! - `write-json`, `write-serde`, `write-rusoto`: the value written into a new `Vec<u8>` by
//!   `wire::to_json`, by `serde_json::to_vec` through the serde form, and by `serde_json::to_vec`
//!   of rusoto's value.
//!
//! The cases run interleaved, one sample each per round, so that the machine's drift falls on
//! all of them alike; each figure is the median of the rounds, in the thread's CPU time (time
//! spent preempted by other processes does not count). Every reader is first checked to read the
//! same users, and every writer to write what reads back to the same value. Arguments:
//! `--rounds N` (default 15), `--quick` (shorter samples), a substring to pick bodies (`10000`,
//! `AdminGetUser`); `PEERS_PROFILE=<case>` runs one case alone for five seconds, for a profiler.

#[allow(dead_code)]
#[path = "../../../xtask/benches/read_write/data.rs"]
mod data;

mod sdk;

use std::fmt::Debug;
use std::hint::black_box;
use std::time::{Duration, Instant};

use cognito_identity_provider_types::json;
use cognito_identity_provider_types::operation::Operation;
use cognito_identity_provider_types::operations::{AdminGetUser, ListUsers};
use cognito_identity_provider_types::wire::{self, Json};
use cognito_identity_provider_types::{AdminGetUserResponse, AttributeType, UserType};
use cpu_time::ThreadTime;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;

/// The seed of `cargo bench -p xtask --bench read_write`: the same bodies.
const SEED: u64 = 0x00C0_6E17_0007;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    ListUsers,
    AdminGetUser,
}

struct Body {
    name: String,
    users: usize,
    bytes: Vec<u8>,
    kind: Kind,
}

fn bodies() -> Vec<Body> {
    let mut out: Vec<Body> = [10_000, 100]
        .into_iter()
        .map(|users| Body {
            name: format!("ListUsers/{users}"),
            users,
            bytes: data::list_users(SEED, users),
            kind: Kind::ListUsers,
        })
        .collect();
    out.push(Body {
        name: "AdminGetUser".into(),
        users: 1,
        bytes: data::admin_get_user(SEED),
        kind: Kind::AdminGetUser,
    });
    out
}

/// A 200 response holding the body, as an HTTP client hands it over: what `read_response` reads.
fn response(body: &[u8]) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header("content-type", "application/x-amz-json-1.1")
        .body(body.to_vec())
        .expect("a response")
}

/// One measured case: a name and a closure that runs it once.
struct Case<'b> {
    name: &'static str,
    /// Whether it writes (the `SDK ÷` column is left empty: the SDK's deserializer only reads).
    writes: bool,
    run: Box<dyn FnMut() + 'b>,
    /// Runs per sample, found by the warm-up.
    batch: u64,
    samples: Vec<f64>,
}

impl<'b> Case<'b> {
    fn read(name: &'static str, run: impl FnMut() + 'b) -> Case<'b> {
        Case { name, writes: false, run: Box::new(run), batch: 0, samples: Vec::new() }
    }

    fn write(name: &'static str, run: impl FnMut() + 'b) -> Case<'b> {
        Case { name, writes: true, run: Box::new(run), batch: 0, samples: Vec::new() }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let rounds = args
        .iter()
        .position(|a| a == "--rounds")
        .and_then(|i| args.get(i + 1))
        .map_or(15, |n| n.parse().expect("--rounds N"));
    let filter = args.iter().enumerate().find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--rounds"));
    let filter = filter.map(|(_, a)| a.clone());
    let sample = if quick { Duration::from_millis(20) } else { Duration::from_millis(60) };

    let sdk = sdk::Sdk::new();
    println!(
        "{:<14} {:>9} {:<13} {:>12} {:>9} {:>8} {:>8} {:>8}",
        "body", "bytes", "case", "ns/body", "ns/user", "MB/s", "× floor", "SDK ÷"
    );
    for body in bodies() {
        if filter.as_ref().is_some_and(|f| !body.name.contains(f.as_str())) {
            continue;
        }
        match body.kind {
            Kind::ListUsers => check_list_users(&body, &sdk),
            Kind::AdminGetUser => check_admin_get_user(&body, &sdk),
        }
        measure(&body, &sdk, rounds, sample);
    }
}

/// What every reader must agree on about one user: name, attributes, dates (to the
/// microsecond: rusoto and the SDK read them through an `f64`), whether enabled, status.
#[derive(Debug, PartialEq)]
struct User<'a> {
    username: Option<&'a str>,
    attributes: Vec<(&'a str, Option<&'a str>)>,
    created: Option<i64>,
    modified: Option<i64>,
    enabled: bool,
    status: Option<&'a str>,
}

/// Microseconds since 1970 of a timestamp read by this crate.
fn micros(date: &time::OffsetDateTime) -> i64 {
    date.unix_timestamp() * 1_000_000 + i64::from(date.nanosecond() / 1000)
}

/// Microseconds since 1970 of a timestamp read by the SDK (nearest: `.213999986` is `.214`).
fn sdk_micros(date: &aws_smithy_types::DateTime) -> i64 {
    date.secs() * 1_000_000 + i64::from((date.subsec_nanos() + 500) / 1000)
}

/// Microseconds since 1970 of a timestamp read by rusoto (epoch seconds as an `f64`).
fn rusoto_micros(seconds: f64) -> i64 {
    (seconds * 1e6).round() as i64
}

fn attributes(attributes: &[AttributeType]) -> Vec<(&str, Option<&str>)> {
    attributes.iter().map(|a| (a.name.as_str(), a.value.as_deref())).collect()
}

fn rusoto_attributes(attributes: &[rusoto_cognito_idp::AttributeType]) -> Vec<(&str, Option<&str>)> {
    attributes.iter().map(|a| (a.name.as_str(), a.value.as_deref())).collect()
}

fn sdk_attributes(attributes: &[aws_sdk_cognitoidentityprovider::types::AttributeType]) -> Vec<(&str, Option<&str>)> {
    attributes.iter().map(|a| (a.name(), a.value())).collect()
}

fn user(user: &UserType) -> User<'_> {
    User {
        username: user.username.as_deref(),
        attributes: attributes(user.attributes.as_deref().unwrap_or_default()),
        created: user.user_create_date.as_ref().map(micros),
        modified: user.user_last_modified_date.as_ref().map(micros),
        enabled: user.enabled,
        status: user.user_status.as_ref().map(|s| s.as_str()),
    }
}

fn rusoto_user(user: &rusoto_cognito_idp::UserType) -> User<'_> {
    User {
        username: user.username.as_deref(),
        attributes: rusoto_attributes(user.attributes.as_deref().unwrap_or_default()),
        created: user.user_create_date.map(rusoto_micros),
        modified: user.user_last_modified_date.map(rusoto_micros),
        enabled: user.enabled.unwrap_or_default(),
        status: user.user_status.as_deref(),
    }
}

fn sdk_user(user: &aws_sdk_cognitoidentityprovider::types::UserType) -> User<'_> {
    User {
        username: user.username(),
        attributes: sdk_attributes(user.attributes()),
        created: user.user_create_date().map(sdk_micros),
        modified: user.user_last_modified_date().map(sdk_micros),
        enabled: user.enabled(),
        status: user.user_status().map(|s| s.as_str()),
    }
}

/// Reads `body` through `read_response`, `from_json` and serde: the three must give the same
/// value. Then checks the writers: `wire::to_json` and `serde_json::to_vec` write what reads
/// back to that value (each through both readers).
fn check_ours<O>(body: &Body) -> O::Output
where
    O: Operation,
    O::Output: Json + Serialize + DeserializeOwned + PartialEq + Debug,
    O::Error: Debug,
{
    let name = &body.name;
    let bytes = &body.bytes[..];
    let value = O::read_response(&response(bytes)).unwrap_or_else(|e| panic!("{name}: read_response: {e:?}"));
    let from_json: O::Output = wire::from_json(bytes).unwrap_or_else(|e| panic!("{name}: from_json: {e}"));
    assert_eq!(from_json, value, "{name}: from_json reads another value than read_response");
    let serde: O::Output = serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: serde: {e}"));
    assert_eq!(serde, value, "{name}: serde reads another value than read_response");
    for written in [wire::to_json(&value), serde_json::to_vec(&value).expect("writes")] {
        assert_eq!(wire::from_json::<O::Output>(&written).expect("reads back"), value, "{name}: written");
        assert_eq!(serde_json::from_slice::<O::Output>(&written).expect("reads back"), value, "{name}: written");
    }
    value
}

/// Rusoto's value of `body`, and a check that what `serde_json::to_vec` writes of it reads back to it.
fn check_rusoto<R: Serialize + DeserializeOwned + PartialEq + Debug>(body: &Body) -> R {
    let value: R = serde_json::from_slice(&body.bytes).unwrap_or_else(|e| panic!("{}: rusoto: {e}", body.name));
    let written = serde_json::to_vec(&value).expect("rusoto writes");
    assert_eq!(serde_json::from_slice::<R>(&written).expect("reads back"), value, "{}: rusoto's writing", body.name);
    value
}

/// Every reader of a `ListUsers` body agrees on its users, and every writer writes what reads back.
fn check_list_users(body: &Body, sdk: &sdk::Sdk) {
    let ours = check_ours::<ListUsers>(body);
    let rusoto: rusoto_cognito_idp::ListUsersResponse = check_rusoto(body);
    let sdk = sdk.list_users(&sdk::response(&body.bytes));

    let users: Vec<User<'_>> = ours.users.iter().flatten().map(user).collect();
    assert_eq!(users.len(), body.users, "{}: the number of users", body.name);
    let rusoto_users: Vec<User<'_>> = rusoto.users.iter().flatten().map(rusoto_user).collect();
    assert!(rusoto_users == users, "{}: rusoto reads other users", body.name);
    let sdk_users: Vec<User<'_>> = sdk.users().iter().map(sdk_user).collect();
    assert!(sdk_users == users, "{}: the SDK reads other users", body.name);
    assert_eq!(rusoto.pagination_token, ours.pagination_token);
    assert_eq!(sdk.pagination_token(), ours.pagination_token.as_deref());
}

/// Every reader of an `AdminGetUser` body agrees on the user, and every writer writes what reads back.
fn check_admin_get_user(body: &Body, sdk: &sdk::Sdk) {
    let ours: AdminGetUserResponse = check_ours::<AdminGetUser>(body);
    let rusoto: rusoto_cognito_idp::AdminGetUserResponse = check_rusoto(body);
    let sdk = sdk.admin_get_user(&sdk::response(&body.bytes));

    let user = User {
        username: Some(&ours.username),
        attributes: attributes(ours.user_attributes.as_deref().unwrap_or_default()),
        created: ours.user_create_date.as_ref().map(micros),
        modified: ours.user_last_modified_date.as_ref().map(micros),
        enabled: ours.enabled,
        status: ours.user_status.as_ref().map(|s| s.as_str()),
    };
    let rusoto_user = User {
        username: Some(&rusoto.username),
        attributes: rusoto_attributes(rusoto.user_attributes.as_deref().unwrap_or_default()),
        created: rusoto.user_create_date.map(rusoto_micros),
        modified: rusoto.user_last_modified_date.map(rusoto_micros),
        enabled: rusoto.enabled.unwrap_or_default(),
        status: rusoto.user_status.as_deref(),
    };
    let sdk_user = User {
        username: Some(sdk.username()),
        attributes: sdk_attributes(sdk.user_attributes()),
        created: sdk.user_create_date().map(sdk_micros),
        modified: sdk.user_last_modified_date().map(sdk_micros),
        enabled: sdk.enabled(),
        status: sdk.user_status().map(|s| s.as_str()),
    };
    assert_eq!(rusoto_user, user, "{}: rusoto reads another user", body.name);
    assert_eq!(sdk_user, user, "{}: the SDK reads another user", body.name);
}

/// The cases of every body: the two floors, the crate's three ways of reading `O`'s output,
/// rusoto's `R`, the SDK (`sdk_read`, given), then the three writers.
fn cases<'b, O, R>(bytes: &'b [u8], response: &'b http::Response<Vec<u8>>, sdk_read: impl FnMut() + 'b) -> Vec<Case<'b>>
where
    O: Operation,
    O::Output: Json + Serialize + DeserializeOwned + Clone + 'b,
    O::Error: Debug,
    R: Serialize + DeserializeOwned + 'b,
{
    // The values the writers write (each closure owns its own).
    let ours: O::Output = wire::from_json(bytes).expect("checked");
    let ours_again = ours.clone();
    let rusoto: R = serde_json::from_slice(bytes).expect("checked");
    vec![
        Case::read("ignored-any", move || {
            black_box(serde_json::from_slice::<IgnoredAny>(black_box(bytes)).expect("JSON"));
        }),
        Case::read("json-skip", move || {
            let mut r = json::Reader::new(black_box(bytes)).expect("UTF-8");
            r.skip().expect("JSON");
            r.finish().expect("one value");
        }),
        Case::read("read_response", move || drop(black_box(O::read_response(black_box(response)).expect("checked")))),
        Case::read("from_json", move || {
            drop(black_box(wire::from_json::<O::Output>(black_box(bytes)).expect("checked")))
        }),
        Case::read("serde", move || {
            drop(black_box(serde_json::from_slice::<O::Output>(black_box(bytes)).expect("checked")))
        }),
        Case::read("rusoto", move || drop(black_box(serde_json::from_slice::<R>(black_box(bytes)).expect("checked")))),
        Case::read("sdk", sdk_read),
        Case::write("write-json", move || drop(black_box(wire::to_json(black_box(&ours))))),
        Case::write("write-serde", move || {
            drop(black_box(serde_json::to_vec(black_box(&ours_again)).expect("writes")))
        }),
        Case::write("write-rusoto", move || drop(black_box(serde_json::to_vec(black_box(&rusoto)).expect("writes")))),
    ]
}

fn measure(body: &Body, sdk: &sdk::Sdk, rounds: usize, sample: Duration) {
    let bytes = &body.bytes[..];
    let response = response(bytes);
    let sdk_response = sdk::response(bytes);
    let sdk_response = &sdk_response;
    let mut cases = match body.kind {
        Kind::ListUsers => cases::<ListUsers, rusoto_cognito_idp::ListUsersResponse>(bytes, &response, move || {
            drop(black_box(sdk.list_users(black_box(sdk_response))))
        }),
        Kind::AdminGetUser => {
            cases::<AdminGetUser, rusoto_cognito_idp::AdminGetUserResponse>(bytes, &response, move || {
                drop(black_box(sdk.admin_get_user(black_box(sdk_response))))
            })
        }
    };

    if let Ok(only) = std::env::var("PEERS_PROFILE") {
        // For a profiler: run one case alone for five seconds.
        let case = cases.iter_mut().find(|c| c.name == only).expect("PEERS_PROFILE names a case");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            (case.run)();
        }
        return;
    }
    // Warm up each case and size its batch so that one sample takes about `sample`.
    for case in &mut cases {
        let mut batch = 1u64;
        loop {
            let start = Instant::now();
            for _ in 0..batch {
                (case.run)();
            }
            let elapsed = start.elapsed();
            if elapsed >= sample / 2 {
                case.batch = (batch as f64 * sample.as_secs_f64() / elapsed.as_secs_f64()).ceil() as u64;
                break;
            }
            batch *= 2;
        }
    }
    for _ in 0..rounds {
        for case in &mut cases {
            // The thread's CPU time, not the wall clock: on a shared machine, the time the thread
            // spends preempted is not the code's.
            let start = ThreadTime::now();
            for _ in 0..case.batch {
                (case.run)();
            }
            case.samples.push(start.elapsed().as_nanos() as f64 / case.batch as f64);
        }
    }
    let median = |case: &Case<'_>| {
        let mut samples = case.samples.clone();
        samples.sort_by(f64::total_cmp);
        samples[samples.len() / 2]
    };
    let floor = median(&cases[0]);
    let sdk_ns = cases.iter().find(|c| c.name == "sdk").map(median).expect("an sdk case");
    for case in &cases {
        let ns = median(case);
        let sdk_ratio = if case.writes { "-".to_owned() } else { format!("{:.2}", sdk_ns / ns) };
        println!(
            "{:<14} {:>9} {:<13} {:>12.0} {:>9.0} {:>8.1} {:>8.2} {:>8}",
            body.name,
            bytes.len(),
            case.name,
            ns,
            ns / body.users as f64,
            bytes.len() as f64 / ns * 1e3,
            ns / floor,
            sdk_ratio,
        );
    }
}
