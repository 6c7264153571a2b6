//! Article structure: headline, publication line, dateline, body, credits, copyright and
//! "Baca juga" links of a news page pasted as text.

use compact_str::CompactString;
use jiff::civil::{Date, Time};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

use crate::Span;
use crate::date::PublishedLine;
use crate::text::{self, Casing, latin_only, strip_folded, trim};

/// The structure of one news page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The headline: the first line, when a publication line or a dateline follows it.
    pub title: Option<Snippet>,
    /// The publication date line under the headline.
    pub published: Option<Published>,
    /// The dateline that opens the body: `Jakarta (ANTARA) -`.
    pub dateline: Option<Dateline>,
    /// The body: from the end of the dateline (or the first line after the header) to the
    /// end of the last body paragraph, before credits and copyright. Related-link blocks
    /// inside it are listed in `related` and are not analysed.
    pub body: Span,
    /// Reporter, editor and similar credits, including end-of-text initials such as `(nal/ant)`.
    pub credits: Vec<Credit>,
    /// The copyright line.
    pub copyright: Option<Snippet>,
    /// Titles of linked articles announced by `Baca juga:` and similar markers.
    pub related: Vec<Snippet>,
}

/// A span of the text with its contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The original text of the span.
    pub text: CompactString,
}

/// The publication date line.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// Where it is.
    #[serde(flatten)]
    pub span: Span,
    /// The line as written.
    pub text: CompactString,
    /// The publication date.
    pub date: Date,
    /// The time of day, when the line gives one.
    pub time: Option<Time>,
    /// The UTC offset in hours of the named zone (WIB 7, WITA 8, WIT 9).
    pub utc_offset: Option<i8>,
}

/// The dateline: where the story was filed and by which agency.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// Where it is, from its first character through the dash.
    #[serde(flatten)]
    pub span: Span,
    /// The dateline as written.
    pub text: CompactString,
    /// The place as written (`Jakarta`, `JAKARTA`, `Kulon Progo`), if given.
    pub place: Option<CompactString>,
    /// The agency or outlet as written (`ANTARA`, `KOMPAS.com`, `CNN Indonesia`), if given.
    pub agency: Option<CompactString>,
}

/// One credited person or code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Credit {
    /// The role as labelled (`Pewarta`, `Editor`, `Penulis`…), or `initials` for the
    /// reporter and agency codes that close some articles (`(nal/ant)`).
    pub role: CompactString,
    /// The name (or code) as written.
    pub name: CompactString,
    /// Where the name is.
    #[serde(flatten)]
    pub span: Span,
}

/// The layout of a document: its structure plus the spans recognisers should read.
#[derive(Clone, Debug, Default)]
pub(crate) struct Layout {
    pub article: Article,
    /// The paragraphs of the title and body, minus related-link blocks, in order.
    pub zones: Vec<Zone>,
}

/// A paragraph of analysed text and the case it is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Zone {
    pub span: Span,
    pub casing: Casing,
}

/// What a line of the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Line {
    Body,
    Related,
    Credits,
    Copyright,
}

/// The compiled recognisers for page structure.
#[derive(Clone, Debug)]
pub(crate) struct StructureRecognizer {
    published: PublishedLine,
    /// The dateline pattern, for heads beyond ASCII; ASCII ones are read by hand
    /// ([`ascii_dateline`]). Compiled when the first such head is read: with `\p{Latin}`
    /// its compilation was a fifteenth of the extractor's build (16 of 243 million
    /// instructions), and few datelines need it.
    dateline: OnceLock<Regex>,
    related: Regex,
    copyright: Regex,
}

/// How many non-blank lines from the top may hold the headline, publication line and
/// dateline before the body is assumed to start without them.
const HEADER_LINES: usize = 4;

