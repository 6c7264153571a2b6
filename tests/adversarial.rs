//! Hostile inputs: each finishes with valid output, and doubling as much again of it costs
//! about as much again (time is compared between two sizes of the same input, as a ratio,
//! never against a wall clock).

use std::time::{Duration, Instant};

use intisari::{Extraction, Extractor};

/// Every span inside the text, on character boundaries, equal to its claimed text, and
/// every list sorted.
fn check(text: &str, found: &Extraction) {
    for (span, claimed) in found.spans() {
        assert_eq!(text.get(span.range()), Some(claimed), "span {span:?}");
    }
    assert!(text.get(found.article.body.range()).is_some());
    for person in &found.people {
        assert!(person.mentions.iter().all(|m| text.get(m.range()).is_some()));
    }
    assert!(found.entities.windows(2).all(|w| w[0].span <= w[1].span));
    assert!(found.dates.windows(2).all(|w| w[0].span <= w[1].span));
    assert!(found.quotes.windows(2).all(|w| w[0].span <= w[1].span));
}

/// The fastest of three runs, to keep a busy machine's noise out of the ratio.
fn time(extractor: &Extractor, text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            let found = extractor.extract(text);
            let elapsed = start.elapsed();
            check(text, &found);
            elapsed
        })
        .min()
        .expect("three runs")
}

/// `unit` repeated to about `bytes` bytes, then eight times as much: see
/// [`assert_linear_made`].
fn assert_linear(name: &str, unit: &str, bytes: usize) {
    assert_linear_made(name, |n| unit.repeat(n), bytes / unit.len().max(1) + 1);
}

#[test]
fn tiny_inputs() {
    let extractor = Extractor::new();
    for text in ["", " ", "a", "\"", "“", "\n", "\r", "\u{feff}", "\0", "é", "\u{301}", "👍", "-", "(ANTARA) -"] {
        check(text, &extractor.extract(text));
    }
}

#[test]
fn unbalanced_quote_marks() {
    assert_linear("straight marks", "\" ", 20_000);
    assert_linear("curly marks", "“Kata dia ", 20_000);
    assert_linear("closing marks", "” kata Ani, ", 20_000);
}

#[test]
fn capitalised_words_without_end() {
    assert_linear("capitalised words", "Budi Santoso Hartono Wibowo ", 20_000);
    assert_linear("titles and names", "Dr. H. Kombes Pol. Nani Suryani, S.H., ", 20_000);
}

#[test]
fn every_word_a_gazetteer_hit() {
    assert_linear("gazetteer hits", "Jakarta Bali Kulon Progo Perpusnas ASEAN Sri Lanka ", 20_000);
    // Entities in many paragraphs: each paragraph's people must not walk every entity
    // before it.
    assert_linear("gazetteer hits in paragraphs", "Warga Jakarta dan Bali tiba di Kulon Progo.\n\n", 60_000);
}

#[test]
fn digits_and_dates_everywhere() {
    assert_linear("dates", "13 hingga 17 November 2023 pukul 10.00 WIB, Jumat (17/11) ", 20_000);
    assert_linear("digits", "1234567890 12.500 3,5 17/11 ", 20_000);
}

#[test]
fn speech_everywhere() {
    assert_linear("reported speech", "Menurut Ani, harga naik, kata Budi mengatakan bahwa stok aman. ", 20_000);
    assert_linear("split quotes", "\"Kami siap,\" kata Nani Suryani. \"Semua aman.\" ", 20_000);
}

#[test]
fn deeply_nested_brackets() {
    let text = format!("{}Jakarta{}", "(".repeat(50_000), ")".repeat(50_000));
    check(&text, &Extractor::new().extract(&text));
    assert_linear("brackets", "((([[{", 20_000);
}

#[test]
fn control_invisible_and_right_to_left_characters() {
    let text =
        "Jak\u{200b}arta\0 (ANTARA)\u{1} - \u{202e}Perpusnas\u{202c} \u{200d}kata\u{feff} Nani \u{61c}مرحبا Суряни";
    check(text, &Extractor::new().extract(text));
    assert_linear("invisible characters", "Per\u{200b}pus\u{200d}nas \u{202e}kata\u{2066} Ani\0 ", 20_000);
}

#[test]
fn decomposed_text_a_bom_and_every_line_end() {
    let extractor = Extractor::new();
    let nfd = "\u{feff}Kafe\u{301} di Jakarta\r\nJumat, 17 November 2023\r\rBandung (ANTARA) - \"Siap,\" kata Ani.\r";
    check(nfd, &extractor.extract(nfd));
    assert_linear("decomposed accents", "e\u{301}a\u{308}\u{323} Cafe\u{301} ", 20_000);
    assert_linear("lone carriage returns", "Budi pulang.\rAni datang.\r\r", 20_000);
}

#[test]
fn mixed_scripts() {
    let text = "Jakarta (ANTARA) - 中国 Tiongkok, Россия, ไทย dan العربية: \"日本\" kata 山田.";
    check(text, &Extractor::new().extract(text));
    assert_linear("mixed scripts", "漢字 Jakarta русский ไทย ", 20_000);
}

#[test]
fn a_long_document_on_one_line() {
    // One paragraph, no line break at all: the per-paragraph work must stay linear.
    assert_linear(
        "one line",
        "Kepala BPS Ratna mengatakan, \"Harga naik 12 persen pada 17 November 2023,\" katanya. ",
        50_000,
    );
    let text = "Budi pergi ke Jakarta pada Senin. ".repeat(10 << 20 >> 5);
    check(&text, &Extractor::new().extract(&text));
}

/// Unique capitalised names, `count` of them, as letters (`Bca`, `Bcb`, …).
fn unique_name(index: usize) -> String {
    let mut name = String::from("B");
    let mut rest = index;
    for _ in 0..4 {
        name.push((b'a' + (rest % 26) as u8) as char);
        rest /= 26;
    }
    name
}

/// The text made by `make(n)` and by `make(8 * n)`: the larger must cost well under the
/// square of the ratio (64), with a generous margin for noise over the linear 8.
fn assert_linear_made(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let extractor = Extractor::new();
    let (small, large) = (make(n), make(8 * n));
    extractor.extract(&small); // warm up the lazily built extractor and the caches
    let (a, b) = (time(&extractor, &small), time(&extractor, &large));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(1e-6);
    assert!(ratio < 24.0, "{name}: 8x the input took {ratio:.1}x the time ({a:?} -> {b:?})");
}

#[test]
fn many_names_defined_across_many_paragraphs() {
    let stations =
        |n: usize| (0..n).map(|i| format!("Warga tiba di Stasiun {} pada pagi hari.\n\n", unique_name(i))).collect();
    assert_linear_made("head-word names", stations, 500);
    let acronyms = |n: usize| {
        (0..n)
            .map(|i| format!("Dinas {} Raya (D{}) dibuka.\n\n", unique_name(i), unique_name(i).to_uppercase()))
            .collect()
    };
    assert_linear_made("acronym definitions", acronyms, 500);
}

#[test]
fn many_pronouns_after_many_places() {
    let text = |n: usize| {
        let places = "Jakarta, Bandung, Surabaya. ".repeat(n);
        format!("{places}{}", "\"Kami siap bekerja keras,\" katanya. ".repeat(n))
    };
    assert_linear_made("pronouns after places", text, 1_000);
}
