//! Measures entity and date quality against gold annotations.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl [--errors N]
//! cargo run --release --example evaluate -- tests/golden/samples [--errors N]
//! cargo run --release --example evaluate -- tests/golden/dates.tsv [--errors N]
//! cargo run --release --example evaluate -- tests/golden/quotes.tsv [--errors N]
//! ```
//!
//! Quotes (the `quote` lines of the golden samples and of `quotes*.tsv`) are scored for
//! detection, direct and indirect apart (exact and overlapping spans, same kind), then on
//! the quotes found exactly: speaker accuracy (a person by canonical name, an institution
//! by name or id, an unnamed source by its phrase, no speaker as none) and cue accuracy.
//!
//! Given a directory, it reads the project's golden files instead (`entity` and `date`
//! lines of `tests/golden/samples/*.tsv` against `data/samples/*.txt`, see
//! `tests/golden/README.md`); given a `.tsv` file, the date cases of `dates.tsv`. Dates are
//! scored for recognition (exact and overlapping spans) and for the value: the share of
//! exactly found mentions whose kind, value, grain and modifier are right, and the F1 of
//! mentions right in span and value together.
//!
//! Each line is `{"text": "...", "entities": [{"start", "end", "type"}]}` with CHARACTER
//! offsets (end exclusive) and types PER, ORG and LOC, the format of
//! `../shared/eval/README.md`. Our kinds map as person → PER, institution → ORG,
//! region/country/place → LOC. Prints precision, recall and F1 per type and micro-averaged,
//! for exact spans and for overlapping spans (same type, at least one shared character).
//! `--errors N` also prints up to N missed and N spurious mentions per type, to study.

#[path = "../tests/common/gold.rs"]
mod gold;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use intisari::{Document, EntityKind, Extraction, Extractor, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldLine {
    text: String,
    entities: Vec<GoldEntity>,
    /// Where the text comes from, for error listings.
    #[serde(skip)]
    name: String,
    /// The gold date lines, for the golden formats only.
    #[serde(skip)]
    dates: Option<Vec<GoldDate>>,
    #[serde(skip)]
    reference: Option<intisari::Date>,
    /// The gold quote lines, for the golden formats only.
    #[serde(skip)]
    quotes: Option<Vec<gold::GoldQuote>>,
}

/// A gold date line: where it is written (`file:line`), its span and its rendering
/// (`gold::render_date`).
struct GoldDate {
    place: String,
    span: Span,
    rendered: String,
}

impl GoldDate {
    fn of(place: String, annotation: &gold::Annotation) -> GoldDate {
        GoldDate { place, span: annotation.span, rendered: annotation.render_date() }
    }
}

#[derive(Deserialize)]
struct GoldEntity {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    label: String,
}

/// Counts for one type: exact matches, predictions that overlap a gold mention, gold
/// mentions overlapped by a prediction, and the totals.
#[derive(Default, Clone, Copy)]
struct Counts {
    exact: usize,
    overlapping_predictions: usize,
    overlapped_gold: usize,
    predicted: usize,
    gold: usize,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.exact += other.exact;
        self.overlapping_predictions += other.overlapping_predictions;
        self.overlapped_gold += other.overlapped_gold;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }

    /// The counts of predicted spans `p` against gold spans `g`.
    fn of(p: &[Span], g: &[Span]) -> Counts {
        Counts {
            exact: p.iter().filter(|s| g.contains(s)).count(),
            overlapping_predictions: p.iter().filter(|s| g.iter().any(|t| s.overlaps(*t))).count(),
            overlapped_gold: g.iter().filter(|t| p.iter().any(|s| s.overlaps(**t))).count(),
            predicted: p.len(),
            gold: g.len(),
        }
    }

    /// Precision, recall and F1 for exact spans, then for overlapping spans.
    fn scores(self) -> [f64; 6] {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let f1 = |p: f64, r: f64| if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        let (p, r) = (ratio(self.exact, self.predicted), ratio(self.exact, self.gold));
        let (op, or) = (ratio(self.overlapping_predictions, self.predicted), ratio(self.overlapped_gold, self.gold));
        [p, r, f1(p, r), op, or, f1(op, or)]
    }
}

