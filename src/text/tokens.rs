//! Tokens for the grammar-driven recognisers (dates, people): words, digit runs and single
//! marks over a span of the normalised text, each knowing whether a space precedes it.

use std::ops::Range;

use super::{Casing, Normalized};
use crate::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Number,
    Mark,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'t> {
    /// The token, in the text it was cut from (the normalised text).
    pub text: &'t str,
    /// Where the token is in the original text: mapped once by [`Tokens::new`] for every
    /// recogniser; where it is in the text it was cut from for tokens cut by [`tokenize`]
    /// alone.
    pub original: Span,
    pub kind: Kind,
    /// No space between this token and the one before.
    pub glued: bool,
    /// How the token is written at `original`: read once by [`Tokens::new`] for every
    /// recogniser (the token's text is normalised, so lower case); empty for tokens cut by
    /// [`tokenize`] alone.
    pub written: Written,
    /// The text has an apostrophe: a word with one inside (`jum'at`), or the mark itself.
    pub apostrophe: bool,
}

impl Token<'_> {
    /// Where the token is in `cut_from`, the text it was cut from (the normalised text
    /// for [`Tokens`]). It is read from where the token's text lies in it rather than
    /// kept: a token of 40 bytes instead of 56 is less memory to stream through for each
    /// recogniser's pass over a long document.
    pub fn span_in(&self, cut_from: &str) -> Span {
        let start = (self.text.as_ptr() as usize).wrapping_sub(cut_from.as_ptr() as usize);
        debug_assert!(cut_from.get(start..start + self.text.len()) == Some(self.text), "a token of another text");
        Span { start, end: start + self.text.len() }
    }
}

/// Splits `text[span]` into words (letters, with an apostrophe inside: `jum'at`), runs of
/// ASCII digits, and single other characters. How each is written is left empty: only
/// [`Tokens::new`] reads it, from the original text.
pub(crate) fn tokenize<'t>(text: &'t str, span: Span, tokens: &mut Vec<Token<'t>>) {
    tokenize_finishing(text, span, tokens, |_| {});
}

/// [`tokenize`], with `finish` applied to each token before it is stored: [`Tokens::new`]
/// maps it to the original text there, while it is in registers, instead of in a second
/// pass over every token of the document.
fn tokenize_finishing<'t>(
    text: &'t str,
    span: Span,
    tokens: &mut Vec<Token<'t>>,
    mut finish: impl FnMut(&mut Token<'t>),
) {
    let zone = &text[span.range()];
    let bytes = zone.as_bytes();
    let mut at = 0;
    let mut glued = false;
    while at < bytes.len() {
        // ASCII, most of news text, is classified by its byte without decoding.
        let (kind, (end, apostrophe)) = match BYTE_CLASSES[usize::from(bytes[at])] {
            ByteClass::Letter => (Kind::Word, word_end(zone, at)),
            ByteClass::Digit => (Kind::Number, (at + run_of(bytes, at, ByteClass::Digit), false)),
            ByteClass::Space => {
                glued = false;
                at += 1;
                continue;
            }
            ByteClass::Other => (Kind::Mark, (at + 1, bytes[at] == b'\'')),
            ByteClass::NotAscii => {
                let c = next_char(zone, at);
                if c.is_whitespace() {
                    glued = false;
                    at += c.len_utf8();
                    continue;
                }
                if c.is_alphabetic() {
                    (Kind::Word, word_end(zone, at))
                } else {
                    (Kind::Mark, (at + c.len_utf8(), false))
                }
            }
        };
        let absolute = Span { start: span.start + at, end: span.start + end };
        let written = Written::default();
        let text = &zone[at..end];
        let mut token = Token { text, original: absolute, kind, glued, written, apostrophe };
        finish(&mut token);
        tokens.push(token);
        glued = true;
        at = end;
    }
}

/// What a byte is, for ASCII ones: [`tokenize`] reads one table entry per byte instead of
/// comparing it with several ranges.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ByteClass {
    Letter,
    Digit,
    /// ASCII white space (`char::is_whitespace`: tab, line feed, vertical tab, form feed,
    /// carriage return, space).
    Space,
    Other,
    /// A byte of a multi-byte character.
    NotAscii,
}

static BYTE_CLASSES: [ByteClass; 256] = {
    let mut classes = [ByteClass::NotAscii; 256];
    let mut byte = 0;
    while byte < 128 {
        classes[byte] = match byte as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => ByteClass::Letter,
            b'0'..=b'9' => ByteClass::Digit,
            b'\t'..=b'\r' | b' ' => ByteClass::Space,
            _ => ByteClass::Other,
        };
        byte += 1;
    }
    classes
};

