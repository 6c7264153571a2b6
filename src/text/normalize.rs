//! Normalisation for matching, with an alignment table back to the original text.

use caseless::Caseless;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::canonical_combining_class;

use crate::Span;

/// A matching view of a text: NFC, full Unicode case folding, one straight form for quote
/// marks, apostrophes, dashes and spaces, zero-width characters removed; plus the alignment
/// that maps any span of the view back to exact byte offsets of the original.
///
/// Recognisers search [`Normalized::as_str`] and report
/// [`Normalized::to_original`] spans, so a match found in `“jakarta”` is reported over the
/// original `“Jakarta”` bytes, curly quotes and all.
///
/// The alignment is sparse: it stores one entry per *changed unit* whose byte length
/// differs from its replacement (a curly quote, a decomposed accent, a zero-width space),
/// so mostly-ASCII news text costs one lower-casing pass and almost no memory. A unit is a
/// character followed by its combining marks; a span boundary that falls inside the
/// replacement of one unit is widened to the whole unit.
///
/// # Examples
///
/// ```
/// use intisari::text::Normalized;
/// use intisari::Span;
///
/// let original = "Kata “Bu Nani” di Jakarta";
/// let normalized = Normalized::new(original);
/// assert_eq!(normalized.as_str(), "kata \"bu nani\" di jakarta");
/// let found = normalized.as_str().find("nani").unwrap();
/// let span = normalized.to_original(Span::new(found, found + 4));
/// assert_eq!(&original[span.range()], "Nani");
/// ```
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    pieces: Vec<Piece>,
}

/// One changed unit: `original[orig_start..orig_end]` became
/// `text[norm_start..norm_end]`, and the two lengths differ (or their characters do not
/// line up one to one).
#[derive(Clone, Copy, Debug)]
struct Piece {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

impl Normalized {
    /// Normalises `original` for matching.
    pub fn new(original: &str) -> Normalized {
        let mut normalized = Normalized { text: String::with_capacity(original.len()), pieces: Vec::new() };
        normalized.reset(original);
        normalized
    }

    /// Normalises `original` into this value, reusing its buffers (the per-thread scratch
    /// of the batch path).
    pub fn reset(&mut self, original: &str) {
        self.text.clear();
        self.pieces.clear();
        // Folding keeps most texts' length: reserving it once spares a long document the
        // copies of doubling.
        self.text.reserve(original.len());
        let bytes = original.as_bytes();
        let mut unit = String::new();
        let mut pos = 0;
        while pos < bytes.len() {
            // ASCII runs, the bulk of news text, are copied and lower-cased in place.
            let mut run = ascii_prefix_len(&bytes[pos..]);
            // An ASCII letter followed by a combining mark (`e` + U+0301) joins its unit.
            if run > 0 && pos + run < bytes.len() && starts_with_combining(&original[pos + run..]) {
                run -= 1;
            }
            if run > 0 {
                let from = self.text.len();
                self.text.push_str(&original[pos..pos + run]);
                self.text[from..].make_ascii_lowercase();
                pos += run;
                continue;
            }
            let unit_end = unit_end(original, pos);
            let source = &original[pos..unit_end];
            unit.clear();
            fold_unit(source, &mut unit);
            let norm_start = self.text.len();
            self.text.push_str(&unit);
            if !aligns_one_to_one(source, &unit) {
                self.pieces.push(Piece { norm_start, norm_end: self.text.len(), orig_start: pos, orig_end: unit_end });
            }
            pos = unit_end;
        }
    }

    /// The bytes its buffers hold, used or not.
    pub(crate) fn buffer_bytes(&self) -> usize {
        self.text.capacity() + self.pieces.capacity() * std::mem::size_of::<Piece>()
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a span of the normalised text to the original text.
    ///
    /// The result lies on `char` boundaries of the original. A boundary inside the
    /// replacement of one unit widens to the whole unit; removed zero-width characters
    /// at either edge are left out.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.original_start(span.start);
        let end = self.original_end(span.end).max(start);
        Span::new(start, end)
    }

    /// Maps spans of the normalised text to the original, like [`Normalized::to_original`],
    /// for spans given in ascending order: each costs a step through the changed units
    /// instead of two searches.
    pub(crate) fn to_original_ascending(&self) -> impl FnMut(Span) -> Span + '_ {
        let (mut before_start, mut before_end) = (0, 0);
        move |span| {
            while self.pieces.get(before_start).is_some_and(|p| p.norm_end <= span.start) {
                before_start += 1;
            }
            while self.pieces.get(before_end).is_some_and(|p| p.norm_end < span.end) {
                before_end += 1;
            }
            let start = match self.pieces.get(before_start) {
                Some(piece) if piece.norm_start <= span.start => piece.orig_start,
                _ => self.linear(before_start, span.start),
            };
            let end = match self.pieces.get(before_end) {
                Some(piece) if piece.norm_start < span.end => piece.orig_end,
                _ => self.linear(before_end, span.end),
            };
            Span::new(start, end.max(start))
        }
    }

