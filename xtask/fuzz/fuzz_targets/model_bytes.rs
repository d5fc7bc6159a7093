//! Arbitrary bytes as a Smithy JSON AST model: loading and generating never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        smithy_fuzz::load_and_generate(text, false);
    }
});
