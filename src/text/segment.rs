//! Lines, paragraphs, sentences and words, all as byte spans of the original text.

use std::sync::LazyLock;

use super::WordSet;
use crate::Span;

/// Whether `c` belongs inside a word: a Unicode letter, digit or combining mark.
///
/// Word boundaries everywhere in the crate are defined on this test, so `Jakarta` does
/// not match inside `DKIJakarta`, and `Bali` matches in `(Bali)` and `Bali-Nusa`.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Whether `span` starts and ends on word boundaries of `text`: the characters just
/// outside it (if any) are not word characters.
///
/// # Examples
///
/// ```
/// use intisari::{text::at_word_boundaries, Span};
/// let text = "Sri Lanka dan Srikandi";
/// assert!(at_word_boundaries(text, Span::new(0, 3)));
/// assert!(!at_word_boundaries(text, Span::new(14, 17)));
/// ```
pub fn at_word_boundaries(text: &str, span: Span) -> bool {
    let before = text.get(..span.start).and_then(|s| s.chars().next_back());
    let after = text.get(span.end..).and_then(|s| s.chars().next());
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// The words of `text`: maximal runs of [`is_word_char`] characters.
pub fn words(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|&(_, c)| is_word_char(c))?;
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some(Span::new(start, end))
    })
}

/// Whether `text` is one character (an initial: `r`, `m`): asked of many tokens, so
/// answered from the first two characters instead of a count of all.
pub(crate) fn one_char(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some() && chars.next().is_none()
}

/// The last of [`words`], found from the end: a form's last word is asked of every match.
/// An ASCII word after an ASCII byte, most of them, is found by its bytes (the ASCII word
/// characters are the letters and digits), the others by characters.
pub(crate) fn last_word(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    let end = bytes.iter().rposition(|b| !b.is_ascii() || b.is_ascii_alphanumeric())?;
    if bytes[end].is_ascii() {
        let start = bytes[..end].iter().rposition(|b| !b.is_ascii_alphanumeric()).map_or(0, |before| before + 1);
        if start == 0 || bytes[start - 1].is_ascii() {
            return Some(Span::new(start, end + 1));
        }
    }
    last_word_by_characters(text)
}

/// [`last_word`] by characters.
fn last_word_by_characters(text: &str) -> Option<Span> {
    let after = |(i, c): (usize, char)| i + c.len_utf8();
    let end = text.char_indices().rev().find(|&(_, c)| is_word_char(c)).map(after)?;
    let start = text[..end].char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, after);
    Some(Span::new(start, end))
}

/// `text` after its leading `word` (lower-case ASCII), matched without case as Unicode
/// folds it: `ſ` is an `s`, the Kelvin sign a `k`.
pub(crate) fn strip_folded<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    let mut chars = text.char_indices();
    for expected in word.chars() {
        let (_, c) = chars.next()?;
        let folded = match c {
            '\u{17F}' => 's',
            '\u{212A}' => 'k',
            c => c.to_ascii_lowercase(),
        };
        if folded != expected {
            return None;
        }
    }
    Some(chars.as_str())
}

/// The lines of `text` without their terminators; `\n`, `\r\n` and a lone `\r` all end
/// a line.
pub fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(offset) => {
                let end = start + offset;
                let next = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') { end + 2 } else { end + 1 };
                let line = Span::new(start, end);
                start = next;
                Some(line)
            }
            None => {
                done = true;
                Some(Span::new(start, text.len()))
            }
        }
    })
}

/// The paragraphs of `text`, trimmed of surrounding whitespace.
///
/// News pages arrive in two shapes: paragraphs separated by blank lines, or one paragraph
/// per line. When the text has at least one blank line between two non-blank lines, blank
/// lines separate paragraphs and single line breaks stay inside them; otherwise every
/// non-blank line is a paragraph.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut paragraphs: Vec<Span> = lines(text).filter_map(|line| trim(text, line)).collect();
    join_into_paragraphs(text, &mut paragraphs, 0);
    paragraphs
}

/// The [`paragraphs`] of `text[stretch]`, as spans of `text`, appended to `paragraphs`,
/// read from `lines`, the non-blank lines of all of `text`, trimmed: the layout passes
/// the lines it has read rather than have them read again for each stretch of the body.
pub(crate) fn paragraphs_within(text: &str, lines: &[Span], stretch: Span, paragraphs: &mut Vec<Span>) {
    let from = paragraphs.len();
    let first = lines.partition_point(|line| line.end <= stretch.start);
    let inside = lines[first..]
        .iter()
        .take_while(|line| line.start < stretch.end)
        .filter_map(|line| trim(text, Span::new(line.start.max(stretch.start), line.end.min(stretch.end))));
    paragraphs.extend(inside);
    join_into_paragraphs(text, paragraphs, from);
}

