//! Readers for the hand-written gold files of `tests/golden/` (format in
//! `tests/golden/README.md`), shared by the golden tests and the `evaluate` example.

use std::collections::BTreeMap;

use intisari::{Date, DateMention, Extraction, Quote, QuoteKind, Span, Speaker, SpeakerKind};

/// One gold annotation: its type, the text it covers and its key=value fields.
#[derive(Debug)]
pub struct Annotation {
    pub line: usize,
    pub kind: String,
    pub text: String,
    pub span: Span,
    pub fields: BTreeMap<String, String>,
}

impl Annotation {
    /// The value of `key`, absent when missing, empty or `-`.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields.get(key).map(String::as_str).filter(|v| !v.is_empty() && *v != "-")
    }

    /// A date annotation rendered like [`render_date`] renders a found mention.
    pub fn render_date(&self) -> String {
        let fields = ["kind", "value", "grain", "mod"].map(|key| self.field(key).unwrap_or("-").to_string());
        render(self.span, &self.text, fields)
    }
}

/// Whether `span` lies in the headline or the body of `found`, the parts the gold files
/// annotate (credit lines, related links and the date line are not).
pub fn annotated(found: &Extraction, span: Span) -> bool {
    let article = &found.article;
    article.body.contains(span) || article.title.as_ref().is_some_and(|t| t.span.contains(span))
}

/// A quote annotation rendered like [`render_quote`] renders a found quote.
impl Annotation {
    pub fn render_quote(&self) -> String {
        let field = |key: &str| self.fields.get(key).map_or("", String::as_str);
        let (kind, speaker, cue) = (field("kind"), field("speaker"), field("cue"));
        format!("{}..{} `{}` kind={kind} speaker={speaker} cue={cue}", self.span.start, self.span.end, self.text)
    }
}

/// A found date mention as one comparable line: span, text, kind, value, grain, modifier.
pub fn render_date(mention: &DateMention) -> String {
    let name = |value: serde_json::Value| value.as_str().unwrap_or("-").to_string();
    let fields = [
        name(serde_json::to_value(mention.kind).unwrap()),
        mention.value.as_deref().unwrap_or("-").to_string(),
        name(serde_json::to_value(mention.grain).unwrap()),
        mention.modifier.map_or_else(|| "-".to_string(), |m| name(serde_json::to_value(m).unwrap())),
    ];
    render(mention.span, &mention.text, fields)
}

/// A found quote as one comparable line: span, text, kind, speaker (the canonical name, or
/// as written when unresolved) and cue.
pub fn render_quote(quote: &Quote) -> String {
    let kind = if quote.kind == QuoteKind::Direct { "direct" } else { "indirect" };
    let speaker = quote.speaker.as_ref().map_or("", |s| s.canonical.as_deref().unwrap_or(&s.text));
    let cue = quote.cue.as_ref().map_or("", |c| c.text.as_str());
    format!("{}..{} `{}` kind={kind} speaker={speaker} cue={cue}", quote.span.start, quote.span.end, quote.text)
}

fn render(span: Span, text: &str, [kind, value, grain, modifier]: [String; 4]) -> String {
    format!("{}..{} `{text}` kind={kind} value={value} grain={grain} mod={modifier}", span.start, span.end)
}

/// Parses the annotation lines of a gold file, locating each annotation's text (its
/// `nth` occurrence) in `text`. `first_line` numbers the first line of `gold`.
pub fn annotations(name: &str, text: &str, gold: &str, first_line: usize) -> Result<Vec<Annotation>, String> {
    let mut annotations = Vec::new();
    for (index, line) in gold.lines().enumerate() {
        let line_number = first_line + index;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let at = |message: String| format!("{name}:{line_number}: {message}");
        let mut fields = line.split('\t');
        let kind = fields.next().unwrap_or_default().to_string();
        let covered = fields.next().ok_or_else(|| at("no text field".to_string()))?;
        let fields = fields
            .map(|field| {
                let (key, value) = field.split_once('=').ok_or_else(|| at(format!("`{field}` is not key=value")))?;
                Ok((key.to_string(), value.to_string()))
            })
            .collect::<Result<BTreeMap<String, String>, String>>()?;
        let nth: usize = fields.get("nth").map_or(Ok(1), |n| n.parse()).map_err(|e| at(format!("nth: {e}")))?;
        let (start, _) = text
            .match_indices(covered)
            .nth(nth.saturating_sub(1))
            .ok_or_else(|| at(format!("`{covered}` does not occur {nth} time(s)")))?;
        let span = Span::new(start, start + covered.len());
        annotations.push(Annotation { line: line_number, kind, text: covered.to_string(), span, fields });
    }
    Ok(annotations)
}

/// One case of a case file (`dates.tsv`, `quotes.tsv`): a reference date, a text and the
/// annotation lines expected in it.
#[derive(Debug)]
pub struct Case {
    pub line: usize,
    pub reference: Option<Date>,
    pub text: String,
    pub annotations: Vec<Annotation>,
}

