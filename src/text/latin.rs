//! Header patterns over Latin-script text, written as templates.
//!
//! A template writes, inside character classes, `%L` for a Latin letter, `%D` a decimal
//! digit, `%S` white space, and `%U` an upper-case Latin letter (alone in its class, as it
//! is an intersection). The header readers read ASCII lines by hand and leave the others
//! to the pattern; the tests hold the readers to the patterns they replaced, on ASCII
//! lines too.

use regex::Regex;

/// The compilation of `template`, with Latin letters (`Zürich` too): with every script's,
/// the dateline pattern took 12 ms of the extractor's 50 ms build, and Indonesian headers
/// are Latin.
pub(crate) fn latin_only(template: &str) -> Result<Regex, regex::Error> {
    let expanded = template.replace("%L", r"\p{Latin}").replace("%U", r"\p{Lu}&&\p{Latin}");
    Regex::new(&expanded.replace("%D", r"\d").replace("%S", r"\s"))
}
