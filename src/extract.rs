//! The `Extractor`, its builder, the input `Document` and the output `Extraction`.

use std::cell::RefCell;
use std::io::Read;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::article::{Article, Layout, StructureRecognizer};
use crate::date::{self, DateMention};
use crate::entity::Entity;
use crate::gazetteer::{Gazetteer, Matcher, Rules, read_source};
use crate::person::{Lexicon, People, Person, Recognizer};
use crate::quote::{self, Quote};
use crate::text::{Normalized, Tokens};
use crate::{Error, Span};

/// Extracts structured facts from Indonesian news text.
///
/// Build it once and share it: it is immutable, `Send + Sync`, and cloning it only bumps
/// a reference count. Every pattern, automaton and table is compiled when it is built,
/// never per call.
///
/// # Examples
///
/// ```
/// use intisari::Extractor;
///
/// let extractor = Extractor::new();
/// let text = "Banjir surut\nSenin, 4 Maret 2024 09:10 WIB\n\n\
///             Demak (ANTARA) - Warga mulai kembali ke rumah.\n\n\
///             Pewarta: Dwi Lestari\nEditor: Yosef Manurung";
/// let found = extractor.extract(text);
/// assert_eq!(found.reference_date, Some(jiff::civil::date(2024, 3, 4)));
/// let dateline = found.article.dateline.unwrap();
/// assert_eq!((dateline.place.as_deref(), dateline.agency.as_deref()), (Some("Demak"), Some("ANTARA")));
/// assert_eq!(&text[found.article.body.range()], "Warga mulai kembali ke rumah.");
/// assert_eq!(found.people[0].name, "Dwi Lestari");
/// assert_eq!(found.people[0].roles, ["Pewarta"]);
/// ```
#[derive(Clone, Debug)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    structure: StructureRecognizer,
    gazetteer: Matcher,
    rules: Rules,
    names: Lexicon,
    reference_date: Option<Date>,
    capabilities: Capabilities,
}

/// Which recognisers run; article structure always does, as the others read its layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Capabilities {
    entities: bool,
    people: bool,
    dates: bool,
    quotes: bool,
    /// Also every overlapping gazetteer candidate.
    candidates: bool,
}

impl Default for Capabilities {
    fn default() -> Capabilities {
        Capabilities { entities: true, people: true, dates: true, quotes: true, candidates: false }
    }
}

/// The extractor built from the embedded data with default options, built on first use.
static DEFAULT: LazyLock<Extractor> =
    LazyLock::new(|| ExtractorBuilder::new().build().expect("the embedded data and default options are valid"));

impl Extractor {
    /// The extractor with the built-in data and default options.
    ///
    /// The first call builds it (see the `build/extractor` bench for the cost); later
    /// calls return a clone of the same instance.
    pub fn new() -> Extractor {
        DEFAULT.clone()
    }

