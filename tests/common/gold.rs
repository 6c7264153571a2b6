//! Readers for the hand-written gold files of `tests/golden/` (format in
//! `tests/golden/README.md`), shared by the golden tests and the `evaluate` example.

use std::collections::BTreeMap;

use intisari::{Date, DateMention, Span};

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

/// A found date mention as one comparable line: span, text, kind, value, grain, modifier.
pub fn render_date(mention: &DateMention) -> String {
    let name = |value: serde_json::Value| value.as_str().unwrap_or("-").to_string();
    let fields = [
        name(serde_json::to_value(mention.kind).unwrap()),
        mention.value.clone().unwrap_or_else(|| "-".to_string()),
        name(serde_json::to_value(mention.grain).unwrap()),
        mention.modifier.map_or_else(|| "-".to_string(), |m| name(serde_json::to_value(m).unwrap())),
    ];
    render(mention.span, &mention.text, fields)
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

/// One case of `dates.tsv`: a reference date, a text and its expected date lines.
#[derive(Debug)]
pub struct DateCase {
    pub line: usize,
    pub reference: Option<Date>,
    pub text: String,
    pub dates: Vec<Annotation>,
}

/// Parses `dates.tsv`: `@REF<TAB>TEXT` lines, each followed by its `date` lines.
pub fn date_cases(name: &str, data: &str) -> Result<Vec<DateCase>, String> {
    let mut cases = Vec::new();
    let mut header: Option<(usize, Option<Date>, String)> = None;
    let mut body = String::new();
    let mut body_start = 0;
    let mut finish = |header: Option<(usize, Option<Date>, String)>, body: &str, body_start: usize| {
        if let Some((line, reference, text)) = header {
            let dates = annotations(name, &text, body, body_start)?;
            cases.push(DateCase { line, reference, text, dates });
        }
        Ok::<(), String>(())
    };
    for (index, line) in data.lines().enumerate() {
        let Some(case) = line.strip_prefix('@') else {
            if header.is_some() {
                body.push_str(line);
                body.push('\n');
            } else if !line.trim().is_empty() && !line.starts_with('#') {
                return Err(format!("{name}:{}: a date line before any `@` case", index + 1));
            }
            continue;
        };
        finish(header.take(), &body, body_start)?;
        body.clear();
        body_start = index + 2;
        let (reference, text) =
            case.split_once('\t').ok_or_else(|| format!("{name}:{}: `@REF<TAB>TEXT` expected", index + 1))?;
        let reference = match reference {
            "-" => None,
            date => Some(date.parse().map_err(|e| format!("{name}:{}: {date}: {e}", index + 1))?),
        };
        header = Some((index + 1, reference, text.to_string()));
    }
    finish(header, &body, body_start)?;
    Ok(cases)
}
