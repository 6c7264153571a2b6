//! Finding people in the analysed paragraphs: runs of capitalised words scored with the
//! name lexicon and the cues around them (titles, speech verbs, roles), then short
//! mentions tied to the one full name they can mean.

use compact_str::CompactString;
use rustc_hash::FxHashMap;

use super::lexicon::{Lexicon, Position, WordClass};
use crate::Span;
use crate::entity::{Entity, EntityKind};
use crate::quote;
use crate::text::{Casing, Kind, Token, Tokens, one_char};

/// A person mention found in the text, before people are merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The name without titles or degrees.
    pub span: Span,
    /// The titles, ranks and degrees written around it, as written.
    pub titles: Vec<Span>,
    /// The role written before the name or in apposition after it.
    pub role: Option<Span>,
    /// The full name this mention refers to (itself for a full mention).
    pub full: Span,
}

/// Words before a name that say a person is named next, besides the speech cues the quote
/// recogniser knows (`kata`, `ujar`, `menurut`).
const CUES_BEFORE: &[&str] =
    &["oleh", "bersama", "kepada", "didampingi", "bernama", "dikatakan", "disampaikan", "dijelaskan"];

/// Verbs after a name that make it the subject of an action, besides the speech verbs the
/// quote recogniser knows (`mengatakan`, `berharap`).
const CUES_AFTER: &[&str] =
    &["bilang", "menganggap", "mengapresiasi", "menyambut", "mengharapkan", "menepis", "menyoroti", "mengatakannya"];

/// Whether `word` says a person is named next.
fn cue_before(word: &str) -> bool {
    CUES_BEFORE.contains(&word) || quote::cues_a_speaker(word)
}

/// Whether `word` makes the name before it the subject of speech or action.
fn cue_after(word: &str) -> bool {
    CUES_AFTER.contains(&word) || quote::is_quoting_verb(word)
}

/// The most words a person's name has (`I Gusti Ngurah Made Agung Wirasena Putra`).
const LONGEST_NAME: usize = 8;

/// Lower-case words that stand inside names.
const PARTICLES: &[&str] = &["bin", "binti", "van", "der", "den", "de", "da", "al", "el", "la", "le", "von"];

pub(crate) struct Recognizer<'a> {
    pub lexicon: &'a Lexicon,
}

impl Recognizer<'_> {
    /// The people of every mixed-case paragraph, full mentions first, then the short ones
    /// tied to them, then the names found again in all-capitals lines (headlines), in
    /// text order.
    pub fn find(&self, text: &str, tokens: &Tokens, entities: &[Entity]) -> Vec<Found> {
        let mut found = Vec::new();
        // Reserved for every paragraph, once, instead of regrown.
        let mut mixed: Vec<&[Token]> = Vec::with_capacity(tokens.paragraphs().len());
        mixed.extend(tokens.paragraphs().filter(|(casing, _)| *casing == Casing::Mixed).map(|(_, tokens)| tokens));
        // The words of every paragraph in one vector, each paragraph reading its slice.
        // Tokens and entities both ascend: the entity at or after each token is found by
        // moving one cursor through the document, not by a search per token (nor a walk
        // from the first entity per paragraph, which made long documents quadratic).
        // A paragraph's full names are read as soon as its words are, while its tokens
        // are in cache: a long document's tokens are not all read twice from memory.
        let mut entity_at = 0;
        let mut all_words = Vec::with_capacity(mixed.iter().map(|tokens| tokens.len()).sum());
        for tokens in &mixed {
            let start = all_words.len();
            for token in tokens.iter() {
                while entities.get(entity_at).is_some_and(|e| e.span.end <= token.original.start) {
                    entity_at += 1;
                }
                all_words.push(Word::of(token, entities.get(entity_at), self.lexicon));
            }
            let paragraph = Paragraph { tokens, words: &all_words[start..], lexicon: self.lexicon };
            paragraph.full_names(&mut found);
        }
        let mut words = all_words.as_slice();
        let paragraphs: Vec<Paragraph> = mixed
            .iter()
            .map(|tokens| {
                let (own, rest) = words.split_at(tokens.len());
                words = rest;
                Paragraph { tokens, words: own, lexicon: self.lexicon }
            })
            .collect();
        let names = NameIndex::new(found.iter().map(|f| (f.span, &text[f.span.range()])));
        // One buffer for the keys of every mention looked up.
        let mut key = String::new();
        // A mention that is part of one full name refers to it (`kata Rafael`); part of two
        // different names (`Menurut Budi` beside Budi Santoso and Budi Hartono), it is left
        // out rather than guessed.
        let mut kept = Vec::with_capacity(found.len());
        for mut mention in found {
            name_key(&text[mention.span.range()], &mut key);
            match names.owner(&key) {
                Some(Owner::One(full)) => mention.full = full,
                Some(Owner::Many) => continue,
                None => {}
            }
            kept.push(mention);
        }
        let mut found = kept;
        found.sort_by_key(|f| f.span);
        let mut short = Vec::new();
        for paragraph in &paragraphs {
            paragraph.short_mentions(text, &names, &found, &mut key, &mut short);
        }
        for (_, tokens) in tokens.paragraphs().filter(|(casing, _)| *casing == Casing::Upper) {
            self.capitalised_mentions(tokens, entities, &names, &mut key, &mut short);
        }
        found.extend(short);
        found.sort_by_key(|f| f.span);
        found
    }
}

