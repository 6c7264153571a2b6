//! Gazetteers: the entries (regions, countries, places, institutions), how they are loaded
//! from TSV, and the compiled matcher over all their surface forms.

mod matcher;
mod rules;

use rustc_hash::FxHashMap;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

pub(crate) use matcher::Matcher;
pub(crate) use rules::Rules;

use crate::Error;
use crate::entity::EntityKind;

/// The built-in gazetteer files, embedded at compile time; `data/README.md` documents
/// the format and the sources.
const BUILTIN: &[(&str, &str)] = &[
    ("data/gazetteer/countries.tsv", include_str!("../../data/gazetteer/countries.tsv")),
    ("data/gazetteer/institutions-other.tsv", include_str!("../../data/gazetteer/institutions-other.tsv")),
    ("data/gazetteer/institutions-state.tsv", include_str!("../../data/gazetteer/institutions-state.tsv")),
    ("data/gazetteer/people.tsv", include_str!("../../data/gazetteer/people.tsv")),
    ("data/gazetteer/places.tsv", include_str!("../../data/gazetteer/places.tsv")),
    ("data/gazetteer/regions.tsv", include_str!("../../data/gazetteer/regions.tsv")),
];

/// The header row every gazetteer file starts with.
const HEADER: [&str; 7] = ["id", "kind", "class", "canonical", "parent", "code", "aliases"];

/// One entry: a thing with a stable id, and the surface forms that name it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    pub id: String,
    pub kind: EntityKind,
    pub class: String,
    pub canonical: String,
    /// The parent's id, checked to exist when the gazetteer is complete.
    pub parent: Option<String>,
    pub codes: Vec<String>,
    /// The aliases as written; the canonical name is a surface form too.
    pub aliases: Vec<String>,
    /// Where the entry was read, for error messages.
    origin: Origin,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Origin {
    source: Arc<str>,
    line: usize,
}

/// All entries, by id. Later sources override earlier entries with the same id.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gazetteer {
    entries: Vec<Entry>,
    index: FxHashMap<String, usize>,
}

impl Gazetteer {
    /// The built-in entries.
    pub fn builtin() -> Result<Gazetteer, Error> {
        let mut gazetteer = Gazetteer::default();
        for (source, text) in BUILTIN {
            gazetteer.add_tsv(source, text)?;
        }
        Ok(gazetteer)
    }

    /// Adds the entries of one TSV file; an entry whose id already exists replaces it.
    ///
    /// # Errors
    ///
    /// [`Error::Data`] naming `source` and the line for a wrong header, a wrong number of
    /// fields, an empty id or name, an unknown kind, an empty alias, or an id listed
    /// twice in the same source.
    pub fn add_tsv(&mut self, source: &str, text: &str) -> Result<(), Error> {
        let source: Arc<str> = Arc::from(source);
        let error = |line: usize, reason: String| Error::Data { source_name: source.to_string(), line, reason };
        let mut seen: FxHashMap<String, usize> = FxHashMap::default();
        let mut header_seen = false;
        for (index, line) in text.lines().enumerate() {
            let number = index + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            let line = if number == 1 { line.strip_prefix('\u{FEFF}').unwrap_or(line) } else { line };
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            if !header_seen {
                if fields != HEADER {
                    return Err(error(number, format!("the first row must be the header `{}`", HEADER.join("\\t"))));
                }
                header_seen = true;
                continue;
            }
            if fields.len() != HEADER.len() {
                return Err(error(
                    number,
                    format!(
                        "expected {} tab-separated fields ({}), found {}",
                        HEADER.len(),
                        HEADER.join(", "),
                        fields.len()
                    ),
                ));
            }
            let entry = parse_entry(&fields, Origin { source: Arc::clone(&source), line: number })
                .map_err(|reason| error(number, reason))?;
            if let Some(first) = seen.insert(entry.id.clone(), number) {
                return Err(error(number, format!("id `{}` is already used on line {first}", entry.id)));
            }
            match self.index.get(&entry.id) {
                Some(&at) => self.entries[at] = entry,
                None => {
                    self.index.insert(entry.id.clone(), self.entries.len());
                    self.entries.push(entry);
                }
            }
        }
        if !header_seen {
            return Err(error(1, format!("no header row `{}`", HEADER.join("\\t"))));
        }
        Ok(())
    }

    /// Adds the entries of a TSV file at `path`.
    pub fn add_path(&mut self, path: &Path) -> Result<(), Error> {
        let file = std::fs::File::open(path).map_err(|source| Error::Io { path: path.to_path_buf(), source })?;
        let name = path.display().to_string();
        let text = read_source(&name, file)?;
        self.add_tsv(&name, &text)
    }

    /// Checks what can only be checked once every source is in: parents exist.
    pub fn validate(&self) -> Result<(), Error> {
        for entry in &self.entries {
            if let Some(parent) = entry.parent.as_deref().filter(|p| !self.index.contains_key(*p)) {
                return Err(Error::Data {
                    source_name: entry.origin.source.to_string(),
                    line: entry.origin.line,
                    reason: format!("parent `{parent}` of `{}` is not the id of any entry", entry.id),
                });
            }
        }
        Ok(())
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// Reads a whole data source, which must be UTF-8; `name` identifies it in errors.
pub(crate) fn read_source(name: &str, mut reader: impl Read) -> Result<String, Error> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| Error::Io { path: name.into(), source })?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        Error::Data {
            source_name: name.to_string(),
            line: valid.iter().filter(|&&b| b == b'\n').count() + 1,
            reason: "the data is not UTF-8; convert it (e.g. with iconv) and try again".to_string(),
        }
    })
}

