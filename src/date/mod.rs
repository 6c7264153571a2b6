//! Dates and times: the Indonesian calendar vocabulary and the parsers built on it.

mod recognize;
mod value;

pub(crate) use recognize::find;
pub use value::Modifier;

use compact_str::CompactString;
use jiff::civil::{Date, Time};
use serde::{Deserialize, Serialize};

use crate::Span;
use crate::text::strip_folded;
use regex::Regex;

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
///
/// Read by hand, not by a pattern: the captures of the one line of an article that matches
/// took regex's bounded backtracker some 13,000 instructions, 2.5% of an extraction. The
/// tests hold the pattern this reader replaced as its oracle.
#[derive(Clone, Debug)]
pub(crate) struct PublishedLine {
    /// An outlet's name before the dash (`Kompas.com -`) with letters outside ASCII: only
    /// Latin ones, and decimal digits, as in the datelines.
    outlet: Regex,
}

/// How many space-separated pieces a publication line has at most.
const MOST_PUBLISHED_PIECES: usize = 11;

impl PublishedLine {
    pub fn new() -> PublishedLine {
        PublishedLine { outlet: Regex::new(r"(?i)^[\p{Latin}\d.]+$").expect("the outlet pattern is valid") }
    }

    /// Parses `line` if the whole line is a publication date; impossible dates are not.
    ///
    /// The line is: an outlet and a dash, a weekday and a comma, each optional; a date
    /// (`17 November 2023`, `17 Nov. 2023`, `17/11/2023`); optionally a time (`, pukul
    /// 14.05 WIB`, `| 14:05`); white space anywhere between. Names are matched without
    /// case. The numbers are ASCII digits. (The pattern this replaced let a time in other
    /// decimal digits pass and dropped it; such a line is now no publication line.)
    pub fn parse(&self, line: &str) -> Option<Published> {
        // The longest form (`Kompas.com - Jumat , 17 November 2023 , pukul 14:05 WIB`) has
        // eleven pieces between spaces; counting a few spares a paragraph the reading.
        if !line.bytes().any(|b| b.is_ascii_digit()) || line.split_whitespace().nth(MOST_PUBLISHED_PIECES).is_some() {
            return None;
        }
        let mut rest = line.trim_start();
        // Only the outlet is followed by a dash, so a line with an outlet has no other
        // reading without it.
        if let Some(after) = self.after_outlet(rest) {
            rest = after;
        }
        if let Some(after) = WEEKDAYS.iter().find_map(|(day, _)| strip_folded(rest, day)) {
            rest = after.trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest).trim_start();
        }
        let (day, after_day) = digits(rest, 1, 2)?;
        let (month, year, after_date) = match after_day.strip_prefix('/') {
            Some(after) => {
                let (month, after) = digits(after, 1, 2)?;
                let (year, after) = digits(after.strip_prefix('/')?, 4, 4)?;
                (i8::try_from(month).ok()?, year, after)
            }
            None => {
                let (month, after) = month_name(spaces(after_day)?)?;
                let (year, after) = digits(spaces(after)?, 4, 4)?;
                (month, year, after)
            }
        };
        let date = Date::new(i16::try_from(year).ok()?, month, i8::try_from(day).ok()?).ok()?;
        let (time, utc_offset) = match clock(after_date) {
            Some((hour, minute, zone, after)) if after.trim().is_empty() => {
                let time = Time::new(i8::try_from(hour).ok()?, i8::try_from(minute).ok()?, 0, 0).ok()?;
                (Some(time), zone)
            }
            _ if after_date.trim().is_empty() => (None, None),
            _ => return None,
        };
        Some(Published { date, time, utc_offset })
    }

    /// What follows an outlet's name, a dash and white space at the start of `line`.
    fn after_outlet<'l>(&self, line: &'l str) -> Option<&'l str> {
        // Past ASCII, any character but white space could be a Latin letter or a digit; the
        // pattern decides.
        let could_be_outlet = |c: char| c == '.' || c.is_ascii_alphanumeric() || !(c.is_ascii() || c.is_whitespace());
        let name_end = line.find(|c: char| !could_be_outlet(c))?;
        let name = &line[..name_end];
        if name.is_empty() || !(name.is_ascii() || self.outlet.is_match(name)) {
            return None;
        }
        Some(line[name_end..].trim_start().strip_prefix('-')?.trim_start())
    }
}

/// The number written with `fewest` to `most` ASCII digits at the start of `text` (as many
/// as there are, up to `most`), and what follows it.
fn digits(text: &str, fewest: usize, most: usize) -> Option<(u32, &str)> {
    let count = text.bytes().take(most).take_while(u8::is_ascii_digit).count();
    if count < fewest {
        return None;
    }
    Some((text[..count].parse().ok()?, &text[count..]))
}

/// What follows the white space, at least one character, at the start of `text`.
fn spaces(text: &str) -> Option<&str> {
    let after = text.trim_start();
    (after.len() < text.len()).then_some(after)
}

/// The month named at the start of `text`, optionally abbreviated with a dot, and what
/// follows it: a month name is followed by white space or its dot.
fn month_name(text: &str) -> Option<(i8, &str)> {
    MONTHS.iter().find_map(|&(name, number, _)| {
        let after =
            text.get(..name.len()).filter(|head| head.eq_ignore_ascii_case(name)).map(|_| &text[name.len()..])?;
        let after = after.strip_prefix('.').unwrap_or(after);
        after.starts_with(char::is_whitespace).then_some((number, after))
    })
}

