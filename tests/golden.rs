//! Golden tests: the hand-written expectations in `tests/golden/samples/*.tsv` (format in
//! `tests/golden/README.md`) against the extraction of the matching sample article.

#[path = "common/gold.rs"]
mod gold;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use gold::Annotation;
use intisari::{Document, EntityKind, Extraction, Extractor, Span};

struct Sample {
    name: String,
    text: String,
    gold: Vec<Annotation>,
}

fn samples() -> Vec<Sample> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("tests/golden/samples"))
        .expect("tests/golden/samples exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let article = root.join("data/samples").join(format!("{name}.txt"));
            let text = std::fs::read_to_string(&article).unwrap_or_else(|e| panic!("{}: {e}", article.display()));
            let gold = gold::annotations(&name, &text, &std::fs::read_to_string(&path).unwrap(), 1)
                .unwrap_or_else(|e| panic!("{e}"));
            Sample { name, text, gold }
        })
        .collect()
}

fn extract(sample: &Sample) -> Extraction {
    Extractor::new().extract(&sample.text)
}

fn of_kind<'a>(sample: &'a Sample, kind: &'a str) -> impl Iterator<Item = &'a Annotation> + 'a {
    sample.gold.iter().filter(move |a| a.kind == kind)
}

#[test]
fn there_are_golden_samples() {
    assert!(samples().len() >= 12, "every sample article needs its gold file");
}

#[test]
fn headline_publication_line_and_dateline() {
    for sample in samples() {
        let found = extract(&sample);
        let article = &found.article;
        let title = of_kind(&sample, "title").next();
        assert_eq!(article.title.as_ref().map(|t| t.span), title.map(|t| t.span), "{}: title", sample.name);
        let published = of_kind(&sample, "published").next();
        assert_eq!(article.published.as_ref().map(|p| p.span), published.map(|p| p.span), "{}: published", sample.name);
        if let (Some(found), Some(gold)) = (&article.published, published) {
            assert_eq!(Some(found.date.to_string().as_str()), gold.field("value"), "{}: published date", sample.name);
        }
        let dateline = of_kind(&sample, "dateline").next().expect("every sample has a dateline");
        let found_dateline = article.dateline.as_ref().unwrap_or_else(|| panic!("{}: no dateline", sample.name));
        assert_eq!(found_dateline.span, dateline.span, "{}: dateline", sample.name);
        assert_eq!(found_dateline.place.as_deref(), dateline.field("place"), "{}: dateline place", sample.name);
        assert_eq!(found_dateline.agency.as_deref(), dateline.field("agency"), "{}: dateline agency", sample.name);
    }
}

#[test]
fn body_range_related_links_and_copyright() {
    for sample in samples() {
        let found = extract(&sample);
        let article = &found.article;
        let body = &sample.text[article.body.range()];
        let gold = of_kind(&sample, "body").next().expect("every sample has a body line");
        assert!(body.starts_with(&gold.text), "{}: body starts {:?}", sample.name, &body[..body.len().min(60)]);
        let end = gold.field("end").expect("body has end=");
        assert!(body.ends_with(end), "{}: body ends {:?}", sample.name, &body[body.len().saturating_sub(60)..]);
        let related: Vec<Span> = article.related.iter().map(|r| r.span).collect();
        let expected: Vec<Span> = of_kind(&sample, "related").map(|r| r.span).collect();
        assert_eq!(related, expected, "{}: related links", sample.name);
        let copyright = of_kind(&sample, "copyright").next().map(|c| c.span);
        assert_eq!(article.copyright.as_ref().map(|c| c.span), copyright, "{}: copyright", sample.name);
    }
}

