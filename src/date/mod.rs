//! Dates and times: the Indonesian calendar vocabulary and the parsers built on it.

mod recognize;
mod value;

pub(crate) use recognize::find;
pub use value::Modifier;

use compact_str::CompactString;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::Span;
use crate::text::LatinPattern;

/// What a temporal expression denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A calendar date or a coarser period: a day, month, quarter, year.
    Date,
    /// An interval between two dates.
    Range,
    /// A time of day.
    Time,
    /// A date with a time of day.
    Datetime,
    /// A length of time (`selama lima hari`).
    Duration,
    /// A recurrence (`setiap Senin`).
    Set,
}

/// The precision of a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grain {
    /// A century (`abad ke-21`).
    Century,
    /// A decade (`tahun 1990-an`).
    Decade,
    /// A year.
    Year,
    /// A half year (`semester I`).
    Half,
    /// A quarter of a year.
    Quarter,
    /// A month.
    Month,
    /// A week.
    Week,
    /// A day.
    Day,
    /// An hour.
    Hour,
    /// A minute.
    Minute,
}

/// One temporal expression with its ISO 8601 value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// Where the expression is.
    #[serde(flatten)]
    pub span: Span,
    /// The expression as written.
    pub text: CompactString,
    /// What it denotes.
    pub kind: DateKind,
    /// The ISO 8601 value (`2023-11-17`, `2023-11-13/2023-11-17`, `P5D`), or `None`
    /// when it depends on a reference date the document does not give.
    pub value: Option<CompactString>,
    /// The precision of the value.
    pub grain: Grain,
    /// The part of the period meant: `awal`, `pertengahan` or `akhir November`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Modifier>,
}

/// Indonesian month names and the abbreviations news uses, with their month numbers and
/// whether the name is written in full (an abbreviation needs a day or year beside it).
pub(crate) const MONTHS: &[(&str, i8, bool)] = &[
    ("januari", 1, true),
    ("jan", 1, false),
    ("februari", 2, true),
    ("pebruari", 2, true),
    ("feb", 2, false),
    ("peb", 2, false),
    ("maret", 3, true),
    ("mar", 3, false),
    ("april", 4, true),
    ("apr", 4, false),
    ("mei", 5, true),
    ("juni", 6, true),
    ("jun", 6, false),
    ("juli", 7, true),
    ("jul", 7, false),
    ("agustus", 8, true),
    ("agu", 8, false),
    ("agt", 8, false),
    ("agst", 8, false),
    ("ags", 8, false),
    ("aug", 8, false),
    ("september", 9, true),
    ("sept", 9, false),
    ("sep", 9, false),
    ("oktober", 10, true),
    ("okt", 10, false),
    ("oct", 10, false),
    ("november", 11, true),
    ("nopember", 11, true),
    ("nov", 11, false),
    ("desember", 12, true),
    ("des", 12, false),
    ("dec", 12, false),
];

/// Indonesian day names, including the spellings with an apostrophe and `Ahad`.
pub(crate) const WEEKDAYS: &[(&str, i8)] = &[
    ("senin", 1),
    ("selasa", 2),
    ("rabu", 3),
    ("kamis", 4),
    ("jumat", 5),
    ("jum'at", 5),
    ("sabtu", 6),
    ("minggu", 7),
    ("ahad", 7),
];

/// The time zones of Indonesia and their UTC offsets in hours.
const ZONES: &[(&str, i8)] = &[("wib", 7), ("wita", 8), ("wit", 9)];

fn month_number(name: &str) -> Option<i8> {
    let name = name.trim_end_matches('.');
    MONTHS.iter().find(|(m, ..)| m.eq_ignore_ascii_case(name)).map(|&(_, n, _)| n)
}

/// An alternation of the month names and abbreviations, longest first.
fn month_alternation() -> String {
    let mut names: Vec<&str> = MONTHS.iter().map(|(m, ..)| *m).collect();
    names.sort_by_key(|m| std::cmp::Reverse(m.len()));
    names.join("|")
}

/// The publication date line of a news page, as outlets print it under the headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Published {
    pub date: Date,
    pub time: Option<Time>,
    /// UTC offset in hours, when the line names WIB, WITA or WIT.
    pub utc_offset: Option<i8>,
}

/// Recognises whole lines that state when an article was published:
/// `Jumat, 17 November 2023 14:05 WIB`, `Jumat, 17 Nov 2023 14:05 WIB`,
/// `Kompas.com - 17/11/2023, 14:05 WIB`, `17/11/2023 14:05`.
/// How many space-separated pieces a publication line has at most.
const MOST_PUBLISHED_PIECES: usize = 11;

