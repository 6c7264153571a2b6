//! Tokens for the grammar-driven recognisers (dates, people): words, digit runs and single
//! marks over a span of the normalised text, each knowing whether a space precedes it.

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
    pub span: Span,
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
        tokens.push(Token { text: &text[absolute.range()], span: absolute, kind, glued });
        glued = true;
    }
}