#[test]
fn credits_and_the_people_they_name() {
    for sample in samples() {
        let found = extract(&sample);
        // Closing initials are annotated as written between the parentheses (`nal/ant`),
        // one line for all codes.
        let mut credits: Vec<(Span, &str)> =
            found.article.credits.iter().filter(|c| c.role != "initials").map(|c| (c.span, c.role.as_str())).collect();
        let codes: Vec<Span> = found.article.credits.iter().filter(|c| c.role == "initials").map(|c| c.span).collect();
        if let (Some(first), Some(last)) = (codes.first(), codes.last()) {
            credits.push((Span::new(first.start, last.end), "initials"));
        }
        let expected: Vec<(Span, &str)> =
            of_kind(&sample, "credit").map(|c| (c.span, c.field("role").expect("credit has role="))).collect();
        assert_eq!(credits, expected, "{}: credits", sample.name);
        for credit in of_kind(&sample, "credit").filter(|c| c.field("role") != Some("initials")) {
            let person = found.people.iter().find(|p| p.mentions.contains(&credit.span));
            let person = person.unwrap_or_else(|| panic!("{}: no person for credit {:?}", sample.name, credit.text));
            assert_eq!(person.name, credit.text);
            assert!(person.roles.iter().any(|r| Some(r.as_str()) == credit.field("role")));
        }
    }
}

#[test]
fn nothing_is_extracted_from_related_links() {
    for sample in samples() {
        let found = extract(&sample);
        for link in &found.article.related {
            let inside = found.entities.iter().find(|e| link.span.overlaps(e.span));
            assert!(inside.is_none(), "{}: {inside:?} inside a related link", sample.name);
        }
    }
}

/// Entities the gazetteer reports must agree with the gold annotation at the same span on
/// kind; those the gold lists as one kind must not come out as another.
#[test]
fn gazetteer_entities_agree_with_the_gold_kind() {
    for sample in samples() {
        let found = extract(&sample);
        let gold: BTreeMap<Span, &Annotation> = of_kind(&sample, "entity").map(|a| (a.span, a)).collect();
        for entity in found.entities.iter().filter(|e| e.kind != EntityKind::Person) {
            if let Some(annotation) = gold.get(&entity.span) {
                let kind = serde_json::to_value(entity.kind).unwrap();
                assert_eq!(
                    kind.as_str(),
                    annotation.field("kind"),
                    "{}: `{}` (gold line {})",
                    sample.name,
                    entity.text,
                    annotation.line
                );
            }
        }
    }
}

