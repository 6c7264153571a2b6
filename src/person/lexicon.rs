//! What the people recogniser knows about words: personal names, titles, ranks and
//! degrees, and capitalised words that are never names; all read from `data/people/`.

use rustc_hash::FxHashMap;

use crate::Error;
use crate::Span;
use crate::text::{Kind, Normalized, tokenize};

/// The name lists, one file per naming tradition (`name  role  also_word`).
const NAME_FILES: &[(&str, &str)] = &[
    ("data/people/arabic.tsv", include_str!("../../data/people/arabic.tsv")),
    ("data/people/balinese.tsv", include_str!("../../data/people/balinese.tsv")),
    ("data/people/batak.tsv", include_str!("../../data/people/batak.tsv")),
    ("data/people/bugis-makassar.tsv", include_str!("../../data/people/bugis-makassar.tsv")),
    ("data/people/chinese-indonesian.tsv", include_str!("../../data/people/chinese-indonesian.tsv")),
    ("data/people/christian.tsv", include_str!("../../data/people/christian.tsv")),
    ("data/people/eastern.tsv", include_str!("../../data/people/eastern.tsv")),
    ("data/people/javanese.tsv", include_str!("../../data/people/javanese.tsv")),
    ("data/people/malay-aceh.tsv", include_str!("../../data/people/malay-aceh.tsv")),
    ("data/people/minang.tsv", include_str!("../../data/people/minang.tsv")),
    ("data/people/modern.tsv", include_str!("../../data/people/modern.tsv")),
    ("data/people/sundanese.tsv", include_str!("../../data/people/sundanese.tsv")),
];

const TITLES: (&str, &str) = ("data/people/titles.tsv", include_str!("../../data/people/titles.tsv"));
const NOT_NAMES: (&str, &str) = ("data/people/not-names.tsv", include_str!("../../data/people/not-names.tsv"));

/// How a word is used as a personal name.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct NameUse {
    pub given: bool,
    pub family: bool,
    /// Also an ordinary word or place (`Indah`, `Wahyu`, `Maros`): weak evidence alone.
    pub also_word: bool,
}

/// What a capitalised word that is never part of a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WordClass {
    /// A function word, capitalised at a sentence start (`Menurut`, `Dalam`).
    Function,
    /// The head of a job title or role (`Kepala`, `Bupati`, `Pelatih`).
    Role,
    /// A word of institution names (`Dinas`, `Polres`).
    Institution,
    /// A word of place names (`Kecamatan`, `Jalan`).
    Place,
    /// Anything else that is capitalised but no name (days, holidays, brands).
    Other,
}

/// Where a title stands: before the name (`Dr.`, `AKBP`) or after it (`S.H.`, `M.Si.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Position {
    Before,
    After,
}

/// A title, rank, honorific or degree, as the words of its normalised form without dots.
#[derive(Clone, Debug)]
pub(crate) struct Title {
    pub words: Vec<Box<str>>,
    pub position: Position,
}

/// Everything the lexicon knows of one word, so a token costs one lookup.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordEntry {
    pub name: Option<NameUse>,
    pub not_name: Option<WordClass>,
    /// The titles starting with the word, longest first (`Brigjen Pol` before `Brigjen`).
    pub titles: Vec<Title>,
}

#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    words: FxHashMap<Box<str>, WordEntry>,
}

impl Lexicon {
    /// The built-in lists.
    pub fn builtin() -> Result<Lexicon, Error> {
        let mut lexicon = Lexicon { words: FxHashMap::default() };
        for (source, text) in NAME_FILES {
            lexicon.add_names(source, text)?;
        }
        for (line, fields) in rows(NOT_NAMES.0, NOT_NAMES.1, &["word", "class"])? {
            let class = match fields[1] {
                "function" => WordClass::Function,
                "role" => WordClass::Role,
                "institution" => WordClass::Institution,
                "place" => WordClass::Place,
                "other" => WordClass::Other,
                other => return Err(data_error(NOT_NAMES.0, line, format!("unknown class `{other}`"))),
            };
            lexicon.words.entry(fold(fields[0])).or_default().not_name = Some(class);
        }
        for (line, fields) in rows(TITLES.0, TITLES.1, &["title", "kind", "position"])? {
            let position = match fields[2] {
                "before" => Position::Before,
                "after" => Position::After,
                other => return Err(data_error(TITLES.0, line, format!("position `{other}` is not before or after"))),
            };
            let words = title_words(fields[0]);
            if words.is_empty() {
                return Err(data_error(TITLES.0, line, "the title has no letters".to_string()));
            }
            lexicon.words.entry(words[0].clone()).or_default().titles.push(Title { words, position });
        }
        for entry in lexicon.words.values_mut() {
            entry.titles.sort_by_key(|title| std::cmp::Reverse(title.words.len()));
        }
        Ok(lexicon)
    }

