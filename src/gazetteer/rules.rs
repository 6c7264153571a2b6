//! Open-class names no list can hold, read from the head word written before them
//! (`Polres Sleman`, `Kecamatan Temon`, `Stasiun Pasar Senen`), the acronyms a text defines
//! for its names (`Dinas Pertanian dan Pangan (DPP)`), and their later short mentions
//! (`Temon`, `BPBD`, `DPP`).
//!
//! The heads are data (`data/rules/heads.tsv`); the rules read the document's shared
//! tokens and the gazetteer's entities, and never override a gazetteer entry that covers
//! as much.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::entity::{Entity, EntityKind, Searched};
use crate::person::{Lexicon, WordClass, local_id};
use crate::span::Nearby;
use crate::text::{Casing, Kind, Normalized, Token, Tokens, WordMap, WordSet, one_char, tokenize};
use crate::{Error, Span};

const HEADS: (&str, &str) = ("data/rules/heads.tsv", include_str!("../../data/rules/heads.tsv"));
const NOT_ENTITIES: (&str, &str) = ("data/rules/not-entities.tsv", include_str!("../../data/rules/not-entities.tsv"));

/// The most tokens of a name after its head (`Bandara I Gusti Ngurah Rai`).
const LONGEST_NAME: usize = 8;

/// What follows a head.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Name {
    /// A region, written in the canonical name with its level (`Kabupaten Sukabumi`).
    Region,
    /// A region, written in the canonical name without its level (`Sleman`).
    RegionBare,
    /// Capitalised words.
    Words,
}

#[derive(Clone, Debug)]
struct Head {
    /// The head's words, normalised.
    words: Vec<String>,
    expansion: Option<String>,
    kind: EntityKind,
    class: String,
    name: Name,
}

/// The heads, by their first word, longest first; and the phrases that name no entity.
#[derive(Debug)]
pub(crate) struct Rules {
    heads: WordMap<String, Vec<Head>>,
    /// The words of each phrase (normalised), by its first word.
    not_entities: WordMap<String, Vec<Vec<String>>>,
}

impl Rules {
    /// The built-in heads.
    pub fn builtin() -> Result<Rules, Error> {
        let (source, text) = HEADS;
        let error = |line: usize, reason: String| Error::Data { source_name: source.to_string(), line, reason };
        let mut heads: FxHashMap<String, Vec<Head>> = FxHashMap::default();
        let mut header = false;
        for (index, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if !header {
                header = true;
                continue;
            }
            let [head, expansion, kind, class, name] = fields[..] else {
                return Err(error(index + 1, format!("expected 5 tab-separated fields, found {}", fields.len())));
            };
            let kind = match kind {
                "institution" => EntityKind::Institution,
                "region" => EntityKind::Region,
                "place" => EntityKind::Place,
                other => {
                    return Err(error(index + 1, format!("unknown kind `{other}`; use institution, region or place")));
                }
            };
            let name = match name {
                "region" => Name::Region,
                "region-bare" => Name::RegionBare,
                "words" => Name::Words,
                other => {
                    return Err(error(index + 1, format!("unknown name `{other}`; use region, region-bare or words")));
                }
            };
            let words = token_texts(head);
            let expansion = (!expansion.is_empty()).then(|| expansion.to_string());
            let head = Head { words, expansion, kind, class: class.to_string(), name };
            heads.entry(head.words[0].clone()).or_default().push(head);
        }
        for list in heads.values_mut() {
            list.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        }
        let (source, text) = NOT_ENTITIES;
        let mut not_entities: FxHashMap<String, Vec<Vec<String>>> = FxHashMap::default();
        let rows = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')).skip(1);
        for (index, line) in rows {
            let Some((phrase, _)) = line.split_once('\t').filter(|(phrase, _)| !phrase.trim().is_empty()) else {
                let reason = "expected a phrase, a tab and what it is".to_string();
                return Err(Error::Data { source_name: source.to_string(), line: index + 1, reason });
            };
            let words: Vec<String> = Normalized::new(phrase).as_str().split(' ').map(str::to_string).collect();
            not_entities.entry(words[0].clone()).or_default().push(words);
        }
        Ok(Rules { heads: WordMap::from(heads), not_entities: WordMap::from(not_entities) })
    }

