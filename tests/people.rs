//! People: the cues, titles and coreference rules of issue 4, each on a short text.

use intisari::{EntityKind, Extraction, Extractor, Person};

fn extract(body: &str) -> Extraction {
    let text = format!("Judul berita\n\nJakarta (ANTARA) - {body}");
    Extractor::new().extract(&text)
}

fn person<'a>(found: &'a Extraction, name: &str) -> &'a Person {
    found.people.iter().find(|p| p.name == name).unwrap_or_else(|| panic!("no {name} in {:?}", found.people))
}

/// The texts of the person entities.
fn person_texts(found: &Extraction) -> Vec<&str> {
    found.entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.text.as_str()).collect()
}

#[test]
fn short_mentions_before_and_after_link_to_the_full_name() {
    let found = extract(
        "Nani menutup acara itu. Kepala Pusat Perpustakaan Nani Suryani mengatakan program berlanjut. \
         \"Kami siap,\" kata Nani.",
    );
    let nani = person(&found, "Nani Suryani");
    assert_eq!(nani.mentions.len(), 3, "{nani:?}");
    assert_eq!(found.people.len(), 1, "{:?}", found.people);
    let entities: Vec<&str> = found.entities.iter().filter(|e| e.id == nani.id).map(|e| e.canonical.as_str()).collect();
    assert_eq!(entities, ["Nani Suryani"; 3]);
}

#[test]
fn a_short_form_shared_by_two_people_stays_unlinked() {
    let found = extract(
        "Budi Santoso mengatakan harga naik. Budi Hartono menjelaskan stok cukup. \
         Menurut Budi, pasokan aman.",
    );
    assert_eq!(person(&found, "Budi Santoso").mentions.len(), 1);
    assert_eq!(person(&found, "Budi Hartono").mentions.len(), 1);
    assert_eq!(person_texts(&found), ["Budi Santoso", "Budi Hartono"]);
}

#[test]
fn sri_in_sri_lanka_is_never_a_person() {
    let found = extract("Sri Wahyuni mengatakan delegasi Sri Lanka tiba. Sri menyambut mereka.");
    assert_eq!(person(&found, "Sri Wahyuni").mentions.len(), 2);
    assert!(found.entities.iter().any(|e| e.text == "Sri Lanka" && e.kind == EntityKind::Country));
    assert_eq!(person_texts(&found), ["Sri Wahyuni", "Sri"]);
}

#[test]
fn titles_ranks_and_degrees_are_kept_apart_from_the_name() {
    let found = extract(
        "Kapolres Sleman AKBP Yuliana Siregar mengatakan pelaku ditangkap. \
         Guru besar Prof. Dr. Hartono Wicaksana, M.Sc., menilai hasilnya baik. \
         Kasat Reskrim Kombes Pol Ignatius Wahyu menambahkan berkas lengkap.",
    );
    assert_eq!(person(&found, "Yuliana Siregar").titles, ["AKBP"]);
    assert_eq!(person(&found, "Yuliana Siregar").roles, ["Kapolres Sleman"]);
    assert_eq!(person(&found, "Hartono Wicaksana").titles, ["Prof.", "Dr.", "M.Sc."]);
    assert_eq!(person(&found, "Ignatius Wahyu").titles, ["Kombes Pol"]);
}

#[test]
fn honorifics_and_religious_titles_are_titles() {
    let found = extract("Warga menyambut Bu Nani di balai desa. Ustaz Abdul Somad berceramah, kata Hj. Siti Aminah.");
    assert_eq!(person(&found, "Nani").titles, ["Bu"]);
    assert_eq!(person(&found, "Abdul Somad").titles, ["Ustaz"]);
    assert_eq!(person(&found, "Siti Aminah").titles, ["Hj."]);
}

#[test]
fn single_names_with_a_cue_and_names_with_initials() {
    let found = extract(
        "\"Panen tahun ini bagus,\" ujar Maryati. Kepala Dinas R Sony Sulaksono Wibowo mengatakan \
         hal serupa, sedangkan M. Hatta Rajasa menambahkan data.",
    );
    person(&found, "Maryati");
    person(&found, "R Sony Sulaksono Wibowo");
    person(&found, "M. Hatta Rajasa");
}

#[test]
fn words_and_places_that_are_also_names_need_evidence() {
    let found = extract(
        "Bunga bank naik tipis pekan ini. Indah mengatakan tabungan warga Maros bertambah. \
         Wahyu Hidayat menjelaskan Banten juga mencatat kenaikan.",
    );
    assert_eq!(person_texts(&found), ["Indah", "Wahyu Hidayat"]);
}