/// How many bytes from `at` on are of `class`.
fn run_of(bytes: &[u8], at: usize, class: ByteClass) -> usize {
    bytes[at..].iter().take_while(|&&b| BYTE_CLASSES[usize::from(b)] == class).count()
}

/// How many ASCII letters `bytes` starts with. Eight bytes are tested at once, as one
/// word: a byte is a letter when, with its case bit set, it lies in `a..=z`, which two
/// additions mark in each byte's high bit without carrying into the next. The byte-by-byte
/// count this replaced took some 6 instructions a letter, 4% of an extraction.
fn ascii_letters(bytes: &[u8]) -> usize {
    const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    const CASE_BITS: u64 = 0x2020_2020_2020_2020;
    let mut count = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("chunks of eight bytes"));
        let folded = (word | CASE_BITS) & LOW_BITS;
        // High bit set where the folded byte is at least `a`, and where it is past `z`.
        let from_a = folded + 0x1F1F_1F1F_1F1F_1F1F;
        let past_z = folded + 0x0505_0505_0505_0505;
        let letters = from_a & !past_z & !word & HIGH_BITS;
        let others = !letters & HIGH_BITS;
        if others != 0 {
            return count + (others.trailing_zeros() / 8) as usize;
        }
        count += 8;
    }
    count + chunks.remainder().iter().take_while(|b| b.is_ascii_alphabetic()).count()
}

/// The character at byte `at` of `text` (a char boundary inside it).
fn next_char(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("`at` is a char boundary inside the text")
}

/// Where the word starting at byte `start` of `zone` ends: after its letters, and after
/// any apostrophe that a letter follows; and whether it has such an apostrophe.
fn word_end(zone: &str, start: usize) -> (usize, bool) {
    let bytes = zone.as_bytes();
    let mut at = start;
    let mut apostrophe = false;
    while at < bytes.len() {
        at += ascii_letters(&bytes[at..]);
        let Some(&byte) = bytes.get(at) else { break };
        // Past the ASCII letters: an apostrophe a letter follows, or a letter beyond ASCII.
        if byte == b'\'' && bytes.get(at + 1).is_some_and(|_| next_char(zone, at + 1).is_alphabetic()) {
            at += 1;
            apostrophe = true;
        } else if byte.is_ascii() {
            break;
        } else {
            let c = next_char(zone, at);
            if !c.is_alphabetic() {
                break;
            }
            at += c.len_utf8();
        }
    }
    (at, apostrophe)
}

/// The tokens of every analysed paragraph of a document, made once and read by every
/// grammar-driven recogniser.
#[derive(Debug, Default)]
pub(crate) struct Tokens<'t> {
    all: Vec<Token<'t>>,
    /// Each paragraph's case and its range in `all`.
    paragraphs: Vec<(Casing, Range<usize>)>,
}

impl<'t> Tokens<'t> {
    /// Tokenises the paragraphs of `text`, given as spans of it and their case, into the
    /// buffers of `reused` (emptied first), so a thread reuses one allocation for every
    /// document it reads.
    pub fn new(
        text: &str,
        normalized: &'t Normalized,
        paragraphs: impl IntoIterator<Item = (Span, Casing)>,
        reused: Tokens<'_>,
    ) -> Tokens<'t> {
        let mut tokens = reused.recycle();
        // News text averages about one token per five bytes; reserving once avoids
        // regrowing the vector through a long article.
        tokens.all.reserve(normalized.as_str().len() / 5);
        let mut to_original = normalized.to_original_ascending();
        for (span, casing) in paragraphs {
            let start = tokens.all.len();
            tokenize_finishing(normalized.as_str(), normalized.to_normalized(span), &mut tokens.all, |token| {
                token.original = to_original(token.original);
                token.written = Written::at(text, token.original.range());
            });
            tokens.paragraphs.push((casing, start..tokens.all.len()));
        }
        tokens
    }

    /// The buffers emptied, for tokens of another text. Collecting the empty vector into
    /// one of another lifetime keeps its allocation as the standard library works today
    /// (it collects in place between types of one size and alignment, an optimisation it
    /// does not promise; without it the buffer is merely allocated again).
    pub fn recycle<'u>(mut self) -> Tokens<'u> {
        self.all.clear();
        self.paragraphs.clear();
        let all = self.all.into_iter().map(|_| unreachable!("the vector is empty")).collect();
        Tokens { all, paragraphs: self.paragraphs }
    }

    /// The bytes its buffers hold, used or not.
    pub fn buffer_bytes(&self) -> usize {
        self.all.capacity() * std::mem::size_of::<Token>()
            + self.paragraphs.capacity() * std::mem::size_of::<(Casing, Range<usize>)>()
    }

    /// Each paragraph's case and tokens, in text order.
    pub fn paragraphs(&self) -> impl ExactSizeIterator<Item = (Casing, &[Token<'t>])> {
        self.paragraphs.iter().map(|(casing, range)| (*casing, &self.all[range.clone()]))
    }
}

