//! Gazetteer matching semantics on tricky phrases: boundaries, leftmost-longest, case,
//! ambiguity, aliases and user data.

use intisari::{Entity, EntityKind, Error, Extractor};

fn entities(text: &str) -> Vec<Entity> {
    Extractor::new().extract(text).entities
}

/// `(text, id)` of every entity found.
fn found(text: &str) -> Vec<(String, String)> {
    entities(text).into_iter().map(|e| (e.text.into(), e.id.into())).collect()
}

fn pair(text: &str, id: &str) -> (String, String) {
    (text.to_string(), id.to_string())
}

#[test]
fn spelling_variants_and_prefixes_link_to_one_regency_inside_its_province() {
    let text = "Warga Kulonprogo, Kulon Progo, Kabupaten Kulon Progo dan Kab. Kulon Progo di DIY.";
    let found = entities(text);
    let regency: Vec<&str> = found.iter().filter(|e| e.id == "region/34.01").map(|e| e.text.as_str()).collect();
    assert_eq!(regency, ["Kulonprogo", "Kulon Progo", "Kabupaten Kulon Progo", "Kab. Kulon Progo"]);
    assert!(found.iter().all(|e| e.id != "region/34.01" || e.canonical == "Kabupaten Kulon Progo"));
    assert!(found.iter().any(|e| e.text == "DIY" && e.id == "region/34"));
}

#[test]
fn leftmost_longest_prefers_the_longer_name() {
    assert_eq!(found("Banjir di Jakarta Timur."), [pair("Jakarta Timur", "region/31.75")]);
    assert_eq!(found("Delegasi Sri Lanka tiba."), [pair("Sri Lanka", "country/lk")]);
    assert_eq!(found("Papua Nugini dan Papua."), [pair("Papua Nugini", "country/pg"), pair("Papua", "region/91")]);
}

#[test]
fn a_name_ends_at_an_apostrophe_inside_a_word() {
    // `Jakarta's` is one token, but the apostrophe is a word boundary: the form inside it
    // is found, with a straight or a curly apostrophe.
    assert_eq!(found("Jakarta's mayor tiba."), [pair("Jakarta", "region/31")]);
    assert_eq!(found("Warga Bali\u{2019}s datang."), [pair("Bali", "region/51")]);
}

#[test]
fn matches_respect_unicode_word_boundaries() {
    assert!(found("Balikpapan dan Baliho").iter().all(|(text, _)| text != "Bali"));
    assert_eq!(found("(Bali)")[0], pair("Bali", "region/51"));
    assert_eq!(found("Bali-Nusa Tenggara")[0], pair("Bali", "region/51"));
}

#[test]
fn acronyms_match_only_in_their_own_case() {
    assert_eq!(found("Presiden AS tiba."), [pair("AS", "country/us")]);
    assert!(found("Hal itu jelas atas semua, seperti as roda.").is_empty());
    assert_eq!(found("Data BPS dan bps.")[0].0, "BPS");
    assert_eq!(found("Data BPS dan bps.").len(), 1);
}

#[test]
fn names_need_a_capital_in_mixed_case_text() {
    assert_eq!(found("Nasib malang menimpa warga Malang.").len(), 1);
    assert_eq!(found("Nasib malang menimpa warga Malang.")[0].0, "Malang");
}

#[test]
fn single_case_paragraphs_relax_the_case_rules() {
    let upper = found("GEMPA GUNCANG KABUPATEN SUKABUMI DAN BMKG SIAGA");
    assert!(upper.contains(&pair("KABUPATEN SUKABUMI", "region/32.02")), "{upper:?}");
    assert!(upper.iter().any(|(text, _)| text == "BMKG"), "{upper:?}");
    let lower = found("gempa guncang kabupaten sukabumi, kata bmkg, bukan as");
    assert!(lower.contains(&pair("kabupaten sukabumi", "region/32.02")), "{lower:?}");
    assert!(lower.iter().any(|(text, _)| text == "bmkg"), "{lower:?}");
    assert!(lower.iter().all(|(text, _)| text != "as"), "two-letter acronyms never match in lower case");
}

#[test]
fn a_shared_name_resolves_by_the_word_before_it_and_exposes_the_alternative() {
    let found = entities("Bupati Bogor dan Wali Kota Bogor bertemu di Bogor.");
    let ids: Vec<&str> = found.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["region/32.01", "region/32.71", "region/32.71"]);
    assert_eq!(found[2].alternatives, ["region/32.01"]);
    let yogya = entities("Gubernur Yogyakarta hadir.");
    assert_eq!(yogya[0].id, "region/34");
}

