//! The compiled matcher: one Aho-Corasick automaton over every surface form of every
//! entry, searched once over the normalised document.
//!
//! # Match semantics
//!
//! 1. **Normalised search.** Forms and text are compared in their [`Normalized`] form:
//!    NFC, case-folded, straight quotes and dashes.
//! 2. **Word boundaries.** A match must start and end on word boundaries
//!    ([`crate::text::is_word_char`]): `Bali` matches in `(Bali)` but not in `Balikpapan`.
//!    It also starts where a token does, so never after the apostrophe inside a word
//!    (`Ma'ruf`).
//! 3. **Leftmost-longest.** Among matches, the one that starts first wins, and among
//!    those the longest: `Jakarta Timur` beats `Jakarta`, `Papua Nugini` beats `Papua`.
//!    When the longest match at a position fails a check below, shorter forms ending at
//!    an earlier word boundary are tried before moving on.
//! 4. **Case.** A form without lower-case letters (`AS`, `BPS`, `DIY`) is an acronym and
//!    must appear exactly so in the text; every other form needs its last word
//!    capitalised in the text (`Malang`, not `nasib malang`). In a paragraph written in one
//!    case only, both checks are relaxed: names match in any case, and acronyms of three or
//!    more letters match in lower case (`bps`), shorter ones (`as`, `ri`) never do.
//! 5. **Ambiguity.** A form shared by several entries (the kota and the kabupaten Bogor,
//!    the city and the province Yogyakarta) resolves by the word before it (`Bupati`,
//!    `Kabupaten`, `Pemkab` choose the regency; `Kota`, `Wali Kota`, `Pemkot` the city;
//!    `Provinsi`, `Gubernur`, `Pemprov` the province), else to the entry whose canonical
//!    name is the form itself, else by kind: country, province, city, regency, region
//!    group, institution, place. The other candidates are reported as `alternatives`.

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous;
use aho_corasick::{AhoCorasick, Anchored, MatchKind};

use super::{Entry, Gazetteer};
use crate::Span;
use crate::article::Zone;
use crate::entity::{Entity, EntityKind};
use crate::text::{Casing, Normalized, Token, Tokens, WordMap, is_word_char, last_word, tokenize};

/// The byte every form is compiled behind in [`Matcher`]'s automaton; never walked from
/// the text, only stepped over once to reach the forms (see [`Matcher::new`]).
const ROOT_BYTE: u8 = 0;

/// One candidate entry of a surface form.
#[derive(Clone, Debug)]
struct Candidate {
    entry: usize,
    /// The form as written in the data, when it is an acronym that must match exactly.
    acronym: Option<Box<str>>,
    /// Whether the form's last word is capitalised in the data, and so must be in mixed-case
    /// text; brand names written in lower case (`tvOne`, `detikcom`) are exempt.
    capitalised: bool,
}

/// What the matcher keeps of an entry to report it.
#[derive(Clone, Debug)]
struct Target {
    id: CompactString,
    kind: EntityKind,
    class: CompactString,
    canonical: CompactString,
    /// The canonical name normalised, to prefer the entry a form officially names.
    canonical_normalized: String,
}

/// One document as the matcher sees it: the original text and its normalised view.
struct Haystack<'a> {
    text: &'a str,
    normalized: &'a Normalized,
}

/// The compiled surface forms of a gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Matcher {
    /// Walked by hand from each token ([`Matcher::find`]), so the concrete automaton.
    automaton: contiguous::NFA,
    /// The state after `ROOT_BYTE`, where every walk for a form begins.
    root: StateID,
    /// The same forms for every overlapping match, built only when asked for.
    overlapping: Option<AhoCorasick>,
    /// Candidates of each pattern, indexed by pattern id.
    patterns: Vec<Vec<Candidate>>,
    targets: Vec<Target>,
    /// The first token of every form, with the automaton's state after it: see
    /// [`Matcher::after_first_token`].
    first_tokens: WordMap<Box<str>, StateID>,
}

