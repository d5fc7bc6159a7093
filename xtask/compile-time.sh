#!/usr/bin/env bash
# Measures how long the generated Cognito crate takes to build, as a user would build it.
#
#   bash xtask/compile-time.sh [DIR]       (DIR defaults to a new temporary folder; kept afterwards)
#
# 1. `cargo xtask codegen --model ... --out DIR/crate` writes the crate standalone (its own
#    workspace), with the workspace's Cargo.lock so that dependency versions match the repository.
# 2. "deps + crate": a clean debug `cargo build` of the crate in a fresh target folder.
# 3. "crate alone": `cargo clean -p cognito-identity-provider-types`, then `cargo build --timings`
#    again: only the generated crate is compiled (its dependencies are built already). This is the
#    figure the issue compares with the official SDK crate (≈ 28 s) and rusoto's (≈ 4.5 s).
# 4. "fresh project": a new binary crate whose only dependency is the generated crate, reading a
#    ListUsers body with serde_json, built clean in its own fresh target folder (everything from
#    source: the dependencies, the generated crate and the program).
# 5. `cargo tree` of that project, and its slowest units from cargo's timing report.
#
# Also "crate alone, cargo check": the same as step 3 with `cargo check`, i.e. the front end
# (macro expansion, type checking) without code generation.
#
# Each build runs under `/usr/bin/time -v`; the script prints wall time and maximum RSS (the
# largest single process, i.e. the biggest rustc). Crates are fetched before any timing, so the
# network is not measured. cargo's HTML timing report of step 3 is kept under DIR.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:-$(mktemp -d -t cognito-compile-time.XXXXXX)}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
crate="$dir/crate"
app="$dir/app"
rm -rf "$crate" "$app" "$dir/target-crate" "$dir/target-app"

measure() { # measure LABEL LOG -- COMMAND...: runs COMMAND under /usr/bin/time -v and prints one row.
    local label="$1" log="$2"
    shift 3
    /usr/bin/time -v -o "$log" "$@" >"$log.out" 2>&1 || { cat "$log.out" "$log" >&2; exit 1; }
    local wall rss
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")"
    printf '%-34s wall %8s   max RSS %6d MB\n' "$label" "$wall" "$((rss / 1024))"
}

cd "$root"
cargo xtask codegen --model model/aws/cognito-identity-provider-2016-04-18.json --out "$crate" >/dev/null
cp "$root/Cargo.lock" "$crate/Cargo.lock"

mkdir -p "$app/src"
cat >"$app/Cargo.toml" <<TOML
[package]
name = "cognito-app"
version = "0.1.0"
edition = "2021"
publish = false

[workspace]

[dependencies]
cognito-identity-provider-types = { path = "$crate" }
serde_json = "1"
TOML
cat >"$app/src/main.rs" <<'RUST'
use cognito_identity_provider_types::operation::Operation;
use cognito_identity_provider_types::operations::ListUsers;
use cognito_identity_provider_types::{ListUsersRequest, ListUsersResponse};

fn main() {
    let request = ListUsersRequest { user_pool_id: "us-east-1_EXAMPLE".into(), ..Default::default() };
    println!("{}", serde_json::to_string(&request).expect("writes"));
    let body = br#"{"Users":[{"Username":"a","Enabled":true,"UserCreateDate":1.7E9,"UserStatus":"CONFIRMED"}]}"#;
    let page: ListUsersResponse = ListUsers::read_output(body).expect("reads");
    println!("{page:?}");
}
RUST
cp "$root/Cargo.lock" "$app/Cargo.lock"

(cd "$crate" && cargo fetch --quiet)
(cd "$app" && cargo fetch --quiet)

echo "rustc: $(rustc --version); $(nproc) cores; results in $dir"
cd "$crate"
measure "deps + crate (clean, debug)" "$dir/time-deps-and-crate.txt" -- \
    env CARGO_TARGET_DIR="$dir/target-crate" cargo build --offline
env CARGO_TARGET_DIR="$dir/target-crate" cargo clean --offline --quiet -p cognito-identity-provider-types
measure "crate alone (clean, debug)" "$dir/time-crate-alone.txt" -- \
    env CARGO_TARGET_DIR="$dir/target-crate" cargo build --offline --timings
cp "$dir"/target-crate/cargo-timings/cargo-timing.html "$dir/cargo-timing-crate-alone.html" 2>/dev/null || true
env CARGO_TARGET_DIR="$dir/target-crate" cargo check --offline --quiet # the dependencies' metadata
env CARGO_TARGET_DIR="$dir/target-crate" cargo clean --offline --quiet -p cognito-identity-provider-types
measure "crate alone, cargo check" "$dir/time-crate-check.txt" -- \
    env CARGO_TARGET_DIR="$dir/target-crate" cargo check --offline

cd "$app"
measure "fresh project (clean, debug)" "$dir/time-fresh-project.txt" -- \
    env CARGO_TARGET_DIR="$dir/target-app" cargo build --offline --timings
cp "$dir"/target-app/cargo-timings/cargo-timing.html "$dir/cargo-timing-fresh-project.html" 2>/dev/null || true
if command -v python3 >/dev/null; then
    echo
    echo "slowest units of the fresh project (cargo --timings, seconds):"
    python3 - "$dir/cargo-timing-fresh-project.html" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", html, re.S).group(1))
for unit in sorted(units, key=lambda u: -u["duration"])[:10]:
    print(f"  {unit['duration']:6.2f}  {unit['name']} {unit['version']} {unit.get('target', '').strip()}")
PY
fi
echo
echo "dependency tree of the fresh project (cargo tree -e normal):"
CARGO_TARGET_DIR="$dir/target-app" cargo tree --offline -e normal
