//! Header patterns over Latin-script text, compiled a second time for ASCII lines.

use regex::Regex;

/// A pattern over Latin-script text, compiled twice from one template: with Unicode
/// classes, and with their ASCII parts for lines that are all ASCII, as nearly all header
/// lines are. The ASCII automaton is a fraction of the size (`\p{Latin}` alone is hundreds
/// of ranges), which is what captures cost: regex's bounded backtracker clears a visited
/// set the size of the automaton on every search, and a dateline's captures took some
/// 10,000 instructions with the Unicode classes.
///
/// On an ASCII line both compilations match alike, as each ASCII class is exactly the
/// ASCII part of its Unicode one. The template writes, inside character classes, `%L` for
/// a Latin letter, `%D` a decimal digit, `%S` white space, and `%U` an upper-case Latin
/// letter (alone in its class, as it is an intersection).
#[derive(Clone, Debug)]
pub(crate) struct LatinPattern {
    ascii: Regex,
    latin: Regex,
}

impl LatinPattern {
    pub fn new(template: &str) -> Result<LatinPattern, regex::Error> {
        let with = |letter: &str, upper: &str, digit: &str, space: &str| {
            template.replace("%L", letter).replace("%U", upper).replace("%D", digit).replace("%S", space)
        };
        // Spaces escaped: verbose patterns ignore literal ones, in classes too.
        let ascii = with("A-Za-z", "A-Z", "0-9", r"\t\n\x0B\x0C\r\x20");
        let latin = with(r"\p{Latin}", r"\p{Lu}&&\p{Latin}", r"\d", r"\s");
        Ok(LatinPattern { ascii: Regex::new(&ascii)?, latin: Regex::new(&latin)? })
    }

    /// The compilation to run on `line`.
    pub fn for_line(&self, line: &str) -> &Regex {
        if line.is_ascii() { &self.ascii } else { &self.latin }
    }

    /// Both compilations, ASCII first.
    #[cfg(test)]
    pub fn both(&self) -> [&Regex; 2] {
        [&self.ascii, &self.latin]
    }
}
