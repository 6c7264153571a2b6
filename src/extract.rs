//! The `Extractor`, its builder, the input `Document` and the output `Extraction`.

use std::cell::RefCell;
use std::io::Read;
use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::article::{Article, StructureRecognizer};
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
        self.run(String::new(), text, self.inner.reference_date)
    }

    /// Extracts everything from `document`. Its date, when given, is the reference date;
    /// otherwise the builder's, otherwise the article's publication line.
    pub fn extract_document(&self, document: &Document) -> Extraction {
        self.run(document.id.clone(), &document.text, document.date.or(self.inner.reference_date))
    }

    fn run(&self, id: String, text: &str, reference_date: Option<Date>) -> Extraction {
        let with = |scratch: &mut Scratch| self.run_with(scratch, text, reference_date);
        // The thread's buffers are taken only in a re-entrant call (none today), and gone
        // in a destructor run after the thread's own: fresh buffers serve those.
        let extraction = SCRATCH
            .try_with(|scratch| scratch.try_borrow_mut().ok().map(|mut scratch| with(&mut scratch)))
            .ok()
            .flatten()
            .unwrap_or_else(|| with(&mut Scratch::default()));
        Extraction { id, ..extraction }
    }

    /// Extracts everything from `text` with the buffers of `scratch`; the id is left empty.
    fn run_with(&self, scratch: &mut Scratch, text: &str, reference_date: Option<Date>) -> Extraction {
        let layout = self.inner.structure.layout(text);
        let article = layout.article;
        let reference_date = reference_date.or_else(|| article.published.as_ref().map(|p| p.date));
        let Scratch { normalized, tokens: token_buffer } = scratch;
        normalized.reset(text);
        let normalized = &*normalized;
        let capabilities = self.inner.capabilities;
        // One tokenisation of the analysed paragraphs serves every recogniser.
        let zones = layout.zones.iter().map(|zone| (zone.span, zone.casing));
        let tokens = Tokens::new(text, normalized, zones, std::mem::take(token_buffer));
        let mut entities = Vec::new();
        let mut candidates = Vec::new();
        if capabilities.entities && capabilities.candidates {
            candidates = self.inner.gazetteer.candidates(text, normalized, &layout.zones);
        }
        if capabilities.entities {
            entities = self.inner.gazetteer.find(text, normalized, &tokens);
            self.inner.rules.find(text, &tokens, &self.inner.names, &mut entities);
        }
        let mut people = People::default();
        if capabilities.people {
            let recognizer = Recognizer { lexicon: &self.inner.names };
            let found = recognizer.find(text, &tokens, &entities);
            people.add_known(text, &found, &self.inner.names, &mut entities);
            people.add_found(text, &found, &mut entities);
            people.add_credits(text, &article.credits, &mut entities);
        }
        let mut dates = Vec::new();
        if capabilities.dates {
            dates = date::find(text, normalized, &tokens, reference_date);
        }
        entities.sort_by_key(|e| (e.span, e.kind));
        let mut quotes = Vec::new();
        if capabilities.quotes {
            quotes = quote::find(text, normalized, &tokens, &entities, &self.inner.names);
        }
        let tokens = tokens.recycle();
        scratch.release(tokens);
        let people = people.into_vec();
        Extraction { id: String::new(), reference_date, article, entities, candidates, people, dates, quotes }
    }
}

thread_local! {
    /// Each thread's buffers for the text of the document it reads.
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// The per-document buffers that grow with the text: kept per thread between documents,
/// so a batch allocates them once per thread instead of once per document.
#[derive(Default)]
struct Scratch {
    normalized: Normalized,
    tokens: Tokens<'static>,
}

/// The most bytes of buffers a thread keeps between documents: enough for an article of
/// about 450 KB (its tokens are reserved at eight bytes per byte of text, its normalised
/// text at one), so that one very long document does not hold its memory for the rest of
/// a batch.
const SCRATCH_BYTES: usize = 4 << 20;

impl Scratch {
    /// Takes back the token buffers, or drops every buffer after a very long document.
    fn release(&mut self, tokens: Tokens<'static>) {
        if self.normalized.buffer_bytes() + tokens.buffer_bytes() > SCRATCH_BYTES {
            *self = Scratch::default();
        } else {
            self.tokens = tokens;
        }
    }
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