/// Parses a case file: `@REF<TAB>TEXT` lines (`REF` a date, `-` or empty), each followed
/// by its annotation lines. In `TEXT`, `\n` stands for a line break, so `\n\n` separates
/// paragraphs.
pub fn cases(name: &str, data: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut header: Option<(usize, Option<Date>, String)> = None;
    let mut body = String::new();
    let mut body_start = 0;
    let mut finish = |header: Option<(usize, Option<Date>, String)>, body: &str, body_start: usize| {
        if let Some((line, reference, text)) = header {
            let annotations = annotations(name, &text, body, body_start)?;
            cases.push(Case { line, reference, text, annotations });
        }
        Ok::<(), String>(())
    };
    for (index, line) in data.lines().enumerate() {
        let Some(case) = line.strip_prefix('@') else {
            if header.is_some() {
                body.push_str(line);
                body.push('\n');
            } else if !line.trim().is_empty() && !line.starts_with('#') {
                return Err(format!("{name}:{}: an annotation line before any `@` case", index + 1));
            }
            continue;
        };
        finish(header.take(), &body, body_start)?;
        body.clear();
        body_start = index + 2;
        let (reference, text) =
            case.split_once('\t').ok_or_else(|| format!("{name}:{}: `@REF<TAB>TEXT` expected", index + 1))?;
        let reference = match reference {
            "-" | "" => None,
            date => Some(date.parse().map_err(|e| format!("{name}:{}: {date}: {e}", index + 1))?),
        };
        header = Some((index + 1, reference, text.replace("\\n", "\n")));
    }
    finish(header, &body, body_start)?;
    Ok(cases)
}

/// A gold quote line.
pub struct GoldQuote {
    pub place: String,
    pub span: Span,
    /// The line as `gold::Annotation::render_quote` renders it.
    pub rendered: String,
    pub kind: String,
    pub speaker: String,
    /// `person`, `institution`, `source` or `none`.
    pub by: String,
    pub cue: String,
}

impl GoldQuote {
    pub fn of(place: String, annotation: &Annotation) -> GoldQuote {
        let field = |key: &str| annotation.field(key).unwrap_or_default().to_string();
        let speaker = field("speaker");
        let by = match annotation.field("by") {
            Some(by) => by.to_string(),
            None if speaker.is_empty() => "none".to_string(),
            None => "person".to_string(),
        };
        GoldQuote {
            place,
            span: annotation.span,
            rendered: annotation.render_quote(),
            kind: field("kind"),
            speaker,
            by,
            cue: field("cue"),
        }
    }
}

/// Whether the found speaker is the gold one: a person by canonical name (or the name as
/// written when unresolved), an institution by name or entity, a source by its phrase,
/// and no speaker when neither names anyone.
pub fn speaker_agrees(gold: &GoldQuote, found: Option<&Speaker>, extraction: &Extraction) -> bool {
    let Some(speaker) = found else {
        return gold.by == "none";
    };
    let canonical = speaker.canonical.as_deref();
    match gold.by.as_str() {
        "person" => speaker.kind == SpeakerKind::Person && canonical.unwrap_or(&speaker.text) == gold.speaker,
        "institution" => {
            speaker.kind == SpeakerKind::Institution
                && (canonical == Some(gold.speaker.as_str())
                    || speaker.text == gold.speaker
                    || extraction.entities.iter().any(|e| Some(&e.id) == speaker.id.as_ref() && e.text == gold.speaker))
        }
        "source" => {
            speaker.kind == SpeakerKind::Source
                && (speaker.text.starts_with(&gold.speaker) || gold.speaker.starts_with(speaker.text.as_str()))
        }
        _ => canonical.is_none() && speaker.kind == SpeakerKind::Person,
    }
}

/// `direct` or `indirect`, as gold lines write the kind of a quote.
pub fn quote_kind(quote: &Quote) -> &'static str {
    if quote.kind == QuoteKind::Direct { "direct" } else { "indirect" }
}

/// How found quotes agree with gold quotes: each gold quote found with the same span and
/// kind, with whether its speaker and its cue agree; the gold quotes not found; the found
/// quotes no gold quote has.
pub struct QuoteJudgement<'a> {
    pub matched: Vec<(&'a GoldQuote, &'a Quote, bool, bool)>,
    pub missed: Vec<&'a GoldQuote>,
    pub spurious: Vec<&'a Quote>,
}

pub fn judge_quotes<'a>(expected: &'a [GoldQuote], found: &'a Extraction) -> QuoteJudgement<'a> {
    let mut judgement = QuoteJudgement { matched: Vec::new(), missed: Vec::new(), spurious: Vec::new() };
    for gold in expected {
        match found.quotes.iter().find(|q| q.span == gold.span && quote_kind(q) == gold.kind) {
            Some(quote) => {
                let speaker = speaker_agrees(gold, quote.speaker.as_ref(), found);
                let cue = quote.cue.as_ref().map_or("", |c| c.text.as_str()) == gold.cue;
                judgement.matched.push((gold, quote, speaker, cue));
            }
            None => judgement.missed.push(gold),
        }
    }
    let in_gold = |q: &Quote| expected.iter().any(|g| g.span == q.span && g.kind == quote_kind(q));
    judgement.spurious = found.quotes.iter().filter(|q| !in_gold(q)).collect();
    judgement
}

impl QuoteJudgement<'_> {
    /// One line per disagreement; `name` places the spurious quotes.
    pub fn errors(&self, name: &str) -> Vec<String> {
        let mut errors: Vec<String> =
            self.missed.iter().map(|g| format!("{}: missed {}", g.place, g.rendered)).collect();
        for (gold, quote, speaker_right, cue_right) in &self.matched {
            if !speaker_right {
                let got = quote.speaker.as_ref().map_or("none".to_string(), |s| {
                    format!("`{}` ({:?}, {})", s.text, s.kind, s.canonical.as_deref().unwrap_or("-"))
                });
                errors.push(format!("{}: speaker {} `{}`, found {got}", gold.place, gold.by, gold.speaker));
            }
            if !cue_right {
                let cue = quote.cue.as_ref().map_or("", |c| c.text.as_str());
                errors.push(format!("{}: cue `{}`, found `{cue}`", gold.place, gold.cue));
            }
        }
        errors.extend(self.spurious.iter().map(|q| format!("{name}: spurious {}", render_quote(q))));
        errors
    }
}
