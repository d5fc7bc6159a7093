//! Read and write speed of the generated Cognito types, beside serde_json's own floors.
//!
//! `cargo bench -p xtask --bench read_write` measures, on the same bytes of a seeded,
//! model-valid body (see `data.rs`):
//!
//! - `read`: `serde_json::from_slice::<ListUsersResponse>` (or `AdminGetUserResponse`), drop included;
//! - `read_response`: the same through the crate's own entry point, `Operation::read_response`
//!   of a 200 response whose body is those bytes (built once, outside the timed loop), which
//!   reads with the crate's own JSON reader (`wire::from_json`);
//! - `write`: `serde_json::to_writer` of that value into a reused buffer;
//! - `write-json`: `wire::to_json` of that value, the crate's own writer (what `write_request`
//!   calls), into a new `Vec<u8>`;
//! - `ignored-any`: `serde_json::from_slice::<IgnoredAny>`, the parse-and-skip floor;
//! - `value`: `serde_json::from_slice::<serde_json::Value>`, drop included.
//!
//! It prints ns per body, ns per user, MB/s (10^6 bytes) and each time over the `ignored-any`
//! floor of the same body. Arguments after `--`: a substring to pick cases (`10000`, `read`),
//! `--quick` for shorter samples. Run without `--bench` (as `cargo test --all-targets` does), it
//! only checks that every body reads, writes and reads back to the same value, once.

mod data;

use std::hint::black_box;
use std::time::{Duration, Instant};

use cognito_identity_provider_types::operation::Operation;
use cognito_identity_provider_types::operations::{AdminGetUser, ListUsers};
use cognito_identity_provider_types::wire::{self, Json};
use serde::de::IgnoredAny;

/// The seed of every body: change it and every number here changes with it.
const SEED: u64 = 0x00C0_6E17_0007;

/// One body to measure.
struct Body {
    name: String,
    users: usize,
    bytes: Vec<u8>,
    kind: Kind,
}

#[derive(Clone, Copy)]
enum Kind {
    ListUsers,
    AdminGetUser,
}