impl StructureRecognizer {
    pub fn new() -> StructureRecognizer {
        StructureRecognizer {
            published: PublishedLine::new(),
            dateline: OnceLock::new(),
            related: Regex::new(r"(?i)^(?:baca|simak|lihat)\s+(?:juga|pula)\s*:|^(?:berita|artikel)\s+terkait\s*:")
                .expect("the related-link pattern is valid"),
            // An ASCII word boundary: a Unicode one stops the lazy DFA on the first
            // non-ASCII byte and leaves a slower engine to scan every line.
            copyright: Regex::new(r"(?i)^(?:copyright(?-u:\b)|hak\s+cipta(?-u:\b)|©|\(c\)\s)")
                .expect("the copyright pattern is valid"),
        }
    }

    /// Lays out `text`.
    pub fn layout(&self, text: &str) -> Layout {
        let lines: Vec<Span> = text::lines(text).filter_map(|line| trim(text, line)).collect();
        let mut article = Article::default();
        let body_line = self.read_header(text, &lines, &mut article);

        let kinds: Vec<Line> = self.classify(text, &lines, body_line);
        for (i, line) in lines.iter().enumerate().skip(body_line) {
            match kinds[i] {
                Line::Credits => self.read_credits(text, *line, &mut article.credits),
                Line::Copyright if article.copyright.is_none() => article.copyright = Some(snippet(text, *line)),
                Line::Related => {
                    if let Some(title) = related_title(text, &lines, i, &self.related) {
                        article.related.push(snippet(text, title));
                    }
                }
                _ => {}
            }
        }

        let body_start = match (&article.dateline, lines.get(body_line)) {
            (Some(dateline), Some(line)) if line.contains(dateline.span) => {
                let rest = &text[dateline.span.end..line.end];
                dateline.span.end + (rest.len() - rest.trim_start().len())
            }
            (_, Some(line)) => line.start,
            (_, None) => text.len(),
        };
        let last_body = (body_line..lines.len()).rev().find(|&i| kinds[i] == Line::Body);
        let mut body_end = last_body.map_or(body_start, |i| lines[i].end).max(body_start);
        // Initials close the body and hold no parenthesis, so only the text from the last
        // `(` can end in them; searching the whole body would cost a scan per document.
        let last_paren = text[body_start..body_end].rfind('(').map_or(body_end, |i| body_start + i);
        if let Some(codes) = closing_initials(&text[last_paren..body_end]) {
            let base = last_paren + codes.start;
            let codes = &text[base..last_paren + codes.end];
            for code in text::words(codes) {
                article.credits.push(Credit {
                    role: "initials".into(),
                    name: codes[code.range()].into(),
                    span: Span::new(base + code.start, base + code.end),
                });
            }
            body_end = text[..last_paren].trim_end().len().max(body_start);
        }
        article.body = Span::new(body_start, body_end);

        let mut stretches = Vec::new();
        if let Some(title) = &article.title {
            stretches.push(title.span);
        }
        let mut stretch_start = body_start;
        for (i, line) in lines.iter().enumerate().skip(body_line) {
            if line.start >= body_end {
                break;
            }
            if kinds[i] != Line::Body {
                stretches.extend(trim(text, Span::new(stretch_start, line.start)));
                stretch_start = line.end;
            }
        }
        stretches.extend(trim(text, Span::new(stretch_start.min(body_end), body_end)));
        let mut paragraphs = Vec::new();
        for stretch in stretches {
            text::paragraphs_within(text, &lines, stretch, &mut paragraphs);
        }
        let zones = paragraphs.into_iter().map(|span| Zone { span, casing: Casing::of(&text[span.range()]) }).collect();
        Layout { article, zones }
    }