/// Joins the non-blank lines `spans[from..]` (trimmed, in order) into the paragraphs they
/// make, in place. Only white space lies between two of the lines, and two line
/// terminators in it mean a blank line.
fn join_into_paragraphs(text: &str, spans: &mut Vec<Span>, from: usize) {
    let blank_between = |before: Span, after: Span| {
        let gap = &text.as_bytes()[before.end..after.start];
        let terminators = gap
            .iter()
            .enumerate()
            .filter(|&(at, &byte)| byte == b'\n' || (byte == b'\r' && gap.get(at + 1) != Some(&b'\n')));
        terminators.count() >= 2
    };
    let blank_separated = spans[from..].windows(2).any(|pair| blank_between(pair[0], pair[1]));
    if !blank_separated {
        // Every line is a paragraph, as it stands.
        return;
    }
    // The paragraph being written is `spans[open]`. `spans[read - 1]` is still the line
    // itself: that paragraph lies before it, or is it and not yet extended.
    let mut open = from;
    for read in from + 1..spans.len() {
        if blank_between(spans[read - 1], spans[read]) {
            open += 1;
            spans[open] = spans[read];
        } else {
            spans[open].end = spans[read].end;
        }
    }
    spans.truncate(open + 1);
}

/// `span` without leading and trailing whitespace, or `None` if nothing is left.
pub(crate) fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = &text[span.range()];
    let trimmed = slice.trim_start();
    let start = span.start + (slice.len() - trimmed.len());
    let end = start + trimmed.trim_end().len();
    (start < end).then(|| Span::new(start, end))
}

/// Abbreviations that are followed by a period but never end a sentence: titles, degrees,
/// and the abbreviations that always precede a name or number.
const ABBREVIATIONS: &[&str] = &[
    "Ag", "Ak", "Bpk", "Brigjen", "Dr", "Dra", "Drs", "Dt", "Hj", "Hum", "Ir", "Irjen", "Jend", "Jl", "Jln", "Kab",
    "Kapt", "Kec", "Ked", "Kel", "Kes", "Kol", "Kom", "Kombes", "Komjen", "Kp", "Lc", "Letjen", "Mayjen", "Mgr", "No",
    "Ny", "Pd", "Pdt", "Pol", "Prof", "Prov", "Psi", "Rp", "Sdr", "Si", "Sos", "St", "Tbk", "Tn", "Ust", "Yth", "dr",
    "drg", "ds", "jl", "kab", "kec", "no", "rp",
];

/// The sentences of the paragraph `paragraph` of `text`.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quote marks or brackets
/// after it) when whitespace and then a capital letter, a digit, an opening quote or
/// bracket, or the end of the paragraph follow. A period does not end a sentence after
/// an abbreviation such as `Dr.`, `Prof.`, `H.`, `Jl.`, `No.`, `Kab.`, `Rp.`, a rank
/// (`Kombes Pol.`), a degree (`S.Sos.`, `M.Si.`) or a single-letter initial, nor inside
/// numbers (`1.500`, `10.00`) since no space follows.
/// In a paragraph without any lower-case or without any upper-case letters, any letter may
/// start the next sentence. Pre-tokenised text (`siap . " kata dia`) works because
/// spaces between the period and a closing quote are allowed.
pub fn sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let mut sentences = Vec::new();
    sentences_into(text, paragraph, &mut sentences);
    sentences
}

/// [`sentences`], appended to `sentences`: a recogniser segmenting many paragraphs reuses
/// one buffer.
pub(crate) fn sentences_into(text: &str, paragraph: Span, sentences: &mut Vec<Span>) {
    let body = &text[paragraph.range()];
    let caseless = Casing::of(body) != Casing::Mixed;
    let mut start = 0;
    let mut inside_quote = false;
    let mut pos = 0;
    // Only quote marks and terminators matter: skip to the next byte that can start one
    // without decoding the letters between.
    let mut marks = MarkFinder::new(body.as_bytes());
    while let Some(i) = marks.next_from(pos) {
        let c = char_at(body, i);
        pos = i + c.len_utf8();
        match c {
            '"' => inside_quote = !inside_quote,
            '“' => inside_quote = true,
            '”' => inside_quote = false,
            '.' | '!' | '?' | '…' => {
                let mut end = pos;
                // The run of terminators and closers that belongs to this sentence.
                while let Some(next) = body[pos..].chars().next() {
                    let closes_quote = inside_quote && matches!(next, '"' | '”' | '’' | '\'');
                    if matches!(next, '.' | '!' | '?' | '…' | ')' | ']') || closes_quote {
                        if closes_quote {
                            inside_quote = false;
                        }
                        end = pos + next.len_utf8();
                        pos = end;
                    } else if next == ' ' && inside_quote && closing_quote_follows(&body[pos..]) {
                        pos += 1;
                    } else {
                        break;
                    }
                }
                if c == '.' && ends_abbreviation(&body[start..i]) {
                    continue;
                }
                let rest = &body[end..];
                let after_space = rest.trim_start();
                let next_starts = match after_space.chars().next() {
                    None => true,
                    // No space after the period: `1.500`, `10.00`, `kemenkes.go.id`.
                    Some(_) if after_space.len() == rest.len() => false,
                    Some(next) => starts_sentence(next, caseless),
                };
                if next_starts {
                    push_trimmed(text, paragraph.start, start, end, sentences);
                    start = end;
                }
            }
            _ => {}
        }
    }
    push_trimmed(text, paragraph.start, start, body.len(), sentences);
}

