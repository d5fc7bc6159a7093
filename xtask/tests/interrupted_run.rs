//! A run killed at any point leaves the old files, or a mix of old and new, plus leftovers that
//! the drift check names and the next run removes, completing what was interrupted. Killing is
//! simulated by a disk that panics mid-operation, so that no undo code runs (this file holds
//! the one test, as it silences panic messages for the whole test binary).

mod support;

use std::panic::{catch_unwind, AssertUnwindSafe};

use support::faulty_disk::{Fault, FaultyDisk, KILLED};
use support::{generated, leftovers, paths, small_crate, snapshot, Scratch};
use xtask::{check_crate, write_crate, Drift, Writer};

#[test]
fn the_next_run_completes_a_run_killed_at_any_point() {
    std::panic::set_hook(Box::new(|info| {
        if info.payload().downcast_ref::<&str>() != Some(&KILLED) {
            eprintln!("{info}");
        }
    }));
    let mut v2 = small_crate("v2");
    v2.push(generated("src/extra/new.rs", "// new in v2\n"));
    let scratch = Scratch::new("interrupted-expected");
    write_crate(&scratch.join("out"), &v2).unwrap();
    let expected_fresh = snapshot(&scratch.join("out"));
    std::fs::write(scratch.join("out/README.md"), "mine\n").unwrap();
    let expected_over_v1 = snapshot(&scratch.join("out"));
    // Over version 1 of the crate (with a file of the user's), and into a folder that did not exist.
    for fresh in [false, true] {
        for at in 0.. {
            let scratch = Scratch::new(&format!("interrupted-{fresh}-{at}"));
            let out = scratch.join("out");
            if !fresh {
                let mut v1 = small_crate("v1");
                v1.push(generated("src/old.rs", "// removed in v2\n"));
                write_crate(&out, &v1).unwrap();
                std::fs::write(out.join("README.md"), "mine\n").unwrap();
            }
            let disk = FaultyDisk::new(Fault::Killed, at);

            let outcome = catch_unwind(AssertUnwindSafe(|| Writer::default().disk(&disk).write_crate(&out, &v2)));

            if !disk.struck.get() {
                assert!(matches!(outcome, Ok(Ok(_))), "fresh {fresh}, {at}");
                assert!(at > 5, "the run has several steps to be killed at");
                break;
            }
            assert!(outcome.is_err(), "fresh {fresh}, killed at {at}: the run went on");
            let left = leftovers(&out);
            assert!(!left.is_empty(), "fresh {fresh}, killed at {at}: a staged copy is left");
            // The folder is still recognised as the generator's, and the check names each leftover.
            let drift = check_crate(&out, &v2).unwrap();
            for leftover in &left {
                assert!(
                    drift.iter().any(|d| matches!(d, Drift::Extra(p) if p.ends_with(leftover.as_str()))),
                    "fresh {fresh}, killed at {at}: {leftover} not reported in {drift:?}"
                );
            }

            write_crate(&out, &v2).unwrap_or_else(|e| panic!("fresh {fresh}, killed at {at}: {e}"));

            let after = snapshot(&out);
            let expected = if fresh { &expected_fresh } else { &expected_over_v1 };
            assert_eq!(&after, expected, "fresh {fresh}, killed at {at}: {:?}", paths(&after));
        }
    }
}
