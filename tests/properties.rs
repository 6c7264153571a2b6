//! Invariants that hold for any input text.

use intisari::text::{self, Normalized};
use intisari::{Date, Document, Extraction, Extractor, Span};
use proptest::prelude::*;

/// Text that looks enough like news to reach every recogniser: words, names, quote marks,
/// dashes, digits, line breaks, accents, combining marks and odd spaces.
fn newsish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Jakarta",
        " (ANTARA) ",
        "-",
        "–",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\"",
        "“",
        "”",
        "’",
        ".",
        ",",
        ":",
        "Baca juga:",
        "Pewarta:",
        "Editor:",
        "Copyright ©",
        "(nal/ant)",
        "kata",
        "Nani",
        "Suryani",
        "17",
        "November",
        "2023",
        "Jumat,",
        "10.00",
        "WIB",
        "Dr.",
        "é",
        "e\u{301}",
        "İ",
        "ß",
        "\u{00A0}",
        "\u{200B}",
        "\u{FEFF}",
        "ا",
        "中",
        "|",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|p| p.concat())
}

/// Temporal vocabulary, numbers of every size and the marks between them, so that every
/// date rule runs on every neighbour it could meet.
fn temporal() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "13",
        "31",
        "0",
        "99",
        "2023",
        "1990",
        "99999999999999999999",
        "9999",
        "1.000",
        "2,5",
        "/",
        "-",
        "(",
        ")",
        ".",
        ",",
        ":",
        " ",
        " ",
        " ",
        "\n",
        "November",
        "Februari",
        "Nov",
        "Minggu",
        "minggu",
        "Jumat",
        "Jum'at",
        "hingga",
        "s.d.",
        "antara",
        "dan",
        "sejak",
        "setiap",
        "sekali",
        "selama",
        "lalu",
        "depan",
        "mendatang",
        "terakhir",
        "ini",
        "kemarin",
        "lusa",
        "besok",
        "tadi",
        "malam",
        "dini",
        "hari",
        "pukul",
        "jam",
        "WIB",
        "WITA",
        "pagi",
        "tahun",
        "bulan",
        "pekan",
        "abad",
        "ke",
        "an",
        "XXI",
        "kuartal",
        "III",
        "semester",
        "Q",
        "akhir",
        "awal",
        "dua",
        "puluh",
        "belas",
        "ratus",
        "seratus",
        "setengah",
        "sehari",
        "Juni",
        "Simatupang",
        "Rp",
        "pasal",
        "B",
        "TKA",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

fn check_spans(text: &str, found: &Extraction) {
    for (span, claimed) in found.spans() {
        assert_eq!(text.get(span.range()), Some(claimed), "span {span:?}");
    }
    assert!(text.get(found.article.body.range()).is_some(), "body {:?}", found.article.body);
    for person in &found.people {
        for mention in &person.mentions {
            assert!(text.get(mention.range()).is_some());
        }
    }
    assert!(found.entities.windows(2).all(|w| w[0].span <= w[1].span), "entities sorted");
    assert!(found.dates.windows(2).all(|w| w[0].span <= w[1].span), "dates sorted");
    assert!(found.quotes.windows(2).all(|w| w[0].span <= w[1].span), "quotes sorted");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_extracts_without_panic_and_with_valid_spans(text in any::<String>()) {
        let found = Extractor::new().extract(&text);
        check_spans(&text, &found);
    }

    #[test]
    fn newsish_text_extracts_with_valid_spans_deterministically(text in newsish()) {
        let extractor = Extractor::new();
        let found = extractor.extract(&text);
        check_spans(&text, &found);
        prop_assert_eq!(&found, &extractor.extract(&text));
        let json = serde_json::to_string(&found).unwrap();
        prop_assert_eq!(serde_json::from_str::<Extraction>(&json).unwrap(), found);
    }

    #[test]
    fn temporal_word_soup_gives_valid_dates_at_any_reference(
        text in temporal(),
        reference in prop::sample::select(vec![None, Some((2023, 11, 17)), Some((9999, 12, 31)), Some((-9999, 1, 1))]),
    ) {
        let mut document = Document::new("soup", text.as_str());
        document.date = reference.map(|(year, month, day)| Date::new(year, month, day).unwrap());
        let found = Extractor::new().extract_document(&document);
        check_spans(&text, &found);
        for date in &found.dates {
            let value = date.value.as_deref().unwrap_or("");
            prop_assert!(value.is_ascii() && !value.contains(' '), "{:?}", date);
        }
    }

    #[test]
    fn normalised_words_map_back_to_text_that_normalises_to_them(text in newsish()) {
        let normalized = Normalized::new(&text);
        for word in text::words(normalized.as_str()) {
            let original = normalized.to_original(word);
            let slice = text.get(original.range()).expect("mapped span on char boundaries");
            let renormalized = Normalized::new(slice);
            prop_assert_eq!(renormalized.as_str(), &normalized.as_str()[word.range()]);
        }
        let all = normalized.to_original(Span::new(0, normalized.as_str().len()));
        prop_assert!(all.end <= text.len());
    }

    #[test]
    fn sentences_are_ordered_disjoint_and_inside_their_paragraph(text in newsish()) {
        for paragraph in text::paragraphs(&text) {
            let sentences = text::sentences(&text, paragraph);
            prop_assert!(sentences.iter().all(|s| paragraph.contains(*s) && !s.is_empty()));
            prop_assert!(sentences.windows(2).all(|w| w[0].end <= w[1].start));
            prop_assert!(sentences.iter().all(|s| text.get(s.range()).is_some()));
        }
    }
}