    /// Adds to `entities` (the gazetteer's, sorted) the names read from heads, the
    /// acronyms defined for entities, and the later mentions of both; keeps them sorted.
    pub fn find(&self, text: &str, tokens: &Tokens, lexicon: &Lexicon, entities: &mut Vec<Entity>) {
        self.drop_not_entities(tokens, entities);
        let mut found: Vec<Entity> = Vec::new();
        let mut paragraphs = Vec::with_capacity(tokens.paragraphs().len());
        let gazetteer = Searched::new(entities);
        for (_, tokens) in tokens.paragraphs().filter(|(casing, _)| *casing == Casing::Mixed) {
            let paragraph = Paragraph::new(text, tokens);
            let mut at = 0;
            while at < tokens.len() {
                match self.named(&paragraph, at, &gazetteer, lexicon) {
                    Some((entity, next)) => {
                        found.push(entity);
                        at = next;
                    }
                    None => at += 1,
                }
            }
            paragraphs.push(paragraph);
        }
        merge(entities, found);
        // Acronyms the text defines: `Dinas Pertanian dan Pangan (DPP)`. A long form no
        // entity covers becomes a document-local institution.
        let searched = Searched::new(entities);
        let definitions: Vec<Definition> = paragraphs.iter().flat_map(|p| p.definitions(&searched, lexicon)).collect();
        let mut defined: Vec<Entity> = definitions
            .iter()
            .filter(|d| !searched.starting_at(d.long_form.start).any(|e| e.span == d.long_form))
            .map(|d| {
                let written = &text[d.long_form.range()];
                // A known acronym lends its entry (`LKPP (Lembaga Kebijakan …)`) when its
                // letters are the long form's initials, in order.
                let known = searched.starting_at(d.at.start).find(|e| e.span == d.at);
                match known.filter(|_| initials_spell(written, &d.acronym)) {
                    Some(known) => Entity { span: d.long_form, text: written.into(), ..known.clone() },
                    None => self.defined_entity(written, d.long_form),
                }
            })
            .collect();
        defined.sort_by_key(|e| e.span);
        defined.dedup_by_key(|e| e.span);
        merge(entities, defined);
        let mut short: FxHashMap<String, Option<usize>> = FxHashMap::default();
        for Definition { acronym, long_form, .. } in definitions {
            let at = entities.partition_point(|e| e.span.start < long_form.start);
            let same =
                entities[at..].iter().take_while(|e| e.span.start == long_form.start).position(|e| e.span == long_form);
            if let Some(offset) = same {
                note(&mut short, entities, acronym, at + offset);
            }
        }
        // A name read from a head is mentioned again without it: `Temon` after `Kecamatan
        // Temon`, `BPBD` after `BPBD Kabupaten Sukabumi`.
        for (index, entity) in entities.iter().enumerate().filter(|(_, e)| e.id.starts_with("local/")) {
            if let Some(bare) = bare_name(&paragraphs, entity, self, lexicon) {
                note(&mut short, entities, bare, index);
            }
        }
        if short.is_empty() {
            return;
        }
        let mut again = Vec::new();
        let longest = short.keys().map(|k| k.split(' ').count()).max().unwrap_or(1).min(LONGEST_NAME);
        let firsts: WordSet<&str> = short.keys().filter_map(|k| Some((k.split(' ').next()?, ()))).collect();
        let searched = Searched::new(entities);
        // One buffer for the words looked up in every paragraph.
        let mut key = String::new();
        for paragraph in &paragraphs {
            paragraph.mentions(&short, &firsts, longest, &searched, &mut key, &mut again);
        }
        merge(entities, again);
    }

