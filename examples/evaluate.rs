//! Measures entity quality against gold annotations in JSON lines.
//!
//! ```text
//! cargo run --release --example evaluate -- GOLD.jsonl [--errors N]
//! cargo run --release --example evaluate -- tests/golden/samples [--errors N]
//! ```
//!
//! Given a directory, it reads the project's golden files instead (`entity` lines of
//! `tests/golden/samples/*.tsv` against `data/samples/*.txt`, see `tests/golden/README.md`).
//!
//! Each line is `{"text": "...", "entities": [{"start", "end", "type"}]}` with CHARACTER
//! offsets (end exclusive) and types PER, ORG and LOC, the format of
//! `../shared/eval/README.md`. Our kinds map as person → PER, institution → ORG,
//! region/country/place → LOC. Prints precision, recall and F1 per type and micro-averaged,
//! for exact spans and for overlapping spans (same type, at least one shared character).
//! `--errors N` also prints up to N missed and N spurious mentions per type, to study.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use intisari::{EntityKind, Extractor, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct GoldLine {
    text: String,
    entities: Vec<GoldEntity>,
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
        eprintln!("usage: evaluate GOLD.jsonl [--errors N]");
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
    let golds = if Path::new(path).is_dir() { read_golden_dir(Path::new(path)) } else { read_jsonl(path) };
    let golds = match golds {
        Ok(golds) => golds,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = Extractor::new();
    let mut counts: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut missed: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut spurious: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for gold in &golds {
        let text = &gold.text;
        let found = extractor.extract(text);
        // Gold annotates the headline and body only; credit lines are not mentions.
        let article = &found.article;
        let annotated =
            |span: Span| article.body.contains(span) || article.title.as_ref().is_some_and(|t| t.span.contains(span));
        let predicted: Vec<(Span, &str)> = found
            .entities
            .iter()
            .filter(|e| annotated(e.span))
            .filter_map(|e| Some((e.span.to_char_span(text)?, label(e.kind))))
            .collect();
        let expected: Vec<(Span, &str)> =
            gold.entities.iter().map(|e| (Span::new(e.start, e.end.max(e.start)), e.label.as_str())).collect();
        for label in ["PER", "ORG", "LOC"] {
            let p: Vec<Span> = predicted.iter().filter(|(_, l)| *l == label).map(|(s, _)| *s).collect();
            let g: Vec<Span> = expected.iter().filter(|(_, l)| *l == label).map(|(s, _)| *s).collect();
            counts.entry(label).or_default().add(Counts {
                exact: p.iter().filter(|s| g.contains(s)).count(),
                overlapping_predictions: p.iter().filter(|s| g.iter().any(|t| s.overlaps(*t))).count(),
                overlapped_gold: g.iter().filter(|t| p.iter().any(|s| s.overlaps(**t))).count(),
                predicted: p.len(),
                gold: g.len(),
            });
            let chars: Vec<char> = text.chars().collect();
            let show = |s: &Span| chars[s.start.min(chars.len())..s.end.min(chars.len())].iter().collect::<String>();
            if show_errors > 0 {
                let miss = missed.entry(label).or_default();
                for t in g.iter().filter(|t| !p.contains(t)) {
                    miss.push(show(t));
                }
                let extra = spurious.entry(label).or_default();
                for s in p.iter().filter(|s| !g.contains(s)) {
                    extra.push(show(s));
                }
            }
        }
    }
    println!("{} texts from {path}", golds.len());
    println!(
        "{:<8} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}   {:>6} {:>6}",
        "type", "P", "R", "F1", "P~", "R~", "F1~", "gold", "pred"
    );
    let mut micro = Counts::default();
    for label in ["PER", "ORG", "LOC"] {
        let c = counts.get(label).copied().unwrap_or_default();
        micro.add(c);
        print_row(label, c);
    }
    print_row("micro", micro);
    println!("(P/R/F1: exact spans; ~: overlapping spans of the same type)");
    for label in ["PER", "ORG", "LOC"] {
        for (what, list) in [("missed", &missed), ("spurious", &spurious)] {
            if let Some(items) = list.get(label).filter(|items| !items.is_empty()) {
                let shown: Vec<&str> = items.iter().take(show_errors).map(String::as_str).collect();
                println!("{label} {what} ({}): {}", items.len(), shown.join(" | "));
            }
        }
    }
    ExitCode::SUCCESS
}

fn read_jsonl(path: &str) -> Result<Vec<GoldLine>, String> {
    let data = std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))?;
    let lines = data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    lines.map(|(number, line)| serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", number + 1))).collect()
}

/// The `entity` lines of the golden files in `dir`, with the texts of their articles in
/// `data/samples` beside `tests/`.
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
        let mut entities = Vec::new();
        for (number, line) in read(&path)?.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.first() != Some(&"entity") || fields.len() < 2 {
                continue;
            }
            let value = |key: &str| fields.iter().find_map(|f| f.strip_prefix(key)?.strip_prefix('='));
            let nth: usize =
                value("nth").map_or(Ok(1), str::parse).map_err(|e| format!("{stem}:{}: {e}", number + 1))?;
            let (start, _) = text
                .match_indices(fields[1])
                .nth(nth.saturating_sub(1))
                .ok_or_else(|| format!("{stem}:{}: `{}` does not occur {nth} time(s)", number + 1, fields[1]))?;
            let chars = Span::new(start, start + fields[1].len()).to_char_span(&text).expect("on char boundaries");
            let label = match value("kind") {
                Some("person") => "PER",
                Some("institution") => "ORG",
                _ => "LOC",
            };
            entities.push(GoldEntity { start: chars.start, end: chars.end, label: label.to_string() });
        }
        golds.push(GoldLine { text, entities });
    }
    Ok(golds)
}

fn print_row(label: &str, counts: Counts) {
    let [p, r, f, op, or, of] = counts.scores().map(|x| 100.0 * x);
    println!(
        "{label:<8} {p:>6.1}% {r:>6.1}% {f:>6.1}%   {op:>6.1}% {or:>6.1}% {of:>6.1}%   {:>6} {:>6}",
        counts.gold, counts.predicted
    );
}