    /// A builder for an extractor with other options or extra data.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::new()
    }

    /// Extracts everything from `text`, an article without an id. Relative dates resolve
    /// against the builder's reference date, else the publication line of the article.
    pub fn extract(&self, text: &str) -> Extraction {
        let mut extractions = self.run_group(&[(text, self.inner.reference_date)]);
        extractions.pop().expect("one extraction per document")
    }

    /// Extracts everything from `document`. Its date, when given, is the reference date;
    /// otherwise the builder's, otherwise the article's publication line.
    pub fn extract_document(&self, document: &Document) -> Extraction {
        let mut extractions = self.extract_group(std::slice::from_ref(document));
        extractions.pop().expect("one extraction per document")
    }

    /// Extracts `documents` as one group (see [`Extractor::run_group`]), each with its id
    /// and reference date.
    pub(crate) fn extract_group(&self, documents: &[Document]) -> Vec<Extraction> {
        let group: Vec<(&str, Option<Date>)> =
            documents.iter().map(|d| (d.text.as_str(), d.date.or(self.inner.reference_date))).collect();
        let extractions = self.run_group(&group);
        extractions.into_iter().zip(documents).map(|(found, d)| Extraction { id: d.id.clone(), ..found }).collect()
    }

    /// Extracts every document of `group` (its text and reference date), stage by stage
    /// over all of them; the ids are left empty.
    fn run_group(&self, group: &[(&str, Option<Date>)]) -> Vec<Extraction> {
        let with = |scratch: &mut Scratch| self.run_group_with(scratch, group);
        // The thread's buffers are taken only in a re-entrant call (none today), and gone
        // in a destructor run after the thread's own: fresh buffers serve those.
        SCRATCH
            .try_with(|scratch| scratch.try_borrow_mut().ok().map(|mut scratch| with(&mut scratch)))
            .ok()
            .flatten()
            .unwrap_or_else(|| with(&mut Scratch::default()))
    }

    /// [`Extractor::run_group`] with the buffers of `scratch`. Each stage runs over every
    /// document of the group before the next starts: short articles then run each
    /// recogniser's code many times in a row, while it is in the instruction cache.
    fn run_group_with(&self, scratch: &mut Scratch, group: &[(&str, Option<Date>)]) -> Vec<Extraction> {
        let inner = &*self.inner;
        let capabilities = inner.capabilities;
        let mut documents: Vec<InProgress> =
            group.iter().map(|&(text, given)| InProgress::new(text, inner.structure.layout(text), given)).collect();
        let lengths: Vec<usize> = group.iter().map(|(text, _)| text.len()).collect();
        scratch.normalized = hand_out(std::mem::take(&mut scratch.normalized), &lengths);
        for (normalized, document) in scratch.normalized.iter_mut().zip(&documents) {
            normalized.reset(document.text);
        }
        let normalized = &scratch.normalized[..];
        // One tokenisation of the analysed paragraphs serves every recogniser.
        let token_buffers = hand_out(std::mem::take(&mut scratch.tokens), &lengths);
        let tokens: Vec<Tokens> = documents
            .iter()
            .zip(normalized)
            .zip(token_buffers)
            .map(|((document, normalized), buffer)| {
                let zones = document.layout.zones.iter().map(|zone| (zone.span, zone.casing));
                Tokens::new(document.text, normalized, zones, buffer)
            })
            .collect();
        if capabilities.entities {
            for (document, normalized, tokens) in each(&mut documents, normalized, &tokens) {
                document.entities = inner.gazetteer.find(document.text, normalized, tokens);
            }
            if capabilities.candidates {
                for (document, normalized, _) in each(&mut documents, normalized, &tokens) {
                    document.candidates = inner.gazetteer.candidates(document.text, normalized, &document.layout.zones);
                }
            }
            for (document, _, tokens) in each(&mut documents, normalized, &tokens) {
                inner.rules.find(document.text, tokens, &inner.names, &mut document.entities);
            }
        }
        if capabilities.people {
            let recognizer = Recognizer { lexicon: &inner.names };
            for (document, _, tokens) in each(&mut documents, normalized, &tokens) {
                let InProgress { text, layout, entities, people, .. } = document;
                let found = recognizer.find(text, tokens, entities);
                people.add_known(text, &found, &inner.names, entities);
                people.add_found(text, &found, entities);
                people.add_credits(text, &layout.article.credits, entities);
            }
        }
        if capabilities.dates {
            for (document, normalized, tokens) in each(&mut documents, normalized, &tokens) {
                document.dates = date::find(document.text, normalized, tokens, document.reference_date);
            }
        }
        for document in &mut documents {
            document.entities.sort_by_key(|e| (e.span, e.kind));
        }
        if capabilities.quotes {
            for (document, normalized, tokens) in each(&mut documents, normalized, &tokens) {
                document.quotes = quote::find(document.text, normalized, tokens, &document.entities, &inner.names);
            }
        }
        scratch.release(tokens.into_iter().map(Tokens::recycle).collect());
        documents.into_iter().map(InProgress::finish).collect()
    }
}

/// One document of a group, its extraction built up stage by stage.
struct InProgress<'t> {
    text: &'t str,
    layout: Layout,
    reference_date: Option<Date>,
    entities: Vec<Entity>,
    candidates: Vec<Entity>,
    people: People,
    dates: Vec<DateMention>,
    quotes: Vec<Quote>,
}

