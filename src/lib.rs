//! intisari extracts structured facts from Indonesian news text, fast: the structure of
//! the page (headline, publication line, dateline, body, credits, copyright, related
//! links), entities linked to canonical entries, people, dates normalised to ISO 8601, and
//! quotes with their speakers, each with exact byte spans into the original text.
//!
//! # Overview
//!
//! - [`Extractor`] is built once ([`Extractor::new`] for the built-in data,
//!   [`Extractor::builder`] for options), is immutable and `Send + Sync`, and is shared
//!   by reference or by cheap clones.
//! - [`Extractor::extract`] takes any `&str`; [`Extractor::extract_document`] takes a
//!   [`Document`] with an id and an optional publication date. Extraction never fails.
//! - [`Extractor::extract_batch`] and [`Extractor::extract_stream`] process many
//!   documents on all cores, in input order, the stream in bounded memory.
//! - [`Extraction`] holds the results and serialises to the JSON schema in README.md.
//! - Every [`Span`] is a half-open range of UTF-8 byte offsets into the text given, on
//!   `char` boundaries; [`Span::to_char_span`] converts to character offsets.
//! - [`text`] is the layer the recognisers stand on: normalisation with alignment,
//!   paragraphs, sentences and word boundaries.
//!
//! # Example
//!
//! ```
//! use intisari::{Document, Extractor};
//!
//! let text = "\
//! Perpusnas latih pustakawan negara Colombo Plan
//! Jumat, 17 November 2023 14:05 WIB
//!
//! Jakarta (ANTARA) - Pelatihan digelar selama lima hari.
//!
//! Baca juga: Perpusnas buka layanan malam
//!
//! Peserta datang dari 15 negara.
//!
//! Pewarta: Sekar Wulandari
//! Editor: Rudi Hartono
//! Copyright © ANTARA 2023";
//!
//! let extractor = Extractor::new();
//! let found = extractor.extract_document(&Document::new("antara-1", text));
//! let article = &found.article;
//! assert_eq!(article.title.as_ref().unwrap().text, "Perpusnas latih pustakawan negara Colombo Plan");
//! assert_eq!(article.dateline.as_ref().unwrap().text, "Jakarta (ANTARA) -");
//! assert_eq!(article.related[0].text, "Perpusnas buka layanan malam");
//! assert_eq!(article.copyright.as_ref().unwrap().text, "Copyright © ANTARA 2023");
//! let credits: Vec<(&str, &str)> =
//!     article.credits.iter().map(|c| (c.role.as_str(), c.name.as_str())).collect();
//! assert_eq!(credits, [("Pewarta", "Sekar Wulandari"), ("Editor", "Rudi Hartono")]);
//! // The body runs from after the dateline to the last paragraph.
//! let body = &text[article.body.range()];
//! assert!(body.starts_with("Pelatihan digelar") && body.ends_with("dari 15 negara."));
//! ```
//!
//! # Crate features
//!
//! - `parallel` (default): [`Extractor::extract_batch`] and [`Extractor::extract_stream`]
//!   spread documents over the threads of the current rayon pool. Without it they run on
//!   the calling thread, and the crate does not depend on rayon.

#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod article;
mod batch;
mod date;
mod entity;
mod error;
mod extract;
mod gazetteer;
mod person;
mod quote;
mod span;
pub mod text;

pub use article::{Article, Credit, Dateline, Published, Snippet};
pub use batch::Stream;
/// The string type of every text in an extraction: a `String` that keeps up to 24
/// bytes inline, so the many short texts (names, ids, classes, dates) need no allocation.
pub use compact_str::CompactString;
pub use date::{DateKind, DateMention, Grain, Modifier};
pub use entity::{Entity, EntityKind};
pub use error::Error;
pub use extract::{Document, Extraction, Extractor, ExtractorBuilder};
/// The civil (time-zone free) date type used for reference and publication dates.
pub use jiff::civil::Date;
pub use person::{Affiliation, Person};
pub use quote::{Cue, Quote, QuoteKind, Speaker, SpeakerKind};
pub use span::Span;

/// The README's examples run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Every line of the sample articles, for tests of the readers of single lines.
#[cfg(test)]
pub(crate) fn sample_lines() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/samples");
    let texts = std::fs::read_dir(dir).unwrap().map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap());
    texts.flat_map(|text| text.lines().map(str::to_string).collect::<Vec<_>>()).collect()
}

/// Holds a line reader to the oracle it replaced on every sample line and on `tricky`
/// ones; returns how many lines it `found` something in, so a caller can tell the
/// comparison from one of two readers that find nothing.
#[cfg(test)]
pub(crate) fn agreement_on_lines<T: PartialEq + std::fmt::Debug>(
    tricky: &[&str],
    read: impl Fn(&str) -> T,
    oracle: impl Fn(&str) -> T,
    found: impl Fn(&T) -> bool,
) -> usize {
    let mut lines = sample_lines();
    lines.extend(tricky.iter().map(|line| line.to_string()));
    let mut found_in = 0;
    for line in &lines {
        let read = read(line);
        assert_eq!(read, oracle(line), "{line:?}");
        found_in += usize::from(found(&read));
    }
    found_in
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::{RefUnwindSafe, UnwindSafe};

    fn assert_thread_and_unwind_safe<T: Send + Sync + UnwindSafe + RefUnwindSafe>() {}

    #[test]
    fn public_types_are_send_sync_and_unwind_safe() {
        assert_thread_and_unwind_safe::<Extractor>();
        assert_thread_and_unwind_safe::<ExtractorBuilder>();
        assert_thread_and_unwind_safe::<Document>();
        assert_thread_and_unwind_safe::<Extraction>();
        assert_thread_and_unwind_safe::<Article>();
        assert_thread_and_unwind_safe::<Entity>();
        assert_thread_and_unwind_safe::<Person>();
        assert_thread_and_unwind_safe::<Affiliation>();
        assert_thread_and_unwind_safe::<DateMention>();
        assert_thread_and_unwind_safe::<Quote>();
        assert_thread_and_unwind_safe::<Span>();
        assert_thread_and_unwind_safe::<text::Normalized>();
        // `Error` carries a `std::io::Error`, which is not `RefUnwindSafe`; it still
        // crosses threads.
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Error>();
    }
}