impl Matcher {
    /// Compiles the forms of `gazetteer`; with `overlapping`, also the automaton that
    /// reports every candidate ([`Matcher::candidates`]).
    pub fn new(gazetteer: &Gazetteer, overlapping: bool) -> Matcher {
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        let mut forms: Vec<String> = Vec::new();
        let mut patterns: Vec<Vec<Candidate>> = Vec::new();
        let mut targets = Vec::with_capacity(gazetteer.entries().len());
        for (entry_index, entry) in gazetteer.entries().iter().enumerate() {
            targets.push(Target {
                id: entry.id.as_str().into(),
                kind: entry.kind,
                class: entry.class.as_str().into(),
                canonical: entry.canonical.as_str().into(),
                canonical_normalized: Normalized::new(&entry.canonical).as_str().to_string(),
            });
            for form in surface_forms(entry) {
                let normalized = Normalized::new(&form).as_str().to_string();
                if normalized.trim().is_empty() {
                    continue;
                }
                let capitalised =
                    last_word(&form).is_some_and(|w| form[w.range()].chars().next().is_some_and(|c| !c.is_lowercase()));
                let acronym = is_acronym(&form).then(|| form.into_boxed_str());
                let pattern = *index.entry(normalized.clone()).or_insert_with(|| {
                    forms.push(normalized);
                    patterns.push(Vec::new());
                    patterns.len() - 1
                });
                let candidates = &mut patterns[pattern];
                match candidates.iter_mut().find(|c| c.entry == entry_index) {
                    // A name form of the same entry makes the acronym check unnecessary.
                    Some(existing) if acronym.is_none() => existing.acronym = None,
                    Some(_) => {}
                    None => candidates.push(Candidate { entry: entry_index, acronym, capitalised }),
                }
            }
        }
        // Walked by hand, never searched: no prefilter to build, and no match semantics to
        // apply, since the walk collects every form along it and picks the longest that fits
        // by itself. The failure links are what an anchored walk never follows, so they should
        // cost little to build:
        // - each form is compiled behind `ROOT_BYTE`, so no form is a suffix of another
        //   form's prefix and every failure link is one lookup in the dense start state;
        // - standard semantics, because leftmost ones send the links of every state after a
        //   form's end (`kabupaten ...` after `kabupaten`) to the dead state, whose
        //   transitions are searched in a list of 256.
        // Together: the build went from 226 to 143 million instructions.
        let automaton = contiguous::NFA::builder()
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(forms.iter().map(|form| [&[ROOT_BYTE], form.as_bytes()].concat()))
            .expect("gazetteer forms are few enough for an automaton");
        let start = automaton.start_state(Anchored::Yes).expect("the automaton has an anchored start");
        let root = automaton.next_state(Anchored::Yes, start, ROOT_BYTE);
        let mut first_tokens = FxHashMap::default();
        let mut cut = Vec::new();
        for form in &forms {
            cut.clear();
            tokenize(form, Span::new(0, form.len()), &mut cut);
            let Some(first) = cut.first() else { continue };
            let state = first.text.bytes().fold(root, |state, byte| automaton.next_state(Anchored::Yes, state, byte));
            first_tokens.insert(Box::from(first.text), state);
        }
        let first_tokens = WordMap::from(first_tokens);
        let overlapping = overlapping.then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&forms)
                .expect("gazetteer forms are few enough for an automaton")
        });
        Matcher { automaton, root, overlapping, patterns, targets, first_tokens }
    }

    /// Where the walk of the automaton for the forms starting at `token` (at `span` of the
    /// normalised text) resumes: after the token, in the state its text leads to, or
    /// `None` when no form starts with it.
    /// A form that matches from a token's start ends on a word boundary, so never inside
    /// the token, unless at an apostrophe (`jum` in `jum'at`); there the walk starts at the
    /// token's start. Most tokens start no form and cost a shapes test; one that starts a
    /// form costs a lookup instead of a step per byte through states scattered over the
    /// automaton's memory.
    fn after_first_token(&self, token: &Token, span: Span) -> Option<(usize, StateID)> {
        if token.apostrophe {
            return Some((span.start, self.root));
        }
        let state = *self.first_tokens.get(token.text)?;
        (!self.automaton.is_dead(state)).then_some((span.end, state))
    }

    /// Every form that matches inside `zones`, overlapping or nested ones included
    /// (`Kabupaten Kulon Progo` and `Kulon Progo` and `Progo` if it were a form), each
    /// checked and resolved as [`Matcher::find`] does; empty unless the matcher was built
    /// with `overlapping`.
    pub fn candidates(&self, text: &str, normalized: &Normalized, zones: &[Zone]) -> Vec<Entity> {
        let Some(automaton) = &self.overlapping else { return Vec::new() };
        let haystack = Haystack { text, normalized };
        let mut found: Vec<Entity> = automaton
            .find_overlapping_iter(normalized.as_str())
            .filter_map(|m| {
                let span = normalized.to_original(Span::new(m.start(), m.end()));
                let zone =
                    zones.get(zones.partition_point(|z| z.span.end < span.end)).filter(|z| z.span.contains(span))?;
                self.accept(&haystack, m.start(), m.end(), m.pattern().as_usize(), zone.casing)
            })
            .map(|(entity, _)| entity)
            .collect();
        found.sort_by_key(|e| (e.span, e.kind));
        found.dedup_by(|a, b| a.span == b.span && a.id == b.id);
        found
    }

    /// Finds every entity mention in the tokenised paragraphs (sorted, disjoint) of `text`.
    ///
    /// A mention starts where a token does, so the automaton is walked only from there,
    /// anchored: a few states per word instead of a scan of every byte, which is what an
    /// unanchored search costs.
    pub fn find(&self, text: &str, normalized: &Normalized, tokens: &Tokens) -> Vec<Entity> {
        let haystack = Haystack { text, normalized };
        let mut found = Vec::new();
        let mut forms_here = Vec::new();
        let cut_from = normalized.as_str();
        for (casing, paragraph) in tokens.paragraphs() {
            let Some(last) = paragraph.last() else { continue };
            let paragraph_end = last.span_in(cut_from).end;
            let mut taken_until = 0;
            for token in paragraph {
                let span = token.span_in(cut_from);
                if span.start < taken_until {
                    continue;
                }
                let Some(resume) = self.after_first_token(token, span) else { continue };
                self.forms_at(cut_from, span.start, resume, paragraph_end, &mut forms_here);
                // The longest form wins; when it fails the checks, shorter ones are tried.
                let hit = forms_here
                    .iter()
                    .rev()
                    .find_map(|&(end, pattern)| self.accept(&haystack, span.start, end, pattern, casing));
                if let Some((entity, end)) = hit {
                    taken_until = end;
                    found.push(entity);
                }
            }
        }
        found
    }

    /// Every form that starts at `start` and ends by `limit`, as its end and pattern,
    /// shortest first: the rest of an anchored walk of the automaton, from the offset and
    /// state in `resume`.
    fn forms_at(
        &self,
        hay: &str,
        start: usize,
        resume: (usize, StateID),
        limit: usize,
        forms: &mut Vec<(usize, usize)>,
    ) {
        forms.clear();
        let (mut at, mut state) = resume;
        loop {
            if at > start && self.automaton.is_match(state) {
                // Behind the root byte no form is another's suffix, so a state holds the
                // one form that ends there.
                forms.push((at, self.automaton.match_pattern(state, 0).as_usize()));
            }
            let Some(&byte) = hay.as_bytes()[..limit].get(at) else { break };
            state = self.automaton.next_state(Anchored::Yes, state, byte);
            if self.automaton.is_dead(state) {
                break;
            }
            at += 1;
        }
    }

    /// Checks a match against boundaries and case, and resolves its entry. Returns the
    /// entity and the normalised offset where it ends.
    fn accept(
        &self,
        haystack: &Haystack,
        start: usize,
        end: usize,
        pattern: usize,
        casing: Casing,
    ) -> Option<(Entity, usize)> {
        let Haystack { text, normalized } = *haystack;
        let hay = normalized.as_str();
        if !crate::text::at_word_boundaries(hay, Span::new(start, end)) {
            return None;
        }
        let span = normalized.to_original(Span::new(start, end));
        let written = &text[span.range()];
        let as_written = AsWritten::new(written, casing);
        let survivors = self.patterns[pattern].iter().filter(|c| as_written.fits(c));
        let chosen = self.resolve(hay, start, survivors.clone())?;
        let target = &self.targets[chosen];
        let alternatives = survivors.filter(|c| c.entry != chosen).map(|c| self.targets[c.entry].id.clone()).collect();
        let entity = Entity {
            span,
            text: written.into(),
            kind: target.kind,
            id: target.id.clone(),
            canonical: target.canonical.clone(),
            class: Some(target.class.clone()).filter(|c| !c.is_empty()),
            alternatives,
            region: None,
        };
        Some((entity, end))
    }

    /// Picks one entry among the candidates that fit; see the module docs.
    fn resolve<'c>(
        &self,
        hay: &str,
        start: usize,
        candidates: impl Iterator<Item = &'c Candidate> + Clone,
    ) -> Option<usize> {
        let mut others = candidates.clone();
        let first = others.next()?;
        if others.next().is_none() {
            return Some(first.entry);
        }
        let cue = preceding_word(hay, start);
        let cued: &[&str] = match cue {
            "kabupaten" | "kab" | "bupati" | "pemkab" | "wabup" => &["regency", "admin-regency"],
            "kota" | "walikota" | "pemkot" | "wawali" | "wakot" => &["city", "admin-city"],
            "provinsi" | "prov" | "propinsi" | "gubernur" | "pemprov" | "wagub" => &["province"],
            _ => &[],
        };
        let form = &hay[start..];
        candidates
            .min_by_key(|c| {
                let target = &self.targets[c.entry];
                let uncued = !cued.contains(&target.class.as_str());
                let not_canonical = !form.starts_with(target.canonical_normalized.as_str());
                (uncued, not_canonical, kind_rank(target), c.entry)
            })
            .map(|c| c.entry)
    }
}