impl<'t> InProgress<'t> {
    /// The document `text` laid out, with the reference date `given` for it, else its
    /// publication line's.
    fn new(text: &'t str, layout: Layout, given: Option<Date>) -> InProgress<'t> {
        let reference_date = given.or_else(|| layout.article.published.as_ref().map(|p| p.date));
        InProgress {
            text,
            layout,
            reference_date,
            entities: Vec::new(),
            candidates: Vec::new(),
            people: People::default(),
            dates: Vec::new(),
            quotes: Vec::new(),
        }
    }

    /// The extraction, its id left empty.
    fn finish(self) -> Extraction {
        Extraction {
            id: String::new(),
            reference_date: self.reference_date,
            article: self.layout.article,
            entities: self.entities,
            candidates: self.candidates,
            people: self.people.into_vec(),
            dates: self.dates,
            quotes: self.quotes,
        }
    }
}

/// Each document of a group with its normalised text and its tokens, for one stage.
fn each<'a, 't, 'n>(
    documents: &'a mut [InProgress<'t>],
    normalized: &'n [Normalized],
    tokens: &'a [Tokens<'n>],
) -> impl Iterator<Item = (&'a mut InProgress<'t>, &'n Normalized, &'a Tokens<'n>)> {
    documents
        .iter_mut()
        .zip(normalized)
        .zip(tokens)
        .map(|((document, normalized), tokens)| (document, normalized, tokens))
}

thread_local! {
    /// Each thread's buffers for the text of the documents it reads.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// The per-document buffers that grow with the text, one of each per document of a group:
/// kept per thread between groups, so a batch allocates them once per thread instead of
/// once per document.
#[derive(Default)]
struct Scratch {
    normalized: Vec<Normalized>,
    tokens: Vec<Tokens<'static>>,
}

/// The most bytes of buffers a thread keeps between groups: a batch's group of 256 KB of
/// text needs about 2.3 MB (tokens are reserved at eight bytes per byte of text,
/// normalised text at one), one article of about 450 KB all of it. Kept per thread, so
/// a machine of many cores holds this many times over; one very long document does not
/// hold its memory for the rest of a batch.
const SCRATCH_BYTES: usize = 4 << 20;

impl Scratch {
    /// Takes back the token buffers, keeping the smallest buffers of both kinds that fit
    /// [`SCRATCH_BYTES`] together: a buffer holds the capacity of the longest document it
    /// served, so the long documents of a mixed batch give up their own buffers rather
    /// than pushing every buffer out.
    fn release(&mut self, mut tokens: Vec<Tokens<'static>>) {
        let mut budget = SCRATCH_BYTES;
        self.normalized.sort_by_key(Normalized::buffer_bytes);
        keep_within(&mut self.normalized, &mut budget, Normalized::buffer_bytes);
        tokens.sort_by_key(Tokens::buffer_bytes);
        keep_within(&mut tokens, &mut budget, Tokens::buffer_bytes);
        self.tokens = tokens;
    }
}

/// The reused `buffers` (smallest first) handed to documents of `lengths` bytes, in
/// document order, with new ones for documents beyond them: the largest to the longest
/// documents, so that each buffer settles at the size of the documents of its rank
/// instead of every buffer growing to the longest document it ever served.
fn hand_out<T: Default>(buffers: Vec<T>, lengths: &[usize]) -> Vec<T> {
    let mut by_length: Vec<usize> = (0..lengths.len()).collect();
    by_length.sort_by_key(|&at| lengths[at]);
    let mut handed: Vec<T> = lengths.iter().map(|_| T::default()).collect();
    for (&at, buffer) in by_length.iter().rev().zip(buffers.into_iter().rev()) {
        handed[at] = buffer;
    }
    handed
}

/// Keeps the first `buffers` (sorted smallest first) whose bytes fit in `budget`, and
/// takes their bytes from it.
fn keep_within<T>(buffers: &mut Vec<T>, budget: &mut usize, bytes: impl Fn(&T) -> usize) {
    let kept = buffers
        .iter()
        .map(&bytes)
        .take_while(|&size| {
            let fits = size <= *budget;
            *budget -= if fits { size } else { 0 };
            fits
        })
        .count();
    buffers.truncate(kept);
}

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new()
    }
}