#[test]
fn a_name_inside_a_place_or_institution_name_is_not_a_person() {
    let found = extract("Pesawat mendarat di Bandara I Gusti Ngurah Rai dan Jalan Sudirman ditutup.");
    assert!(person_texts(&found).is_empty(), "{:?}", found.people);
}

#[test]
fn roles_link_the_institution_and_region_they_name() {
    let found = extract(
        "Gubernur Jawa Tengah Ahmad Luthfi meninjau banjir. Kepala Pusat Data Perpusnas Sri Marganingsih \
         hadir. Suparjo, petani di Temon, ikut menanam.",
    );
    let ids = |name: &str| person(&found, name).affiliations.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids("Ahmad Luthfi"), ["region/33"]);
    assert_eq!(ids("Sri Marganingsih"), ["institution/perpusnas"]);
    let governor = &person(&found, "Ahmad Luthfi").affiliations[0];
    assert_eq!((governor.role.as_str(), governor.kind), ("Gubernur Jawa Tengah", EntityKind::Region));
}

#[test]
fn public_figures_are_known_by_their_aliases() {
    let found = extract(
        "Presiden Joko Widodo meresmikan bendungan. \"Air untuk petani,\" kata Jokowi. \
         SBY dan Gus Dur pernah meninjau lokasi itu, yang kini dekat Jalan Gus Dur. \
         Warga bernama Ani Megawati ikut menonton.",
    );
    let jokowi = person(&found, "Joko Widodo");
    assert_eq!(jokowi.id, "person/joko-widodo");
    assert_eq!(jokowi.mentions.len(), 2, "{jokowi:?}");
    assert_eq!(found.quotes[0].speaker.as_ref().and_then(|s| s.id.as_deref()), Some("person/joko-widodo"));
    assert_eq!(person(&found, "Susilo Bambang Yudhoyono").mentions.len(), 1);
    // `Gus Dur` the person once; the street named after him is no mention of him.
    assert_eq!(person(&found, "Abdurrahman Wahid").mentions.len(), 1);
    // A figure's name inside a longer name is not the figure.
    assert!(found.people.iter().all(|p| p.name != "Megawati Soekarnoputri"), "{:?}", found.people);
    assert_eq!(person(&found, "Ani Megawati").mentions.len(), 1);
}

#[test]
fn names_in_an_all_capitals_headline_are_the_names_of_the_body() {
    let text = "KEPALA BPS RATNA DEWI: INFLASI TERKENDALI, PUTRA DAERAH DILANTIK\n\
                Selasa, 1 Oktober 2024 12:00 WIB\n\n\
                Jakarta (ANTARA) - Kepala Badan Pusat Statistik Ratna Dewi Simatupang mengatakan inflasi \
                terkendali. Hadir pula Made Wirasena Putra dan Dewi Lestari.";
    let found = Extractor::new().extract(text);
    let ratna = person(&found, "Ratna Dewi Simatupang");
    let mentions: Vec<&str> = ratna.mentions.iter().map(|m| &text[m.range()]).collect();
    assert_eq!(mentions, ["RATNA DEWI", "Ratna Dewi Simatupang"]);
    // `PUTRA` is an ordinary word too, and `DEWI` alone could be either of two people.
    let headline = found.article.title.as_ref().unwrap().span;
    let in_headline = found.entities.iter().filter(|e| e.kind == EntityKind::Person && headline.contains(e.span));
    assert_eq!(in_headline.count(), 1);
}

#[test]
fn quotes_found_in_review_split_short_pieces_appositions_and_menurut_mid_sentence() {
    let found = extract(
        "\"Kami sudah siap,\" kata Ani Lestari, \"tinggal berangkat saja.\" \
         Menurut Kepala Dinas Pertanian, Ir. Budi Hartono, harga naik tajam bulan ini. \
         Harga naik menurut data BPS, dan stok beras aman terkendali hari ini.",
    );
    let quotes: Vec<(&str, Option<&str>, Option<&str>)> = found
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().and_then(|s| s.canonical.as_deref());
            (q.text.as_str(), speaker, q.cue.as_ref().map(|c| c.text.as_str()))
        })
        .collect();
    assert_eq!(
        quotes,
        [
            ("Kami sudah siap", Some("Ani Lestari"), Some("kata")),
            ("tinggal berangkat saja", Some("Ani Lestari"), None),
            ("harga naik tajam bulan ini", Some("Budi Hartono"), Some("Menurut")),
        ]
    );
}