    /// Maps a span of the original text to the normalised text, widening a boundary that
    /// falls inside a changed unit to the whole unit.
    pub fn to_normalized(&self, span: Span) -> Span {
        let start = match self.pieces.partition_point(|p| p.orig_end <= span.start) {
            i if self.pieces.get(i).is_some_and(|p| p.orig_start <= span.start) => self.pieces[i].norm_start,
            i => Self::step(i.checked_sub(1).map(|i| self.pieces[i]), span.start),
        };
        let end = match self.pieces.partition_point(|p| p.orig_end < span.end) {
            i if self.pieces.get(i).is_some_and(|p| p.orig_start < span.end) => self.pieces[i].norm_end,
            i => Self::step(i.checked_sub(1).map(|i| self.pieces[i]), span.end),
        };
        Span::new(start, end.max(start))
    }

    /// An original offset outside pieces, moved in step from the last piece before it.
    fn step(previous: Option<Piece>, offset: usize) -> usize {
        match previous {
            Some(piece) => offset - piece.orig_end + piece.norm_end,
            None => offset,
        }
    }

    /// The original offset where the normalised character at `offset` begins.
    fn original_start(&self, offset: usize) -> usize {
        let before = self.pieces.partition_point(|p| p.norm_end <= offset);
        match self.pieces.get(before) {
            Some(piece) if piece.norm_start <= offset => piece.orig_start,
            _ => self.linear(before, offset),
        }
    }

    /// The original offset where the normalised character ending at `offset` ends.
    fn original_end(&self, offset: usize) -> usize {
        let before = self.pieces.partition_point(|p| p.norm_end < offset);
        match self.pieces.get(before) {
            Some(piece) if piece.norm_start < offset => piece.orig_end,
            _ => self.linear(before, offset),
        }
    }

    /// Outside pieces, offsets move in step; `before` is the number of pieces that end
    /// at or before `offset`.
    fn linear(&self, before: usize, offset: usize) -> usize {
        match before.checked_sub(1).map(|i| self.pieces[i]) {
            Some(piece) => offset - piece.norm_end + piece.orig_end,
            None => offset,
        }
    }
}

/// End of the unit starting at `start`: the character and the combining marks (and
/// conjoining Hangul jamo) that follow it, which NFC may merge into one.
fn unit_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices();
    chars.next();
    for (offset, c) in chars {
        if canonical_combining_class(c) == 0 && !('\u{1160}'..='\u{11FF}').contains(&c) {
            return start + offset;
        }
    }
    text.len()
}

fn starts_with_combining(text: &str) -> bool {
    text.chars().next().is_some_and(|c| canonical_combining_class(c) != 0)
}

/// Writes the matching form of one unit.
fn fold_unit(source: &str, out: &mut String) {
    let mut chars = source.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && let Some(replacement) = straighten(c)
    {
        out.push_str(replacement);
        return;
    }
    out.extend(source.nfc().default_case_fold().nfc());
}

/// Typographic variants that news text uses interchangeably with plain ASCII.
fn straighten(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' | '\u{FF02}' => "\"",
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{00B4}' | '\u{FF07}' => "'",
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => "-",
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        '\u{0085}' | '\u{2028}' | '\u{2029}' => "\n",
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => "",
        _ => return None,
    })
}

/// Whether every character of `replacement` sits at the same byte offsets as a
/// character of `source`, so that no alignment entry is needed.
fn aligns_one_to_one(source: &str, replacement: &str) -> bool {
    source.len() == replacement.len()
        && (source == replacement || (source.chars().count() == 1 && replacement.chars().count() == 1))
}