    /// Finds the headline, publication line and dateline among the first lines; returns
    /// the index of the line where the body starts.
    fn read_header(&self, text: &str, lines: &[Span], article: &mut Article) -> usize {
        let top = &lines[..lines.len().min(HEADER_LINES)];
        let published =
            top.iter().enumerate().find_map(|(i, line)| Some((i, self.published.parse(&text[line.range()])?)));
        let published_at = published.map(|(i, _)| i);
        // The dateline follows the publication line when there is one, so a headline that
        // happens to contain a dash is not taken for it.
        let after_published = published_at.map_or(0, |p| p + 1);
        // Read once: the line that holds the dateline is also where its parts come from.
        let dateline = (after_published..top.len()).find_map(|i| {
            let head = dateline_head(&text[top[i].range()])?;
            let parts = self.dateline_parts(head)?;
            (!self.is_trailer(text, top[i])).then_some((i, head, parts))
        });
        let dateline_at = dateline.map(|(i, ..)| i);
        if let Some((i, found)) = published {
            let line = lines[i];
            article.published = Some(Published {
                span: line,
                text: text[line.range()].into(),
                date: found.date,
                time: found.time,
                utc_offset: found.utc_offset,
            });
        }
        if let Some((i, head, parts)) = dateline {
            article.dateline = dateline_of(text, lines[i], head, parts);
        }
        let body_line = match (dateline_at, published_at) {
            (Some(d), _) => d,
            (None, Some(p)) => p + 1,
            (None, None) => 0,
        };
        // The headline is the first line when a header line follows it.
        if body_line > 0 && published_at != Some(0) {
            article.title = Some(snippet(text, lines[0]));
        }
        body_line
    }

    /// The place and agency of the dateline `head` (see [`dateline_head`]) when it is
    /// one; both may be missing from a line that opens with a dash alone.
    fn dateline_parts<'h>(&self, head: &'h str) -> Option<DatelineParts<'h>> {
        if head.is_ascii() {
            return ascii_dateline(head);
        }
        let pattern =
            self.dateline.get_or_init(|| latin_only(&dateline_template()).expect("the dateline pattern is valid"));
        let caps = pattern.captures(head)?;
        let group = |name: &str| caps.name(name).map(|m| m.as_str());
        let agency = group("agency_first").or_else(|| group("agency_paren")).or_else(|| group("agency_comma"));
        Some(DatelineParts { place: group("place"), agency })
    }

    fn is_trailer(&self, text: &str, line: Span) -> bool {
        let line = &text[line.range()];
        credits(line).next().is_some() || self.is_copyright(line)
    }

    /// Whether `line` is a copyright notice. It can only open with `c`, `h`, `©` or `(`:
    /// most lines are passed on that byte, without running the pattern.
    fn is_copyright(&self, line: &str) -> bool {
        matches!(line.as_bytes().first(), Some(b'c' | b'C' | b'h' | b'H' | b'(' | 0xC2))
            && self.copyright.is_match(line)
    }

    fn classify(&self, text: &str, lines: &[Span], body_line: usize) -> Vec<Line> {
        let mut kinds = vec![Line::Body; lines.len()];
        for (i, line) in lines.iter().enumerate().skip(body_line) {
            let content = &text[line.range()];
            // Every marker and credit label ends in a colon; most lines have none.
            let colon = memchr::memchr(b':', content.as_bytes()).is_some();
            if colon && self.related.is_match(content) {
                kinds[i] = Line::Related;
                // A marker alone on its line announces the title on the next line.
                let marker_end = self.related.find(content).map_or(0, |m| m.end());
                if content[marker_end..].trim().is_empty() && i + 1 < lines.len() {
                    kinds[i + 1] = Line::Related;
                }
            } else if kinds[i] == Line::Related {
                continue;
            } else if colon && opens_with_credit(content) {
                kinds[i] = Line::Credits;
            } else if self.is_copyright(content) {
                kinds[i] = Line::Copyright;
            }
        }
        kinds
    }

    fn read_credits(&self, text: &str, line: Span, found: &mut Vec<Credit>) {
        let content = &text[line.range()];
        for (role, names) in credits(content) {
            let base = line.start + names.start;
            for name in split_names(&content[names.range()]) {
                let span = Span::new(base + name.start, base + name.end);
                found.push(Credit { role: capitalise(role), name: text[span.range()].into(), span });
            }
        }
    }
}