#[derive(Clone, Debug)]
pub(crate) struct PublishedLine {
    pattern: LatinPattern,
}

impl PublishedLine {
    pub fn new() -> PublishedLine {
        let weekday = WEEKDAYS.iter().map(|(day, _)| *day).collect::<Vec<_>>().join("|");
        let months = month_alternation();
        let pattern = format!(
            r"(?ix)^[%S]*
            (?:[%L%D.]+[%S]*-[%S]*)?                  # Kompas.com -
            (?:(?:{weekday})[%S]*,?[%S]*)?
            (?:
                (?P<day>[%D]{{1,2}})[%S]+(?P<month_name>(?:{months})\.?)[%S]+(?P<year>[%D]{{4}})
              | (?P<nday>[%D]{{1,2}})/(?P<nmonth>[%D]{{1,2}})/(?P<nyear>[%D]{{4}})
            )
            (?:[%S]*[,|]?[%S]*(?:pukul[%S]+)?(?P<hour>[%D]{{1,2}})[:.](?P<minute>[%D]{{2}})
               (?:[%S]*(?P<zone>WIB|WITA|WIT))?)?
            [%S]*$"
        );
        PublishedLine { pattern: LatinPattern::new(&pattern).expect("the published-line pattern is valid") }
    }

    /// The compiled pattern, for tests that compare its compilations.
    #[cfg(test)]
    pub(crate) fn pattern(&self) -> &LatinPattern {
        &self.pattern
    }

    /// Parses `line` if the whole line is a publication date; impossible dates are not.
    pub fn parse(&self, line: &str) -> Option<Published> {
        // The longest form (`Kompas.com - Jumat , 17 November 2023 , pukul 14:05 WIB`) has
        // eleven pieces between spaces; counting a few spares a paragraph the pattern.
        // The day and year are ASCII digits (others do not parse as numbers below), which
        // a headline rarely has.
        if !line.bytes().any(|b| b.is_ascii_digit()) || line.split_whitespace().nth(MOST_PUBLISHED_PIECES).is_some() {
            return None;
        }
        let caps = self.pattern.for_line(line).captures(line)?;
        let number = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
        let (year, month, day) = match caps.name("month_name") {
            Some(month) => (number("year")?, month_number(month.as_str())?, number("day")?),
            None => (number("nyear")?, i8::try_from(number("nmonth")?).ok()?, number("nday")?),
        };
        let date = Date::new(year, month, i8::try_from(day).ok()?).ok()?;
        let time = match (number("hour"), number("minute")) {
            (Some(hour), Some(minute)) => {
                Some(Time::new(i8::try_from(hour).ok()?, i8::try_from(minute).ok()?, 0, 0).ok()?)
            }
            _ => None,
        };
        let utc_offset = caps.name("zone").and_then(|zone| {
            let zone = zone.as_str().to_ascii_lowercase();
            ZONES.iter().find(|(name, _)| *name == zone).map(|&(_, hours)| hours)
        });
        Some(Published { date, time, utc_offset })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time};

    #[test]
    fn published_lines_in_the_styles_of_several_outlets() {
        let parser = PublishedLine::new();
        let at = |line| parser.parse(line).map(|p| (p.date, p.time, p.utc_offset));
        assert_eq!(
            at("Jumat, 17 November 2023 14:05 WIB"),
            Some((date(2023, 11, 17), Some(time(14, 5, 0, 0)), Some(7)))
        );
        assert_eq!(at("Jumat, 17 Nov 2023 14:05 WITA"), Some((date(2023, 11, 17), Some(time(14, 5, 0, 0)), Some(8))));
        assert_eq!(
            at("Kompas.com - 17/11/2023, 14:05 WIB"),
            Some((date(2023, 11, 17), Some(time(14, 5, 0, 0)), Some(7)))
        );
        assert_eq!(at("Senin, 4 Maret 2024"), Some((date(2024, 3, 4), None, None)));
        assert_eq!(at("  17/11/2023 "), Some((date(2023, 11, 17), None, None)));
    }

    #[test]
    fn impossible_dates_and_sentences_are_not_publication_lines() {
        let parser = PublishedLine::new();
        assert_eq!(parser.parse("Selasa, 31 Februari 2023"), None);
        assert_eq!(parser.parse("13/13/2023"), None);
        assert_eq!(parser.parse("Rapat digelar pada 17 November 2023 di Jakarta."), None);
        assert_eq!(parser.parse("17 November 2023 pukul 25.00 WIB"), None);
    }
}