fn label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "PER",
        EntityKind::Institution => "ORG",
        EntityKind::Region | EntityKind::Country | EntityKind::Place => "LOC",
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: evaluate GOLD.jsonl|GOLDEN_DIR|dates.tsv [--errors N]");
        return ExitCode::from(2);
    };
    let show_errors = match args.iter().position(|a| a == "--errors").map(|i| args.get(i + 1).map(|n| n.parse())) {
        None => 0,
        Some(Some(Ok(n))) => n,
        Some(_) => {
            eprintln!("--errors needs a number");
            return ExitCode::from(2);
        }
    };
    let date_cases = path.ends_with(".tsv");
    let golds = if Path::new(path).is_dir() {
        read_golden_dir(Path::new(path))
    } else if date_cases {
        read_cases(path)
    } else {
        read_jsonl(path)
    };
    let golds = match golds {
        Ok(golds) => golds,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = Extractor::new();
    let mut entities = EntityScores::default();
    let mut dates = DateScores::default();
    let mut quotes = QuoteScores::default();
    for gold in &golds {
        let mut document = Document::new("", gold.text.as_str());
        document.date = gold.reference;
        let found = extractor.extract_document(&document);
        if !date_cases {
            entities.add(gold, &found, show_errors > 0);
        }
        if let Some(expected) = &gold.dates {
            dates.add(&gold.name, expected, &found);
        }
        if let Some(expected) = &gold.quotes {
            quotes.add(&gold.name, expected, &found);
        }
    }
    println!("{} texts from {path}", golds.len());
    if !date_cases {
        entities.print(show_errors);
    }
    if golds.iter().any(|g| g.dates.as_ref().is_some_and(|d| !d.is_empty())) {
        dates.print(show_errors);
    }
    if golds.iter().any(|g| g.quotes.as_ref().is_some_and(|q| !q.is_empty())) {
        quotes.print(show_errors);
    }
    ExitCode::SUCCESS
}

/// Entity counts per type, with the missed and spurious mentions to show.
#[derive(Default)]
struct EntityScores {
    counts: BTreeMap<&'static str, Counts>,
    missed: BTreeMap<&'static str, Vec<String>>,
    spurious: BTreeMap<&'static str, Vec<String>>,
}

impl EntityScores {
    fn add(&mut self, gold: &GoldLine, found: &Extraction, keep_errors: bool) {
        let text = &gold.text;
        let predicted: Vec<(Span, &str)> = found
            .entities
            .iter()
            .filter(|e| gold::annotated(found, e.span))
            .filter_map(|e| Some((e.span.to_char_span(text)?, label(e.kind))))
            .collect();
        let expected: Vec<(Span, &str)> =
            gold.entities.iter().map(|e| (Span::new(e.start, e.end.max(e.start)), e.label.as_str())).collect();
        for label in LABELS {
            let p: Vec<Span> = predicted.iter().filter(|(_, l)| *l == label).map(|(s, _)| *s).collect();
            let g: Vec<Span> = expected.iter().filter(|(_, l)| *l == label).map(|(s, _)| *s).collect();
            self.counts.entry(label).or_default().add(Counts::of(&p, &g));
            if keep_errors {
                let chars: Vec<char> = text.chars().collect();
                let show =
                    |s: &Span| chars[s.start.min(chars.len())..s.end.min(chars.len())].iter().collect::<String>();
                self.missed.entry(label).or_default().extend(g.iter().filter(|t| !p.contains(t)).map(show));
                self.spurious.entry(label).or_default().extend(p.iter().filter(|s| !g.contains(s)).map(show));
            }
        }
    }

    fn print(&self, show_errors: usize) {
        print_header("type");
        let mut micro = Counts::default();
        for label in LABELS {
            let c = self.counts.get(label).copied().unwrap_or_default();
            micro.add(c);
            print_row(label, c);
        }
        print_row("micro", micro);
        println!("(P/R/F1: exact spans; ~: overlapping spans of the same type)");
        for label in LABELS {
            for (what, list) in [("missed", &self.missed), ("spurious", &self.spurious)] {
                if let Some(items) = list.get(label).filter(|items| !items.is_empty()) {
                    let shown: Vec<&str> = items.iter().take(show_errors).map(String::as_str).collect();
                    println!("{label} {what} ({}): {}", items.len(), shown.join(" | "));
                }
            }
        }
    }
}

