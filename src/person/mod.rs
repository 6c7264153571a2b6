//! People: the `people` list of an extraction, each person once with every mention.

mod lexicon;
mod recognize;

pub(crate) use lexicon::{Lexicon, WordClass};
pub(crate) use recognize::Recognizer;

use compact_str::{CompactString, format_compact};
use rustc_hash::{FxHashMap, FxHashSet};

use serde::{Deserialize, Serialize};

use crate::Span;
use crate::article::Credit;
use crate::entity::{Entity, EntityKind};
use recognize::Found;

/// A person named in the document, with all the places they are mentioned.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The same id as the person's entities: a gazetteer id, or a document-local
    /// `local/person/…` id derived from the name.
    pub id: CompactString,
    /// The full name, without titles, ranks or degrees.
    pub name: CompactString,
    /// The roles as written (`Pewarta`, `Kepala Pusat Data dan Informasi BNPB`).
    pub roles: Vec<CompactString>,
    /// Titles, ranks, honorifics and degrees written with the name (`Dr.`, `AKBP`, `S.H.`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<CompactString>,
    /// The institutions, regions and countries the roles name, linked to their entities:
    /// `Kepala Pusat … Perpusnas` → `institution/perpusnas`, `Gubernur Jawa Tengah` →
    /// `region/33`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<Affiliation>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// An entity a person's role belongs to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Affiliation {
    /// The role as written, which names the entity.
    pub role: CompactString,
    /// The entity's id (`institution/perpusnas`, `region/33`).
    pub id: CompactString,
    /// Its canonical name.
    pub canonical: CompactString,
    /// Institution, region or country.
    pub kind: EntityKind,
}

/// Collects people and their mentions, one entry per person.
#[derive(Debug, Default)]
pub(crate) struct People {
    people: Vec<Person>,
    /// Each person's name lower-cased, the key mentions are matched by, to its index.
    /// (Compact: most keys are short enough to be kept without an allocation of their own.)
    keys: FxHashMap<CompactString, usize>,
    /// The hashes of the ids given so far ([`id_hash`]): an id is given only when its hash
    /// is not here, so no two people share one, without a copy of each id to compare.
    ids: FxHashSet<u64>,
    /// The buffer a mention's key is written into to be looked up.
    key: String,
}

impl People {
    /// Records a mention of the person called `name` (matched without regard to case),
    /// with a role when the mention gives one.
    pub fn mention(&mut self, name: &str, span: Span, role: Option<&str>) -> &mut Person {
        lower_case_into(name, &mut self.key);
        let index = match self.keys.get(self.key.as_str()) {
            Some(&index) => index,
            None => {
                let id = self.unused_id(name);
                self.add(self.key.as_str().into(), id, name)
            }
        };
        let person = &mut self.people[index];
        if let Some(role) = role.filter(|role| !person.roles.iter().any(|r| r == role)) {
            person.roles.push(role.into());
        }
        let at = person.mentions.partition_point(|m| *m < span);
        if person.mentions.get(at) != Some(&span) {
            person.mentions.insert(at, span);
        }
        person
    }

    /// Records the public figures the gazetteer found (its person entities), before the
    /// names the recogniser `found` (sorted by span) are added: a found name that is one
    /// of their forms becomes their mention, with their id and canonical name.
    ///
    /// A figure's form inside a longer name (`Megawati` in `Ani Megawati`) or in the name
    /// of a place or institution (`Jalan Gus Dur`, `Bandara Soekarno-Hatta`) is no mention.
    pub fn add_known(&mut self, text: &str, found: &[Found], lexicon: &Lexicon, entities: &mut Vec<Entity>) {
        // In place: a copy of a long document's entities would be its largest allocation.
        entities.retain_mut(|entity| {
            if entity.kind != EntityKind::Person {
                return true;
            }
            let at = found.partition_point(|m| m.span.end <= entity.span.start);
            let overlapping = || found[at..].iter().take_while(|m| m.span.start < entity.span.end);
            // A name the recogniser did not read as a person's is checked for a place.
            let not_a_person = overlapping().next().is_none() && names_a_place(text, entity.span, lexicon);
            if not_a_person || overlapping().any(|m| !entity.span.contains(m.span)) {
                return false;
            }
            let index = self.known(&entity.canonical, &entity.id);
            self.keys.entry(entity.text.to_lowercase()).or_insert(index);
            if overlapping().next().is_none() {
                let person = self.mention(&entity.canonical, entity.span, None);
                *entity = person_entity(text, entity.span, person);
                return true;
            }
            // The recogniser's mentions stand for this one; `add_found` records them.
            for mention in overlapping() {
                self.keys.entry(CompactString::from_str_to_lowercase(&text[mention.full.range()])).or_insert(index);
            }
            false
        });
    }

