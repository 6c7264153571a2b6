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
    let mut chars = zone.char_indices().peekable();
    let mut glued = false;
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            glued = false;
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            while let Some(&(at, next)) = chars.peek() {
                let apostrophe = next == '\'' && zone[at + 1..].chars().next().is_some_and(char::is_alphabetic);
                if !(next.is_alphabetic() || apostrophe) {
                    break;
                }
                end = at + next.len_utf8();
                chars.next();
            }
            Kind::Word
        } else if c.is_ascii_digit() {
            while let Some(&(at, next)) = chars.peek() {
                if !next.is_ascii_digit() {
                    break;
                }
                end = at + 1;
                chars.next();
            }
            Kind::Number
        } else {
            Kind::Mark
        };
        let absolute = Span::new(span.start + start, span.start + end);
        tokens.push(Token { text: &text[absolute.range()], span: absolute, original: absolute, kind, glued });
        glued = true;
    }
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
        for (span, casing) in paragraphs {
            let start = tokens.all.len();
            tokenize(normalized.as_str(), normalized.to_normalized(span), &mut tokens.all);
            for token in &mut tokens.all[start..] {
                token.original = normalized.to_original(token.span);
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
        Written {
            capital: first.is_some_and(char::is_uppercase),
            lower_after: rest.chars().any(char::is_lowercase),
            upper_only: word.chars().all(char::is_uppercase),
            single: first.is_some() && rest.is_empty(),
        }
    }
}