fn parse_entry(fields: &[&str], origin: Origin) -> Result<Entry, String> {
    let [id, kind, class, canonical, parent, code, aliases] = fields else {
        unreachable!("the caller checks the field count")
    };
    let id = id.trim();
    if id.is_empty() || id.contains(char::is_whitespace) {
        return Err(format!("the id `{id}` must be non-empty and without spaces, like `region/34.01`"));
    }
    let kind = match kind.trim() {
        "person" => EntityKind::Person,
        "institution" => EntityKind::Institution,
        "region" => EntityKind::Region,
        "country" => EntityKind::Country,
        "place" => EntityKind::Place,
        other => {
            return Err(format!("unknown kind `{other}`; use person, institution, region, country or place"));
        }
    };
    let canonical = canonical.trim();
    if canonical.is_empty() {
        return Err(format!("`{id}` has an empty canonical name"));
    }
    let list = |field: &str, what: &str| -> Result<Vec<String>, String> {
        if field.trim().is_empty() {
            return Ok(Vec::new());
        }
        field
            .split('|')
            .map(|item| match item.trim() {
                "" => Err(format!("`{id}` has an empty {what} between `|` separators")),
                item => Ok(item.to_string()),
            })
            .collect()
    };
    Ok(Entry {
        id: id.to_string(),
        kind,
        class: class.trim().to_string(),
        canonical: canonical.to_string(),
        parent: Some(parent.trim()).filter(|p| !p.is_empty()).map(str::to_string),
        codes: list(code, "code")?,
        aliases: list(aliases, "alias")?,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id\tkind\tclass\tcanonical\tparent\tcode\taliases\n";

    fn load(text: &str) -> Result<Gazetteer, Error> {
        let mut gazetteer = Gazetteer::default();
        gazetteer.add_tsv("test.tsv", text)?;
        gazetteer.validate()?;
        Ok(gazetteer)
    }

    fn reason(text: &str) -> (usize, String) {
        match load(text) {
            Err(Error::Data { line, reason, source_name }) => {
                assert_eq!(source_name, "test.tsv");
                (line, reason)
            }
            other => panic!("expected a data error, got {other:?}"),
        }
    }

    #[test]
    fn the_builtin_gazetteer_loads_and_is_consistent() {
        let gazetteer = Gazetteer::builtin().unwrap();
        gazetteer.validate().unwrap();
        let regions = gazetteer.entries().iter().filter(|e| e.kind == EntityKind::Region);
        let (mut provinces, mut regencies, mut cities) = (0, 0, 0);
        for entry in regions {
            match entry.class.as_str() {
                "province" => provinces += 1,
                "regency" | "admin-regency" => regencies += 1,
                "city" | "admin-city" => cities += 1,
                _ => {}
            }
        }
        assert_eq!((provinces, regencies, cities), (38, 416, 98));
    }

    #[test]
    fn malformed_lines_are_errors_with_their_line_numbers() {
        let (line, why) = reason(&format!("{HEAD}\n# comment\nregion/1\tregion\tprovince\tSatu\t\t1\n"));
        assert_eq!(line, 4, "blank and comment lines count");
        assert!(why.contains("expected 7 tab-separated fields"), "{why}");
        let (line, why) = reason(&format!("{HEAD}region/1\tplanet\tx\tSatu\t\t\t\n"));
        assert_eq!(line, 2);
        assert!(why.contains("unknown kind `planet`"), "{why}");
        let (_, why) = reason(&format!("{HEAD}region/1\tregion\tx\t \t\t\t\n"));
        assert!(why.contains("empty canonical"), "{why}");
        let (_, why) = reason(&format!("{HEAD}region/1\tregion\tx\tSatu\t\t\tA||B\n"));
        assert!(why.contains("empty alias"), "{why}");
        let (line, why) = reason(&format!("{HEAD}a/1\tregion\tx\tSatu\t\t\t\na/1\tregion\tx\tDua\t\t\t\n"));
        assert_eq!(line, 3);
        assert!(why.contains("already used on line 2"), "{why}");
        let (line, why) = reason(&format!("{HEAD}a/1\tregion\tx\tSatu\tb/9\t\t\n"));
        assert_eq!(line, 2);
        assert!(why.contains("parent `b/9`"), "{why}");
        let (line, why) = reason("id\tkind\n");
        assert_eq!(line, 1);
        assert!(why.contains("header"), "{why}");
    }

    #[test]
    fn a_later_source_overrides_an_entry_with_the_same_id() {
        let mut gazetteer = load(&format!("{HEAD}a/1\tregion\tx\tSatu\t\t\tEsa\n")).unwrap();
        gazetteer.add_tsv("user.tsv", &format!("{HEAD}a/1\tregion\tx\tSatu Baru\t\t\t\n")).unwrap();
        assert_eq!(gazetteer.entries().len(), 1);
        assert_eq!(gazetteer.entries()[0].canonical, "Satu Baru");
        assert!(gazetteer.entries()[0].aliases.is_empty());
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let mut bytes = format!("{HEAD}a/1\tregion\tx\tSatu\t\t\t\n").into_bytes();
        bytes.extend_from_slice(b"a/2\tregion\tx\t\xff\t\t\t\n");
        match read_source("bytes", &bytes[..]) {
            Err(Error::Data { line, .. }) => assert_eq!(line, 3),
            other => panic!("expected a data error, got {other:?}"),
        }
    }
}
