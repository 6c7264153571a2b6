//! Quotes: direct and indirect speech with its speaker and cue.

use serde::{Deserialize, Serialize};

use crate::Span;

/// Whether the words are quoted verbatim or reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quote marks.
    Direct,
    /// Reported speech: `Menurut X, …`, `X mengatakan bahwa …`.
    Indirect,
}

/// One quote: the words (without quote marks), who said them and the verb that says so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Where the quoted or reported words are.
    #[serde(flatten)]
    pub span: Span,
    /// The words as written.
    pub text: String,
    /// Direct or indirect.
    pub kind: QuoteKind,
    /// The speech verb or phrase (`kata`, `ujarnya`, `menurut`), if any.
    pub cue: Option<Cue>,
    /// Who spoke, if the text says.
    pub speaker: Option<Speaker>,
}

/// The speech verb or phrase that attributes a quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// Where the cue is.
    #[serde(flatten)]
    pub span: Span,
    /// The cue as written.
    pub text: String,
}

/// The speaker of a quote, linked to the entity it names when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Where the speaker is named (a name, a pronoun, a clitic).
    #[serde(flatten)]
    pub span: Span,
    /// The speaker as written.
    pub text: String,
    /// The canonical name of the person or institution, when resolved.
    pub canonical: Option<String>,
    /// The entity id, when resolved.
    pub id: Option<String>,
}