impl Recognizer<'_> {
    /// Mentions, in a line written all in capitals (`KEPALA BPS RATNA DEWI: INFLASI
    /// TURUN`), of the names found in the mixed-case text: case says nothing there, so
    /// only the words of a known name count, the longest run first. One word alone counts
    /// only when it is not an ordinary word too (`PUTRA`, `INDAH`).
    fn capitalised_mentions(
        &self,
        tokens: &[Token],
        entities: &[Entity],
        names: &NameIndex,
        key: &mut String,
        short: &mut Vec<Found>,
    ) {
        const LONGEST: usize = 5;
        let free = |at: usize| {
            let span = tokens[at].original;
            let entity = entities.partition_point(|e| e.span.end <= span.start);
            tokens[at].kind == Kind::Word
                && !entities.get(entity).is_some_and(|e| e.kind != EntityKind::Person && e.span.overlaps(span))
        };
        let mut at = 0;
        while at < tokens.len() {
            let run = (at..tokens.len().min(at + LONGEST)).take_while(|&k| free(k)).count();
            let found = (1..=run).rev().find_map(|len| {
                // Token texts are normalised, so already the lower-cased words of a key.
                key.clear();
                for (i, token) in tokens[at..at + len].iter().enumerate() {
                    if i > 0 {
                        key.push(' ');
                    }
                    key.push_str(token.text);
                }
                let first = tokens[at].text;
                let ordinary = len == 1
                    && (self.lexicon.not_name(first).is_some()
                        || self.lexicon.name(first).is_none_or(|name| name.also_word));
                match names.owner(key) {
                    Some(Owner::One(full)) if !ordinary => Some((len, full)),
                    _ => None,
                }
            });
            match found {
                Some((len, full)) => {
                    let span = Span::new(tokens[at].original.start, tokens[at + len - 1].original.end);
                    short.push(Found { span, titles: Vec::new(), role: None, full });
                    at += len;
                }
                None => at += 1,
            }
        }
    }
}