/// Every temporal expression of the title and body with its kind, ISO value, grain and modifier, and
/// nothing else. A mention is compared as one rendered line so that a failure lists all
/// differences at once.
#[test]
fn dates_of_the_sample_articles() {
    let mut differences = Vec::new();
    for sample in samples() {
        let found = extract(&sample);
        let got = found.dates.iter().filter(|d| gold::annotated(&found, d.span)).map(gold::render_date);
        let expected = of_kind(&sample, "date").map(Annotation::render_date);
        compare(&sample.name, got.collect(), expected.collect(), &mut differences);
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// Every quote of the sample articles, with its speaker and cue, and nothing else; judged as
/// `quotes.tsv` is, by `gold::judge_quotes`.
#[test]
fn quotes_of_the_sample_articles() {
    let mut differences = Vec::new();
    for sample in samples() {
        let found = extract(&sample);
        let expected: Vec<gold::GoldQuote> = of_kind(&sample, "quote")
            .map(|a| gold::GoldQuote::of(format!("{}.tsv:{}", sample.name, a.line), a))
            .collect();
        differences.extend(gold::judge_quotes(&expected, &found).errors(&sample.name));
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// The passages of `tests/golden/quotes.tsv`: every gold quote found with its span, kind,
/// speaker and cue, and nothing else, but for the few known misses of the last tuning run
/// (listed by `cargo run --example evaluate -- tests/golden/quotes.tsv --errors 20`); a
/// change that loses a quote, a speaker or a cue fails here with every error listed.
#[test]
fn quotes_of_the_gold_passages() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/quotes.tsv");
    let cases = gold::cases("quotes.tsv", &std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{e}"));
    assert!(cases.len() >= 150, "the quote gold set has {} cases", cases.len());
    let extractor = Extractor::new();
    let mut errors = Vec::new();
    let mut expected_lines = 0;
    for case in &cases {
        let found = extractor.extract(&case.text);
        let place = |line: usize| format!("quotes.tsv:{line}");
        let expected: Vec<gold::GoldQuote> = case
            .annotations
            .iter()
            .filter(|a| a.kind == "quote")
            .map(|a| gold::GoldQuote::of(place(a.line), a))
            .collect();
        expected_lines += expected.len();
        errors.extend(gold::judge_quotes(&expected, &found).errors(&place(case.line)));
    }
    let known_misses = 10;
    assert!(
        errors.len() <= known_misses,
        "{} errors over {expected_lines} quotes (at most {known_misses} known):\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// The cases of `tests/golden/dates.tsv`, each a text with its reference date.
#[test]
fn dates_of_the_gold_sentences() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/dates.tsv");
    let cases = gold::cases("dates.tsv", &std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{e}"));
    assert!(cases.len() >= 250, "the date gold set has {} cases", cases.len());
    let extractor = Extractor::new();
    let mut differences = Vec::new();
    for case in &cases {
        let mut document = Document::new("", case.text.as_str());
        document.date = case.reference;
        let found = extractor.extract_document(&document);
        let got = found.dates.iter().map(gold::render_date).collect();
        let expected = case.annotations.iter().map(Annotation::render_date).collect();
        compare(&format!("dates.tsv:{}", case.line), got, expected, &mut differences);
    }
    assert!(differences.is_empty(), "{} differences:\n{}", differences.len(), differences.join("\n"));
}

fn compare(name: &str, mut got: Vec<String>, mut expected: Vec<String>, differences: &mut Vec<String>) {
    got.sort();
    expected.sort();
    differences.extend(expected.iter().filter(|e| !got.contains(e)).map(|line| format!("{name}: missing {line}")));
    differences.extend(got.iter().filter(|g| !expected.contains(g)).map(|line| format!("{name}: unexpected {line}")));
}

/// Every person of the gold with the role written before or beside the name and the titles
/// kept apart from it; every person found is in the gold or a credit.
#[test]
fn people_with_their_roles_and_titles() {
    let mut differences = Vec::new();
    for sample in samples() {
        let found = extract(&sample);
        let gold: Vec<&Annotation> = of_kind(&sample, "person").collect();
        for person in &gold {
            let Some(got) = found.people.iter().find(|p| p.name == person.text) else {
                differences.push(format!("{}: missing person {}", sample.name, person.text));
                continue;
            };
            // Roles written before the name (titles may stand between) are read; roles
            // after it or in lower case apart from the name are not yet.
            let before_name = |role: &str| {
                sample.text.match_indices(role).any(|(at, _)| {
                    let mut rest = sample.text[at + role.len()..].trim_start();
                    while let Some(title) =
                        person.field("title").into_iter().flat_map(|t| t.split('|')).find(|t| rest.starts_with(t))
                    {
                        rest = rest[title.len()..].trim_start_matches(',').trim_start();
                    }
                    rest.starts_with(&person.text)
                })
            };
            if let Some(role) = person.field("role").filter(|role| before_name(role))
                && !got.roles.iter().any(|r| r == role)
            {
                differences.push(format!("{}: {} has roles {:?}, not `{role}`", sample.name, person.text, got.roles));
            }
            let titles: Vec<&str> = person.field("title").map_or(Vec::new(), |t| t.split('|').collect());
            if got.titles != titles {
                differences
                    .push(format!("{}: {} has titles {:?}, not {titles:?}", sample.name, person.text, got.titles));
            }
        }
        let credited: Vec<&str> = of_kind(&sample, "credit").map(|c| c.text.as_str()).collect();
        for person in &found.people {
            if !gold.iter().any(|g| g.text == person.name) && !credited.contains(&person.name.as_str()) {
                differences.push(format!("{}: unexpected person {} {:?}", sample.name, person.name, person.roles));
            }
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

/// The person mentions of the title and body are exactly the gold's `entity … kind=person`
/// lines, each linked to the gold's canonical full name.
#[test]
fn person_mentions_and_their_full_names() {
    let mut differences = Vec::new();
    for sample in samples() {
        let found = extract(&sample);
        let got: Vec<String> = found
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person && gold::annotated(&found, e.span))
            .map(|e| format!("{:?} `{}` → {}", e.span, e.text, e.canonical))
            .collect();
        let expected: Vec<String> = of_kind(&sample, "entity")
            .filter(|a| a.field("kind") == Some("person"))
            .map(|a| format!("{:?} `{}` → {}", a.span, a.text, a.field("canonical").unwrap_or(&a.text)))
            .collect();
        compare(&sample.name, got, expected, &mut differences);
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