    /// Removes the entities inside a phrase that names none (`Bali` in `Bali Nine`).
    fn drop_not_entities(&self, tokens: &Tokens, entities: &mut Vec<Entity>) {
        let mut phrases: Vec<Span> = Vec::new();
        for (_, tokens) in tokens.paragraphs() {
            for (at, token) in tokens.iter().enumerate() {
                let Some(candidates) = self.not_entities.get(token.text) else { continue };
                let matches = |words: &Vec<String>| {
                    words.len() <= tokens.len() - at
                        && tokens[at..at + words.len()].iter().zip(words).all(|(t, w)| t.text == *w)
                };
                if let Some(words) = candidates.iter().find(|words| matches(words)) {
                    phrases.push(Span::new(token.original.start, tokens[at + words.len() - 1].original.end));
                }
            }
        }
        if !phrases.is_empty() {
            entities.retain(|e| {
                let at = phrases.partition_point(|p| p.end <= e.span.start);
                !phrases.get(at).is_some_and(|p| p.overlaps(e.span))
            });
        }
    }

    /// The document-local entity of a long form no entry names: a place when it is
    /// written like one (`Yogyakarta International Airport`, `Bandara …`), else an
    /// institution.
    fn defined_entity(&self, written: &str, span: Span) -> Entity {
        let normalized = Normalized::new(written);
        let words: Vec<&str> = normalized.as_str().split(' ').collect();
        let head = self.heads.get(words[0]).and_then(|heads| heads.iter().find(|h| h.words.len() == 1));
        let english_place = matches!(
            words.last().copied(),
            Some("airport" | "station" | "port" | "harbour" | "stadium" | "bridge" | "dam" | "tower" | "square")
        );
        let (kind, class) = match head {
            Some(head) => (head.kind, head.class.as_str()),
            None if english_place => (EntityKind::Place, "defined"),
            None => (EntityKind::Institution, "defined"),
        };
        let kind_name = if kind == EntityKind::Institution { "institution" } else { "place" };
        Entity {
            span,
            text: written.into(),
            kind,
            id: local_id(kind_name, written),
            canonical: written.into(),
            class: Some(class.into()),
            alternatives: Vec::new(),
            region: None,
        }
    }

    /// The name read from a head starting at token `at`, and the token after it.
    fn named(
        &self,
        paragraph: &Paragraph,
        at: usize,
        entities: &Searched,
        lexicon: &Lexicon,
    ) -> Option<(Entity, usize)> {
        let token = paragraph.tokens[at];
        if token.kind != Kind::Word || !paragraph.capital(at) {
            return None;
        }
        let heads = self.heads.get(token.text)?;
        // `Transformasi Perpustakaan …`: a head of words inside a longer capitalised name
        // is none (a head before a region, `Reskrim Polres Sleman`, stays one).
        let inside_a_name = at > 0
            && heads.iter().all(|h| h.name == Name::Words)
            && paragraph.tokens[at - 1].kind == Kind::Word
            && paragraph.capital(at - 1)
            && paragraph.entity_over(at - 1, entities).is_none()
            && !matches!(lexicon.not_name(paragraph.tokens[at - 1].text), Some(WordClass::Role | WordClass::Function));
        if inside_a_name {
            return None;
        }
        // Inside a gazetteer entity, the gazetteer's reading stands.
        if paragraph.entity_over(at, entities).is_some_and(|e| e.span.start < paragraph.original(at).start) {
            return None;
        }
        heads.iter().find_map(|head| {
            let after = paragraph.head_end(at, &head.words)?;
            let (name_end, region) = match head.name {
                Name::Region | Name::RegionBare => {
                    let region = paragraph.entity_at(after, entities).filter(|e| e.kind == EntityKind::Region)?;
                    (paragraph.token_ending(after, region.span.end)?, Some(region))
                }
                Name::Words => {
                    // A company may be named after a person (`PT Adhi Karya`); other
                    // institutions end before one.
                    let people_end = head.kind == EntityKind::Institution && head.class != "company";
                    let (end, region) = paragraph.words_after(after, head.kind, people_end, entities, lexicon)?;
                    (paragraph.legal_form_end(end), region)
                }
            };
            let span = Span::new(paragraph.original(at).start, paragraph.original(name_end - 1).end);
            // A gazetteer entity from the same place that covers as much wins.
            if entities.starting_at(span.start).any(|e| e.span.end >= span.end) {
                return None;
            }
            let written_name = &paragraph.text[paragraph.original(after).start..span.end];
            let name = match (head.name, region) {
                (Name::Region, Some(region)) => with_level(region),
                (Name::RegionBare, Some(region)) => without_level(region),
                (_, Some(region)) if head.kind == EntityKind::Institution => {
                    // `Dinas Pariwisata Provinsi Bali`: the words, then the region with its level.
                    let before = &paragraph.text[paragraph.original(after).start..region.span.start];
                    before.to_string() + &with_level(region)
                }
                _ => written_name.to_string(),
            };
            let head_written = &paragraph.text[paragraph.original(at).start..paragraph.original(after - 1).end];
            let canonical = [head.expansion.as_deref().unwrap_or(head_written), " ", &name].concat();
            let kind_name = match head.kind {
                EntityKind::Institution => "institution",
                EntityKind::Region => "region",
                _ => "place",
            };
            let entity = Entity {
                span,
                text: paragraph.text[span.range()].into(),
                kind: head.kind,
                id: local_id(kind_name, &canonical),
                canonical: canonical.into(),
                class: Some(head.class.as_str().into()),
                alternatives: Vec::new(),
                region: region.map(|r| r.id.clone()),
            };
            Some((entity, name_end))
        })
    }
}