    fn add_names(&mut self, source: &str, text: &str) -> Result<(), Error> {
        for (line, fields) in rows(source, text, &["name", "role", "also_word"])? {
            let (given, family) = match fields[1] {
                "given" => (true, false),
                "family" => (false, true),
                "any" => (true, true),
                other => return Err(data_error(source, line, format!("role `{other}` is not given, family or any"))),
            };
            let also_word = match fields[2] {
                "yes" => true,
                "no" => false,
                other => return Err(data_error(source, line, format!("also_word `{other}` is not yes or no"))),
            };
            // The same name in several traditions: any use counts, and a word in one
            // list is a word everywhere.
            let entry = self.words.entry(fold(fields[0])).or_default().name.get_or_insert_default();
            entry.given |= given;
            entry.family |= family;
            entry.also_word |= also_word;
        }
        Ok(())
    }

    /// How `word` (normalised) is used as a name, if it is one.
    pub fn name(&self, word: &str) -> Option<NameUse> {
        self.words.get(word).and_then(|entry| entry.name)
    }

    /// What `word` (normalised) is when it is never a name.
    pub fn not_name(&self, word: &str) -> Option<WordClass> {
        self.words.get(word).and_then(|entry| entry.not_name)
    }

    /// The titles whose first word is `word` (normalised), longest first.
    pub fn titles_starting(&self, word: &str) -> &[Title] {
        self.words.get(word).map_or(&[], |entry| entry.titles.as_slice())
    }

    /// All the lexicon knows of `word` (normalised).
    pub fn entry(&self, word: &str) -> Option<&WordEntry> {
        self.words.get(word)
    }
}

/// The data rows of a TSV source with the given header, with their line numbers; every row
/// must have exactly as many fields as the header, none empty.
fn rows<'t>(source: &str, text: &'t str, header: &[&str]) -> Result<Vec<(usize, Vec<&'t str>)>, Error> {
    let mut lines = text.lines().enumerate();
    let expected = header.join("\t");
    match lines.next() {
        Some((_, first)) if first == expected => {}
        _ => return Err(data_error(source, 1, format!("the first line must be the header `{expected}`"))),
    }
    let mut rows = Vec::new();
    for (index, line) in lines {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != header.len() || fields.iter().any(|f| f.trim().is_empty()) {
            let reason = format!("expected {} non-empty TAB-separated fields ({expected})", header.len());
            return Err(data_error(source, index + 1, reason));
        }
        rows.push((index + 1, fields));
    }
    Ok(rows)
}

fn data_error(source: &str, line: usize, reason: String) -> Error {
    Error::Data { source_name: source.to_string(), line, reason }
}

/// The normalised form of one word.
fn fold(word: &str) -> Box<str> {
    Normalized::new(word).as_str().into()
}

/// The normalised words of a title without its dots: `S.Kep.` → `s kep`.
fn title_words(title: &str) -> Vec<Box<str>> {
    let normalized = Normalized::new(title);
    let mut tokens = Vec::new();
    tokenize(normalized.as_str(), Span::new(0, normalized.as_str().len()), &mut tokens);
    tokens.iter().filter(|t| t.kind == Kind::Word).map(|t| t.text.into()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_lists_load_and_know_their_words() {
        let lexicon = Lexicon::builtin().unwrap();
        let names = lexicon.words.values().filter(|entry| entry.name.is_some()).count();
        assert!(names >= 5000, "{names} names");
        assert!(lexicon.name("siregar").is_some_and(|n| n.family));
        assert!(lexicon.name("indah").is_some_and(|n| n.also_word));
        assert_eq!(lexicon.not_name("kepala"), Some(WordClass::Role));
        assert_eq!(lexicon.not_name("menurut"), Some(WordClass::Function));
        let has = |words: &[&str]| {
            let starting = lexicon.titles_starting(words[0]);
            starting.iter().any(|t| t.words.iter().map(|w| &**w).eq(words.iter().copied()))
        };
        assert!(has(&["s", "kep"]) && has(&["akbp"]) && has(&["kombes"]) && has(&["ph", "d"]));
    }

    #[test]
    fn malformed_lines_are_errors_with_their_line() {
        let error = rows("x.tsv", "name\trole\talso_word\nSiti\tgiven\n", &["name", "role", "also_word"]).unwrap_err();
        assert!(matches!(error, Error::Data { line: 2, .. }), "{error}");
        let error = rows("x.tsv", "nama\n", &["name", "role", "also_word"]).unwrap_err();
        assert!(matches!(error, Error::Data { line: 1, .. }), "{error}");
        let mut lexicon = Lexicon { words: FxHashMap::default() };
        let error = lexicon.add_names("y.tsv", "name\trole\talso_word\n\nSiti\tfirst\tno\n").unwrap_err();
        assert!(error.to_string().contains("y.tsv, line 3"), "{error}");
    }
}