fn bodies() -> Vec<Body> {
    let mut out: Vec<Body> = [0, 100, 10_000]
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

struct Config {
    /// The shortest sample: iterations are batched until one takes this long.
    sample: Duration,
    /// Samples per case (the median is reported).
    samples: usize,
    filter: Option<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let bench = args.iter().any(|a| a == "--bench");
    let quick = args.iter().any(|a| a == "--quick");
    let filter = args.iter().find(|a| !a.starts_with("--")).cloned();
    let bodies = bodies();
    for body in &bodies {
        match body.kind {
            Kind::ListUsers => check::<ListUsers>(body),
            Kind::AdminGetUser => check::<AdminGetUser>(body),
        }
    }
    if !bench {
        println!("read_write: {} bodies read, write and read back unchanged (measure with `cargo bench -p xtask --bench read_write`)", bodies.len());
        return;
    }
    let config = if quick {
        Config { sample: Duration::from_millis(20), samples: 7, filter }
    } else {
        Config { sample: Duration::from_millis(100), samples: 15, filter }
    };
    println!(
        "{:<18} {:>9} {:<12} {:>13} {:>10} {:>9} {:>8}",
        "body", "bytes", "case", "ns/body", "ns/user", "MB/s", "× floor"
    );
    for body in &bodies {
        match body.kind {
            Kind::ListUsers => measure_body::<ListUsers>(body, &config),
            Kind::AdminGetUser => measure_body::<AdminGetUser>(body, &config),
        }
    }
}

/// Reads the body, writes it, reads that back: the two values must be equal, and the number of
/// users must be what the generator wrote. `read_response` and the crate's own writer must agree.
fn check<O: Operation>(body: &Body)
where
    O::Output: PartialEq + Json + serde::Serialize + serde::de::DeserializeOwned,
    O::Error: std::fmt::Display,
{
    let value: O::Output =
        serde_json::from_slice(&body.bytes).unwrap_or_else(|e| panic!("{}: cannot read: {e}", body.name));
    let written = serde_json::to_vec(&value).unwrap_or_else(|e| panic!("{}: cannot write: {e}", body.name));
    let again: O::Output =
        serde_json::from_slice(&written).unwrap_or_else(|e| panic!("{}: cannot read back: {e}", body.name));
    assert!(value == again, "{}: the value read back differs", body.name);
    let output = O::read_response(&http::Response::new(&body.bytes[..]))
        .unwrap_or_else(|e| panic!("{}: read_response: {e}", body.name));
    assert!(value == output, "{}: read_response reads another value", body.name);
    let written = wire::to_json(&value);
    let again: O::Output = wire::from_json(&written).unwrap_or_else(|e| panic!("{}: to_json: {e}", body.name));
    assert!(value == again, "{}: what to_json writes reads back to another value", body.name);
    let json: serde_json::Value = serde_json::from_slice(&body.bytes).expect("the body is JSON");
    let users = match body.kind {
        Kind::ListUsers => json["Users"].as_array().map_or(0, Vec::len),
        Kind::AdminGetUser => usize::from(json["Username"].is_string()),
    };
    assert_eq!(users, body.users, "{}: wrong number of users", body.name);
}

fn measure_body<O: Operation>(body: &Body, config: &Config)
where
    O::Output: Json + serde::Serialize + serde::de::DeserializeOwned,
    O::Error: std::fmt::Debug,
{
    let bytes = &body.bytes[..];
    let response = http::Response::new(bytes);
    let value: O::Output = serde_json::from_slice(bytes).expect("checked");
    let mut out = Vec::with_capacity(bytes.len() * 2);
    let floor = time(config, &body.name, "ignored-any", || {
        black_box(serde_json::from_slice::<IgnoredAny>(black_box(bytes)).expect("checked"));
    });
    let cases: [(&str, Option<f64>); 6] = [
        ("ignored-any", floor),
        (
            "read",
            time(config, &body.name, "read", || {
                drop(black_box(serde_json::from_slice::<O::Output>(black_box(bytes)).expect("checked")));
            }),
        ),
        (
            "read_response",
            time(config, &body.name, "read_response", || {
                drop(black_box(O::read_response(black_box(&response)).expect("checked")));
            }),
        ),
        (
            "write",
            time(config, &body.name, "write", || {
                out.clear();
                serde_json::to_writer(&mut out, black_box(&value)).expect("checked");
                black_box(&out);
            }),
        ),
        (
            "write-json",
            time(config, &body.name, "write-json", || {
                drop(black_box(wire::to_json(black_box(&value))));
            }),
        ),
        (
            "value",
            time(config, &body.name, "value", || {
                drop(black_box(serde_json::from_slice::<serde_json::Value>(black_box(bytes)).expect("checked")));
            }),
        ),
    ];
    for (case, ns) in cases {
        let Some(ns) = ns else { continue };
        let per_user = if body.users == 0 { "-".to_owned() } else { format!("{:.0}", ns / body.users as f64) };
        let mb_s = bytes.len() as f64 / ns * 1e3;
        let ratio = floor.map_or("-".to_owned(), |f| format!("{:.2}", ns / f));
        println!(
            "{:<18} {:>9} {:<12} {:>13.0} {:>10} {:>9.1} {:>8}",
            body.name,
            bytes.len(),
            case,
            ns,
            per_user,
            mb_s,
            ratio
        );
    }
}

/// The median time of one run of `f`, in nanoseconds, over `config.samples` batched samples;
/// `None` when the filter leaves the case out.
fn time(config: &Config, body: &str, case: &str, mut f: impl FnMut()) -> Option<f64> {
    if let Some(filter) = &config.filter {
        if !format!("{body} {case}").contains(filter.as_str()) && case != "ignored-any" {
            return None;
        }
    }
    // Warm up, and find how many runs make one sample.
    let mut batch = 1u64;
    loop {
        let start = Instant::now();
        for _ in 0..batch {
            f();
        }
        if start.elapsed() >= config.sample / 4 {
            break;
        }
        batch *= 2;
    }
    batch *= 4;
    let mut samples: Vec<f64> = (0..config.samples)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            start.elapsed().as_nanos() as f64 / batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    Some(samples[samples.len() / 2])
}
