//! Entities: mentions of people, institutions, regions, countries and places, each linked
//! to one canonical entry.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

use crate::Span;

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