/// Writes into `key` the words of a name, lower-cased and joined by single spaces: the
/// form in which mentions are compared (`Budi Santoso` and `BUDI  SANTOSO` are one key).
fn name_key(name: &str, key: &mut String) {
    // ASCII names, most of them, are read by their bytes: letters and apostrophes make
    // words, anything else separates them.
    if name.is_ascii() {
        key.clear();
        // Grown once to the longest key it holds, not a character at a time.
        key.reserve(name.len());
        let mut between_words = false;
        for byte in name.bytes() {
            if byte.is_ascii_alphabetic() || byte == b'\'' {
                if between_words && !key.is_empty() {
                    key.push(' ');
                }
                between_words = false;
                key.push(char::from(byte.to_ascii_lowercase()));
            } else {
                between_words = true;
            }
        }
        return;
    }
    name_key_of_any_text(name, key);
}

/// [`name_key`] by characters, for names with letters beyond ASCII.
fn name_key_of_any_text(name: &str, key: &mut String) {
    key.clear();
    for word in name.split(|c: char| !c.is_alphabetic() && c != '\'').filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            key.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
}

/// The full names of a document, those not part of a longer name found elsewhere (`kata
/// Rafael` beside `Rafael Tanoto`, `Ni Luh` beside `Ni Luh Putu Ardani`), indexed by every
/// contiguous run of their words: a mention finds the name it is part of in constant time,
/// so a long document with many names costs no more per name than a short one.
struct NameIndex {
    /// Keyed by compact strings: most runs of name words fit in one inline, unallocated.
    owners: FxHashMap<CompactString, Owner>,
}

/// The full names a run of name words is part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    /// One name, at its first mention.
    One(Span),
    /// Two or more different names.
    Many,
}

impl NameIndex {
    /// Indexes the names of `mentions` (their spans and texts).
    fn new<'n>(mentions: impl Iterator<Item = (Span, &'n str)>) -> NameIndex {
        let mut first: FxHashMap<CompactString, Span> = FxHashMap::default();
        let mut key = String::new();
        for (span, name) in mentions {
            name_key(name, &mut key);
            if !key.is_empty() && !first.contains_key(key.as_str()) {
                first.insert(key.as_str().into(), span);
            }
        }
        // Every run of every name, read once: (the name, its word count, the run).
        let mut all_runs = Vec::new();
        for (name, &span) in &first {
            let words = name.split(' ').count();
            all_runs.extend(runs(name).map(|run| (name.as_str(), span, words, run)));
        }
        // The most words of any name each run is part of: a name is full when that is its own.
        let mut longest: FxHashMap<&str, usize> = FxHashMap::default();
        longest.reserve(all_runs.len());
        for &(_, _, words, run) in &all_runs {
            let most = longest.entry(run).or_default();
            *most = (*most).max(words);
        }
        let mut owners: FxHashMap<CompactString, Owner> = FxHashMap::default();
        owners.reserve(all_runs.len());
        for &(_, span, _, run) in all_runs.iter().filter(|&&(name, _, words, _)| longest[name] == words) {
            owners.entry(run.into()).and_modify(|owner| *owner = Owner::Many).or_insert(Owner::One(span));
        }
        NameIndex { owners }
    }

    /// The full names the words of `key` (see [`name_key`]) are part of; `None` when it is
    /// part of none.
    fn owner(&self, key: &str) -> Option<Owner> {
        self.owners.get(key).copied()
    }
}

/// Every contiguous run of the words of `key`, as slices of it.
fn runs(key: &str) -> impl Iterator<Item = &str> {
    let starts = std::iter::once(0).chain(key.match_indices(' ').map(|(i, _)| i + 1));
    starts.flat_map(move |start| {
        let rest = &key[start..];
        rest.match_indices(' ').map(|(end, _)| end).chain(std::iter::once(rest.len())).map(move |end| &rest[..end])
    })
}

/// What the recogniser needs to know of one token.
#[derive(Clone, Copy, Debug)]
struct Word {
    /// Capital and then lower case (`Nani`), or one capital letter (`R`, `M.`).
    name_like: bool,
    /// Starts with a capital (acronyms too).
    capital: bool,
    /// Inside a gazetteer entity.
    in_entity: bool,
    /// The gazetteer entity is this one word (`Sony`), which a name around it may claim.
    whole_entity: bool,
    /// What the word is when it is never a name (looked up once, for capitalised words).
    not_name: Option<WordClass>,
    /// Some title starts with this word.
    titled: bool,
}