/// How a word is written in the original text: the case evidence recognisers read from a
/// token of the (lower-cased) normalised text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Written {
    /// Starts with a capital.
    pub capital: bool,
    /// Has a lower-case letter after the first character (`Nani`, not `TNI`).
    pub lower_after: bool,
    /// Every character is upper case (`TKA`).
    pub upper_only: bool,
    /// One character (`R`, the initial).
    pub single: bool,
}

impl Written {
    /// How the word at `range` of `text` is written. It is read from the bytes there,
    /// sliced as text only for a word beyond ASCII: the bytes of the others need no test
    /// of character boundaries (6 million instructions of 481 per 2 MB of news).
    pub fn at(text: &str, range: Range<usize>) -> Written {
        // ASCII, most words of news text, is read by its bytes, and only up to the first
        // lower-case letter after the first (the second letter of most words).
        if let Some([first, rest @ ..]) = text.as_bytes().get(range.clone())
            && first.is_ascii()
        {
            let mut at = 0;
            while at < rest.len() && rest[at].is_ascii() && !rest[at].is_ascii_lowercase() {
                at += 1;
            }
            if at == rest.len() || rest[at].is_ascii() {
                let capital = first.is_ascii_uppercase();
                let lower_after = at < rest.len();
                let upper_only = capital && !lower_after && rest.iter().all(u8::is_ascii_uppercase);
                return Written { capital, lower_after, upper_only, single: rest.is_empty() };
            }
        }
        Written::of_unicode(&text[range])
    }

    /// [`Written::at`] by characters: for the empty word, and for words with a non-ASCII
    /// character first or before their first lower-case letter.
    #[cold]
    fn of_unicode(word: &str) -> Written {
        let mut chars = word.chars();
        let first = chars.next();
        let rest = chars.as_str();
        let capital = first.is_some_and(char::is_uppercase);
        // Each test stops at its first counter-example, within a letter or two of most words.
        let lower_after = rest.chars().any(char::is_lowercase);
        Written {
            capital,
            lower_after,
            upper_only: (first.is_none() || capital) && !lower_after && rest.chars().all(char::is_uppercase),
            single: first.is_some() && rest.is_empty(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_letters_are_counted_as_byte_by_byte_for_every_byte_and_length() {
        let by_bytes = |bytes: &[u8]| bytes.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        // Every byte value after runs of letters that end anywhere in a word of eight.
        for stop in 0..=255u8 {
            for letters in 0..20 {
                let mut bytes: Vec<u8> = b"aZmQzAyB".iter().cycle().take(letters).copied().collect();
                bytes.push(stop);
                bytes.extend_from_slice(b"abcdefgh");
                assert_eq!(ascii_letters(&bytes), by_bytes(&bytes), "{stop} after {letters}");
                assert_eq!(ascii_letters(&bytes[..letters]), letters);
            }
        }
    }

    #[test]
    fn written_reads_ascii_by_bytes_as_the_general_path_reads_characters() {
        for word in
            ["Nani", "nani", "TNI", "R", "r", "M.", "2023", ",", "", "McDonald", "DKIJakarta", "iPhone", "Nañi", "É"]
        {
            // Inside a text whose bytes around it would change the answer if they were read.
            let within = format!("É {word}x");
            let range = 3..3 + word.len();
            assert_eq!(Written::at(&within, range), Written::of_unicode(word), "{word}");
        }
        let of = |word: &str| Written::at(word, 0..word.len());
        let nani = of("Nani");
        assert!(nani.capital && nani.lower_after && !nani.upper_only && !nani.single);
        let acronym = of("TNI");
        assert!(acronym.capital && !acronym.lower_after && acronym.upper_only);
        assert!(of("R").single && of("Élysée").capital && of("ÉLYSÉE").upper_only);
    }
}