/// The roles a credit line names, in lower case.
const CREDIT_ROLES: [&str; 10] = [
    "pewarta",
    "editor",
    "penulis",
    "reporter",
    "fotografer",
    "penerjemah",
    "redaktur",
    "penyunting",
    "kontributor",
    "videografer",
];

/// The credits in `line` (`Pewarta: Nani Suryani | Editor: Budi`): each piece between
/// `|` separators that opens with a role, matched without case, and a colon; its role as
/// written and the span of its names, from the first character after the colon and the
/// white space to the next separator. Read by hand: the patterns this was took regex's
/// reverse-inner search and its backtracker some 13,000 instructions a document.
fn credits(line: &str) -> impl Iterator<Item = (&str, Span)> {
    let mut piece_start = 0;
    line.split('|').filter_map(move |piece| {
        let start = piece_start;
        piece_start += piece.len() + 1;
        let (role, names) = credit(piece)?;
        Some((role, Span::new(start + names.start, start + names.end)))
    })
}

/// The credit `piece` holds when it opens with one, as for [`credits`].
fn credit(piece: &str) -> Option<(&str, Span)> {
    let opening = piece.trim_start();
    let after_role = CREDIT_ROLES.iter().find_map(|role| strip_folded(opening, role))?;
    let role = &opening[..opening.len() - after_role.len()];
    let names = after_role.trim_start().strip_prefix(':')?.trim_start();
    Some((role, Span::new(piece.len() - names.len(), piece.len())))
}

/// Whether `line` opens with a credit, after one separator at most: a credit line's
/// first piece, which a body line with a colon fails at its first word.
fn opens_with_credit(line: &str) -> bool {
    let line = line.strip_prefix('|').unwrap_or(line);
    line.split('|').next().is_some_and(|piece| credit(piece).is_some())
}

/// The dateline of `line`, whose head is `head`, when `parts` name a place or an agency.
fn dateline_of(text: &str, line: Span, head: &str, parts: DatelineParts) -> Option<Dateline> {
    let (place, agency) = (parts.place.map(CompactString::from), parts.agency.map(CompactString::from));
    if agency.is_none() && place.is_none() {
        return None;
    }
    // The pattern's match is the whole head: it ends at a dash and the white space after
    // it, and the head ends at the first of those.
    let span = Span::new(line.start, line.start + head.trim_end().len());
    Some(Dateline { span, text: text[span.range()].into(), place, agency })
}

/// Where the codes are in `tail` when it is closing initials and nothing else: a
/// parenthesis holding codes of two to five lower-case ASCII letters separated by slashes
/// (`(nal/ant)`, `( ab / ant )`), then only spaces. Read by hand: the pattern this was
/// cost some 1,200 instructions a document, for a dozen bytes.
fn closing_initials(tail: &str) -> Option<Span> {
    let inside = tail.strip_prefix('(')?.trim_end().strip_suffix(')')?;
    let codes = inside.trim();
    let is_code = |code: &str| (2..=5).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
    if !codes.split('/').all(|code| is_code(code.trim())) {
        return None;
    }
    let start = 1 + (inside.len() - inside.trim_start().len());
    Some(Span::new(start, start + codes.len()))
}

/// The dateline pattern. An agency is domain-like (`KOMPAS.com`, `TEMPO.CO`,
/// `Liputan6.com`) or opens with an all-capital word (`ANTARA News Yogyakarta`, `CNN
/// Indonesia`). A place is one to four capitalised words without dots, so `KOMPAS.com` is
/// never a place. Letters are Latin ones (`Zürich` too): with every script's, the pattern
/// took 12 ms of the extractor's 50 ms build, and Indonesian datelines are Latin.
fn dateline_template() -> String {
    let agency = r"(?:[%L%D]+(?:\.[%L]{2,})+|[%U]{2,}[%L%D]*(?:[%S]+[%U][%L%D]*){0,2})";
    let place = r"[%U][%L']*(?:[ -][%U][%L']*){0,3}";
    format!(
        r"^(?:(?P<agency_first>{agency})[%S]*,[%S]*)?(?P<place>{place})?(?:[%S]*\([%S]*(?P<agency_paren>{agency})[%S]*\)|[%S]*,[%S]*(?P<agency_comma>{agency}))?[%S]*(?:--?|–|—)(?:[%S]|$)"
    )
}