impl Word {
    /// The word of `token`, given the first entity that does not end before it.
    fn of(token: &Token, entity: Option<&Entity>, lexicon: &Lexicon) -> Word {
        let original = token.original;
        let written = token.written;
        let first_upper = written.capital;
        let name_like = token.kind == Kind::Word && first_upper && (written.single || written.lower_after);
        // A public figure's name from the gazetteer is read as a name like any other.
        let entity = entity.filter(|e| e.kind != EntityKind::Person);
        let in_entity = entity.is_some_and(|e| e.span.overlaps(original));
        let whole_entity = entity.is_some_and(|e| e.span == original);
        // Most words are lower case and neither titles nor names: no lookups for them.
        let looked_up = token.kind == Kind::Word && (first_upper || token.text.len() <= 3);
        let entry = if looked_up { lexicon.entry(token.text) } else { None };
        let not_name = entry.and_then(|entry| entry.not_name);
        let titled = entry.is_some_and(|entry| !entry.titles.is_empty());
        Word { name_like, capital: first_upper, in_entity, whole_entity, not_name, titled }
    }
}

struct Paragraph<'a, 't> {
    tokens: &'a [Token<'t>],
    words: &'a [Word],
    lexicon: &'a Lexicon,
}

impl Paragraph<'_, '_> {
    fn word(&self, at: usize) -> Option<&str> {
        self.tokens.get(at).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    fn is_mark(&self, at: usize, mark: &str) -> bool {
        self.tokens.get(at).is_some_and(|t| t.kind == Kind::Mark && t.text == mark)
    }

    /// A title of `position` starting at `at`: where it ends (after its dots). Asked at
    /// nearly every token, and answered from the token's word for nearly all: the test is
    /// always inlined, the reading of a title's words is not.
    #[inline(always)]
    fn title(&self, at: usize, position: Position) -> Option<usize> {
        if !self.words.get(at)?.titled {
            return None;
        }
        self.title_words(at, position)
    }

    /// [`Paragraph::title`] for a word that starts some title.
    fn title_words(&self, at: usize, position: Position) -> Option<usize> {
        let first = self.word(at)?;
        'titles: for title in self.lexicon.titles_starting(first).iter().filter(|t| t.position == position) {
            let mut next = at;
            for (i, word) in title.words.iter().enumerate() {
                if i > 0 && self.is_mark(next, ".") {
                    next += 1;
                }
                if self.word(next) != Some(word) {
                    continue 'titles;
                }
                next += 1;
            }
            if self.is_mark(next, ".") && self.tokens[next].glued {
                next += 1;
            }
            return Some(next);
        }
        None
    }

    /// Whether the token at `at` can be part of a name.
    fn name_token(&self, at: usize) -> bool {
        let (Some(word), Some(info)) = (self.word(at), self.words.get(at)) else { return false };
        let plain = |at: usize| self.words.get(at).is_some_and(|w| w.name_like && !w.in_entity);
        // A one-word entity that is also a name, between name words: `R Sony Sulaksono`.
        let claimed =
            info.whole_entity && self.lexicon.name(word).is_some() && at > 0 && plain(at - 1) && plain(at + 1);
        info.name_like && (!info.in_entity || claimed) && info.not_name.is_none()
    }

    /// Whether the token at `at` starts a sentence (nothing or a sentence mark before it).
    fn sentence_start(&self, at: usize) -> bool {
        match at.checked_sub(1).map(|b| self.tokens[b]) {
            None => true,
            Some(before) => before.kind == Kind::Mark && matches!(before.text, "." | "!" | "?" | "\"" | ":"),
        }
    }