/// Whether the letters of `acronym` (normalised) are initials of the words of `long_form`
/// in order (`lkpp` in `Lembaga Kebijakan Pengadaan Barang dan Jasa Pemerintah`).
fn initials_spell(long_form: &str, acronym: &str) -> bool {
    let initials: String =
        long_form.split_whitespace().filter_map(|w| w.chars().next()).flat_map(char::to_lowercase).collect();
    let mut letters = initials.chars();
    acronym.chars().all(|c| letters.any(|i| i == c))
}

/// An acronym a text defines: the acronym (normalised) and where it is, and its long form.
struct Definition {
    acronym: String,
    at: Span,
    long_form: Span,
}

/// Records that `key` names entity `index`; a key naming two different entries (ids)
/// names neither.
fn note(short: &mut FxHashMap<String, Option<usize>>, entities: &[Entity], key: String, index: usize) {
    let same = |i: usize| entities[i].id == entities[index].id;
    short.entry(key).and_modify(|e| *e = e.filter(|&i| same(i))).or_insert(Some(index));
}

/// What a local entity is called without its head: the name of a village or a station
/// (`Temon`), or the head of an institution named by its region (`BPBD`).
fn bare_name(paragraphs: &[Paragraph], entity: &Entity, rules: &Rules, lexicon: &Lexicon) -> Option<String> {
    // A document-local entity was read from the tokens of a mixed-case paragraph.
    let words: Vec<&str> = tokens_of(paragraphs, entity.span)?.iter().map(|t| t.text).collect();
    let heads = rules.heads.get(words.first()?)?;
    let head =
        heads.iter().find(|h| words.len() >= h.words.len() && words.iter().zip(&h.words).all(|(w, h)| w == h))?;
    let rest = &words[head.words.len()..];
    match (entity.kind, head.name) {
        (EntityKind::Institution, Name::Region | Name::RegionBare) if head.words.len() == 1 => {
            Some(head.words[0].clone())
        }
        // Streets are named after people: `Sudirman` alone is a person, not the street.
        _ if head.class == "street" => None,
        (EntityKind::Region | EntityKind::Place, Name::Words) => {
            let person = rest.iter().any(|w| lexicon.name(w).is_some_and(|n| !n.also_word));
            let plain = rest.iter().all(|w| w.chars().all(char::is_alphabetic));
            (!person && plain && !rest.is_empty()).then(|| rest.join(" "))
        }
        _ => None,
    }
}

