//! Entities: mentions of people, institutions, regions, countries and places, each linked
//! to one canonical entry.

use std::cell::Cell;
use std::ops::Deref;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::Span;
use crate::span::Nearby;

/// What an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A ministry, agency, company, university, party, medium, international body…
    Institution,
    /// An Indonesian administrative region: province, kabupaten/kota, kecamatan, desa.
    Region,
    /// A country or territory.
    Country,
    /// Any other named place: a foreign city, an airport, a station, a mountain, a street.
    Place,
}

/// One mention of an entity in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Where the mention is.
    #[serde(flatten)]
    pub span: Span,
    /// The mention as written.
    pub text: CompactString,
    /// What it is.
    pub kind: EntityKind,
    /// The stable id of the entry it links to (`region/34.01`), or a document-local id
    /// starting with `local/` for entities found by rules and cues only.
    pub id: CompactString,
    /// The canonical name of that entry.
    pub canonical: CompactString,
    /// The finer class of the entry (`province`, `regency`, `ministry`, `university`…),
    /// when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<CompactString>,
    /// Ids of other entries the same words could name, when the choice was ambiguous
    /// (the kabupaten when `Bogor` was resolved to the kota).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<CompactString>,
    /// The id of the region named inside an institution or place found by its head word
    /// (`region/34.04` in `Polres Sleman`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<CompactString>,
}

/// A document's entities, sorted by span, with the searches recognisers make of them
/// while they read the document in order: each search gallops from where the last one
/// ended ([`Nearby`]) instead of searching every entity of a long document.
pub(crate) struct Searched<'e> {
    entities: &'e [Entity],
    by_start: Cell<Nearby>,
    by_end: Cell<Nearby>,
}

impl<'e> Searched<'e> {
    pub fn new(entities: &'e [Entity]) -> Searched<'e> {
        Searched { entities, by_start: Cell::default(), by_end: Cell::default() }
    }

    /// Every entity, for as long as the entities are borrowed (not only the view).
    pub fn all(&self) -> &'e [Entity] {
        self.entities
    }

    /// The entities that start at byte `start`.
    pub fn starting_at(&self, start: usize) -> impl Iterator<Item = &'e Entity> + use<'e> {
        let mut search = self.by_start.get();
        let first = search.partition_point(self.entities, |e| e.span.start < start);
        self.by_start.set(search);
        self.entities[first..].iter().take_while(move |e| e.span.start == start)
    }

    /// The index of the first entity that ends after byte `offset`.
    pub fn first_ending_after(&self, offset: usize) -> usize {
        let mut search = self.by_end.get();
        let first = search.partition_point(self.entities, |e| e.span.end <= offset);
        self.by_end.set(search);
        first
    }

    /// The first entity that ends after byte `offset`.
    pub fn ending_after(&self, offset: usize) -> Option<&'e Entity> {
        self.entities.get(self.first_ending_after(offset))
    }
}

impl Deref for Searched<'_> {
    type Target = [Entity];

    fn deref(&self) -> &[Entity] {
        self.entities
    }
}
