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

/// Text shaped like a gazetteer file: the header or not, fields, tabs, pipes, line ends.
fn gazetteer_like() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "id\tkind\tclass\tcanonical\tparent\tcode\taliases\n",
        "region/99\t",
        "x/1\t",
        "region\t",
        "institution\t",
        "planet\t",
        "city\t",
        "Kota Contoh\t",
        "region/34\t",
        "\t",
        "|",
        "A|B",
        "\n",
        "\r\n",
        "#",
        " ",
        "\u{feff}",
        "é",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|pieces| pieces.concat())
}

/// The sample articles, read once.
fn samples() -> &'static [String] {
    static SAMPLES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples");
        let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        paths.sort();
        paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    })
}

/// One change to an article: where (a fraction of its length) and what.
#[derive(Clone, Debug)]
enum Mutation {
    /// Cut the text at a character.
    Truncate(f64),
    /// Insert a piece: a quote mark, whitespace, a combining or invisible mark.
    Insert(f64, &'static str),
    /// Remove the quote mark at or after a place.
    RemoveQuote(f64),
    /// Flip the case of a stretch of text.
    FlipCase(f64, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let piece = prop::sample::select(vec![
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "’",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{301}",
        "\u{200b}",
        "\u{feff}",
        "\0",
        "\u{202e}",
        " kata ",
        ", ujarnya.",
        "(",
        ")",
        ":",
        "Menurut ",
    ]);
    prop_oneof![
        (0.0..1.0).prop_map(Mutation::Truncate),
        ((0.0..1.0), piece).prop_map(|(at, piece)| Mutation::Insert(at, piece)),
        (0.0..1.0).prop_map(Mutation::RemoveQuote),
        ((0.0..1.0), 1usize..400).prop_map(|(at, len)| Mutation::FlipCase(at, len)),
    ]
}

/// The char boundary nearest below `fraction` of `text`.
fn boundary(text: &str, fraction: f64) -> usize {
    let mut at = ((text.len() as f64) * fraction) as usize;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn mutate(mut text: String, mutations: &[Mutation]) -> String {
    for mutation in mutations {
        match *mutation {
            Mutation::Truncate(at) => text.truncate(boundary(&text, at)),
            Mutation::Insert(at, piece) => text.insert_str(boundary(&text, at), piece),
            Mutation::RemoveQuote(at) => {
                let from = boundary(&text, at);
                if let Some((i, c)) = text[from..].char_indices().find(|(_, c)| matches!(c, '"' | '“' | '”')) {
                    text.replace_range(from + i..from + i + c.len_utf8(), "");
                }
            }
            Mutation::FlipCase(at, len) => {
                let from = boundary(&text, at);
                let to = boundary(&text, ((from + len) as f64 / text.len().max(1) as f64).min(1.0));
                let flipped: String = text[from..to.max(from)]
                    .chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().next().unwrap_or(c)
                        } else {
                            c.to_uppercase().next().unwrap_or(c)
                        }
                    })
                    .collect();
                text.replace_range(from..to.max(from), &flipped);
            }
        }
    }
    text
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

/// The number of cases: `PROPTEST_CASES` when set (CI runs many more, in place of the
/// fuzz targets it cannot run on a stable toolchain), else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(512)))]

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
    fn mutated_articles_extract_alone_and_in_a_batch_alike(
        sample in 0usize..12,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let samples = samples();
        let text = mutate(samples[sample % samples.len()].clone(), &mutations);
        let extractor = Extractor::new();
        let alone = extractor.extract(&text);
        check_spans(&text, &alone);
        prop_assert_eq!(&alone, &extractor.extract(&text));
        let batch = [Document::new("", samples[0].as_str()), Document::new("", text.as_str())];
        prop_assert_eq!(&extractor.extract_batch(&batch)[1], &alone);
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

proptest! {
    // Each case builds an extractor with the whole built-in gazetteer: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(cases(512) / 16))]

    #[test]
    fn any_user_gazetteer_builds_or_errs_without_panic(
        text in prop_oneof![gazetteer_like(), any::<String>()],
        bytes in prop::collection::vec(any::<u8>(), 0..64),
    ) {
        for data in [text.as_bytes(), &bytes[..]] {
            let mut builder = Extractor::builder();
            match builder.gazetteer_reader("fuzz.tsv", data) {
                Ok(builder) => match builder.build() {
                    Ok(extractor) => check_spans("Jakarta dan Kota Contoh", &extractor.extract("Jakarta dan Kota Contoh")),
                    Err(error) => prop_assert!(error.to_string().starts_with("fuzz.tsv"), "{}", error),
                },
                Err(error) => prop_assert!(error.to_string().contains("fuzz.tsv"), "{}", error),
            }
        }
    }
}

proptest! {
    // Each case extracts up to forty documents twice: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(cases(512) / 32))]

    #[test]
    fn a_batch_of_mixed_documents_gives_each_its_own_extraction(
        picks in prop::collection::vec((0usize..14, prop::collection::vec(mutation(), 0..3)), 0..40),
    ) {
        // Articles, mutated ones, empty documents and one long document (all samples
        // joined), in any order: groups must neither mix documents nor reorder them.
        let samples = samples();
        let long = samples.join("\n\n");
        let documents: Vec<Document> = picks
            .iter()
            .enumerate()
            .map(|(at, (pick, mutations))| {
                let text = match pick {
                    12 => String::new(),
                    13 => long.clone(),
                    _ => mutate(samples[*pick].clone(), mutations),
                };
                Document::new(at.to_string(), text)
            })
            .collect();
        let extractor = Extractor::new();
        let alone: Vec<_> = documents.iter().map(|d| extractor.extract_document(d)).collect();
        prop_assert_eq!(extractor.extract_batch(&documents), alone);
    }
}