/// Finds the bytes that can start a quote mark or a sentence terminator: `"`, `.`, `!`,
/// `?` and 0xE2, which leads `“`, `”` and `…`. The common three are found by one
/// vectorised search, the rare `!` and `?` by another whose answer is kept until it is
/// passed. Searched byte by byte, they took some 4 instructions a byte of every paragraph.
struct MarkFinder<'b> {
    bytes: &'b [u8],
    /// Where the next `!` or `?` is, at or after the last position asked for (the length
    /// of `bytes` when there is none).
    next_rare: usize,
}

impl<'b> MarkFinder<'b> {
    fn new(bytes: &'b [u8]) -> MarkFinder<'b> {
        MarkFinder { bytes, next_rare: memchr::memchr2(b'!', b'?', bytes).unwrap_or(bytes.len()) }
    }

    /// The first such byte at or after `from`; asked for positions that never go back.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let rest = self.bytes.get(from..)?;
        if self.next_rare < from {
            self.next_rare = memchr::memchr2(b'!', b'?', rest).map_or(self.bytes.len(), |i| from + i);
        }
        let common = memchr::memchr3(b'"', b'.', 0xE2, rest).map_or(self.bytes.len(), |i| from + i);
        Some(common.min(self.next_rare)).filter(|&at| at < self.bytes.len())
    }
}

/// The character at byte `at` of `text` (a char boundary inside it).
fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("`at` is a char boundary inside the text")
}

fn push_trimmed(text: &str, base: usize, start: usize, end: usize, out: &mut Vec<Span>) {
    out.extend(trim(text, Span::new(base + start, base + end)));
}

/// In tokenised text a closing quote stands after a space: `siap . " kata`.
fn closing_quote_follows(rest: &str) -> bool {
    let mut chars = rest.trim_start_matches(' ').chars();
    matches!(chars.next(), Some('"' | '”')) && chars.next().is_none_or(char::is_whitespace)
}

fn starts_sentence(c: char, caseless: bool) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '"' | '“' | '(' | '[' | '\'' | '‘')
        || (caseless && c.is_alphabetic())
}

/// Whether `before` (the text before a period) ends in an abbreviation or an initial.
fn ends_abbreviation(before: &str) -> bool {
    let word_start = before.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
    let word = &before[word_start..];
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    // Most words before a period are no abbreviation's shape: no comparisons for them.
    static TABLE: LazyLock<WordSet<&str>> = LazyLock::new(|| ABBREVIATIONS.iter().map(|&a| (a, ())).collect());
    initial || TABLE.contains(word)
}

/// Which cases of letters a text uses. Recognisers that rely on capital letters relax
/// their rules for text in a single case (headlines, some corpora).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    /// Both upper- and lower-case letters occur.
    Mixed,
    /// Letters occur, none of them lower-case.
    Upper,
    /// Letters occur, none of them upper-case.
    Lower,
    /// No cased letters at all.
    Uncased,
}

impl Casing {
    /// Classifies `text`.
    pub fn of(text: &str) -> Casing {
        let (mut upper, mut lower) = (false, false);
        for c in text.chars() {
            upper |= c.is_uppercase();
            lower |= c.is_lowercase();
            if upper && lower {
                return Casing::Mixed;
            }
        }
        match (upper, lower) {
            (true, _) => Casing::Upper,
            (false, true) => Casing::Lower,
            (false, false) => Casing::Uncased,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every position [`MarkFinder`] reports, asked from each position after the last.
    fn marks(text: &str, step: usize) -> Vec<usize> {
        let mut finder = MarkFinder::new(text.as_bytes());
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = finder.next_from(from) {
            assert!(at >= from, "{at} found when asked from {from} in {text:?}");
            found.push(at);
            from = at + 1 + step.min(text.len() - at - 1);
        }
        found
    }

    fn marks_byte_by_byte(text: &str, step: usize) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = bytes[from..].iter().position(|b| matches!(b, b'"' | b'.' | b'!' | b'?' | 0xE2)) {
            let at = from + at;
            found.push(at);
            from = at + 1 + step.min(text.len() - at - 1);
        }
        found
    }

    #[test]
    fn the_mark_finder_finds_every_mark_byte_in_order() {
        let text = "“Siap!” katanya. Benarkah? Ya… \"tentu\". Akhir";
        let expected: Vec<usize> =
            text.bytes().enumerate().filter(|(_, b)| b"\".!?\xE2".contains(b)).map(|(i, _)| i).collect();
        assert_eq!(marks(text, 0), expected);
        assert_eq!(marks("", 0), Vec::<usize>::new());
        assert_eq!(marks("tanpa tanda", 0), Vec::<usize>::new());
    }

    proptest! {
        #[test]
        fn the_mark_finder_agrees_with_a_byte_by_byte_search(
            text in "[a.!?\" “”…–é]{0,40}",
            step in 0usize..4,
        ) {
            prop_assert_eq!(marks(&text, step), marks_byte_by_byte(&text, step));
        }
    }
}