#[test]
fn institutions_and_their_acronyms_are_one_entry() {
    let found = entities("Perpustakaan Nasional Republik Indonesia (Perpusnas) dan Perpusnas RI.");
    let ids: Vec<&str> = found.iter().filter(|e| e.kind == EntityKind::Institution).map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["institution/perpusnas"; 3]);
}

#[test]
fn curly_quotes_and_odd_spaces_still_give_original_spans() {
    let text = "“Kulon\u{00A0}Progo” siap";
    let found = entities(text);
    assert_eq!(found[0].text, "Kulon\u{00A0}Progo");
    assert_eq!(&text[found[0].span.range()], found[0].text);
}

#[test]
fn user_gazetteers_extend_and_override_the_built_in_entries() {
    let data = "id\tkind\tclass\tcanonical\tparent\tcode\taliases\n\
                institution/tani-maju\tinstitution\tother\tKelompok Tani Maju\t\t\tTani Maju\n\
                region/34.01\tregion\tregency\tKabupaten Kulon Progo (data pengguna)\tregion/34\t34.01\tKulon Progo\n";
    let extractor = Extractor::builder().gazetteer_reader("user.tsv", data.as_bytes()).unwrap().build().unwrap();
    let found = extractor.extract("Tani Maju dari Kulon Progo, bukan Kulonprogo.").entities;
    let got: Vec<(&str, &str)> = found.iter().map(|e| (e.text.as_str(), e.canonical.as_str())).collect();
    assert_eq!(got, [("Tani Maju", "Kelompok Tani Maju"), ("Kulon Progo", "Kabupaten Kulon Progo (data pengguna)")]);
}

#[test]
fn a_form_inside_the_start_of_a_longer_form_is_found_on_its_own_words() {
    // `Tirta Banyu` starts the longer form and ends with the shorter one: the walk from
    // `Tirta` passes a state that also ends `Banyu`, which must not be reported there.
    let data = "id\tkind\tclass\tcanonical\tparent\tcode\taliases\n\
                institution/tirta-banyu-lestari\tinstitution\tcompany\tTirta Banyu Lestari\t\t\t\n\
                place/banyu\tplace\tvillage\tBanyu\t\t\t\n";
    let extractor = Extractor::builder().gazetteer_reader("user.tsv", data.as_bytes()).unwrap().build().unwrap();
    let text = "Warga Tirta Banyu pindah ke Tirta Banyu Lestari.";
    let found = extractor.extract(text).entities;
    let got: Vec<(&str, usize, &str)> =
        found.iter().map(|e| (e.text.as_str(), e.span.start, e.canonical.as_str())).collect();
    assert_eq!(got, [("Banyu", 12, "Banyu"), ("Tirta Banyu Lestari", 28, "Tirta Banyu Lestari")]);
}

#[test]
fn a_malformed_user_gazetteer_is_an_error_naming_source_and_line() {
    let data = "id\tkind\tclass\tcanonical\tparent\tcode\taliases\nx/1\tregion\tcity\n";
    let error = Extractor::builder().gazetteer_reader("mine.tsv", data.as_bytes()).unwrap().build().unwrap_err();
    match &error {
        Error::Data { source_name, line, .. } => assert_eq!((source_name.as_str(), *line), ("mine.tsv", 2)),
        other => panic!("expected a data error, got {other:?}"),
    }
    assert!(error.to_string().starts_with("mine.tsv, line 2: expected 7 tab-separated fields"));
    let missing = Extractor::builder().gazetteer_path("/nonexistent/file.tsv").build().unwrap_err();
    assert!(matches!(missing, Error::Io { .. }), "{missing:?}");
}

#[test]
fn every_kind_of_bad_gazetteer_line_is_an_error_with_its_line_and_remedy() {
    let header = "id\tkind\tclass\tcanonical\tparent\tcode\taliases\n";
    let cases: &[(&str, usize, &str)] = &[
        ("x/1\tregion\tcity\n", 2, "expected 7 tab-separated fields"),
        ("x/1\tregion\tcity\t\t\t\t\n", 2, "canonical"),
        ("\tregion\tcity\tKota X\t\t\t\n", 2, "id"),
        ("x/1\tplanet\tcity\tKota X\t\t\t\n", 2, "kind"),
        ("x/1\tregion\tcity\tKota X\t\t\tA||B\n", 2, "alias"),
        ("x/1\tregion\tcity\tKota X\t\t\t\nx/1\tregion\tcity\tKota Y\t\t\t\n", 3, "x/1"),
        ("x/1\tregion\tcity\tKota X\tregion/none\t\t\n", 2, "region/none"),
    ];
    for (lines, line, mentions) in cases {
        let data = format!("{header}{lines}");
        let error = Extractor::builder().gazetteer_reader("mine.tsv", data.as_bytes()).unwrap().build().unwrap_err();
        let message = error.to_string();
        match &error {
            Error::Data { source_name, line: at, .. } => {
                assert_eq!((source_name.as_str(), at), ("mine.tsv", line), "{message}");
            }
            other => panic!("expected a data error for {lines:?}, got {other:?}"),
        }
        assert!(message.contains(mentions), "{lines:?}: `{message}` does not mention {mentions}");
    }
    // Bytes that are not UTF-8 are refused when read, naming the source.
    let error = Extractor::builder().gazetteer_reader("latin1.tsv", &b"id\tkind\xe9\n"[..]).expect_err("not UTF-8");
    assert!(error.to_string().contains("latin1.tsv"), "{error}");
    // A wrong header names what the first row must be.
    let error = Extractor::builder().gazetteer_reader("h.tsv", &b"name\tid\n"[..]).unwrap().build().unwrap_err();
    assert!(error.to_string().contains("header"), "{error}");
}

