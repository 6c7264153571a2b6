//! Header patterns over Latin-script text, written once as a template for two
//! compilations.
//!
//! The template writes, inside character classes, `%L` for a Latin letter, `%D` a decimal
//! digit, `%S` white space, and `%U` an upper-case Latin letter (alone in its class, as it
//! is an intersection). The header readers read ASCII lines by hand and leave the others
//! to the Unicode compilation; the tests hold both readers to the ASCII compilation, which
//! on an ASCII line matches as the Unicode one does, each ASCII class being exactly the
//! ASCII part of its Unicode one.

use regex::Regex;

/// A pattern compiled twice from one template: with Unicode classes, and with their ASCII
/// parts for lines that are all ASCII. The ASCII automaton is a fraction of the size
/// (`\p{Latin}` alone is hundreds of ranges), which is what captures cost: regex's bounded
/// backtracker clears a visited set the size of the automaton on every search. The
/// readers by hand replaced it; the tests keep it as their oracle.
#[cfg(test)]
#[derive(Clone, Debug)]
pub(crate) struct LatinPattern {
    ascii: Regex,
    latin: Regex,
}

#[cfg(test)]
impl LatinPattern {
    pub fn new(template: &str) -> Result<LatinPattern, regex::Error> {
        // Spaces escaped: verbose patterns ignore literal ones, in classes too.
        let ascii = expand(template, "A-Za-z", "A-Z", "0-9", r"\t\n\x0B\x0C\r\x20");
        Ok(LatinPattern { ascii: Regex::new(&ascii)?, latin: latin_only(template)? })
    }

    /// The compilation to run on `line`.
    pub fn for_line(&self, line: &str) -> &Regex {
        if line.is_ascii() { &self.ascii } else { &self.latin }
    }

    /// Both compilations, ASCII first.
    pub fn both(&self) -> [&Regex; 2] {
        [&self.ascii, &self.latin]
    }
}

/// The compilation of `template` with the Unicode classes alone, for a reader that reads
/// ASCII lines by hand and leaves the others to the pattern.
pub(crate) fn latin_only(template: &str) -> Result<Regex, regex::Error> {
    Regex::new(&expand(template, r"\p{Latin}", r"\p{Lu}&&\p{Latin}", r"\d", r"\s"))
}

fn expand(template: &str, letter: &str, upper: &str, digit: &str, space: &str) -> String {
    template.replace("%L", letter).replace("%U", upper).replace("%D", digit).replace("%S", space)
}
