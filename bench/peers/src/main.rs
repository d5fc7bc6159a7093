//! The JSON reader and writer (`codegen/templates/json.rs`) beside its peers, on the same bytes.
//!
//! `cargo run --release` (in `bench/peers`) measures, for the seeded bodies of
//! `xtask/benches/read_write/data.rs` (`ListUsers` with 100 and 10,000 users, `AdminGetUser`):
//!
//! - `ignored-any`: `serde_json::from_slice::<IgnoredAny>`, serde_json's parse-and-skip floor;
//! - `json-skip`: `json::Reader::skip`, this reader's floor;
//! - `read_output`: the generated crate's `Operation::read_output` (serde derives);
//! - `rusoto`: `serde_json::from_slice` into `rusoto_cognito_idp` 0.48's types;
//! - `sdk`: the official `aws-sdk-cognitoidentityprovider` deserializer (see [`sdk`]);
//! - `json`: the generated crate's types read through `json::Reader` by the functions of
//!   `hand.rs`, written as the generator is to emit them;
//! - `write-serde`, `write-json`: the value written by `serde_json::to_writer` and by
//!   `json::Writer` (`hand.rs`), into a reused buffer.
//!
//! The cases run interleaved, one sample each per round, so that the machine's drift falls on
//! all of them alike; each figure is the median of the rounds, in the thread's CPU time (time
//! spent preempted by other processes does not count). Every reader is first checked to
//! read the same users. Arguments: `--rounds N` (default 15), `--quick` (shorter samples), a
//! substring to pick bodies (`10000`, `AdminGetUser`).

#[allow(dead_code)]
#[path = "../../../codegen/templates/json.rs"]
mod json;

#[allow(dead_code)]
#[path = "../../../xtask/benches/read_write/data.rs"]
mod data;

mod hand;
mod sdk;

use std::hint::black_box;
use std::time::{Duration, Instant};

use cognito_identity_provider_types::operation::Operation;
use cognito_identity_provider_types::operations::{AdminGetUser, ListUsers};
use cpu_time::ThreadTime;
use serde::de::IgnoredAny;

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

/// One measured case: a name and a closure that runs it once.
struct Case<'b> {
    name: &'static str,
    run: Box<dyn FnMut() + 'b>,
    /// Runs per sample, found by the warm-up.
    batch: u64,
    samples: Vec<f64>,
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
        "{:<14} {:>9} {:<12} {:>12} {:>9} {:>8} {:>8} {:>8}",
        "body", "bytes", "case", "ns/body", "ns/user", "MB/s", "× floor", "SDK ÷"
    );
    for body in bodies() {
        if filter.as_ref().is_some_and(|f| !body.name.contains(f.as_str())) {
            continue;
        }
        check(&body, &sdk);
        measure(&body, &sdk, rounds, sample);
    }
}

/// Every reader reads the body, and they agree: `json` gives exactly what `read_output` gives;
/// rusoto and the SDK give the same users and attribute values; both writers write JSON that
/// reads back to the same value.
fn check(body: &Body, sdk: &sdk::Sdk) {
    let bytes = &body.bytes[..];
    let http = sdk::response(bytes);
    match body.kind {
        Kind::ListUsers => {
            let expected = ListUsers::read_output(bytes).expect("read_output reads it");
            let ours = hand::read_list_users(bytes).unwrap_or_else(|e| panic!("{}: {e}", body.name));
            assert!(ours == expected, "{}: json reads another value than read_output", body.name);
            let users = expected.users.as_deref().unwrap_or_default();
            assert_eq!(users.len(), body.users);
            let rusoto: rusoto_cognito_idp::ListUsersResponse = serde_json::from_slice(bytes).expect("rusoto reads it");
            let sdk_output = sdk.list_users(&http);
            let sdk_users = sdk_output.users();
            assert_eq!(sdk_users.len(), users.len());
            assert_eq!(rusoto.users.as_ref().map_or(0, Vec::len), users.len());
            for ((user, sdk_user), rusoto_user) in users.iter().zip(sdk_users).zip(rusoto.users.iter().flatten()) {
                assert_eq!(user.username.as_deref(), sdk_user.username());
                assert_eq!(user.username, rusoto_user.username);
                let values: Vec<Option<&str>> = user.attributes.iter().flatten().map(|a| a.value.as_deref()).collect();
                let sdk_values: Vec<Option<&str>> = sdk_user.attributes().iter().map(|a| a.value()).collect();
                assert_eq!(values, sdk_values);
                let created = user.user_create_date.expect("a date");
                let sdk_created = sdk_user.user_create_date().expect("a date");
                assert_eq!(created.unix_timestamp(), sdk_created.secs());
                // The SDK goes through an f64 (`.213999986`): equal to the microsecond.
                assert_eq!(created.nanosecond() / 1000, (sdk_created.subsec_nanos() + 500) / 1000);
            }
            let mut w = json::Writer::new();
            hand::write_list_users(&mut w, &expected);
            assert!(ListUsers::read_output(w.as_bytes()).expect("json::Writer writes JSON") == expected);
            assert!(hand::read_list_users(w.as_bytes()).expect("and reads it back") == expected);
        }
        Kind::AdminGetUser => {
            let expected = AdminGetUser::read_output(bytes).expect("read_output reads it");
            let ours = hand::read_admin_get_user(bytes).unwrap_or_else(|e| panic!("{}: {e}", body.name));
            assert!(ours == expected, "{}: json reads another value than read_output", body.name);
            let rusoto: rusoto_cognito_idp::AdminGetUserResponse =
                serde_json::from_slice(bytes).expect("rusoto reads it");
            assert_eq!(rusoto.username, expected.username);
            assert_eq!(sdk.admin_get_user(&http).username(), expected.username);
        }
    }
}