#[test]
fn open_class_names_are_read_from_their_head_word_and_linked_to_their_region() {
    let text = "Pemkab Kulonprogo dan Polres Sleman menutup Jalan Malioboro. Warga Kecamatan Temon \
                mengungsi ke Stasiun Pasar Senen. BPBD Kabupaten Sukabumi siaga, kata Kepala Dinas \
                Pariwisata Provinsi Bali. Sungai di Gunung Kidul meluap. PT Sinar Jaya Abadi (Persero) Tbk \
                membangun tanggul.";
    let found: Vec<(String, String)> =
        entities(text).into_iter().map(|e| (e.text.into(), e.canonical.into())).collect();
    let expected = [
        ("Pemkab Kulonprogo", "Pemerintah Kabupaten Kulon Progo"),
        ("Polres Sleman", "Kepolisian Resor Sleman"),
        ("Jalan Malioboro", "Jalan Malioboro"),
        ("Kecamatan Temon", "Kecamatan Temon"),
        ("Stasiun Pasar Senen", "Stasiun Pasar Senen"),
        ("BPBD Kabupaten Sukabumi", "Badan Penanggulangan Bencana Daerah Kabupaten Sukabumi"),
        ("Dinas Pariwisata Provinsi Bali", "Dinas Pariwisata Provinsi Bali"),
        ("PT Sinar Jaya Abadi (Persero) Tbk", "PT Sinar Jaya Abadi (Persero) Tbk"),
        // The gazetteer's longest match wins: a regency, not a mountain.
        ("Gunung Kidul", "Kabupaten Gunungkidul"),
    ];
    for pair in expected {
        assert!(found.contains(&(pair.0.to_string(), pair.1.to_string())), "{pair:?} not in {found:?}");
    }
    let police = entities(text).into_iter().find(|e| e.text == "Polres Sleman").unwrap();
    assert_eq!((police.kind, police.region.as_deref()), (EntityKind::Institution, Some("region/34.04")));
    // No region inside an institution's name is reported apart from it.
    assert!(!found.iter().any(|(text, _)| text == "Sleman" || text == "Kabupaten Sukabumi"), "{found:?}");
}

#[test]
fn acronyms_and_short_names_defined_in_the_text_link_to_the_full_name() {
    let text = "Dinas Pertanian dan Pangan (DPP) Kulon Progo membagikan bibit di Kecamatan Temon. \
                Menurut DPP Kulon Progo, petani Temon sudah mendaftar. BPBD Jawa Tengah siaga. \
                Kepala BPBD mengatakan hujan turun.";
    let all = entities(text);
    let id_of = |written: &str| all.iter().find(|e| e.text == written).map(|e| e.id.clone());
    assert_eq!(id_of("DPP"), id_of("Dinas Pertanian dan Pangan"));
    assert_eq!(id_of("DPP Kulon Progo"), id_of("Dinas Pertanian dan Pangan"));
    assert_eq!(id_of("Temon"), id_of("Kecamatan Temon"));
    assert_eq!(id_of("BPBD"), id_of("BPBD Jawa Tengah"));
    assert!(id_of("DPP").is_some_and(|id| id.starts_with("local/institution/")));
}

#[test]
fn heads_inside_longer_names_and_before_people_do_not_make_names() {
    let text = "Program Transformasi Perpustakaan Berbasis Inklusi Sosial berlanjut. \
                Kepala Dinas Budi Santoso hadir.";
    let all = entities(text);
    assert!(all.iter().all(|e| e.kind != EntityKind::Institution), "{all:?}");
}