/// All surface forms of an entry: its canonical name, its aliases, and for regions the
/// prefixed forms news writes (`Kabupaten X`, `Kab. X`, `Kota X`, `Provinsi X`).
fn surface_forms(entry: &Entry) -> Vec<String> {
    let prefixes: &[&str] = match (entry.kind, entry.class.as_str()) {
        (EntityKind::Region, "regency") => &["Kabupaten", "Kab.", "Kab"],
        (EntityKind::Region, "admin-regency") => &["Kabupaten", "Kabupaten Administrasi", "Kab.", "Kab. Adm."],
        (EntityKind::Region, "city") => &["Kota"],
        (EntityKind::Region, "admin-city") => &["Kota", "Kota Administrasi", "Kota Adm."],
        (EntityKind::Region, "province") => &["Provinsi", "Prov.", "Propinsi"],
        _ => &[],
    };
    let mut forms = vec![entry.canonical.clone()];
    for alias in &entry.aliases {
        forms.push(alias.clone());
        forms.extend(prefixes.iter().map(|prefix| format!("{prefix} {alias}")));
    }
    forms
}

/// Whether a form is an acronym: it has letters, and none of them is lower-case.
fn is_acronym(form: &str) -> bool {
    form.chars().any(char::is_alphabetic) && !form.chars().any(char::is_lowercase)
}

