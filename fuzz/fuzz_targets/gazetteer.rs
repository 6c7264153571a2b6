//! Any bytes as a user gazetteer: loading gives an extractor or an error, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut builder = intisari::Extractor::builder();
    if let Ok(builder) = builder.gazetteer_reader("fuzz.tsv", data)
        && let Ok(extractor) = builder.build()
    {
        extractor.extract("Kulon Progo (ANTARA) - Warga Jakarta dan Bali bertemu.");
    }
});
