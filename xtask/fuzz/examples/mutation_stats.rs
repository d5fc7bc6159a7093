//! Runs the `model_mutations` pipeline on pseudo-random inputs outside libFuzzer and prints how
//! the runs ended: a quick check that the mutations reach the generator, and a way to run many
//! inputs without cargo-fuzz.
//!
//! `cargo run --release --manifest-path xtask/fuzz/Cargo.toml --example mutation_stats [RUNS [SEED]]`

use std::collections::BTreeMap;

use arbitrary::{Arbitrary, Unstructured};
use smithy_fuzz::MutationRun;

fn main() {
    let runs: u64 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let seed: u64 = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut state = 0x9E37_79B9_7F4A_7C15u64 ^ seed.wrapping_mul(0x2545_F491_4F6C_DD1D);
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    for _ in 0..runs {
        let bytes: Vec<u8> = (0..512)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let Ok(run) = MutationRun::arbitrary(&mut Unstructured::new(&bytes)) else { continue };
        let text = run.model_text();
        let outcome = match smithy_model::Model::from_json(&text) {
            Err(e) => format!("load: {}", first_words(&e.reason)),
            Ok(model) => {
                let options = codegen::Options { standalone: true, ..codegen::Options::new("fuzz.json") };
                match std::panic::catch_unwind(|| codegen::generate(&model, &options)) {
                    Ok(Ok(_)) => "generated".to_owned(),
                    Ok(Err(e)) => {
                        if let Ok(path) = std::env::var("SAVE_ERROR") {
                            if e.reason.contains(&path) {
                                std::fs::write("mutation-error.json", &text).unwrap();
                                eprintln!("{e}\n{run:?}");
                            }
                        }
                        format!("generate: {}", first_words(&e.reason))
                    }
                    Err(_) => {
                        std::fs::write("mutation-crash.json", &text).unwrap();
                        format!("PANIC (model in mutation-crash.json): {run:?}")
                    }
                }
            }
        };
        *outcomes.entry(outcome).or_default() += 1;
    }
    for (outcome, n) in outcomes {
        println!("{n:6}  {outcome}");
    }
}

fn first_words(text: &str) -> String {
    text.split_whitespace().take(6).collect::<Vec<_>>().join(" ").chars().take(80).collect()
}