    fn full_names(&self, found: &mut Vec<Found>) {
        let mut at = 0;
        while at < self.tokens.len() {
            // Titles before the name, several in a row (`Prof. Dr. Ir.`).
            let mut titles = Vec::new();
            let mut start = at;
            while let Some(end) = self.title(start, Position::Before) {
                titles.push(self.span(start, end));
                start = end;
            }
            let end = if self.could_start_name(start) { self.name_run(start) } else { start };
            if end == start {
                at = if titles.is_empty() { at + 1 } else { start };
                continue;
            }
            match self.judge(at, start, end, titles) {
                Some((person, resume)) => {
                    at = resume;
                    found.push(person);
                }
                // The whole run is passed: a part of a rejected run is no better a name.
                None => at = end,
            }
        }
    }

    /// Whether a name can start at token `at`: the cheap test, on most tokens, that
    /// [`Paragraph::name_run`] makes first.
    fn could_start_name(&self, at: usize) -> bool {
        self.words.get(at).is_some_and(|word| word.name_like)
    }

    /// Where the run of name tokens starting at `at` ends: capitalised words, initials
    /// with their dot, and particles between them.
    fn name_run(&self, at: usize) -> usize {
        let mut end = at;
        let mut next = at;
        loop {
            if next > at && self.title(next, Position::Before).is_some() {
                return end;
            }
            if self.name_token(next) {
                next += 1;
                // An initial's dot: `M. Hatta`, `R. Sony`.
                if self.word(next - 1).is_some_and(one_char) && self.is_mark(next, ".") && self.tokens[next].glued {
                    next += 1;
                }
                end = next;
            } else if end > at && self.word(next).is_some_and(|w| PARTICLES.contains(&w)) && self.name_token(next + 1) {
                next += 1;
            } else {
                return end;
            }
        }
    }

