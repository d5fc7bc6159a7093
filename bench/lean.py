#!/usr/bin/env python3
"""How lean the generated Cognito crate is, beside rusoto's, in one run (issue 15).

Measures, on this machine and in the same run:

1. Generation: `xtask codegen --model <Cognito> --out DIR` (release build), end to end — process
   start, reading the model, generating, formatting, comparing and writing — into an empty folder
   and into an up-to-date one; and every model of `model/aws/` into empty folders, one after the
   other.
2. Build: the generated Cognito crate alone (debug, its dependencies already built) with default
   features and with `default-features = false`, beside `rusoto_cognito_idp` 0.48 (rusoto's
   serde types of the same service), in interleaved rounds: `cargo clean -p CRATE`, then a timed
   `cargo build`.
3. A fresh project that depends only on the generated crate: `cargo build` with an empty target
   folder (dependencies are already downloaded), with the default features and with
   `features = ["http"]` only (no regex engine); and as a path dependency, with and without
   `incremental = false` for the crate.
4. A project that calls every operation (`write_request`, `read_response` and `validate` of each
   of them, and so every type of the service): the crate compiles each type's code where it is
   used, so this is what a project that uses the whole service pays beside the crate alone
   (debug, dependencies built; each round cleans both, builds the crate, then the project).

The generated crate is a git dependency here, as it is for a user of this repository (and as
rusoto is a crates.io one): a snapshot of `generated/cognito-identity-provider/` as it is on disk,
committed once per run into a scratch git repository. Cargo builds git and registry dependencies
without incremental compilation; a path dependency is "local", and cargo compiles it
incrementally (its incremental state is written on every clean build and rarely used, since a
generated crate changes only when it is regenerated).

Prints medians (and the spread) and the ratios the README quotes. Not part of `cargo xtask test`:
it builds rusoto, which needs `libssl-dev` (its `rusoto_core` does not build without a TLS
backend), and takes a few minutes.

    python3 bench/lean.py            # 5 rounds
    python3 bench/lean.py --rounds 9
"""

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "lean-bench"
COGNITO_MODEL = ROOT / "model" / "aws" / "cognito-identity-provider-2016-04-18.json"
GENERATED = ROOT / "generated" / "cognito-identity-provider"
OURS = "cognito-identity-provider-types"
RUSOTO = "rusoto_cognito_idp"


def run(args, cwd, env=None, quiet=True):
    """Runs a command; its wall time in seconds. Fails loudly with the command's output."""
    start = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=env, capture_output=quiet, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, args))} in {cwd}\n{done.stdout}{done.stderr}")
    return elapsed


def summary(times):
    """`median (min–max)` in seconds or milliseconds."""
    med = statistics.median(times)
    if med < 1:
        return f"{med * 1000:.0f} ms ({min(times) * 1000:.0f}–{max(times) * 1000:.0f})"
    return f"{med:.2f} s ({min(times):.2f}–{max(times):.2f})"


def project(name, dependency, extra=""):
    """A scratch cargo project with one dependency, its own workspace and target folder."""
    folder = WORK / name
    (folder / "src").mkdir(parents=True, exist_ok=True)
    (folder / "src" / "lib.rs").write_text("")
    (folder / "Cargo.toml").write_text(
        f'[package]\nname = "{name}"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f"[workspace]\n\n[dependencies]\n{dependency}\n{extra}"
    )
    # A new snapshot is a new commit: resolve it again.
    (folder / "Cargo.lock").unlink(missing_ok=True)
    return folder


@functools.cache
def snapshot():
    """`generated/cognito-identity-provider/` as it is on disk, committed into a scratch git
    repository (once per run); the `git = ...` of a dependency on it."""
    repo = WORK / "snapshot"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(GENERATED, repo, ignore=shutil.ignore_patterns("target"))
    git = ["git", "-c", "user.name=lean.py", "-c", "user.email=lean.py@localhost"]
    run(git + ["init", "--quiet"], repo)
    run(git + ["add", "--all"], repo)
    run(git + ["commit", "--quiet", "--message", "snapshot"], repo)
    return f'git = "file://{repo}"'


def generation(rounds):
    xtask = ROOT / "target" / "release" / "xtask"
    run(["cargo", "build", "--release", "-p", "xtask"], ROOT)
    out = WORK / "generation"
    fresh, unchanged = [], []
    for _ in range(rounds):
        shutil.rmtree(out, ignore_errors=True)
        fresh.append(run([xtask, "codegen", "--model", COGNITO_MODEL, "--out", out], ROOT))
        unchanged.append(run([xtask, "codegen", "--model", COGNITO_MODEL, "--out", out], ROOT))
    models = sorted((ROOT / "model" / "aws").glob("*.json"))
    every = []
    for _ in range(rounds):
        total = 0.0
        for model in models:
            target = WORK / "every-model" / model.stem
            shutil.rmtree(target, ignore_errors=True)
            total += run([xtask, "codegen", "--model", model, "--out", target], ROOT)
        every.append(total)
    print("## Generation (release xtask, end to end)\n")
    print(f"- Cognito into an empty folder:     {summary(fresh)}")
    print(f"- Cognito into an up-to-date folder: {summary(unchanged)}")
    print(f"- all {len(models)} models of model/aws/, empty folders: {summary(every)}\n")