const LABELS: [&str; 3] = ["PER", "ORG", "LOC"];

/// Date recognition counts, mentions right in span and value, and the differences.
#[derive(Default)]
struct DateScores {
    spans: Counts,
    right_values: usize,
    missed: Vec<String>,
    spurious: Vec<String>,
    wrong_values: Vec<String>,
}

impl DateScores {
    fn add(&mut self, name: &str, expected: &[GoldDate], found: &Extraction) {
        let mentions = found.dates.iter().filter(|d| gold::annotated(found, d.span));
        let got: Vec<(Span, String)> = mentions.map(|d| (d.span, gold::render_date(d))).collect();
        let p: Vec<Span> = got.iter().map(|(span, _)| *span).collect();
        let g: Vec<Span> = expected.iter().map(|e| e.span).collect();
        self.spans.add(Counts::of(&p, &g));
        self.right_values += got.iter().filter(|(_, line)| expected.iter().any(|e| e.rendered == *line)).count();
        for gold in expected.iter().filter(|e| !got.iter().any(|(_, line)| *line == e.rendered)) {
            let (place, line) = (&gold.place, &gold.rendered);
            match got.iter().find(|(span, _)| *span == gold.span) {
                Some((_, found)) => self.wrong_values.push(format!("{place}: {line}  →  {found}")),
                None => self.missed.push(format!("{place}: {line}")),
            }
        }
        let spurious = got.iter().filter(|(span, _)| !g.contains(span));
        self.spurious.extend(spurious.map(|(_, line)| format!("{name}: {line}")));
    }

    fn print(&self, show_errors: usize) {
        print_header("dates");
        print_row("spans", self.spans);
        let strict = Counts { exact: self.right_values, ..self.spans };
        let [p, r, f, ..] = strict.scores().map(|x| 100.0 * x);
        let accuracy =
            if self.spans.exact == 0 { 0.0 } else { 100.0 * self.right_values as f64 / self.spans.exact as f64 };
        println!("{:<8} {p:>6.1}% {r:>6.1}% {f:>6.1}%   (span and value right)", "values");
        println!(
            "value accuracy on exactly found mentions: {accuracy:.1}% ({} of {})",
            self.right_values, self.spans.exact
        );
        for (what, list) in
            [("missed", &self.missed), ("spurious", &self.spurious), ("wrong value", &self.wrong_values)]
        {
            if show_errors > 0 && !list.is_empty() {
                println!("dates {what} ({}):", list.len());
                for line in list.iter().take(show_errors) {
                    println!("  {line}");
                }
            }
        }
    }
}

/// Quote detection counts per kind, and speaker and cue agreement on the quotes found
/// with the exact span and kind.
#[derive(Default)]
struct QuoteScores {
    spans: BTreeMap<String, Counts>,
    matched: usize,
    right_speakers: BTreeMap<String, (usize, usize)>,
    right_cues: usize,
    errors: Vec<String>,
}

impl QuoteScores {
    fn add(&mut self, name: &str, expected: &[gold::GoldQuote], found: &Extraction) {
        for label in ["direct", "indirect"] {
            let p: Vec<Span> = found.quotes.iter().filter(|q| gold::quote_kind(q) == label).map(|q| q.span).collect();
            let g: Vec<Span> = expected.iter().filter(|q| q.kind == label).map(|q| q.span).collect();
            self.spans.entry(label.to_string()).or_default().add(Counts::of(&p, &g));
        }
        let judged = gold::judge_quotes(expected, found);
        self.errors.extend(judged.errors(name));
        for (gold, _, speaker_right, cue_right) in judged.matched {
            self.matched += 1;
            let tally = self.right_speakers.entry(gold.by.clone()).or_default();
            tally.1 += 1;
            tally.0 += usize::from(speaker_right);
            self.right_cues += usize::from(cue_right);
        }
    }