#[test]
fn ambiguous_names_are_resolved_on_purpose() {
    let text = "Anggota Bali Nine dipindahkan dari Bali. Delegasi Sri Lanka bertemu Sri Mulyani di \
                Jakarta. Banten dan Maros juga hadir.";
    let got = found(text);
    let ids: Vec<&str> = got.iter().map(|(_, id)| id.as_str()).collect();
    // `Bali Nine` names a group, not the province; the second `Bali` is the province.
    assert_eq!(got.iter().filter(|(t, _)| t == "Bali").count(), 1, "{got:?}");
    assert!(ids.contains(&"region/51"));
    // `Sri` of Sri Lanka is the country; `Sri Mulyani` is a person, not the country.
    assert!(got.contains(&pair("Sri Lanka", "country/lk")), "{got:?}");
    assert!(got.contains(&pair("Sri Mulyani", "person/sri-mulyani-indrawati")), "{got:?}");
    // Bare `Jakarta` is the province (DKI Jakarta has no kota of that name); Banten and
    // Maros are the province and the regency.
    for expected in [pair("Jakarta", "region/31"), pair("Banten", "region/36"), pair("Maros", "region/73.09")] {
        assert!(got.contains(&expected), "{expected:?} not in {got:?}");
    }
}

#[test]
fn all_candidates_mode_reports_overlapping_matches_beside_the_longest() {
    let extractor = Extractor::builder().all_candidates(true).build().unwrap();
    let text = "Warga Kabupaten Kulon Progo menuju Jakarta.";
    let found = extractor.extract(text);
    let entities: Vec<&str> = found.entities.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(entities, ["Kabupaten Kulon Progo", "Jakarta"]);
    let candidates: Vec<&str> = found.candidates.iter().map(|e| e.text.as_str()).collect();
    assert!(candidates.contains(&"Kabupaten Kulon Progo") && candidates.contains(&"Kulon Progo"), "{candidates:?}");
    assert!(candidates.contains(&"Jakarta"));
    // Off by default.
    assert!(Extractor::new().extract(text).candidates.is_empty());
}

#[test]
fn every_written_form_of_an_acronym_definition_links_later_mentions() {
    let text = "Warga Bogor (ANTARA) hadir. Perpusnas menggelar Transformasi Perpustakaan Berbasis Inklusi Sosial \
                (TPBIS) di desa; program TPBIS berlanjut. LKPP (Lembaga Kebijakan Pengadaan Barang dan Jasa \
                Pemerintah) hadir. Badan Riset Daerah atau BRD juga datang, tetapi BRD menolak. YIA, singkatan \
                dari Yogyakarta International Airport, ramai; YIA dibuka pukul 05.00.";
    let all = entities(text);
    let ids = |written: &str| all.iter().filter(|e| e.text == written).map(|e| e.id.as_str()).collect::<Vec<_>>();
    let programme = "local/institution/transformasi-perpustakaan-berbasis-inklusi-sosial";
    assert_eq!(ids("Transformasi Perpustakaan Berbasis Inklusi Sosial"), [programme]);
    assert_eq!(ids("TPBIS"), [programme, programme]);
    // A known acronym lends its entry to the long form written with it.
    assert_eq!(ids("Lembaga Kebijakan Pengadaan Barang dan Jasa Pemerintah"), ids("LKPP")[..1]);
    assert_eq!(ids("BRD"), ["local/institution/badan-riset-daerah"; 2]);
    let airport = all.iter().find(|e| e.text == "Yogyakarta International Airport").unwrap();
    assert_eq!(airport.kind, EntityKind::Place);
    assert_eq!(ids("YIA"), [airport.id.as_str(); 2]);
    // `Bogor (ANTARA)` defines nothing: the letters do not agree, and ANTARA stays itself.
    assert_eq!(ids("ANTARA"), ["institution/antara"]);
    assert_eq!(ids("Bogor"), ["region/32.71"]);
}

#[test]
fn names_in_brackets_streets_and_written_heads_found_in_review() {
    // Initials after a suspect's name define no acronym and make no institution.
    let got = found("Polisi menangkap Budi Santoso (BS) di Bekasi. BS mengaku menyesal.");
    assert!(!got.iter().any(|(_, id)| id.starts_with("local/institution")), "{got:?}");
    // Heads written with a dot or a hyphen.
    let got = found("Ia tinggal di Jl. Kaliurang Baru dekat Alun-alun Kidul.");
    assert!(got.contains(&pair("Jl. Kaliurang Baru", "local/place/jalan-kaliurang-baru")), "{got:?}");
    assert!(got.contains(&pair("Alun-alun Kidul", "local/place/alun-alun-kidul")), "{got:?}");
    // A street is named after a person: the person is not the street.
    let all = entities("Kecelakaan terjadi di Jalan Sudirman. Saksi Sudirman mengatakan dua orang terluka.");
    let sudirman = all.iter().find(|e| e.text == "Sudirman").unwrap();
    assert_eq!(sudirman.kind, EntityKind::Person);
}