    /// Decides whether the run `start..end` is a person, from its words and its cues; the
    /// person and where the scan resumes (after any degrees).
    fn judge(&self, title_start: usize, start: usize, end: usize, titles: Vec<Span>) -> Option<(Found, usize)> {
        let mut start = start;
        let (mut known, mut weak, mut names) = (0, 0, 0);
        let mut counts = |at: usize| match self.word(at).and_then(|w| self.lexicon.name(w)) {
            Some(name) if name.also_word => weak += 1,
            Some(_) => known += 1,
            None => {}
        };
        // A longer run of capitalised words is the name of something else (a title, a
        // headline in title case), and no name is that long.
        let words = (start..end).filter(|&at| self.tokens[at].kind == Kind::Word).count();
        if self.initials_only(start, end) || words > LONGEST_NAME {
            return None;
        }
        for at in start..end {
            if self.tokens[at].kind == Kind::Word && self.words[at].name_like {
                counts(at);
                names += 1;
            }
        }
        let before = start.checked_sub(1).and_then(|b| self.word(b));
        // `Bandara I Gusti Ngurah Rai`, `Jalan Sudirman`: a name inside a place or
        // institution name, after the head word (looking past titles and initials).
        let mut head_at = title_start;
        while head_at > 0 && self.word(head_at - 1).is_some_and(one_char) {
            head_at -= 1;
        }
        let head = head_at.checked_sub(1).and_then(|b| self.word(b)).and_then(|w| self.lexicon.not_name(w));
        let head_word = head_at > 0 && self.words[head_at - 1].capital && !self.words[head_at - 1].in_entity;
        let role = self.role_before(title_start);
        if matches!(head, Some(WordClass::Place | WordClass::Institution)) && head_word && role.is_none() {
            return None;
        }
        let spoken = before.is_some_and(cue_before);
        let apposition = self.is_mark(end, ",")
            && self.word(end + 1).is_some_and(|w| self.lexicon.not_name(w) == Some(WordClass::Role));
        let age = self.is_mark(end, "(") && self.tokens.get(end + 1).is_some_and(|t| t.kind == Kind::Number);
        let verb = self.word(end).is_some_and(cue_after);
        // `tunggal putra Jepang, Haruto Kameyama,`: a name set off after an entity.
        let set_off = start >= 2
            && self.is_mark(start - 1, ",")
            && self.words[start - 2].in_entity
            && (self.is_mark(end, ",") || self.is_mark(end, "/"))
            && names >= 2;
        // Strong cues name a person whatever the words; a role before the name only
        // supports words the lexicon knows (`Kepala Bidang Mitigasi Gempa Bumi` is no one).
        let strong = !titles.is_empty() || spoken || apposition || age || verb || set_off;
        // A capitalised sentence opener outside the lexicon is not the first name.
        let opener = self.sentence_start(start) && self.word(start).is_some_and(|w| self.lexicon.name(w).is_none());
        if titles.is_empty() && !spoken && opener && names > 1 {
            start += 1;
            names -= 1;
        }
        let accepted = if strong {
            known + weak >= 1 || names >= 2 || spoken || age || !titles.is_empty()
        } else if role.is_some() {
            // `… Perpusnas Rahmat Hidayatullah`: an entity or acronym closes the role.
            let closed = start > 0 && (self.words[start - 1].in_entity || !self.words[start - 1].name_like);
            // `Direktur Lalu Lintas dan Angkutan Kereta Api Kemenhub …`: the role goes on.
            let continues = self.words.get(end).is_some_and(|w| w.in_entity || w.capital && !w.name_like);
            !continues && (known >= 1 || closed && (weak >= 1 || names >= 2))
        } else {
            names >= 2 && known >= 1 && (known + weak) * 2 >= names
        };
        if !accepted || names == 0 {
            return None;
        }
        let span = self.span(start, end);
        let mut titles = titles;
        let mut next = end;
        // Degrees after a comma: `Asep Saepudin, S.IP.,` `Dr. Yosafat Sitorus, M.Or.`
        while self.is_mark(next, ",") {
            match self.title(next + 1, Position::After) {
                Some(degree_end) => {
                    titles.push(self.span(next + 1, degree_end));
                    next = degree_end;
                }
                None => break,
            }
        }
        let role = role.or_else(|| apposition.then(|| self.apposition(end + 1)).flatten());
        Some((Found { span, titles, role, full: span }, next))
    }

    /// The role written just before a name: from a role word (`Kepala`, `Bupati`) through
    /// capitalised words, entities and `dan` up to the name.
    fn role_before(&self, name_start: usize) -> Option<Span> {
        let mut at = name_start;
        let mut role_start = None;
        let mut steps = 0;
        while let Some(before) = at.checked_sub(1) {
            steps += 1;
            if steps > 16 {
                break;
            }
            let token = self.tokens[before];
            let word = self.words[before];
            let connector = matches!(token.text, "dan" | "serta" | "," | "/" | "-" | "&" | "(" | ")");
            // Lower case only in the few words after a role word: `Juru bicara`,
            // `Pelatih ganda putra pelatnas`.
            let is_role = |at: usize| self.word(at).is_some_and(|w| self.lexicon.not_name(w) == Some(WordClass::Role));
            let after_role = token.kind == Kind::Word
                && (before.saturating_sub(4)..before)
                    .rev()
                    .take_while(|&at| self.tokens[at].kind == Kind::Word)
                    .any(|at| self.words[at].capital && is_role(at));
            if !(word.capital || word.in_entity || connector || after_role) {
                break;
            }
            if token.kind == Kind::Word && self.lexicon.not_name(token.text) == Some(WordClass::Role) {
                role_start = Some(before);
            }
            at = before;
        }
        let start = role_start?;
        // Titles between the role and the name are not part of the role.
        let mut end = name_start;
        while end > start && self.title_ending_at(end).is_some() {
            end = self.title_ending_at(end)?;
        }
        while end > start && matches!(self.tokens[end - 1].text, "," | "(" | "-") {
            end -= 1;
        }
        // `Presiden SBY dan Gus Dur`: the role belongs to the first of the two.
        if end > start && matches!(self.tokens[end - 1].text, "dan" | "serta" | "&" | "/") {
            return None;
        }
        // `Juru Bicara Kementerian Luar Negeri (Kemenlu)`: the acronym repeats the name.
        if end >= start + 3 && self.is_mark(end - 1, ")") && self.is_mark(end - 3, "(") {
            end -= 3;
        }
        (end > start).then(|| self.span(start, end))
    }