/// A match as written in the text, read once for all the candidates of its form.
struct AsWritten<'a> {
    text: &'a str,
    casing: Casing,
    /// In a mixed-case zone, whether its last word starts with a capital (or a digit).
    capitalised: bool,
}

impl AsWritten<'_> {
    fn new(text: &str, casing: Casing) -> AsWritten<'_> {
        let capitalised = casing == Casing::Mixed
            && last_word(text).is_some_and(|word| {
                text[word.range()].chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
            });
        AsWritten { text, casing, capitalised }
    }

    /// Whether it can be this candidate.
    fn fits(&self, candidate: &Candidate) -> bool {
        let written = self.text;
        match (&candidate.acronym, self.casing) {
            (Some(form), Casing::Lower) => {
                written.chars().filter(|c| c.is_alphabetic()).count() >= 3 || **form == *written
            }
            (Some(form), _) => **form == *written,
            (None, Casing::Mixed) if candidate.capitalised => self.capitalised,
            (None, _) => true,
        }
    }
}

fn kind_rank(target: &Target) -> u8 {
    match (target.kind, target.class.as_str()) {
        (EntityKind::Country, _) => 0,
        (EntityKind::Region, "province") => 1,
        (EntityKind::Region, "city" | "admin-city") => 2,
        (EntityKind::Region, "regency" | "admin-regency") => 3,
        (EntityKind::Region, _) => 4,
        (EntityKind::Institution, _) => 5,
        (EntityKind::Place, _) => 6,
        (EntityKind::Person, _) => 7,
    }
}

/// The word just before `start` in the normalised text, without its trailing period.
fn preceding_word(hay: &str, start: usize) -> &str {
    let before = hay[..start].trim_end();
    let before = before.strip_suffix('.').unwrap_or(before);
    let word_start = before.char_indices().rev().find(|&(_, c)| !is_word_char(c)).map_or(0, |(i, c)| i + c.len_utf8());
    &before[word_start..]
}
