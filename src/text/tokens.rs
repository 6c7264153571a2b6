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
    pub text: &'t str,
    /// Where the token is in the text it was cut from (the normalised text).
    pub span: Span,
    /// Where the token is in the original text: mapped once by [`Tokens::new`] for every
    /// recogniser; equal to `span` for tokens cut by [`tokenize`] alone.
    pub original: Span,
    pub kind: Kind,
    /// No space between this token and the one before.
    pub glued: bool,
}

/// Splits `text[span]` into words (letters, with an apostrophe inside: `jum'at`), runs of
/// ASCII digits, and single other characters.
pub(crate) fn tokenize<'t>(text: &'t str, span: Span, tokens: &mut Vec<Token<'t>>) {
    let zone = &text[span.range()];
    let bytes = zone.as_bytes();
    let mut at = 0;
    let mut glued = false;
    while at < bytes.len() {
        // ASCII, most of news text, is classified by its byte without decoding.
        let c = if bytes[at].is_ascii() { char::from(bytes[at]) } else { next_char(zone, at) };
        if c.is_whitespace() {
            glued = false;
            at += c.len_utf8();
            continue;
        }
        let (kind, end) = if c.is_alphabetic() {
            (Kind::Word, word_end(zone, at))
        } else if c.is_ascii_digit() {
            let digits = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            (Kind::Number, at + digits)
        } else {
            (Kind::Mark, at + c.len_utf8())
        };
        let absolute = Span::new(span.start + at, span.start + end);
        tokens.push(Token { text: &text[absolute.range()], span: absolute, original: absolute, kind, glued });
        glued = true;
        at = end;
    }
}

/// The character at byte `at` of `text` (a char boundary inside it).
fn next_char(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("`at` is a char boundary inside the text")
}

/// Where the word starting at byte `start` of `zone` ends: after its letters, and after
/// any apostrophe that a letter follows.
fn word_end(zone: &str, start: usize) -> usize {
    let bytes = zone.as_bytes();
    let mut at = start;
    while at < bytes.len() {
        let byte = bytes[at];
        let apostrophe = || byte == b'\'' && bytes.get(at + 1).is_some_and(|_| next_char(zone, at + 1).is_alphabetic());
        if byte.is_ascii_alphabetic() || apostrophe() {
            at += 1;
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
    at
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
    /// Tokenises the paragraphs, given as spans of the original text and their case.
    pub fn new(normalized: &'t Normalized, paragraphs: impl IntoIterator<Item = (Span, Casing)>) -> Tokens<'t> {
        // News text averages about one token per five bytes; reserving once avoids
        // regrowing the vector through a long article.
        let mut tokens = Tokens { all: Vec::with_capacity(normalized.as_str().len() / 5), paragraphs: Vec::new() };
        let mut to_original = normalized.to_original_ascending();
        for (span, casing) in paragraphs {
            let start = tokens.all.len();
            tokenize(normalized.as_str(), normalized.to_normalized(span), &mut tokens.all);
            for token in &mut tokens.all[start..] {
                token.original = to_original(token.span);
            }
            tokens.paragraphs.push((casing, start..tokens.all.len()));
        }
        tokens
    }

    /// Each paragraph's case and tokens, in text order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (Casing, &[Token<'t>])> {
        self.paragraphs.iter().map(|(casing, range)| (*casing, &self.all[range.clone()]))
    }
}

/// How a word is written in the original text: the case evidence recognisers read from a
/// token of the (lower-cased) normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    pub fn of(word: &str) -> Written {
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