fn measure(body: &Body, sdk: &sdk::Sdk, rounds: usize, sample: Duration) {
    let bytes = &body.bytes[..];
    let http = sdk::response(bytes);
    let mut cases: Vec<Case<'_>> = Vec::new();
    macro_rules! add {
        ($name:expr, $run:expr $(,)?) => {
            cases.push(Case { name: $name, run: $run, batch: 0, samples: Vec::new() })
        };
    }
    add!(
        "ignored-any",
        Box::new(|| {
            black_box(serde_json::from_slice::<IgnoredAny>(black_box(bytes)).expect("JSON"));
        })
    );
    add!(
        "json-skip",
        Box::new(|| {
            let mut r = json::Reader::new(black_box(bytes)).expect("UTF-8");
            r.skip().expect("JSON");
            r.finish().expect("one value");
        }),
    );
    match body.kind {
        Kind::ListUsers => {
            let value = ListUsers::read_output(bytes).expect("checked");
            let value2 = value.clone();
            add!(
                "read_output",
                Box::new(|| drop(black_box(ListUsers::read_output(black_box(bytes)).expect("checked"))))
            );
            add!(
                "rusoto",
                Box::new(|| {
                    drop(black_box(
                        serde_json::from_slice::<rusoto_cognito_idp::ListUsersResponse>(black_box(bytes))
                            .expect("checked"),
                    ))
                }),
            );
            add!("sdk", Box::new(move || drop(black_box(sdk.list_users(black_box(&http))))));
            add!("json", Box::new(|| drop(black_box(hand::read_list_users(black_box(bytes)).expect("checked")))));
            let mut out = Vec::with_capacity(bytes.len() * 2);
            add!(
                "write-serde",
                Box::new(move || {
                    out.clear();
                    serde_json::to_writer(&mut out, black_box(&value)).expect("writes");
                    black_box(&out);
                }),
            );
            let mut buffer = Some(Vec::with_capacity(bytes.len() * 2));
            add!(
                "write-json",
                Box::new(move || {
                    let mut out = buffer.take().expect("the buffer");
                    out.clear();
                    let mut w = json::Writer::from_vec(out);
                    hand::write_list_users(&mut w, black_box(&value2));
                    buffer = Some(black_box(w.into_bytes()));
                }),
            );
        }
        Kind::AdminGetUser => {
            add!(
                "read_output",
                Box::new(|| drop(black_box(AdminGetUser::read_output(black_box(bytes)).expect("checked"))))
            );
            add!(
                "rusoto",
                Box::new(|| {
                    drop(black_box(
                        serde_json::from_slice::<rusoto_cognito_idp::AdminGetUserResponse>(black_box(bytes))
                            .expect("checked"),
                    ))
                }),
            );
            add!("sdk", Box::new(move || drop(black_box(sdk.admin_get_user(black_box(&http))))));
            add!("json", Box::new(|| drop(black_box(hand::read_admin_get_user(black_box(bytes)).expect("checked")))));
        }
    }

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
        println!(
            "{:<14} {:>9} {:<12} {:>12.0} {:>9.0} {:>8.1} {:>8.2} {:>8.2}",
            body.name,
            bytes.len(),
            case.name,
            ns,
            ns / body.users as f64,
            bytes.len() as f64 / ns * 1e3,
            ns / floor,
            sdk_ns / ns,
        );
    }
}