/// Options for an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    reference_date: Option<Date>,
    gazetteers: Vec<GazetteerSource>,
    capabilities: Capabilities,
}

/// Extra gazetteer data given to the builder, loaded in order by `build`.
#[derive(Clone, Debug)]
enum GazetteerSource {
    Path(PathBuf),
    Text { name: String, text: String },
}

impl ExtractorBuilder {
    /// A builder with the default options and the built-in data.
    pub fn new() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The date relative expressions resolve against when a document gives none of its
    /// own (no `Document::date`). Without it, the article's publication line is used.
    pub fn reference_date(&mut self, date: Option<Date>) -> &mut ExtractorBuilder {
        self.reference_date = date;
        self
    }

    /// Whether to find gazetteer entities: institutions, regions, places and countries
    /// (default: yes). Turning off what a caller does not need saves its time.
    pub fn entities(&mut self, on: bool) -> &mut ExtractorBuilder {
        self.capabilities.entities = on;
        self
    }

    /// Whether to find people and their person entities (default: yes).
    pub fn people(&mut self, on: bool) -> &mut ExtractorBuilder {
        self.capabilities.people = on;
        self
    }

    /// Whether to report, besides the leftmost-longest `entities`, every gazetteer match
    /// in [`Extraction::candidates`]: overlapping and nested ones (`Kulon Progo` inside
    /// `Kabupaten Kulon Progo`) included (default: no; it builds a second automaton).
    pub fn all_candidates(&mut self, on: bool) -> &mut ExtractorBuilder {
        self.capabilities.candidates = on;
        self
    }

    /// Whether to find direct and indirect quotes and their speakers (default: yes).
    /// Speakers link to people and institutions only when those are found too.
    pub fn quotes(&mut self, on: bool) -> &mut ExtractorBuilder {
        self.capabilities.quotes = on;
        self
    }

    /// Whether to find temporal expressions (default: yes).
    pub fn dates(&mut self, on: bool) -> &mut ExtractorBuilder {
        self.capabilities.dates = on;
        self
    }

    /// Adds the gazetteer file at `path` (the TSV format of `data/README.md`), read when
    /// the extractor is built. Its entries extend the built-in ones; an entry with the id
    /// of an existing one replaces it. Files given later override earlier ones.
    pub fn gazetteer_path(&mut self, path: impl Into<PathBuf>) -> &mut ExtractorBuilder {
        self.gazetteers.push(GazetteerSource::Path(path.into()));
        self
    }

    /// Adds gazetteer data read now from `reader`, named `name` in error messages; see
    /// [`ExtractorBuilder::gazetteer_path`].
    ///
    /// # Errors
    ///
    /// [`Error::Io`] when the reader fails, [`Error::Data`] when it is not UTF-8. Lines
    /// are checked by `build`.
    pub fn gazetteer_reader(&mut self, name: &str, reader: impl Read) -> Result<&mut ExtractorBuilder, Error> {
        let text = read_source(name, reader)?;
        self.gazetteers.push(GazetteerSource::Text { name: name.to_string(), text });
        Ok(self)
    }

    /// Builds the extractor: parses the built-in and added data and compiles every
    /// pattern and automaton.
    ///
    /// # Errors
    ///
    /// [`Error::Data`] naming the source and line of a malformed gazetteer line or of an
    /// entry whose parent does not exist; [`Error::Io`] for a file that cannot be read.
    pub fn build(&self) -> Result<Extractor, Error> {
        let mut gazetteer = Gazetteer::builtin()?;
        for source in &self.gazetteers {
            match source {
                GazetteerSource::Path(path) => gazetteer.add_path(path)?,
                GazetteerSource::Text { name, text } => gazetteer.add_tsv(name, text)?,
            }
        }
        gazetteer.validate()?;
        let inner = Inner {
            structure: StructureRecognizer::new(),
            gazetteer: Matcher::new(&gazetteer, self.capabilities.candidates),
            rules: Rules::builtin()?,
            names: Lexicon::builtin()?,
            reference_date: self.reference_date,
            capabilities: self.capabilities,
        };
        Ok(Extractor { inner: Arc::new(inner) })
    }
}