    fn print(&self, show_errors: usize) {
        print_header("quotes");
        let mut all = Counts::default();
        for (label, counts) in &self.spans {
            all.add(*counts);
            print_row(label, *counts);
        }
        print_row("all", all);
        let percent = |a: usize, b: usize| if b == 0 { 0.0 } else { 100.0 * a as f64 / b as f64 };
        let (right, total) = self.right_speakers.values().fold((0, 0), |(r, t), (a, b)| (r + a, t + b));
        println!("speaker accuracy on exactly found quotes: {:.1}% ({right} of {total})", percent(right, total));
        for (by, (right, total)) in &self.right_speakers {
            println!("  by {by:<12} {:>6.1}% ({right} of {total})", percent(*right, *total));
        }
        println!(
            "cue accuracy: {:.1}% ({} of {})",
            percent(self.right_cues, self.matched),
            self.right_cues,
            self.matched
        );
        if show_errors > 0 {
            for line in self.errors.iter().take(show_errors) {
                println!("  {line}");
            }
        }
    }
}

fn read_jsonl(path: &str) -> Result<Vec<GoldLine>, String> {
    let data = std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))?;
    let lines = data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    lines.map(|(number, line)| serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", number + 1))).collect()
}

/// The `entity` and `date` lines of the golden files in `dir`, with the texts of their
/// articles in `data/samples` beside `tests/`.
fn read_golden_dir(dir: &Path) -> Result<Vec<GoldLine>, String> {
    let read = |path: &Path| std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .collect();
    paths.sort();
    let samples = dir.join("../../../data/samples");
    let mut golds = Vec::new();
    for path in paths {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy().to_string();
        let text = read(&samples.join(format!("{stem}.txt")))?;
        let annotations = gold::annotations(&stem, &text, &read(&path)?, 1)?;
        let mut entities = Vec::new();
        for annotation in annotations.iter().filter(|a| a.kind == "entity") {
            let chars = annotation.span.to_char_span(&text).expect("found spans are on char boundaries");
            let label = match annotation.field("kind") {
                Some("person") => "PER",
                Some("institution") => "ORG",
                _ => "LOC",
            };
            entities.push(GoldEntity { start: chars.start, end: chars.end, label: label.to_string() });
        }
        let dates = annotations.iter().filter(|a| a.kind == "date");
        let dates = dates.map(|a| GoldDate::of(format!("{stem}.tsv:{}", a.line), a)).collect();
        let quotes = annotations.iter().filter(|a| a.kind == "quote");
        let quotes = quotes.map(|a| gold::GoldQuote::of(format!("{stem}.tsv:{}", a.line), a)).collect();
        golds.push(GoldLine { name: stem, text, entities, dates: Some(dates), reference: None, quotes: Some(quotes) });
    }
    Ok(golds)
}

/// The cases of a case file (`dates.tsv`, `quotes.tsv`), each with its reference date
/// and its `date` and `quote` lines.
fn read_cases(path: &str) -> Result<Vec<GoldLine>, String> {
    let data = std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))?;
    let cases = gold::cases(path, &data)?;
    let place = |a: &gold::Annotation| format!("{path}:{}", a.line);
    Ok(cases
        .into_iter()
        .map(|case| GoldLine {
            name: format!("{path}:{}", case.line),
            dates: Some(
                case.annotations.iter().filter(|a| a.kind == "date").map(|a| GoldDate::of(place(a), a)).collect(),
            ),
            quotes: Some(
                case.annotations
                    .iter()
                    .filter(|a| a.kind == "quote")
                    .map(|a| gold::GoldQuote::of(place(a), a))
                    .collect(),
            ),
            reference: case.reference,
            text: case.text,
            entities: Vec::new(),
        })
        .collect())
}

fn print_header(first: &str) {
    println!(
        "{first:<8} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}   {:>6} {:>6}",
        "P", "R", "F1", "P~", "R~", "F1~", "gold", "pred"
    );
}

fn print_row(label: &str, counts: Counts) {
    let [p, r, f, op, or, of] = counts.scores().map(|x| 100.0 * x);
    println!(
        "{label:<8} {p:>6.1}% {r:>6.1}% {f:>6.1}%   {op:>6.1}% {or:>6.1}% {of:>6.1}%   {:>6} {:>6}",
        counts.gold, counts.predicted
    );
}