def crate_build(rounds):
    path = snapshot()
    peers = {
        "ours (default features)": (project("ours-default", f"{OURS} = {{ {path} }}"), OURS),
        "ours (default-features = false)": (
            project("ours-minimal", f"{OURS} = {{ {path}, default-features = false }}"),
            OURS,
        ),
        "rusoto_cognito_idp 0.48": (project("rusoto", f'{RUSOTO} = "=0.48.0"'), RUSOTO),
    }
    for folder, _ in peers.values():
        run(["cargo", "build"], folder)
    times = {name: [] for name in peers}
    for _ in range(rounds):
        for name, (folder, crate) in peers.items():
            run(["cargo", "clean", "-p", crate], folder)
            times[name].append(run(["cargo", "build"], folder))
    print("## Building the crate alone (debug, dependencies built)\n")
    rusoto = statistics.median(times["rusoto_cognito_idp 0.48"])
    for name, spent in times.items():
        print(f"- {name:34} {summary(spent)}  {statistics.median(spent) / rusoto:.2f}× rusoto")
    print()


def fresh_project(rounds):
    git = snapshot()
    path = f'path = "{GENERATED}"'
    not_incremental = f"\n[profile.dev.package.{OURS}]\nincremental = false\n"
    variants = {
        "default features": project("fresh", f"{OURS} = {{ {git} }}"),
        'features = ["http"] (no `validate`)': project(
            "fresh-http", f'{OURS} = {{ {git}, default-features = false, features = ["http"] }}'
        ),
        "path dependency, `incremental = false`": project(
            "fresh-path-not-incremental", f"{OURS} = {{ {path} }}", not_incremental
        ),
        "path dependency (incremental)": project("fresh-path", f"{OURS} = {{ {path} }}"),
    }
    for folder in variants.values():
        run(["cargo", "fetch"], folder)
    times = {name: [] for name in variants}
    for _ in range(rounds):
        for name, folder in variants.items():
            shutil.rmtree(folder / "target", ignore_errors=True)
            times[name].append(run(["cargo", "build", "--offline"], folder))
    print("## A fresh project that depends on it (debug, empty target folder)\n")
    for name, spent in times.items():
        print(f"- {name:42} {summary(spent)}")
    print()


def every_operation_source():
    """A lib.rs that writes, reads and validates every operation of the generated Cognito crate."""
    names = []
    for file in sorted((GENERATED / "src" / "operations").glob("*.rs")):
        for line in file.read_text().splitlines():
            if line.startswith("pub struct ") and line.endswith(";"):
                names.append(line[len("pub struct ") : -1])
    crate = OURS.replace("-", "_")
    calls = "\n".join(f"    use_operation::<operations::{name}>();" for name in names)
    return (
        f"use {crate}::operation::Operation;\nuse {crate}::operations;\nuse {crate}::validate::Validate;\n\n"
        "fn use_operation<O: Operation>()\nwhere\n    O::Input: Default + Validate,\n{\n"
        "    let input = O::Input::default();\n"
        "    let _ = input.validate();\n"
        "    let _ = O::write_request(&input);\n"
        '    let _ = O::read_response(&http::Response::new(b"{}".to_vec()));\n}\n\n'
        f"pub fn every_operation() {{\n{calls}\n}}\n",
        len(names),
    )


def every_operation(rounds):
    folder = project("every-operation", f'{OURS} = {{ {snapshot()} }}\nhttp = "1"')
    source, count = every_operation_source()
    (folder / "src" / "lib.rs").write_text(source)
    run(["cargo", "build"], folder)
    alone, using = [], []
    for _ in range(rounds):
        run(["cargo", "clean", "-p", OURS, "-p", "every-operation"], folder)
        alone.append(run(["cargo", "build", "-p", OURS], folder))
        using.append(run(["cargo", "build"], folder))
    print(f"## A project that calls all {count} operations (debug, dependencies built)\n")
    print(f"- the crate alone:                 {summary(alone)}")
    print(f"- then the project's own code:     {summary(using)}")
    total = statistics.median(alone) + statistics.median(using)
    print(f"- together:                        {total:.2f} s\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", choices=["generation", "build", "fresh", "every-operation"], help="one part")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    print(f"{os.cpu_count()} cores, {args.rounds} rounds; medians (min–max)\n")
    parts = {
        "generation": generation,
        "build": crate_build,
        "fresh": fresh_project,
        "every-operation": every_operation,
    }
    for name, part in parts.items():
        if args.only in (None, name):
            part(args.rounds)


if __name__ == "__main__":
    main()
