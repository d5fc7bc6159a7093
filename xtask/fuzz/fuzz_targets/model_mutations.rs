//! Real models (AWS Support, Cognito Identity, the edge cases), mutated: shapes dropped and
//! renamed, targets broken and swapped, types changed, cycles added, huge strings and odd trait
//! values injected. Loading and generating never panic, and generating is deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smithy_fuzz::MutationRun;

fuzz_target!(|run: MutationRun| {
    smithy_fuzz::load_and_generate(&run.model_text(), run.twice);
});