/// What a dateline names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DatelineParts<'h> {
    place: Option<&'h str>,
    /// The agency before the place, else in brackets after it, else after a comma.
    agency: Option<&'h str>,
}

/// [`dateline_template`] read by hand on an ASCII `head`: its captures cost regex's
/// bounded backtracker some 6,000 instructions a document. The head ends at its one dash
/// that white space or the end follows, so the text before that dash must be read whole:
/// an agency and a comma, maybe; a place, maybe; then an agency in brackets or after a
/// comma, maybe. Each part is tested whole, in the order the pattern prefers readings.
fn ascii_dateline(head: &str) -> Option<DatelineParts<'_>> {
    let before_dash = head.trim_end();
    let before_dash = before_dash.strip_suffix("--").or_else(|| before_dash.strip_suffix('-'))?;
    let prefix = before_dash.trim_end();
    // An agency and a comma first: the pattern tries its first group before all else.
    if let Some(comma) = prefix.find(',') {
        let first = prefix[..comma].trim_end();
        if is_agency(first)
            && let Some(rest) = place_then_agency(prefix[comma + 1..].trim_start())
        {
            return Some(DatelineParts { place: rest.place, agency: Some(first) });
        }
    }
    place_then_agency(prefix)
}

/// `text` read whole as a place, maybe, then an agency in brackets or after a comma,
/// maybe: the longest place first.
fn place_then_agency(text: &str) -> Option<DatelineParts<'_>> {
    // Where a place of one, two, three and four words would end.
    let mut place_ends = [0; 4];
    let mut words = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while words < place_ends.len() {
        let word_start = if words == 0 { at } else { at + 1 };
        let separated = words == 0 || matches!(bytes.get(at), Some(b' ' | b'-'));
        if !separated || !bytes.get(word_start).is_some_and(u8::is_ascii_uppercase) {
            break;
        }
        at = word_start
            + 1
            + bytes[word_start + 1..].iter().take_while(|&&b| b.is_ascii_alphabetic() || b == b'\'').count();
        place_ends[words] = at;
        words += 1;
    }
    let places = place_ends[..words].iter().rev().map(|&end| (Some(&text[..end]), &text[end..]));
    places.chain([(None, text)]).find_map(|(place, rest)| {
        let agency = trailing_agency(rest)?;
        Some(DatelineParts { place, agency })
    })
}

/// What follows a dateline's place, read whole: nothing, an agency in brackets, or a
/// comma and an agency; `None` when it is something else.
fn trailing_agency(rest: &str) -> Option<Option<&str>> {
    if rest.is_empty() {
        return Some(None);
    }
    let rest = rest.trim_start();
    let agency = if let Some(inside) = rest.strip_prefix('(') {
        inside.strip_suffix(')')?.trim()
    } else {
        rest.strip_prefix(',')?.trim_start()
    };
    is_agency(agency).then_some(Some(agency))
}

/// Whether ASCII `text` is an agency of the dateline pattern, whole: domain-like
/// (`TEMPO.CO`), or one to three words the first of which opens with two capitals and
/// the others with one (`ANTARA News Yogyakarta`).
fn is_agency(text: &str) -> bool {
    let mut pieces = text.split('.');
    let domain = pieces.next().is_some_and(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()))
        && text.contains('.')
        && pieces.all(|piece| piece.len() >= 2 && piece.bytes().all(|b| b.is_ascii_alphabetic()));
    if domain {
        return true;
    }
    if text.is_empty() || text.trim() != text {
        return false;
    }
    let opens = |word: &str, capitals: usize| {
        word.len() >= capitals
            && word.bytes().take(capitals).all(|b| b.is_ascii_uppercase())
            && word.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let mut words = text.split_whitespace();
    words.next().is_some_and(|first| opens(first, 2)) && words.clone().count() <= 2 && words.all(|w| opens(w, 1))
}

