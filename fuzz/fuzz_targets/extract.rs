//! Any text: extraction never panics and every span it reports is valid.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found = intisari::Extractor::new().extract(text);
    for (span, claimed) in found.spans() {
        assert_eq!(text.get(span.range()), Some(claimed), "span {span:?}");
    }
});