/// A time of day after a date: `, pukul 14.05 WIB`, `| 14:05`; its hour, minute and UTC
/// offset, and what follows it.
fn clock(text: &str) -> Option<(u32, u32, Option<i8>, &str)> {
    let mut rest = text.trim_start();
    rest = rest.strip_prefix([',', '|']).unwrap_or(rest).trim_start();
    if let Some(after) = strip_folded(rest, "pukul").and_then(spaces) {
        rest = after;
    }
    let (hour, after) = digits(rest, 1, 2)?;
    let (minute, after) = digits(after.strip_prefix([':', '.'])?, 2, 2)?;
    let zoned = after.trim_start();
    let zone = ZONES.iter().find_map(|&(zone, hours)| {
        let rest = strip_folded(zoned, zone)?;
        rest.trim().is_empty().then_some((hours, rest))
    });
    Some(match zone {
        Some((hours, rest)) => (hour, minute, Some(hours), rest),
        None => (hour, minute, None, after),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::latin_only;
    use jiff::civil::{date, time};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    fn month_number(name: &str) -> Option<i8> {
        let name = name.trim_end_matches('.');
        MONTHS.iter().find(|(m, ..)| m.eq_ignore_ascii_case(name)).map(|&(_, n, _)| n)
    }

    /// The pattern the publication-line reader replaced, as its oracle.
    fn oracle() -> Regex {
        let weekday = WEEKDAYS.iter().map(|(day, _)| *day).collect::<Vec<_>>().join("|");
        let mut months: Vec<&str> = MONTHS.iter().map(|(m, ..)| *m).collect();
        months.sort_by_key(|m| std::cmp::Reverse(m.len()));
        let months = months.join("|");
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
        latin_only(&pattern).unwrap()
    }

    /// How the oracle reads `line`: the reader's former code, but for its one documented
    /// change (a time in other than ASCII digits makes no publication line).
    fn oracle_parse(pattern: &Regex, line: &str) -> Option<Published> {
        if !line.bytes().any(|b| b.is_ascii_digit()) || line.split_whitespace().nth(MOST_PUBLISHED_PIECES).is_some() {
            return None;
        }
        let caps = pattern.captures(line)?;
        if ["hour", "minute"].iter().any(|name| caps.name(name).is_some_and(|m| !m.as_str().is_ascii())) {
            return None;
        }
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

    #[test]
    fn the_reader_agrees_with_the_pattern_it_replaced() {
        let (parser, pattern) = (PublishedLine::new(), oracle());
        let tricky = [
            "Kompas.com - Jumat , 17 November 2023 , pukul 14:05 WIB",
            "Senin, 4 Maret 2024 09.10 wita",
            "KAMIS, 1 FEB 2024",
            "\u{17F}enin, 4 Maret 2024 pu\u{212A}ul 09.10",
            "Senin, 4 Augu\u{17F}tus 2024",
            "17/11/20231:05",
            "17/11/2023 1405",
            "17 Nov. 2023 | 07.30 WITA x",
            "17 Nov.2023",
            "Z\u{FC}rich.\u{661}3 \u{A0}- 17/11/2023\u{3000}",
            "\u{41C}\u{43E}\u{441}\u{43A}\u{432}\u{430} - 17/11/2023",
            "Jum'at, 17 November 2023 WIB",
            "17/11/2023 14:05 WITAWIB",
            "17/11/2023 \u{661}4:05",
            "117/11/2023",
            "17 Mei 2023 pukul14.05",
        ];
        let read = |line: &str| parser.parse(line);
        let published = crate::agreement_on_lines(&tricky, read, |line| oracle_parse(&pattern, line), Option::is_some);
        assert!(published >= 10, "only {published} publication lines");
    }

    /// Lines made of the parts of a publication line, each part written well or not.
    fn publication_like_lines() -> impl Strategy<Value = String> {
        let parts: [&[&str]; 11] = [
            &["", "Kompas.com - ", "Z\u{FC}rich.\u{661} -", "\u{41C}\u{43E} - ", "x-", "  "],
            &["", "Jumat, ", "SENIN ", "\u{17F}abtu,", "jum'at , ", "Minggu", "Rabu-"],
            &["17", "4", "123", "", "\u{661}", "31"],
            &[" ", "/", "\u{A0}", "  ", ""],
            &["November", "nov.", "11", "Mar", "Agu\u{17F}tus", "13", "MEI", "Februari"],
            &[" ", "/", ". ", "", "\t"],
            &["2023", "202", "20231", "2024"],
            &["", " ", ", ", " | ", ",pukul ", " pu\u{212A}ul ", " pukul", "|"],
            &["", "14:05", "9.10", "25.00", "1405", "\u{661}4:05", "14:5"],
            &["", " WIB", "WITA", " wit", " WITAX", " x"],
            &["", " ", "\t", " -", "\u{3000}"],
        ];
        parts.map(prop::sample::select).prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2048))]
        #[test]
        fn the_reader_agrees_with_the_pattern_on_publication_like_lines(line in publication_like_lines()) {
            static PARSER: LazyLock<(PublishedLine, Regex)> = LazyLock::new(|| (PublishedLine::new(), oracle()));
            let (parser, pattern) = &*PARSER;
            prop_assert_eq!(parser.parse(&line), oracle_parse(pattern, &line));
        }
    }

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