/// The start of `line` through its first dash that a space or the line end follows: the
/// only place a dateline can end, since its place and agency hold no such dash. The
/// dateline pattern then reads a few words instead of a whole first paragraph.
fn dateline_head(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let mut from = 0;
    // Dashes are `-` and the three-byte `–` and `—`, which start with 0xE2: only those
    // bytes are visited, not every character of a long line.
    while let Some(at) = memchr::memchr2(b'-', 0xE2, &bytes[from..]).map(|i| from + i) {
        let rest = &line[at..];
        let Some(dash) = ['-', '–', '—'].into_iter().find(|&dash| rest.starts_with(dash)) else {
            from = at + 1;
            continue;
        };
        let after = at + dash.len_utf8();
        match line[after..].chars().next() {
            None => return Some(line),
            Some(next) if next.is_whitespace() => return Some(&line[..after + next.len_utf8()]),
            Some(_) => from = after,
        }
    }
    None
}

/// The title announced by the related-link marker on line `i`: the rest of that line, or
/// the next line when the marker stands alone.
fn related_title(text: &str, lines: &[Span], i: usize, marker: &Regex) -> Option<Span> {
    let line = lines[i];
    let found = marker.find(&text[line.range()])?;
    trim(text, Span::new(line.start + found.end(), line.end)).or_else(|| lines.get(i + 1).copied())
}

/// Splits a credit's names at commas, slashes, ampersands and the word `dan`.
fn split_names(names: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let separators = names.match_indices([',', '/', '&', ';']).map(|(i, s)| (i, i + s.len()));
    let conjunctions = names.match_indices(" dan ").map(|(i, s)| (i, i + s.len()));
    let mut cuts: Vec<(usize, usize)> = separators.chain(conjunctions).collect();
    cuts.sort_unstable();
    for (cut_start, cut_end) in cuts.into_iter().chain(std::iter::once((names.len(), names.len()))) {
        if cut_start < start {
            continue;
        }
        spans.extend(trim(names, Span::new(start, cut_start)));
        start = cut_end;
    }
    spans
}