    /// The index of the gazetteer person `canonical` with the gazetteer `id`, added if new.
    fn known(&mut self, canonical: &str, id: &str) -> usize {
        lower_case_into(canonical, &mut self.key);
        if let Some(&index) = self.keys.get(self.key.as_str()) {
            return index;
        }
        self.add(self.key.as_str().into(), id.into(), canonical)
    }

    /// Adds a person without mentions under `key`; their index.
    fn add(&mut self, key: CompactString, id: CompactString, name: &str) -> usize {
        self.ids.insert(id_hash(&id));
        let person = Person {
            id,
            name: name.into(),
            roles: Vec::new(),
            titles: Vec::new(),
            affiliations: Vec::new(),
            mentions: Vec::new(),
        };
        self.people.push(person);
        self.keys.insert(key, self.people.len() - 1);
        self.people.len() - 1
    }

    /// Records the people found in the text (sorted by span), with their person entities
    /// and the entities their roles name (`entities` holds the gazetteer's, sorted).
    pub fn add_found(&mut self, text: &str, found: &[Found], entities: &mut Vec<Entity>) {
        // A name claims a one-word entity inside it (`Sony` in `R Sony Sulaksono`).
        entities.retain(|e| {
            let at = found.partition_point(|m| m.span.end <= e.span.start);
            e.kind == EntityKind::Person || !found.get(at).is_some_and(|m| m.span.overlaps(e.span))
        });
        let named = entities.len();
        for mention in found {
            let name = &text[mention.full.range()];
            let role = mention.role.map(|role| &text[role.range()]);
            let affiliations =
                mention.role.map(|role| affiliations(text, role, &entities[..named])).unwrap_or_default();
            let person = self.mention(name, mention.span, role);
            for affiliation in affiliations {
                if !person.affiliations.contains(&affiliation) {
                    person.affiliations.push(affiliation);
                }
            }
            for title in mention.titles.iter().map(|title| &text[title.range()]) {
                if !person.titles.iter().any(|t| t == title) {
                    person.titles.push(title.into());
                }
            }
            entities.push(person_entity(text, mention.span, person));
        }
    }

    /// Records the people named in credit lines; codes such as `(nal/ant)` are not names.
    pub fn add_credits(&mut self, text: &str, credits: &[Credit], entities: &mut Vec<Entity>) {
        for credit in credits.iter().filter(|c| c.role != "initials") {
            let person = self.mention(&credit.name, credit.span, Some(&credit.role));
            entities.push(person_entity(text, credit.span, person));
        }
    }

    pub fn into_vec(self) -> Vec<Person> {
        self.people
    }

    fn unused_id(&self, name: &str) -> CompactString {
        let base = local_id("person", name);
        let taken = |id: &str| self.ids.contains(&id_hash(id));
        if !taken(&base) {
            return base;
        }
        (2..).map(|n| format_compact!("{base}-{n}")).find(|id| !taken(id)).expect("some suffix is free")
    }
}

/// The hash of a person's id for [`People::ids`]. A different id of the same hash (of 2^64)
/// only makes [`People::unused_id`] pass on to the next suffix.
fn id_hash(id: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(id)
}

/// The institutions, regions and countries named inside the role at `role`.
fn affiliations(text: &str, role: Span, entities: &[Entity]) -> Vec<Affiliation> {
    let at = entities.partition_point(|e| e.span.start < role.start);
    let inside = entities[at..].iter().take_while(|e| e.span.start < role.end).filter(|e| role.contains(e.span));
    inside
        .filter(|e| matches!(e.kind, EntityKind::Institution | EntityKind::Region | EntityKind::Country))
        .map(|e| Affiliation {
            role: text[role.range()].into(),
            id: e.id.clone(),
            canonical: e.canonical.clone(),
            kind: e.kind,
        })
        .collect()
}