/// One input document: an id of the caller's choosing, the text, and optionally the
/// date it was published, against which relative dates resolve.
///
/// This is also the shape of one line of the `extract` example's `--jsonl` input:
/// `{"id": "…", "text": "…", "date": "2023-11-17"}` (`date` may be absent or null).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's id, copied to the extraction.
    pub id: String,
    /// The article text.
    pub text: String,
    /// The publication date, if known.
    #[serde(default)]
    pub date: Option<Date>,
}

impl Document {
    /// A document without a date.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document { id: id.into(), text: text.into(), date: None }
    }

    /// The same document with a publication date.
    pub fn with_date(mut self, date: Date) -> Document {
        self.date = Some(date);
        self
    }
}

/// Everything extracted from one document. All spans are byte offsets into the text that
/// was extracted from, and every `text` field equals the text at its span.
///
/// It serialises to the JSON schema documented in README.md and round-trips through
/// `Deserialize`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// The document id (empty for [`Extractor::extract`]).
    pub id: String,
    /// The date relative expressions were resolved against, if any.
    pub reference_date: Option<Date>,
    /// Headline, dateline, body, credits, copyright and related links.
    pub article: Article,
    /// Every entity mention, sorted by span.
    pub entities: Vec<Entity>,
    /// Every gazetteer match, overlapping ones included, sorted by span; only with
    /// [`ExtractorBuilder::all_candidates`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Entity>,
    /// Every person once, with all mentions.
    pub people: Vec<Person>,
    /// Temporal expressions with ISO 8601 values.
    pub dates: Vec<DateMention>,
    /// Direct and indirect quotes.
    pub quotes: Vec<Quote>,
}

impl Extraction {
    /// Every span this extraction reports, with the text it claims to cover, in no
    /// particular order; for checking an extraction against its text.
    pub fn spans(&self) -> Vec<(Span, &str)> {
        let article = &self.article;
        let snippets = article.title.iter().chain(&article.copyright).chain(&article.related);
        let mut spans: Vec<(Span, &str)> = snippets.map(|s| (s.span, s.text.as_str())).collect();
        spans.extend(article.published.iter().map(|p| (p.span, p.text.as_str())));
        spans.extend(article.dateline.iter().map(|d| (d.span, d.text.as_str())));
        spans.extend(article.credits.iter().map(|c| (c.span, c.name.as_str())));
        spans.extend(self.entities.iter().chain(&self.candidates).map(|e| (e.span, e.text.as_str())));
        spans.extend(self.dates.iter().map(|d| (d.span, d.text.as_str())));
        for quote in &self.quotes {
            spans.push((quote.span, quote.text.as_str()));
            spans.extend(quote.cue.iter().map(|c| (c.span, c.text.as_str())));
            spans.extend(quote.speaker.iter().map(|s| (s.span, s.text.as_str())));
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_buffers_go_to_the_longest_documents() {
        // Buffers smallest first; three documents, the one of 1 byte gets a new buffer.
        assert_eq!(hand_out(vec![10, 20], &[5, 1, 9]), [10, 0, 20]);
        assert_eq!(hand_out(vec![10, 20, 30], &[7]), [30]);
        assert_eq!(hand_out(Vec::<usize>::new(), &[3, 3]), [0, 0]);
    }

    #[test]
    fn the_scratch_keeps_its_smallest_buffers_within_the_budget() {
        let mut sizes = vec![1, 2, 3, SCRATCH_BYTES, 4];
        sizes.sort();
        let mut budget = SCRATCH_BYTES;
        keep_within(&mut sizes, &mut budget, |&size| size);
        assert_eq!(sizes, [1, 2, 3, 4]);
        assert_eq!(budget, SCRATCH_BYTES - 10);
    }
}