    /// Where a before-name title that ends at `end` starts.
    fn title_ending_at(&self, end: usize) -> Option<usize> {
        (end.saturating_sub(6)..end).find(|&start| self.title(start, Position::Before) == Some(end))
    }

    /// The role in apposition after a name: `, Kepala Dinas Pertanian Bantul,`.
    fn apposition(&self, start: usize) -> Option<Span> {
        let mut end = start;
        while let Some(token) = self.tokens.get(end) {
            if token.kind == Kind::Mark && matches!(token.text, "," | "." | "\"" | ";" | ":")
                || token.kind == Kind::Word && cue_after(token.text)
            {
                break;
            }
            end += 1;
        }
        (end > start).then(|| self.span(start, end))
    }

    /// Short mentions of the full names (`Nani`, `Theresia`), wherever they stand outside
    /// the mentions already `found` (sorted by span).
    fn short_mentions(&self, text: &str, names: &NameIndex, found: &[Found], key: &mut String, short: &mut Vec<Found>) {
        let taken = |span: Span| {
            let at = found.partition_point(|f| f.span.end <= span.start);
            found.get(at).is_some_and(|f| f.span.overlaps(span))
        };
        let mut at = 0;
        while at < self.tokens.len() {
            let end = if self.could_start_name(at) { self.name_run(at) } else { at };
            if end == at {
                at += 1;
                continue;
            }
            let span = self.span(at, end);
            if !taken(span) && !self.initials_only(at, end) {
                name_key(&text[span.range()], key);
                if let Some(Owner::One(full)) = names.owner(key) {
                    short.push(Found { span, titles: Vec::new(), role: None, full });
                }
            }
            at = end;
        }
    }

    /// Whether the name words of `start..end` are all single letters (`M. A.`, the `I` of
    /// `I Gusti`): initials alone name no one.
    fn initials_only(&self, start: usize, end: usize) -> bool {
        (start..end)
            .filter(|&at| self.tokens[at].kind == Kind::Word && self.words[at].name_like)
            .all(|at| one_char(self.tokens[at].text))
    }

    /// The original span from token `start` to the end of token `end - 1`.
    fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.tokens[start].original.start, self.tokens[end - 1].original.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runs_of_a_name_are_its_contiguous_words() {
        let all: Vec<&str> = runs("ni luh putu").collect();
        assert_eq!(all, ["ni", "ni luh", "ni luh putu", "luh", "luh putu", "putu"]);
        assert_eq!(runs("budi").collect::<Vec<_>>(), ["budi"]);
    }

    #[test]
    fn name_keys_of_ascii_names_are_those_of_the_character_path() {
        let (mut fast, mut general) = (String::new(), String::new());
        for name in
            ["Budi Santoso", "BUDI  SANTOSO", "Ma'ruf Amin", "R. Sony", " M.  Hatta, S.H. ", "Putu-Ardani", "", "."]
        {
            name_key(name, &mut fast);
            name_key_of_any_text(name, &mut general);
            assert_eq!(fast, general, "{name:?}");
        }
        name_key("BUDI  SANTOSO", &mut fast);
        assert_eq!(fast, "budi santoso");
        name_key("Nyoman Sukarjà", &mut fast);
        assert_eq!(fast, "nyoman sukarjà");
    }
}
