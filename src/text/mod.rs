//! The text layer every recogniser stands on: normalisation for matching with alignment
//! back to the original, and lines, paragraphs, sentences and word boundaries as byte
//! spans.
//!
//! These are public so that callers building their own recognisers on top of intisari
//! see the text exactly as the built-in ones do.

mod latin;
mod normalize;
mod segment;
mod shapes;
mod tokens;

pub(crate) use latin::latin_only;
pub use normalize::Normalized;
pub use segment::{Casing, at_word_boundaries, is_word_char, lines, paragraphs, sentences, words};
pub(crate) use segment::{last_word, one_char, paragraphs_within, sentences_into, strip_folded, trim};
pub(crate) use shapes::{WordMap, WordSet};
pub(crate) use tokens::{Kind, Token, Tokens, Written, tokenize};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn texts<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
        spans.iter().map(|s| &text[s.range()]).collect()
    }

    fn split(paragraph: &str) -> Vec<&str> {
        texts(paragraph, &sentences(paragraph, Span::new(0, paragraph.len())))
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "satu\r\ndua\rtiga\nempat";
        let found: Vec<&str> = lines(text).map(|s| &text[s.range()]).collect();
        assert_eq!(found, ["satu", "dua", "tiga", "empat"]);
    }

    #[test]
    fn blank_lines_separate_paragraphs_when_present() {
        let text = "Judul berita\nJumat, 17 November 2023\n\nParagraf satu\nmasih satu.\n\n  Paragraf dua.  \n";
        assert_eq!(
            texts(text, &paragraphs(text)),
            ["Judul berita\nJumat, 17 November 2023", "Paragraf satu\nmasih satu.", "Paragraf dua."]
        );
        // Any line terminator: `\r\n` is one, a lone `\r` another; a line of white space is
        // blank.
        let text = "Satu\r\nmasih satu.\r\n \t\r\nDua\rmasih dua.\r\rTiga.";
        assert_eq!(texts(text, &paragraphs(text)), ["Satu\r\nmasih satu.", "Dua\rmasih dua.", "Tiga."]);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let text = "Paragraf satu.\r\nParagraf dua.\r\n";
        assert_eq!(texts(text, &paragraphs(text)), ["Paragraf satu.", "Paragraf dua."]);
        assert!(paragraphs(" \n\t\n").is_empty());
    }

    #[test]
    fn sentences_respect_indonesian_abbreviations_initials_and_numbers() {
        let paragraph = "Prof. Dr. H. Budi Santoso tiba di Jl. Malioboro No. 5 pukul 10.00 WIB. \
                         Biaya Rp. 1.500 per orang, kata R. Sony. Ia pulang.";
        assert_eq!(
            split(paragraph),
            [
                "Prof. Dr. H. Budi Santoso tiba di Jl. Malioboro No. 5 pukul 10.00 WIB.",
                "Biaya Rp. 1.500 per orang, kata R. Sony.",
                "Ia pulang."
            ]
        );
    }

    #[test]
    fn sentences_keep_quotes_with_their_attribution() {
        assert_eq!(
            split("“Kami siap!” kata Ani. \"Semua aman.\" Rapat usai."),
            ["“Kami siap!” kata Ani.", "\"Semua aman.\"", "Rapat usai."]
        );
    }

    #[test]
    fn sentences_in_pretokenised_and_single_case_text() {
        assert_eq!(
            split("\" Kami siap . \" katanya . Rapat dimulai ( 10/11 ) ."),
            ["\" Kami siap . \" katanya .", "Rapat dimulai ( 10/11 ) ."]
        );
        assert_eq!(split("banjir surut. warga pulang."), ["banjir surut.", "warga pulang."]);
        assert_eq!(split("BANJIR SURUT. WARGA PULANG"), ["BANJIR SURUT.", "WARGA PULANG"]);
    }

    #[test]
    fn sentences_only_split_where_a_new_sentence_can_start() {
        assert_eq!(split("Buku, alat tulis, dll. juga dibagikan."), ["Buku, alat tulis, dll. juga dibagikan."]);
        assert_eq!(split("Lihat kemenkes.go.id. Terima kasih."), ["Lihat kemenkes.go.id.", "Terima kasih."]);
    }

    #[test]
    fn word_boundaries_use_unicode_letters_and_digits() {
        let text = "Élysée, Bali-Nusa 2023x";
        let found: Vec<&str> = words(text).map(|s| &text[s.range()]).collect();
        assert_eq!(found, ["Élysée", "Bali", "Nusa", "2023x"]);
        let bali = text.find("Bali").unwrap();
        assert!(at_word_boundaries(text, Span::new(bali, bali + 4)));
        let year = text.find("2023").unwrap();
        assert!(!at_word_boundaries(text, Span::new(year, year + 4)));
    }

    #[test]
    fn one_char_is_a_count_of_one() {
        for text in ["", "r", "É", "ab", "e\u{301}", "ß", "日本"] {
            assert_eq!(one_char(text), text.chars().count() == 1, "{text:?}");
        }
    }

    #[test]
    fn the_last_word_is_the_last_of_the_words() {
        for text in [
            "Élysée, Bali-Nusa 2023x",
            "Kab. Kulon Progo",
            "Nusa Tenggara Timur.",
            "(ANTARA)",
            "",
            " - ",
            "Zürich",
            "á",
            "Zürich 2",
            "kota Bandung.",
            "2 éa",
            "aé",
            "Jum'at",
            "Pasar–Baru",
        ] {
            assert_eq!(last_word(text), words(text).last(), "{text:?}");
        }
    }

    #[test]
    fn casing_classifies_headlines() {
        assert_eq!(Casing::of("BNPB: 12 RUMAH RUSAK"), Casing::Upper);
        assert_eq!(Casing::of("bnpb: 12 rumah rusak"), Casing::Lower);
        assert_eq!(Casing::of("BNPB: 12 rumah rusak"), Casing::Mixed);
        assert_eq!(Casing::of("12/11"), Casing::Uncased);
    }
}
