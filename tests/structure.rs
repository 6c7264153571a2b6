//! Article structure on the page shapes news sites produce.

use intisari::{CompactString, Extraction, Extractor};

fn extract(text: &str) -> Extraction {
    Extractor::new().extract(text)
}

fn dateline(text: &str) -> (CompactString, Option<CompactString>, Option<CompactString>) {
    let found = extract(text).article.dateline.unwrap_or_else(|| panic!("no dateline in {text:?}"));
    (found.text, found.place, found.agency)
}

fn owned(place: Option<&str>) -> Option<CompactString> {
    place.map(CompactString::from)
}

#[test]
fn datelines_of_each_outlet_style() {
    let cases = [
        ("Jakarta (ANTARA) - Isi berita.", "Jakarta (ANTARA) -", Some("Jakarta"), Some("ANTARA")),
        (
            "Yogyakarta (ANTARA News) – Isi berita.",
            "Yogyakarta (ANTARA News) –",
            Some("Yogyakarta"),
            Some("ANTARA News"),
        ),
        ("JAKARTA, KOMPAS.com - Isi berita.", "JAKARTA, KOMPAS.com -", Some("JAKARTA"), Some("KOMPAS.com")),
        ("TEMPO.CO, Jakarta - Isi berita.", "TEMPO.CO, Jakarta -", Some("Jakarta"), Some("TEMPO.CO")),
        ("Jakarta, CNN Indonesia -- Isi berita.", "Jakarta, CNN Indonesia --", Some("Jakarta"), Some("CNN Indonesia")),
        ("Liputan6.com, Jakarta - Isi berita.", "Liputan6.com, Jakarta -", Some("Jakarta"), Some("Liputan6.com")),
        ("Jakarta - Isi berita.", "Jakarta -", Some("Jakarta"), None),
        ("Kulon Progo (ANTARA) - Isi berita.", "Kulon Progo (ANTARA) -", Some("Kulon Progo"), Some("ANTARA")),
        ("Jakarta ( ANTARA ) - Isi berita .", "Jakarta ( ANTARA ) -", Some("Jakarta"), Some("ANTARA")),
        // Beyond ASCII, read by the pattern rather than by hand.
        ("Zürich (ANTARA) - Isi berita.", "Zürich (ANTARA) -", Some("Zürich"), Some("ANTARA")),
        ("Jakarta, ANTARA Ñews - Isi berita.", "Jakarta, ANTARA Ñews -", Some("Jakarta"), Some("ANTARA Ñews")),
    ];
    for (text, expected, place, agency) in cases {
        assert_eq!(dateline(text), (CompactString::from(expected), owned(place), owned(agency)), "{text}");
        let found = extract(text);
        assert_eq!(&text[found.article.body.range()], text[expected.len()..].trim_start(), "{text}");
    }
}

#[test]
fn a_sentence_with_a_dash_is_not_a_dateline() {
    assert!(extract("Menurut dia, banjir - yang datang malam itu - merendam desa.").article.dateline.is_none());
    assert!(extract("warga jakarta - semua - diminta waspada.").article.dateline.is_none());
}

#[test]
fn headline_and_publication_line_form_the_header() {
    let text =
        "Harga cabai naik di Pasar Beringharjo\nSelasa, 9 Januari 2024 07:30 WIB\n\nYogyakarta (ANTARA) - Harga naik.";
    let found = extract(text);
    let article = &found.article;
    assert_eq!(article.title.as_ref().unwrap().text, "Harga cabai naik di Pasar Beringharjo");
    let published = article.published.as_ref().unwrap();
    assert_eq!(published.text, "Selasa, 9 Januari 2024 07:30 WIB");
    assert_eq!(published.date, jiff::civil::date(2024, 1, 9));
    assert_eq!(published.utc_offset, Some(7));
    assert_eq!(found.reference_date, Some(jiff::civil::date(2024, 1, 9)));
    assert_eq!(&text[article.body.range()], "Harga naik.");
}