fn capitalise(role: &str) -> CompactString {
    let lower = role.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn snippet(text: &str, span: Span) -> Snippet {
    Snippet { span, text: text[span.range()].into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    /// The patterns the credit reader replaced, as its oracles: every credit of a line,
    /// and a line that opens with one.
    static CREDIT_ORACLES: LazyLock<(Regex, Regex)> = LazyLock::new(|| {
        let roles = "Pewarta|Editor|Penulis|Reporter|Fotografer|Penerjemah|Redaktur|Penyunting|Kontributor|Videografer";
        let credit = Regex::new(&format!(r"(?i)(?:^|\|)\s*(?P<role>{roles})\s*:\s*(?P<names>[^|]*)")).unwrap();
        (credit, Regex::new(&format!(r"(?i)^\|?\s*(?:{roles})\s*:")).unwrap())
    });

    /// Every credit of `line` and whether it opens with one, as the oracles read it.
    fn oracle_credits(line: &str) -> (Vec<(&str, Span)>, bool) {
        let (credit, opening) = &*CREDIT_ORACLES;
        let found = credit.captures_iter(line).map(|caps| {
            let names = caps.name("names").unwrap();
            (caps.name("role").unwrap().as_str(), Span::new(names.start(), names.end()))
        });
        (found.collect(), opening.is_match(line))
    }

    fn hand_credits(line: &str) -> (Vec<(&str, Span)>, bool) {
        (credits(line).collect(), opens_with_credit(line))
    }

    #[test]
    fn the_credit_reader_agrees_with_the_patterns_it_replaced() {
        let tricky = [
            "Pewarta: Nani Suryani | Editor: Budi",
            "| Editor : Budi|Pewarta:Ani",
            "| | Editor: Budi",
            "  | Editor: Budi",
            "Foto: Ani | Fotografer: Ani, Budi",
            "PEWARTA :\u{a0} Nani",
            "Penuli\u{17F}: Nani",
            "Redaktur: | Kontributor:",
            "Redaktur:",
            "\u{212A}ontributor: Ani",
            "Editorial: Budi",
            "Editor Budi: Ani",
            "Penulis\u{3000}:\tNani dan Budi",
            "Pewarta|: Nani",
            "pewarta: Nani ||| editor: Budi |",
            "Videografer/Editor: Ani",
            "Ed\u{131}tor: Ani",
            "||",
            "",
        ];
        fn owned((credits, opens): (Vec<(&str, Span)>, bool)) -> (Vec<(String, Span)>, bool) {
            (credits.into_iter().map(|(role, names)| (role.to_string(), names)).collect(), opens)
        }
        let (read, oracle) = (|line: &str| owned(hand_credits(line)), |line: &str| owned(oracle_credits(line)));
        let with_credits = crate::agreement_on_lines(&tricky, read, oracle, |read| !read.0.is_empty());
        assert!(with_credits >= 20, "only {with_credits} credit lines");
    }

    /// Lines made of pieces of credits, each written well or not.
    fn credit_like_lines() -> impl Strategy<Value = String> {
        let piece = prop::collection::vec(
            prop::sample::select(vec![
                "",
                " ",
                "|",
                ":",
                " : ",
                "Pewarta",
                "EDITOR",
                "penuli\u{17F}",
                "\u{212A}ontributor",
                "Redaktu",
                "Nani",
                "Budi, Ani",
                " dan ",
                "\u{a0}",
                "\t",
                "ı",
                "é",
                "Editorial",
            ]),
            0..8,
        );
        piece.prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn the_credit_reader_agrees_with_the_patterns_on_credit_like_lines(line in credit_like_lines()) {
            prop_assert_eq!(hand_credits(&line), oracle_credits(&line));
        }
    }

    #[test]
    fn closing_initials_are_codes_in_a_parenthesis_and_nothing_else() {
        fn codes(tail: &str) -> Option<&str> {
            closing_initials(tail).map(|span| &tail[span.range()])
        }
        assert_eq!(codes("(nal/ant)"), Some("nal/ant"));
        assert_eq!(codes("( ab / ant )  "), Some("ab / ant"));
        assert_eq!(codes("(ant)"), Some("ant"));
        assert_eq!(codes("(abcde/xy)"), Some("abcde/xy"));
        // Unicode spaces count as spaces, as they do everywhere else.
        assert_eq!(codes("(\u{3000}nal\u{a0}/ant)\u{2003}"), Some("nal\u{a0}/ant"));
        for not_initials in [
            "",
            "(",
            "()",
            "(a/ant)",
            "(abcdef)",
            "(Ant)",
            "(nal//ant)",
            "(nal/)",
            "(/ant)",
            "(nal/ant) x",
            "(ñal)",
            "nal/ant)",
            "(nal ant)",
        ] {
            assert_eq!(codes(not_initials), None, "{not_initials:?}");
        }
    }

    /// Lines with datelines in the styles of several outlets, and lines that look like them.
    fn dateline_like_lines() -> Vec<String> {
        let mut lines = crate::sample_lines();
        lines.extend(
            [
                "JAKARTA, KOMPAS.com -- Isi",
                "Kulon Progo (ANTARA) - Isi",
                "TEMPO.CO, Jakarta - Isi",
                "Banda Aceh, CNN Indonesia -\tIsi",
                "Jakarta\x0b(ANTARA)\x0c- Isi",
                "Liputan6.com, Jakarta - ",
                "ANTARA, Jakarta, KOMPAS.com - Isi",
                "ANTARA , , KOMPAS.com - Isi",
                "ANTARA, KOMPAS - Isi",
                "  (ANTARA) - Isi",
                " , KOMPAS.com - Isi",
                "- Isi",
                "-- Isi",
                "--- Isi",
                "x-- Isi",
                "Jakarta Barat Daya Selatan Utara (ANTARA) - Isi",
                "Jakarta Barat Daya Selatan (ANTARA) - Isi",
                "Jakarta-Barat, ANTARA News Yogyakarta Raya - Isi",
                "Jakarta-Barat, ANTARA News Yogyakarta - Isi",
                "Jakarta  Barat (ANTARA) - Isi",
                "Jakarta ( ANTARA ) - Isi",
                "Jakarta (ANTARA News) (X) - Isi",
                "Jakarta (Antara) - Isi",
                "Jakarta (A.BC) - Isi",
                "Jakarta (AB..CD) - Isi",
                "Jakarta (KOMPAS.c) - Isi",
                "Jakarta, ANTARA - Isi",
                "D'Jakarta, ANTARA2 - Isi",
                "JAKARTA,KOMPAS.COM-- Isi",
                "Jakarta (ANTARA) -",
                "Jakarta (ANTARA)-Isi - lagi",
                "Z\u{FC}rich (ANTARA) - Isi",
                "Kulon Progo (ANTARA) \u{2013} Isi",
                "Jakarta, Senin - Isi",
            ]
            .map(str::to_string),
        );
        lines
    }

    /// The place and agency the pattern captures on `head`; the match is the whole head.
    fn oracle_dateline<'h>(pattern: &Regex, head: &'h str) -> Option<DatelineParts<'h>> {
        let caps = pattern.captures(head)?;
        assert_eq!(caps.get(0).map(|m| m.as_str()), Some(head), "the match is the head");
        let group = |name: &str| caps.name(name).map(|m| m.as_str());
        let agency = group("agency_first").or_else(|| group("agency_paren")).or_else(|| group("agency_comma"));
        Some(DatelineParts { place: group("place"), agency })
    }

    #[test]
    fn the_dateline_reader_agrees_with_the_pattern_on_ascii_lines() {
        let pattern = latin_only(&dateline_template()).unwrap();
        let (mut compared, mut datelines) = (0, 0);
        for line in dateline_like_lines() {
            let Some(head) = dateline_head(&line) else { continue };
            if head.is_ascii() {
                let read = ascii_dateline(head);
                assert_eq!(read, oracle_dateline(&pattern, head), "{line:?}");
                compared += 1;
                datelines += usize::from(read.is_some_and(|parts| parts.place.is_some() || parts.agency.is_some()));
            }
        }
        assert!(compared >= 40 && datelines >= 20, "{compared} heads compared, {datelines} datelines");
    }

    /// Lines made of the parts of a dateline, each written well or not.
    fn dateline_like_heads() -> impl Strategy<Value = String> {
        let parts: [&[&str]; 8] = [
            &["", "ANTARA", "KOMPAS.com", "Jakarta", "TEMPO.CO", " ", "x"],
            &["", ",", " , ", ",,"],
            &["", "Kulon Progo", "Jakarta-Barat", "D'Jakarta", "A B C D E", "Banda  Aceh", "KOMPAS", "(", " "],
            &["", " ", "(", "( ", "\t"],
            &["", "ANTARA News", "CNN Indonesia Raya Baru", "Antara", "A.BC", "AB.C", ",KOMPAS"],
            &["", ")", " )", ") ", ","],
            &["", " ", "\x0b"],
            &["-", "--", "---", "- ", "-- ", "-x", ""],
        ];
        parts.map(prop::sample::select).prop_map(|parts| parts.concat() + " Isi")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn the_dateline_reader_agrees_with_the_pattern_on_dateline_like_lines(line in dateline_like_heads()) {
            static PATTERN: LazyLock<Regex> = LazyLock::new(|| latin_only(&dateline_template()).unwrap());
            if let Some(head) = dateline_head(&line) {
                prop_assert_eq!(ascii_dateline(head), oracle_dateline(&PATTERN, head));
            }
        }
    }
}