/// The tokens of `paragraphs` (in text order) that `span` covers, when it starts and ends
/// with a token of one of them.
fn tokens_of<'p>(paragraphs: &'p [Paragraph], span: Span) -> Option<&'p [Token<'p>]> {
    let ends_before = |p: &Paragraph| p.tokens.last().is_some_and(|t| t.original.end <= span.start);
    let tokens = paragraphs.get(paragraphs.partition_point(ends_before))?.tokens;
    let first = tokens.partition_point(|t| t.original.start < span.start);
    let end = first + tokens[first..].partition_point(|t| t.original.end <= span.end);
    let covered = &tokens[first..end];
    let aligned = covered.first()?.original.start == span.start && covered.last()?.original.end == span.end;
    aligned.then_some(covered)
}

/// The texts of the tokens of `written` once normalised (`Jl.` → `jl`, `.`).
fn token_texts(written: &str) -> Vec<String> {
    let normalized = Normalized::new(written);
    let mut tokens = Vec::new();
    tokenize(normalized.as_str(), Span::new(0, normalized.as_str().len()), &mut tokens);
    tokens.iter().map(|t| t.text.to_string()).collect()
}

/// `found` merged into `entities`, dropping the entities inside a found one (a region
/// inside an institution name) and the found ones that overlap an entity partly.
fn merge(entities: &mut Vec<Entity>, found: Vec<Entity>) {
    if found.is_empty() {
        return;
    }
    let mut kept: Vec<Entity> = Vec::with_capacity(found.len());
    // The found entities come in text order.
    let mut in_entities = Nearby::default();
    for entity in found {
        let at = in_entities.partition_point(entities, |e| e.span.end <= entity.span.start);
        let overlapping = entities[at..].iter().take_while(|e| e.span.start < entity.span.end);
        let clear_of_kept = kept.last().is_none_or(|k| k.span.end <= entity.span.start);
        if clear_of_kept && overlapping.clone().all(|e| entity.span.contains(e.span)) {
            kept.push(entity);
        }
    }
    entities.retain(|e| {
        let at = kept.partition_point(|k| k.span.end <= e.span.start);
        !kept.get(at).is_some_and(|k| k.span.contains(e.span))
    });
    entities.extend(kept);
    entities.sort_by_key(|e| (e.span, e.kind));
}

/// Where an acronym stands against the long form it defines.
enum Frame {
    /// `Long Form (ACR)`, `Long Form atau ACR`.
    AfterLongForm,
    /// `ACR (Long Form)`.
    BeforeBrackets,
    /// `ACR, singkatan dari Long Form`.
    BeforeExpansion,
}

/// A region's name with its level: `Kabupaten Sukabumi`, `Kota Bandung`, `Provinsi Bali`.
fn with_level(region: &Entity) -> String {
    let canonical = &region.canonical;
    let leveled = ["Kabupaten ", "Kota ", "Provinsi ", "Daerah ", "Kecamatan ", "Desa ", "Kelurahan "];
    if leveled.iter().any(|level| canonical.starts_with(level)) {
        canonical.to_string()
    } else if region.class.as_deref() == Some("province") {
        ["Provinsi ", canonical].concat()
    } else {
        canonical.to_string()
    }
}

/// A region's name without its level: `Sleman` for `Kabupaten Sleman`.
fn without_level(region: &Entity) -> String {
    let canonical = &region.canonical;
    ["Kota Administrasi ", "Kabupaten Administrasi ", "Kabupaten ", "Kota ", "Provinsi "]
        .iter()
        .find_map(|level| canonical.strip_prefix(level))
        .unwrap_or(canonical)
        .to_string()
}

/// A paragraph's tokens and the text they were cut from.
struct Paragraph<'a, 't> {
    text: &'a str,
    tokens: &'t [Token<'t>],
}