/// Whether the words at `span` are part of a place or institution name: after a head
/// word such as `Jalan`, `Bandara` or `Universitas` (up to two capitalised words before
/// it: `Stadion Gelora B.J. Habibie`), or joined by a hyphen to the next capitalised word
/// (`Soekarno-Hatta`).
fn names_a_place(text: &str, span: Span, lexicon: &Lexicon) -> bool {
    let before = &text[..span.start];
    let words = before.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let capitalised = words.take_while(|w| w.starts_with(char::is_uppercase)).take(4);
    let head = capitalised
        .filter(|w| w.chars().count() > 1)
        .take(3)
        .any(|w| matches!(lexicon.not_name(&w.to_lowercase()), Some(WordClass::Place | WordClass::Institution)));
    let after = &text[span.end..];
    head || after.strip_prefix('-').is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// Writes `text` lower-cased (as `str::to_lowercase` does) into `buffer`.
fn lower_case_into(text: &str, buffer: &mut String) {
    buffer.clear();
    if text.is_ascii() {
        buffer.push_str(text);
        buffer.make_ascii_lowercase();
    } else {
        // Not char by char: `to_lowercase` knows a word-final sigma.
        buffer.push_str(&text.to_lowercase());
    }
}

/// The person entity of one mention of `person`.
fn person_entity(text: &str, span: Span, person: &Person) -> Entity {
    Entity {
        span,
        text: text[span.range()].into(),
        kind: EntityKind::Person,
        id: person.id.clone(),
        canonical: person.name.clone(),
        class: None,
        alternatives: Vec::new(),
        region: None,
    }
}

/// The document-local id of a `kind` of thing named `name`: `local/`, the kind, and a
/// lower-case ASCII key of the name, accents dropped and other characters turned into
/// single hyphens (`local/person/ni-made-sri-ayu`). Written into a `String` rather than
/// with `format!` (some 1,000 instructions an id) or onto a `CompactString` (some 60 a
/// character); the `CompactString` takes over the buffer of an id over 24 bytes, most
/// of them, and copies a shorter one inline.
pub(crate) fn local_id(kind: &str, name: &str) -> CompactString {
    use unicode_normalization::UnicodeNormalization;
    let mut id = String::with_capacity("local/".len() + kind.len() + 1 + name.len());
    id.push_str("local/");
    id.push_str(kind);
    id.push('/');
    let key_start = id.len();
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if id.len() > key_start
            && !id.ends_with('-')
            && (c.is_ascii() || !unicode_normalization::char::is_combining_mark(c))
        {
            id.push('-');
        }
    };
    // Decomposing is slow and changes nothing in ASCII, which most names are.
    if name.is_ascii() {
        name.chars().for_each(&mut push);
    } else {
        name.nfd().for_each(&mut push);
    }
    while id.len() > key_start && id.ends_with('-') {
        id.pop();
    }
    if id.len() == key_start {
        id.push('x');
    }
    CompactString::from(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_ids_end_in_ascii_keys() {
        assert_eq!(local_id("person", "Ni Made Sri Ayu"), "local/person/ni-made-sri-ayu");
        assert_eq!(local_id("place", "  Désirée  O'Neil "), "local/place/desiree-o-neil");
        assert_eq!(local_id("person", "王"), "local/person/x");
        assert_eq!(local_id("institution", "--"), "local/institution/x");
    }

    #[test]
    fn one_person_per_name_with_sorted_mentions_and_distinct_ids() {
        let mut people = People::default();
        people.mention("Budi Santoso", Span::new(50, 62), Some("Editor"));
        people.mention("budi santoso", Span::new(10, 22), Some("Editor"));
        people.mention("Budi-Santoso", Span::new(70, 82), None);
        people.mention("Budi.Santoso", Span::new(90, 102), None);
        let people = people.into_vec();
        assert_eq!(people.len(), 3);
        assert_eq!(people[0].mentions, [Span::new(10, 22), Span::new(50, 62)]);
        assert_eq!(people[0].roles, ["Editor"]);
        assert_eq!(people[0].id, "local/person/budi-santoso");
        assert_eq!(people[1].id, "local/person/budi-santoso-2");
        assert_eq!(people[2].id, "local/person/budi-santoso-3");
    }
}