/// How many bytes at the start of `bytes` are ASCII. Checked a block at a time by the
/// standard library's word-at-a-time `is_ascii`: searched byte by byte, the ASCII runs of
/// a document took some 5 instructions a byte, 2% of an extraction.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const BLOCK: usize = 32;
    let mut len = 0;
    for block in bytes.chunks(BLOCK) {
        if !block.is_ascii() {
            return len + block.iter().take_while(|b| b.is_ascii()).count();
        }
        len += block.len();
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(original: &str, needle: &str) -> String {
        let normalized = Normalized::new(original);
        let at = normalized.as_str().find(needle).expect("needle in normalised text");
        let span = normalized.to_original(Span::new(at, at + needle.len()));
        original[span.range()].to_string()
    }

    #[test]
    fn ascii_is_lower_cased_without_alignment_entries() {
        let normalized = Normalized::new("Badan Pusat Statistik (BPS)");
        assert_eq!(normalized.as_str(), "badan pusat statistik (bps)");
        assert!(normalized.pieces.is_empty());
    }

    #[test]
    fn curly_quotes_dashes_and_odd_spaces_are_straightened() {
        let original = "“Siap,” kata\u{00A0}Ani — Jum’at";
        assert_eq!(Normalized::new(original).as_str(), "\"siap,\" kata ani - jum'at");
        assert_eq!(map(original, "ani - jum'at"), "Ani — Jum’at");
        assert_eq!(map(original, "siap"), "Siap");
    }

    #[test]
    fn decomposed_accents_compose_and_map_to_the_whole_sequence() {
        let original = "Cafe\u{301} di Bandung";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.as_str(), "café di bandung");
        assert_eq!(map(original, "café"), "Cafe\u{301}");
        assert_eq!(map(original, "bandung"), "Bandung");
    }

    #[test]
    fn full_case_folding_changes_lengths_safely() {
        let original = "STRAẞE İstanbul";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.as_str(), "strasse i\u{307}stanbul");
        assert_eq!(map(original, "strasse"), "STRAẞE");
        assert_eq!(map(original, "stanbul"), "stanbul");
        assert_eq!(map(original, "\u{307}stanbul"), "İstanbul", "a boundary inside a unit widens to it");
    }

    #[test]
    fn zero_width_characters_vanish_and_stay_out_of_spans() {
        let original = "\u{FEFF}Kulon\u{200B} Progo\u{200B}";
        let normalized = Normalized::new(original);
        assert_eq!(normalized.as_str(), "kulon progo");
        assert_eq!(map(original, "kulon progo"), "Kulon\u{200B} Progo");
    }

    #[test]
    fn the_ascii_prefix_ends_at_the_first_other_byte_wherever_it_falls_in_a_block() {
        for len in 0..100 {
            let ascii = "aB3 ,\t".repeat(20)[..len].to_string();
            assert_eq!(ascii_prefix_len(ascii.as_bytes()), len);
            for tail in ["é", "“x", "\u{FEFF}"] {
                assert_eq!(ascii_prefix_len(format!("{ascii}{tail}abc").as_bytes()), len, "{len} {tail:?}");
            }
        }
    }

    #[test]
    fn reset_reuses_the_value_for_another_text() {
        let mut normalized = Normalized::new("“A”");
        normalized.reset("Bantul");
        assert_eq!(normalized.as_str(), "bantul");
        assert!(normalized.pieces.is_empty());
        assert_eq!(normalized.to_original(Span::new(0, 6)), Span::new(0, 6));
    }

    #[test]
    fn ascending_spans_map_as_one_by_one() {
        let original = "\u{FEFF}“Siap,” kata\u{00A0}Ani — Jum’at. Cafe\u{301} STRAẞE İstanbul\u{200B} ok";
        let normalized = Normalized::new(original);
        let text = normalized.as_str();
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        // Every span of up to four characters, in ascending order of start and of end.
        let spans: Vec<Span> = boundaries
            .iter()
            .enumerate()
            .flat_map(|(i, &start)| boundaries[i..].iter().take(5).map(move |&end| Span::new(start, end)))
            .collect();
        for width in 0..5 {
            let mut ascending = normalized.to_original_ascending();
            for span in spans.iter().filter(|s| text[s.range()].chars().count() == width) {
                assert_eq!(ascending(*span), normalized.to_original(*span), "{span:?}");
            }
        }
    }

    #[test]
    fn original_spans_map_to_the_normalised_text_and_back() {
        let original = "“Siap,” kata\u{00A0}Ani — Jum’at\n\nCafe\u{301} STRAẞE";
        let normalized = Normalized::new(original);
        let norm = |start: usize, end: usize| {
            let span = normalized.to_normalized(Span::new(start, end));
            normalized.as_str()[span.range()].to_string()
        };
        let at = |needle: &str| original.find(needle).unwrap();
        assert_eq!(norm(at("Siap"), at("Siap") + 4), "siap");
        assert_eq!(norm(0, at(" kata")), "\"siap,\"");
        assert_eq!(norm(at("Ani"), at("\n")), "ani - jum'at");
        assert_eq!(norm(at("Cafe"), original.len()), "café strasse");
        for (start, _) in original.char_indices() {
            let back = normalized.to_original(normalized.to_normalized(Span::new(start, original.len())));
            assert!(back.start <= start && back.end == original.len(), "{start}");
        }
    }
}