#[test]
fn a_text_without_header_is_all_body() {
    let text = "  Warga Desa Sukamaju menanam 500 pohon.\n\nKegiatan berlangsung dua hari.  ";
    let found = extract(text);
    assert!(found.article.title.is_none() && found.article.dateline.is_none());
    assert_eq!(&text[found.article.body.range()], text.trim());
    assert_eq!(found.reference_date, None);
}

#[test]
fn related_links_are_reported_and_left_out_of_the_analysed_text() {
    let text = "Jakarta (ANTARA) - Paragraf satu.\n\nBaca juga: Judul tautan pertama\n\nBACA JUGA :\nJudul di baris berikut\n\nParagraf dua.";
    let found = extract(text);
    let related: Vec<&str> = found.article.related.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(related, ["Judul tautan pertama", "Judul di baris berikut"]);
    assert!(&text[found.article.body.range()].ends_with("Paragraf dua."));
}

#[test]
fn credits_copyright_and_closing_initials() {
    let text = "Jakarta (ANTARA) - Isi berita.\n\nPewarta: Sekar Wulandari, Dimas Prasetyo\nEditor: Rudi Hartono\nCopyright © ANTARA 2023";
    let found = extract(text);
    let credits: Vec<(&str, &str)> = found.article.credits.iter().map(|c| (c.role.as_str(), c.name.as_str())).collect();
    assert_eq!(credits, [("Pewarta", "Sekar Wulandari"), ("Pewarta", "Dimas Prasetyo"), ("Editor", "Rudi Hartono")]);
    assert_eq!(found.article.copyright.as_ref().unwrap().text, "Copyright © ANTARA 2023");
    assert_eq!(&text[found.article.body.range()], "Isi berita.");
    let people: Vec<(&str, &[CompactString])> =
        found.people.iter().map(|p| (p.name.as_str(), p.roles.as_slice())).collect();
    assert_eq!(people.len(), 3);
    assert_eq!(people[2], ("Rudi Hartono", &[CompactString::from("Editor")][..]));
    assert!(found.entities.iter().all(|e| e.kind == intisari::EntityKind::Person));

    let detik = "Jakarta - Isi berita terakhir. (nal/ant)";
    let found = extract(detik);
    let codes: Vec<(&str, &str)> = found.article.credits.iter().map(|c| (c.role.as_str(), c.name.as_str())).collect();
    assert_eq!(codes, [("initials", "nal"), ("initials", "ant")]);
    assert_eq!(&detik[found.article.body.range()], "Isi berita terakhir.");
    assert!(found.people.is_empty(), "initials are codes, not names");

    let kompas = "JAKARTA, KOMPAS.com - Isi.\n\nPenulis: Ayu Pratiwi | Editor: Bonifasius Sinaga";
    let credits: Vec<(CompactString, CompactString)> =
        extract(kompas).article.credits.into_iter().map(|c| (c.role, c.name)).collect();
    assert_eq!(credits, [("Penulis".into(), "Ayu Pratiwi".into()), ("Editor".into(), "Bonifasius Sinaga".into())]);

    // A credit line may open with the separator; a body line with a colon is no credit.
    let separated = "Jakarta - Kata Ani: siap.\n\n| Reporter: Dewi Lestari | Editor: Agus Salim";
    let found = extract(separated);
    let credits: Vec<&str> = found.article.credits.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(credits, ["Dewi Lestari", "Agus Salim"]);
    assert_eq!(&separated[found.article.body.range()], "Kata Ani: siap.");
}

#[test]
fn every_reported_span_covers_its_text() {
    let text = "Judul\r\nJumat, 17 Nov 2023 14:05 WIB\r\n\r\nJakarta (ANTARA) – “Siap,” kata Ani.\r\n\r\nBaca juga: Tautan\r\n\r\nPewarta: Ani\r\nCOPYRIGHT © ANTARA News 2023";
    let found = extract(text);
    assert!(found.article.dateline.is_some() && found.article.copyright.is_some());
    for (span, claimed) in found.spans() {
        assert_eq!(text.get(span.range()), Some(claimed));
    }
}