impl<'a, 't> Paragraph<'a, 't> {
    fn new(text: &'a str, tokens: &'t [Token<'t>]) -> Paragraph<'a, 't> {
        Paragraph { text, tokens }
    }

    /// Where token `at` is in the original text.
    fn original(&self, at: usize) -> Span {
        self.tokens[at].original
    }

    fn capital(&self, at: usize) -> bool {
        self.tokens[at].written.capital
    }

    /// The token after the head `words` written from token `at` (`Jl.` counts its dot).
    fn head_end(&self, at: usize, words: &[String]) -> Option<usize> {
        let next = at + words.len();
        let written = self.tokens.get(at..next)?;
        (written.iter().zip(words).all(|(token, word)| token.text == word) && next < self.tokens.len()).then_some(next)
    }

    /// The entity that starts at token `at`.
    fn entity_at<'e>(&self, at: usize, entities: &Searched<'e>) -> Option<&'e Entity> {
        entities.starting_at(self.tokens.get(at)?.original.start).next()
    }

    /// The entity that covers token `at`.
    fn entity_over<'e>(&self, at: usize, entities: &Searched<'e>) -> Option<&'e Entity> {
        let span = self.original(at);
        entities.ending_after(span.start).filter(|e| e.span.overlaps(span))
    }

    /// The token after the one that ends at byte `end`, searching from `from`.
    fn token_ending(&self, from: usize, end: usize) -> Option<usize> {
        (from..self.tokens.len()).take(LONGEST_NAME).find(|&k| self.original(k).end == end).map(|k| k + 1)
    }

    /// The capitalised words from token `from`: the end of the name and the region inside
    /// it, if any. An institution's name ends with its region and before a person's name.
    fn words_after<'e>(
        &self,
        from: usize,
        kind: EntityKind,
        people_end: bool,
        entities: &Searched<'e>,
        lexicon: &Lexicon,
    ) -> Option<(usize, Option<&'e Entity>)> {
        let mut at = from;
        let mut region = None;
        let mut words = 0;
        while at < self.tokens.len() && at < from + LONGEST_NAME {
            if let Some(entity) = self.entity_at(at, entities) {
                // Places are named after people (`Bandara I Gusti Ngurah Rai`); an
                // institution's name ends before a person's.
                if entity.kind == EntityKind::Person && people_end {
                    break;
                }
                let Some(next) = self.token_ending(at, entity.span.end) else { break };
                words += 1;
                at = next;
                if entity.kind == EntityKind::Region {
                    region = Some(entity);
                    if kind == EntityKind::Institution {
                        break;
                    }
                }
                continue;
            }
            let token = self.tokens[at];
            let joins =
                matches!(token.text, "-" | "/") && token.glued && self.tokens.get(at + 1).is_some_and(|t| t.glued);
            let and = kind == EntityKind::Institution
                && matches!(token.text, "dan" | "&")
                && words > 0
                && (at + 1 < self.tokens.len() && self.capital(at + 1));
            let word = token.kind == Kind::Word && self.capital(at);
            let number = token.kind == Kind::Number && words > 0;
            if !(word || number || joins || and) {
                break;
            }
            // `Dinas Pertanian Budi Santoso`, `Kepala Dinas R Sony`: a person's name or
            // initial ends an institution's.
            let initial = one_char(token.text);
            let person = word && people_end && (initial || lexicon.name(token.text).is_some());
            if person {
                break;
            }
            words += usize::from(word);
            at += 1;
        }
        // A name ends with a word, not with a joiner.
        while at > from && self.tokens[at - 1].kind == Kind::Mark {
            at -= 1;
        }
        while at > from && matches!(self.tokens[at - 1].text, "dan" | "&") {
            at -= 1;
        }
        (words > 0 && at > from).then_some((at, region))
    }

    /// Where a company's name ends with its legal form written after it: `(Persero)`,
    /// `Tbk`, `(Persero) Tbk`.
    fn legal_form_end(&self, end: usize) -> usize {
        let is = |at: usize, text: &str| self.tokens.get(at).is_some_and(|t| t.text == text);
        let mut end = end;
        if is(end, "(") && is(end + 1, "persero") && is(end + 2, ")") {
            end += 3;
        }
        if is(end, "tbk") {
            end += 1;
        }
        end
    }

    /// The acronyms this paragraph defines, each with the span of its long form:
    /// `Long Form (ACR)`, `ACR (Long Form)`, `ACR, singkatan dari Long Form` and `Long Form
    /// atau ACR`. A long form is an entity other than a person, or capitalised words
    /// (`Transformasi Perpustakaan Berbasis Inklusi Sosial (TPBIS)`), and starts with the
    /// acronym's first letter (so `Jakarta (ANTARA)` defines nothing); an acronym has two
    /// capitals (`BPS`, `KemenPUPR`) or is one capitalised word (`Perpusnas`).
    fn definitions(&self, entities: &Searched, lexicon: &Lexicon) -> Vec<Definition> {
        let mut defined = Vec::new();
        let is = |at: usize, text: &str| self.tokens.get(at).is_some_and(|t| t.text == text);
        for at in 0..self.tokens.len() {
            // The cheap tests first: a word framed as a definition by the tokens beside it,
            // and only then written like an acronym.
            if self.tokens[at].kind != Kind::Word {
                continue;
            }
            let frame = if at >= 2 && (is(at - 1, "(") && is(at + 1, ")") || is(at - 1, "atau")) {
                // `Long Form (ACR)`, `Long Form atau ACR`
                Frame::AfterLongForm
            } else if is(at + 1, "(") {
                // `ACR (Long Form)`
                Frame::BeforeBrackets
            } else if is(at + 1, ",") && is(at + 2, "singkatan") && is(at + 3, "dari") {
                // `ACR, singkatan dari Long Form`
                Frame::BeforeExpansion
            } else {
                continue;
            };
            if !self.acronym(at) {
                continue;
            }
            let acronym = self.tokens[at].text;
            let long_form = match frame {
                Frame::AfterLongForm => self.long_form_ending(at - 2, entities),
                Frame::BeforeBrackets => self.long_form_starting(at + 2, entities).filter(|&(_, end)| is(end, ")")),
                Frame::BeforeExpansion => self.long_form_starting(at + 4, entities),
            };
            let Some((start, end)) = long_form else { continue };
            let span = Span::new(self.original(start).start, self.original(end - 1).end);
            let first = self.tokens[start].text.chars().next();
            let person = entities.starting_at(span.start).any(|e| e.span == span && e.kind == EntityKind::Person)
                || self.names_a_person(start..end, lexicon);
            let agrees = !person && acronym.chars().next() == first;
            if agrees && self.text[span.range()] != self.text[self.original(at).range()] {
                defined.push(Definition { acronym: acronym.to_string(), at: self.original(at), long_form: span });
            }
        }
        defined
    }

    /// Whether the capitalised words of `tokens` are a person's name (`Ahmad Sahroni (AS)`,
    /// initials in brackets after a suspect's name): a given name of the lexicon and no
    /// word that heads institution names.
    fn names_a_person(&self, tokens: Range<usize>, lexicon: &Lexicon) -> bool {
        let words = || tokens.clone().filter(|&k| self.tokens[k].kind == Kind::Word).map(|k| self.tokens[k].text);
        let named = words().any(|w| lexicon.name(w).is_some_and(|n| n.given && !n.also_word));
        let institutional =
            words().any(|w| matches!(lexicon.not_name(w), Some(WordClass::Institution | WordClass::Place)));
        named && !institutional
    }

    /// Whether token `at` is written like an acronym.
    fn acronym(&self, at: usize) -> bool {
        let token = self.tokens[at];
        let written = &self.text[self.original(at).range()];
        let capitals = written.chars().filter(|c| c.is_uppercase()).count();
        token.kind == Kind::Word
            && written.chars().count() <= 12
            && (capitals >= 2 || (capitals == 1 && self.capital(at)))
    }

    /// The long form whose last token is `last`: the entity ending there, or capitalised
    /// words (with `dan` between them) of two words or more. Its first and end token.
    fn long_form_ending(&self, last: usize, entities: &Searched) -> Option<(usize, usize)> {
        let end = self.original(last).end;
        // A token is not empty, so `end` is past its start.
        if let Some(entity) = entities.ending_after(end - 1).filter(|e| e.span.end == end) {
            let start =
                (0..=last).rev().take(LONGEST_NAME * 2).find(|&k| self.original(k).start == entity.span.start)?;
            return Some((start, last + 1));
        }
        let mut start = last + 1;
        while start > 0 && last + 1 - start < LONGEST_NAME * 2 {
            let before = start - 1;
            let word = self.tokens[before].kind == Kind::Word && self.capital(before);
            let and = matches!(self.tokens[before].text, "dan" | "&") && before > 0 && self.capital(before - 1);
            if !(word || and) {
                break;
            }
            start = before;
        }
        let words = (start..=last).filter(|&k| self.capital(k)).count();
        (words >= 2 && self.capital(start)).then_some((start, last + 1))
    }

    /// The long form from token `first` on: the entity starting there, or capitalised
    /// words (with `dan` between them) of two words or more.
    fn long_form_starting(&self, first: usize, entities: &Searched) -> Option<(usize, usize)> {
        if first >= self.tokens.len() {
            return None;
        }
        let entity = self.entity_at(first, entities).and_then(|e| self.token_ending(first, e.span.end));
        let mut end = first;
        while end < self.tokens.len() && end - first < LONGEST_NAME * 2 {
            let word = self.tokens[end].kind == Kind::Word && self.capital(end);
            let and = matches!(self.tokens[end].text, "dan" | "&")
                && end > first
                && end + 1 < self.tokens.len()
                && self.capital(end + 1);
            if !(word || and) {
                break;
            }
            end += 1;
        }
        // The entity there, unless capitalised words go on past it (`Yogyakarta
        // International Airport` beyond the region `Yogyakarta`).
        match entity {
            Some(entity_end) if entity_end >= end => Some((first, entity_end)),
            _ => ((first..end).filter(|&k| self.capital(k)).count() >= 2).then_some((first, end)),
        }
    }

    /// The mentions of `short` forms outside other entities, with the entity they name; an
    /// acronym followed by its region takes the region in (`DPP Kulon Progo`).
    fn mentions(
        &self,
        short: &FxHashMap<String, Option<usize>>,
        firsts: &WordSet<&str>,
        longest: usize,
        entities: &Searched,
        key: &mut String,
        again: &mut Vec<Entity>,
    ) {
        let mut at = 0;
        while at < self.tokens.len() {
            // A mention is capitalised: most tokens are passed without a lookup.
            let capitalised_word = self.tokens[at].kind == Kind::Word && self.capital(at);
            if !capitalised_word || !firsts.contains(self.tokens[at].text) {
                at += 1;
                continue;
            }
            let hit = (1..=longest.min(self.tokens.len() - at)).rev().find_map(|len| {
                let words = &self.tokens[at..at + len];
                if !words.iter().all(|t| t.kind == Kind::Word) {
                    return None;
                }
                key.clear();
                for (i, word) in words.iter().enumerate() {
                    if i > 0 {
                        key.push(' ');
                    }
                    key.push_str(word.text);
                }
                Some((len, (*short.get(key.as_str())?)?))
            });
            let Some((len, index)) = hit else {
                at += 1;
                continue;
            };
            let mut end = at + len;
            let named = &entities[index];
            if named.kind == EntityKind::Institution
                && let Some(region) = self.entity_at(end, entities).filter(|e| e.kind == EntityKind::Region)
                && let Some(next) = self.token_ending(end, region.span.end)
            {
                end = next;
            }
            let span = Span::new(self.original(at).start, self.original(end - 1).end);
            let covered =
                entities.ending_after(span.start).is_some_and(|e| e.span.overlaps(span) && !span.contains(e.span));
            let own = entities.starting_at(span.start).any(|e| e.span == span);
            if !covered && !own {
                again.push(Entity { span, text: self.text[span.range()].into(), ..named.clone() });
            }
            at = end;
        }
    }
}
