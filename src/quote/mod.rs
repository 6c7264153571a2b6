//! Quotes: direct and indirect speech with its speaker and cue.

mod recognize;

pub(crate) use recognize::{cues_a_speaker, find, is_quoting_verb};

use compact_str::CompactString;
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
    pub text: CompactString,
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
    pub text: CompactString,
}

/// The speaker of a quote, linked to the entity it names when there is one.
///
/// A pronoun or clitic (`dia`, the `-nya` of `katanya`) is the speaker as written and
/// carries the canonical name and id of the person it resolves to. A quote that continues
/// an earlier one without an attribution of its own carries the earlier quote's speaker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// Where the speaker is named (a name, a pronoun, a clitic).
    #[serde(flatten)]
    pub span: Span,
    /// The speaker as written.
    pub text: CompactString,
    /// A person, an institution, or an unnamed source (`seorang warga`, `polisi`).
    pub kind: SpeakerKind,
    /// The canonical name of the person or institution, when resolved.
    pub canonical: Option<CompactString>,
    /// The entity id, when resolved.
    pub id: Option<CompactString>,
}

/// Who speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A person, named or referred to by a pronoun.
    Person,
    /// An institution speaking as one (`kata BMKG`, `menurut Bank Dunia`).
    Institution,
    /// An unnamed source (`seorang warga`, `polisi`, `sumber di kepolisian`).
    Source,
}
