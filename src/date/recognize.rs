//! Finding temporal expressions in the analysed paragraphs and resolving them against the
//! reference date.
//!
//! The recogniser reads the normalised text (lower case, straight quotes and dashes) as a
//! stream of tokens and, at each token that can start an expression, tries the grammar
//! rules below from the most to the least specific; the first that matches wins and the
//! scan continues after it. Rules never cross a paragraph. The vocabulary and the values
//! each form gets are documented in `tests/golden/README.md`.

use std::fmt::Write;

use compact_str::CompactString;
use jiff::civil::Date;

use super::value::{Clock, DayPart, Modifier, Point, Unit, at_grain, shift, valid_day};
use std::sync::LazyLock;

use super::{DateKind, DateMention, Grain, MONTHS, WEEKDAYS, ZONES};
use crate::Span;
use crate::text::{Kind, Normalized, Token, Tokens, WordMap, WordSet, Written};
use rustc_hash::FxHashMap;

/// Finds the temporal expressions of every paragraph of `text`, in order.
pub(crate) fn find(text: &str, normalized: &Normalized, tokens: &Tokens, reference: Option<Date>) -> Vec<DateMention> {
    let mut mentions = Vec::new();
    let mut iso = String::new();
    for (_, paragraph) in tokens.paragraphs() {
        let mut parser = Parser { tokens: paragraph, text, normalized, reference, anchor: None };
        parser.run(&mut mentions, &mut iso);
    }
    mentions
}

/// How a relative word places a named day or month against the reference date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Relation {
    /// Bare: the most recent on or before the reference (a month: in its year).
    Latest,
    /// `lalu`, `kemarin`: strictly before.
    Before,
    /// `depan`, `mendatang`, `nanti`: strictly after.
    After,
    /// `ini`: in the reference's own week (month: year).
    This,
}

/// What a rule found: a value, its kind and grain, and where it ends (token index).
#[derive(Clone, Copy, Debug)]
struct Found {
    end: usize,
    kind: DateKind,
    value: Value,
    grain: Grain,
    modifier: Option<Modifier>,
}

#[derive(Clone, Copy, Debug)]
enum Value {
    Point(Point),
    Range(Point, Point),
    /// From a point on: `sejak 2019`.
    Since(Point),
    Duration(Unit, f64),
    Recurrence(Unit, f64),
    /// Every such weekday (1 = Monday).
    EveryWeekday(i8),
    /// A relative expression without a reference date.
    Unresolved,
}

impl Value {
    /// The ISO 8601 form as an extraction holds it; `None` for an unresolved expression.
    /// It is written into `scratch`, a `String` reused for every value, and copied once:
    /// pushing onto a `CompactString` cost some 60 instructions a character.
    fn iso(self, scratch: &mut String) -> Option<CompactString> {
        scratch.clear();
        match self {
            Value::Point(point) => point.write_iso(scratch),
            Value::Range(from, to) => {
                from.write_iso(scratch);
                scratch.push('/');
                to.write_iso(scratch);
            }
            Value::Since(from) => {
                from.write_iso(scratch);
                scratch.push_str("/..");
            }
            Value::Duration(unit, amount) => unit.write_duration(amount, scratch),
            Value::Recurrence(unit, amount) => {
                scratch.push_str("R/");
                unit.write_duration(amount, scratch);
            }
            Value::EveryWeekday(day) => write!(scratch, "XXXX-WXX-{day}").expect("a String takes any text"),
            Value::Unresolved => return None,
        }
        Some(CompactString::from(scratch.as_str()))
    }
}

impl Found {
    fn new(end: usize, kind: DateKind, value: Value, grain: Grain) -> Found {
        Found { end, kind, value, grain, modifier: None }
    }

    /// A date found at `point`'s grain, or unresolved at `grain`.
    fn point(end: usize, kind: DateKind, point: Option<Point>, grain: Grain) -> Found {
        match point {
            Some(point) => Found::new(end, kind, Value::Point(point), point.grain()),
            None => Found::new(end, kind, Value::Unresolved, grain),
        }
    }
}

/// The parts of a calendar date as written; any may be missing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Calendar {
    weekday: Option<i8>,
    day: Option<i8>,
    month: Option<i8>,
    year: Option<i16>,
}

/// Which incomplete calendar forms a rule accepts.
#[derive(Clone, Copy, Debug, Default)]
struct Accept {
    /// A day number alone (`13` in `13 hingga 17 November`).
    bare_day: bool,
    /// A month name alone.
    bare_month: bool,
    /// A four-digit year alone.
    bare_year: bool,
}

/// Words after which a bare month name is a month (`sejak Maret`, `pada Juni`).
const MONTH_CUES: &[&str] = &[
    "pada",
    "bulan",
    "sejak",
    "semenjak",
    "hingga",
    "sampai",
    "awal",
    "akhir",
    "pertengahan",
    "medio",
    "mulai",
    "per",
    "selama",
    "dari",
    "antara",
    "sebelum",
    "setelah",
    "sesudah",
    "menjelang",
    "jelang",
    "setiap",
    "tiap",
    "di",
    "dan",
    "atau",
    "pekan",
    "minggu",
    "penghujung",
    "periode",
    "memasuki",
    "tanggal",
];

/// Words before a name: a month name after them is a person (`kata Juni`).
const PERSON_CUES: &[&str] = &[
    "kata", "ujar", "tutur", "menurut", "oleh", "bersama", "bapak", "ibu", "pak", "bu", "saudara", "sdr", "nama",
    "bernama",
];

/// Words before a number that make it a quantity or a label, not a year.
const NOT_YEAR_BEFORE: &[&str] = &[
    "rp", "usd", "us", "idr", "sgd", "eur", "sebanyak", "sejumlah", "total", "nomor", "no", "nomer", "pasal", "ayat",
    "kode", "km", "seri", "tipe", "versi", "ruang", "kamar", "pin", "nip", "nik", "sekitar", "hampir", "kurang",
    "lebih", "jumlah", "angka", "skor", "poin", "ke", "antrean", "antrian", "urut", "urutan", "capai", "mencapai",
    "tercatat", "sebesar", "senilai", "ext",
];

/// Words after a number that make it a count.
const COUNT_NOUNS: &[&str] = &[
    "orang",
    "jiwa",
    "unit",
    "buah",
    "ekor",
    "kg",
    "kilogram",
    "ton",
    "gram",
    "liter",
    "km",
    "kilometer",
    "meter",
    "m",
    "hektare",
    "hektar",
    "ha",
    "persen",
    "kasus",
    "peserta",
    "pasien",
    "warga",
    "siswa",
    "mahasiswa",
    "penumpang",
    "kendaraan",
    "rumah",
    "kk",
    "keluarga",
    "pegawai",
    "personel",
    "anggota",
    "lembar",
    "paket",
    "titik",
    "desa",
    "sekolah",
    "kali",
    "poin",
    "suara",
    "pemilih",
    "rupiah",
    "dolar",
    "miliar",
    "juta",
    "ribu",
    "triliun",
    "mw",
    "kwh",
    "petak",
    "pcs",
    "dosis",
    "sampel",
    "butir",
    "batang",
    "karung",
    "bidang",
    "lokasi",
    "korban",
    "pengungsi",
    "jamaah",
    "jemaah",
    "atlet",
    "tim",
    "perusahaan",
    "umkm",
    "kursi",
    "tiket",
    "mdpl",
    "cc",
    "gb",
    "mb",
    "halaman",
    "kata",
    "karakter",
    "nomor",
    "rt",
    "rw",
    "gt",
    "dwt",
    "kepala",
    "mah",
];

/// Words that start a rule on their own, besides the vocabulary tables below.
const KEYWORDS: &[&str] = &[
    "sejak", "semenjak", "antara", "setiap", "tiap", "saban", "selama", "kemarin", "besok", "esok", "lusa", "semalam",
    "tadi", "nanti", "pukul", "pk", "pkl", "abad", "kuartal", "triwulan", "semester", "q", "setengah", "seratus",
    "seribu", "sepuluh", "sebelas",
];

const DIGIT_WORDS: &[(&str, f64)] = &[
    ("satu", 1.0),
    ("dua", 2.0),
    ("tiga", 3.0),
    ("empat", 4.0),
    ("lima", 5.0),
    ("enam", 6.0),
    ("tujuh", 7.0),
    ("delapan", 8.0),
    ("sembilan", 9.0),
];

const UNIT_WORDS: &[(&str, Unit)] = &[
    ("detik", Unit::Second),
    ("menit", Unit::Minute),
    ("jam", Unit::Hour),
    ("hari", Unit::Day),
    ("pekan", Unit::Week),
    ("minggu", Unit::Week),
    ("bulan", Unit::Month),
    ("tahun", Unit::Year),
    ("dekade", Unit::Decade),
    ("dasawarsa", Unit::Decade),
];

const DAY_PARTS: &[(&str, DayPart)] = &[
    ("pagi", DayPart::Morning),
    ("subuh", DayPart::Morning),
    ("siang", DayPart::Midday),
    ("sore", DayPart::Afternoon),
    ("petang", DayPart::Evening),
    ("malam", DayPart::Night),
];

const MODIFIER_WORDS: &[(&str, Modifier)] = &[
    ("awal", Modifier::Start),
    ("permulaan", Modifier::Start),
    ("pertengahan", Modifier::Mid),
    ("medio", Modifier::Mid),
    ("akhir", Modifier::End),
    ("penghujung", Modifier::End),
];

/// The grammar's word tables, each behind the shape test of a [`WordMap`]: searched in
/// order, the month names alone took some 400 instructions a lookup, and a date candidate
/// looks up several.
struct Tables {
    months: WordMap<&'static str, (i8, bool)>,
    weekdays: WordMap<&'static str, i8>,
    digits: WordMap<&'static str, f64>,
    units: WordMap<&'static str, Unit>,
    day_parts: WordMap<&'static str, DayPart>,
    modifiers: WordMap<&'static str, Modifier>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    months: table(MONTHS.iter().map(|&(name, month, full)| (name, (month, full)))),
    weekdays: table(WEEKDAYS.iter().copied()),
    digits: table(DIGIT_WORDS.iter().copied()),
    units: table(UNIT_WORDS.iter().copied()),
    day_parts: table(DAY_PARTS.iter().copied()),
    modifiers: table(MODIFIER_WORDS.iter().copied()),
});

/// A table of `entries`; of two entries for one word, the first counts, as it did when
/// the tables were searched in order.
fn table<T>(entries: impl Iterator<Item = (&'static str, T)>) -> WordMap<&'static str, T> {
    let mut map = FxHashMap::default();
    for (word, value) in entries {
        map.entry(word).or_insert(value);
    }
    WordMap::from(map)
}

fn digit_word(word: &str) -> Option<f64> {
    TABLES.digits.get(word).copied()
}

fn unit_word(word: &str) -> Option<Unit> {
    TABLES.units.get(word).copied()
}

/// `sehari`, `sepekan`, `setahun`: one of a unit, in one word.
fn one_unit_word(word: &str) -> Option<Unit> {
    word.strip_prefix("se").and_then(unit_word)
}

fn day_part(word: &str) -> Option<DayPart> {
    TABLES.day_parts.get(word).copied()
}

fn modifier_word(word: &str) -> Option<Modifier> {
    TABLES.modifiers.get(word).copied()
}

/// Every word a rule can start at.
static STARTERS: LazyLock<WordSet<String>> = LazyLock::new(|| {
    fn names<T: 'static>(table: &'static [(&'static str, T)]) -> impl Iterator<Item = &'static str> {
        table.iter().map(|(name, _)| *name)
    }
    let words = KEYWORDS.iter().copied().chain(names(WEEKDAYS)).chain(MONTHS.iter().map(|(name, ..)| *name));
    let words = words.chain(names(DIGIT_WORDS)).chain(names(DAY_PARTS)).chain(names(MODIFIER_WORDS));
    let words = words.chain(names(UNIT_WORDS)).map(str::to_string);
    words.chain(names(UNIT_WORDS).map(|unit| format!("se{unit}"))).map(|word| (word, ())).collect()
});

/// Whether a rule can start at `word`: the cheap test that lets the scan skip nearly every
/// word of a text. Most words fail on their length and first letter before any hashing.
fn can_start(word: &str) -> bool {
    STARTERS.contains(word)
}

fn weekday_number(word: &str) -> Option<i8> {
    TABLES.weekdays.get(word).copied()
}

/// `I` … `XXX`.
fn roman(word: &str) -> Option<i16> {
    if word.is_empty() || word.len() > 6 {
        return None;
    }
    let value = |c| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        _ => None,
    };
    let digits: Option<Vec<i16>> = word.chars().map(value).collect();
    let digits = digits?;
    let mut total = 0;
    for (i, &digit) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > digit) {
            total -= digit;
        } else {
            total += digit;
        }
    }
    (total > 0).then_some(total)
}

struct Parser<'a, 't> {
    tokens: &'a [Token<'t>],
    text: &'a str,
    normalized: &'a Normalized,
    reference: Option<Date>,
    /// The last day-grain date of this paragraph, which a bare time belongs to.
    anchor: Option<Date>,
}

impl Parser<'_, '_> {
    /// Appends the paragraph's mentions; `iso` is the buffer their values are written in.
    fn run(&mut self, mentions: &mut Vec<DateMention>, iso: &mut String) {
        let mut at = 0;
        while at < self.tokens.len() {
            if let Some(end) = self.impossible_date(at) {
                at = end;
                continue;
            }
            match self.expression(at) {
                Some(found) => {
                    if let Value::Point(point) | Value::Range(_, point) = found.value
                        && let Some(date) = point.date()
                    {
                        self.anchor = Some(date);
                    }
                    mentions.push(self.mention(at, found, iso));
                    at = found.end;
                }
                None => at += 1,
            }
        }
    }

    /// Where a written date that the calendar does not have (`31 Februari 2023`,
    /// `13/13/2023`) ends, so that no part of it is taken for a month or year.
    fn impossible_date(&self, at: usize) -> Option<usize> {
        let token = self.tokens[at];
        if token.kind != Kind::Number || self.not_a_date_number(at) {
            return None;
        }
        let (end, calendar) = self.calendar_date(at, Accept::default())?;
        let day_and_month = calendar.day.is_some() && calendar.month.is_some();
        (day_and_month && self.resolve(calendar, Relation::Latest).is_err()).then_some(end)
    }

    fn mention(&self, start: usize, found: Found, iso: &mut String) -> DateMention {
        let cut_from = self.normalized.as_str();
        let normalized =
            Span::new(self.tokens[start].span_in(cut_from).start, self.tokens[found.end - 1].span_in(cut_from).end);
        let span = self.normalized.to_original(normalized);
        DateMention {
            span,
            text: self.text[span.range()].into(),
            kind: found.kind,
            value: found.value.iso(iso),
            grain: found.grain,
            modifier: found.modifier,
        }
    }

    fn expression(&self, at: usize) -> Option<Found> {
        let token = self.tokens[at];
        if token.kind == Kind::Mark {
            return None;
        }
        if token.kind == Kind::Number && self.not_a_date_number(at)
            || token.kind == Kind::Word && !can_start(token.text)
        {
            return None;
        }
        self.since(at)
            .or_else(|| self.between(at))
            .or_else(|| self.recurrence(at))
            .or_else(|| self.modified(at))
            .or_else(|| self.selama(at))
            .or_else(|| self.dated(at))
            .or_else(|| self.time(at))
            .or_else(|| self.counted(at))
            .or_else(|| self.period(at))
    }

    // ---- token helpers -------------------------------------------------------------

    fn word(&self, at: usize) -> Option<&str> {
        self.tokens.get(at).filter(|t| t.kind == Kind::Word).map(|t| t.text)
    }

    fn is(&self, at: usize, word: &str) -> bool {
        self.word(at) == Some(word)
    }

    fn is_mark(&self, at: usize, mark: &str) -> bool {
        self.tokens.get(at).is_some_and(|t| t.kind == Kind::Mark && t.text == mark)
    }

    fn glued(&self, at: usize) -> bool {
        self.tokens.get(at).is_some_and(|t| t.glued)
    }

    /// A run of digits of at most `max_len`, as a number.
    fn digits(&self, at: usize, max_len: usize) -> Option<i16> {
        let token = self.tokens.get(at).filter(|t| t.kind == Kind::Number && t.text.len() <= max_len)?;
        token.text.parse().ok()
    }

    fn year(&self, at: usize) -> Option<i16> {
        self.tokens.get(at).filter(|t| t.text.len() == 4)?;
        self.digits(at, 4).filter(|year| (1000..3000).contains(year))
    }

    /// Whether the word at `at` starts with a capital letter in the original text.
    fn capitalised(&self, at: usize) -> bool {
        self.written(at).capital
    }

    /// How the word at `at` is written in the original text.
    fn written(&self, at: usize) -> Written {
        self.tokens[at].written
    }

    /// A number glued to a word or inside a larger figure (`Rp2023`, the `023` of
    /// `2.023`) or labelled as an article number (`pasal 13`) starts no date.
    fn not_a_date_number(&self, at: usize) -> bool {
        let Some(before) = at.checked_sub(1).map(|b| self.tokens[b]) else { return false };
        let glued_to_word = self.glued(at) && before.kind == Kind::Word;
        let inside_figure = self.glued(at)
            && matches!(before.text, "." | "," | ":")
            && at >= 2
            && self.glued(at - 1)
            && self.tokens[at - 2].kind == Kind::Number;
        // `XR-2023`, `COVID-19`, `1311-2023`: a code or a longer figure.
        let code = self.glued(at)
            && matches!(before.text, "-" | "/")
            && at >= 2
            && self.glued(at - 1)
            && self.tokens[at - 2].kind != Kind::Mark;
        let label = matches!(before.text, "pasal" | "ayat" | "nomor" | "no" | "nomer" | "rp");
        glued_to_word || inside_figure || code || label
    }

    /// Whether a figure goes on at `at` (`-17` after `1311-2023`), so what came before is
    /// part of a number and not a date.
    fn continues_figure(&self, at: usize) -> bool {
        self.glued(at)
            && self.tokens.get(at).is_some_and(|t| matches!(t.text, "-" | "/" | "." | ","))
            && self.glued(at + 1)
            && self.tokens.get(at + 1).is_some_and(|t| t.kind == Kind::Number)
    }

    // ---- rules -------------------------------------------------------------------------

    /// `sejak 2019`, `sejak Maret`, `sejak Senin (13/11)`: an open range.
    fn since(&self, at: usize) -> Option<Found> {
        if !(self.is(at, "sejak") || self.is(at, "semenjak")) {
            return None;
        }
        let start = at + 1;
        let inner = self
            .calendar_expression(start, Accept { bare_month: true, bare_year: true, ..Accept::default() })
            .or_else(|| self.relative_day(start).map(|(end, day)| self.with_time_of_day(end, day)))
            .or_else(|| self.period(start))?;
        let value = match inner.value {
            Value::Point(point) => Value::Since(point),
            Value::Unresolved => Value::Unresolved,
            // `sejak Oktober 2023 hingga Februari 2024` is the closed range.
            _ => return None,
        };
        Some(Found { end: inner.end, kind: DateKind::Range, value, grain: inner.grain, modifier: inner.modifier })
    }

    /// `antara 13 dan 17 November 2023`.
    fn between(&self, at: usize) -> Option<Found> {
        if !self.is(at, "antara") {
            return None;
        }
        let loose = Accept { bare_day: true, bare_month: true, bare_year: true };
        let (middle, left) = self.calendar(at + 1, loose)?;
        if !self.is(middle, "dan") {
            return None;
        }
        let (end, right) = self.calendar(middle + 1, Accept { bare_year: true, ..Accept::default() })?;
        self.range(left, right).map(|(from, to)| Found::new(end, DateKind::Range, Value::Range(from, to), from.grain()))
    }

    /// `setiap Senin`, `setiap bulan`, `tiap tiga tahun sekali`.
    fn recurrence(&self, at: usize) -> Option<Found> {
        if !matches!(self.word(at), Some("setiap" | "tiap" | "saban")) {
            return None;
        }
        let mut next = at + 1;
        if self.is(next, "hari") && self.word(next + 1).and_then(weekday_number).is_some() {
            next += 1;
        }
        if let Some(day) = self.word(next).and_then(weekday_number) {
            return Some(Found::new(next + 1, DateKind::Set, Value::EveryWeekday(day), Grain::Day));
        }
        let (after, amount, unit) = match self.word(next).and_then(unit_word) {
            Some(unit) => (next + 1, 1.0, unit),
            None => self.amount_of(next)?,
        };
        let end = if self.is(after, "sekali") { after + 1 } else { after };
        Some(Found::new(end, DateKind::Set, Value::Recurrence(unit, amount), unit.grain()))
    }

    /// `awal November`, `akhir tahun lalu`, `pertengahan 2024`, `akhir pekan`.
    fn modified(&self, at: usize) -> Option<Found> {
        let modifier = self.word(at).and_then(modifier_word)?;
        let start = at + 1;
        if modifier == Modifier::End && matches!(self.word(start), Some("pekan" | "minggu")) {
            let (end, offset) = match self.word(start + 1) {
                Some("lalu" | "kemarin") => (start + 2, -1),
                Some("depan" | "mendatang") => (start + 2, 1),
                Some("ini") => (start + 2, 0),
                _ => (start + 1, 0),
            };
            let point = self.reference.and_then(|r| shift(r, Unit::Week, offset)).map(Point::Weekend);
            return Some(Found::point(end, DateKind::Date, point, Grain::Week));
        }
        if self.is(start, "tahun")
            && !self.word(start + 1).is_some_and(|w| matches!(w, "ini" | "lalu" | "depan" | "mendatang" | "kemarin"))
            && self.year(start + 1).is_none()
        {
            // `akhir tahun`: the reference's year.
            let point = self.reference.map(|r| Point::Year(r.year()));
            return Some(Found {
                modifier: Some(modifier),
                ..Found::point(start + 1, DateKind::Date, point, Grain::Year)
            });
        }
        let inner = self
            .calendar_expression(start, Accept { bare_month: true, bare_year: true, ..Accept::default() })
            .or_else(|| self.period(start))?;
        Some(Found { modifier: Some(modifier), ..inner })
    }

    /// `selama lima hari`: a duration with its `selama`.
    fn selama(&self, at: usize) -> Option<Found> {
        if !self.is(at, "selama") {
            return None;
        }
        let (end, amount, unit) = self.amount_of(at + 1)?;
        Some(Found::new(end, DateKind::Duration, Value::Duration(unit, amount), unit.grain()))
    }

    /// A calendar date or a day relative to the reference, with its day part and time:
    /// `Senin (4/3/2024) pukul 06.47 WIB`, `kemarin sore`, `13-17 November 2023`.
    fn dated(&self, at: usize) -> Option<Found> {
        if let Some(found) = self.calendar_expression(at, Accept::default()) {
            return Some(found);
        }
        let (end, day) = self.relative_day(at)?;
        Some(self.with_time_of_day(end, day))
    }

    /// A calendar date or range, with its day part and time.
    fn calendar_expression(&self, at: usize, accept: Accept) -> Option<Found> {
        let loose = Accept { bare_day: true, bare_month: true, bare_year: true };
        // What the loosest reading cannot read, no stricter one can: most numbers stop here.
        let (middle, left) = self.calendar(at, loose)?;
        if let Some(start) = self.connector(middle)
            && let Some((end, right)) = self.calendar(
                start,
                Accept {
                    bare_year: left.month.is_none(),
                    bare_month: left.month.is_some() && left.day.is_none(),
                    ..Accept::default()
                },
            )
            && let Some((from, to)) = self.range(left, right)
            && !self.continues_figure(end)
        {
            return Some(Found::new(end, DateKind::Range, Value::Range(from, to), from.grain()));
        }
        let accept = Accept { bare_month: accept.bare_month || self.month_cue(at), ..accept };
        let (mut end, calendar) = self.calendar(at, accept)?;
        let relation = if calendar.day.is_none() && (calendar.weekday.is_some() || calendar.year.is_none()) {
            let (after, relation) = self.relation(end);
            end = after;
            relation
        } else {
            Relation::Latest
        };
        let point = self.resolve(calendar, relation).ok()?;
        let grain = if calendar.weekday.is_some() || calendar.day.is_some() { Grain::Day } else { Grain::Month };
        match point {
            Some(point) if point.grain() == Grain::Day => Some(self.with_time_of_day(end, Some(point))),
            None if grain == Grain::Day => Some(self.with_time_of_day(end, None)),
            _ => Some(Found::point(end, DateKind::Date, point, grain)),
        }
    }

    /// A day point followed by a day part and/or a time: `Jumat malam`, `Senin (4/3)
    /// pukul 10.00 WIB`, `hari ini pukul 14.00-16.00`.
    fn with_time_of_day(&self, mut end: usize, day: Option<Point>) -> Found {
        let mut part = None;
        if let Some((after, found)) = self.day_part_at(end) {
            part = Some(found);
            end = after;
        }
        let mut time_start = end;
        if self.is_mark(time_start, ",") {
            time_start += 1;
        }
        if let Some((after, from, to)) = self.clock_range(time_start, part) {
            let at = |clock| day.and_then(|day| day.at(clock));
            let value = match (at(from), to.map(at)) {
                (Some(from), Some(Some(to))) => Value::Range(from, to),
                (Some(from), None) => Value::Point(from),
                _ => Value::Unresolved,
            };
            let kind = if to.is_some() { DateKind::Range } else { DateKind::Datetime };
            return Found::new(after, kind, value, Grain::Minute);
        }
        match (part, day) {
            (Some(part), _) => {
                let point = day.and_then(Point::date).map(|date| Point::DayPart(date, part));
                Found::point(end, DateKind::Datetime, point, Grain::Hour)
            }
            (None, Some(point @ Point::DayPart(..))) => Found::point(end, DateKind::Datetime, Some(point), Grain::Hour),
            (None, _) => Found::point(end, DateKind::Date, day, Grain::Day),
        }
    }

    /// `pukul 10.00 WIB`, `pukul 14.00-16.00 WIB`: on the paragraph's last date, else the
    /// reference date.
    fn time(&self, at: usize) -> Option<Found> {
        let (end, from, to) = self.clock_range(at, None)?;
        let point = |clock| match self.anchor.or(self.reference) {
            Some(date) => Point::Moment(date, clock),
            None => Point::TimeOfDay(clock),
        };
        Some(match to {
            Some(to) => Found::new(end, DateKind::Range, Value::Range(point(from), point(to)), Grain::Minute),
            None => Found::new(end, DateKind::Time, Value::Point(point(from)), Grain::Minute),
        })
    }

    /// A count of units: `tiga hari lalu`, `dua pekan mendatang`, `sepekan terakhir`,
    /// `72 menit`, `setahun sekali`.
    fn counted(&self, at: usize) -> Option<Found> {
        let (end, amount, unit) = self.amount_of(at)?;
        let whole = (amount.fract() == 0.0).then_some(amount as i64);
        let direction = match (self.word(end), self.word(end + 1)) {
            (Some("yang"), Some("lalu")) => Some((end + 2, -1)),
            (Some("lalu" | "silam"), _) => Some((end + 1, -1)),
            (Some("yang"), Some("akan")) if self.is(end + 2, "datang") => Some((end + 3, 1)),
            (Some("ke"), Some("depan")) => Some((end + 2, 1)),
            (Some("mendatang" | "lagi"), _) => Some((end + 1, 1)),
            _ => None,
        };
        if let (Some((after, sign)), Some(count)) = (direction, whole) {
            let point = self.reference.and_then(|r| shift(r, unit, sign * count)).and_then(|date| at_grain(date, unit));
            let kind = if unit.grain() >= Grain::Hour { DateKind::Time } else { DateKind::Date };
            return Some(Found::point(after, kind, point, unit.grain()));
        }
        if let (Some("terakhir" | "belakangan"), Some(count)) = (self.word(end), whole) {
            let value = match self.reference.and_then(|r| Some((shift(r, unit, -count)?, r))) {
                Some((from, to)) => Value::Range(Point::Day(from), Point::Day(to)),
                None => Value::Unresolved,
            };
            return Some(Found::new(end + 1, DateKind::Range, value, Grain::Day));
        }
        if self.is(end, "sekali") {
            return Some(Found::new(end + 1, DateKind::Set, Value::Recurrence(unit, amount), unit.grain()));
        }
        Some(Found::new(end, DateKind::Duration, Value::Duration(unit, amount), unit.grain()))
    }

    /// Periods named by a word: `tahun 2023`, `tahun lalu`, `pekan ini`, `bulan depan`,
    /// `1990-an`, `abad ke-21`, `kuartal III 2023`, `semester I`, and a bare year.
    fn period(&self, at: usize) -> Option<Found> {
        let word = self.word(at);
        if let Some(unit @ (Unit::Week | Unit::Month | Unit::Year)) = word.and_then(unit_word) {
            let offset = match self.word(at + 1) {
                Some("ini") => Some(0),
                Some("lalu" | "kemarin") => Some(-1),
                Some("depan" | "mendatang") => Some(1),
                _ => None,
            };
            if let Some(offset) = offset {
                let point = self.reference.and_then(|r| shift(r, unit, offset)).and_then(|d| at_grain(d, unit));
                return Some(Found::point(at + 2, DateKind::Date, point, unit.grain()));
            }
        }
        match word {
            Some("tahun") => {
                let start = at + 1;
                if let Some(found) = self.year_range(start) {
                    return Some(found);
                }
                if let Some(found) = self.decade(start) {
                    return Some(found);
                }
                let year = self.year(start)?;
                Some(Found::point(start + 1, DateKind::Date, Some(Point::Year(year)), Grain::Year))
            }
            Some("abad") => {
                let mut next = at + 1;
                if self.is(next, "ke") {
                    next += 1;
                    if self.is_mark(next, "-") {
                        next += 1;
                    }
                }
                let century = self.digits(next, 2).or_else(|| self.word(next).and_then(roman))?;
                let point = (1..=30).contains(&century).then_some(Point::Century(century - 1));
                Some(Found::point(next + 1, DateKind::Date, Some(point?), Grain::Century))
            }
            Some("kuartal" | "triwulan" | "semester") | Some("q") => self.part_of_year(at),
            _ => self.decade(at).or_else(|| self.bare_year(at)),
        }
    }

    // ---- parts -------------------------------------------------------------------------

    /// `kuartal III 2023`, `triwulan ketiga`, `Q3 2023`, `semester I`.
    fn part_of_year(&self, at: usize) -> Option<Found> {
        let half = self.is(at, "semester");
        let mut next = at + 1;
        let ordinal = if self.is(at, "q") {
            self.glued(next).then(|| self.digits(next, 1)).flatten()
        } else if self.is(next, "ke") {
            next += 1;
            if self.is_mark(next, "-") {
                next += 1;
            }
            self.digits(next, 1)
        } else {
            let word = self.word(next);
            match word {
                Some("pertama") => Some(1),
                Some("kedua") => Some(2),
                Some("ketiga") => Some(3),
                Some("keempat") => Some(4),
                Some(roman_numeral) => roman(roman_numeral),
                None => self.digits(next, 1),
            }
        }?;
        if !(1..=if half { 2 } else { 4 }).contains(&ordinal) {
            return None;
        }
        next += 1;
        let (end, year) = if let Some(year) = self.year(next) {
            (next + 1, Some(year))
        } else if self.is(next, "tahun") && self.year(next + 1).is_some() {
            (next + 2, self.year(next + 1))
        } else {
            let offset = match (self.word(next), self.word(next + 1)) {
                (Some("tahun"), Some("ini")) => Some((next + 2, 0)),
                (Some("tahun"), Some("lalu")) => Some((next + 2, -1)),
                (Some("tahun"), Some("depan")) => Some((next + 2, 1)),
                _ => None,
            };
            match offset {
                Some((end, offset)) => (end, self.reference.map(|r| r.year() + offset)),
                None => (next, self.reference.map(|r| r.year())),
            }
        };
        let ordinal = ordinal as i8;
        let point = year.map(|year| if half { Point::Half(year, ordinal) } else { Point::Quarter(year, ordinal) });
        Some(Found::point(end, DateKind::Date, point, if half { Grain::Half } else { Grain::Quarter }))
    }

    /// `1990-an`.
    fn decade(&self, at: usize) -> Option<Found> {
        let year = self.digits(at, 4).filter(|_| self.tokens[at].text.len() >= 2)?;
        if !(self.is_mark(at + 1, "-") && self.glued(at + 1) && self.is(at + 2, "an") && self.glued(at + 2)) {
            return None;
        }
        let year = match self.tokens[at].text.len() {
            2 if year >= 30 => 1900 + year,
            2 => 2000 + year,
            4 => year,
            _ => return None,
        };
        (year % 10 == 0).then(|| Found::point(at + 3, DateKind::Date, Some(Point::Decade(year / 10)), Grain::Decade))
    }

    /// `2020-2024`, `2023/2024`.
    fn year_range(&self, at: usize) -> Option<Found> {
        let from = self.year(at)?;
        let next = at + 1;
        let start = if self.is_mark(next, "/") && self.glued(next) && self.glued(next + 1) {
            next + 1
        } else {
            self.connector(next)?
        };
        let to = self.year(start)?;
        (from < to && to - from <= 100 && !self.continues_figure(start + 1)).then(|| {
            Found::new(start + 1, DateKind::Range, Value::Range(Point::Year(from), Point::Year(to)), Grain::Year)
        })
    }

    /// A four-digit number from 1900 to 2100 that reads as a year.
    fn bare_year(&self, at: usize) -> Option<Found> {
        if let Some(found) = self.year_range(at) {
            return Some(found);
        }
        let year = self.year(at).filter(|year| (1900..=2100).contains(year))?;
        let before = at.checked_sub(1).and_then(|b| self.word(b));
        if before.is_some_and(|w| NOT_YEAR_BEFORE.contains(&w))
            || self.word(at + 1).is_some_and(|w| COUNT_NOUNS.contains(&w))
        {
            return None;
        }
        if at.checked_sub(1).is_some_and(|b| self.is_mark(b, "$") || self.is_mark(b, "#")) {
            return None;
        }
        if self.glued(at + 1) && self.tokens.get(at + 1).is_some_and(|t| t.kind != Kind::Mark)
            || self.continues_figure(at + 1)
        {
            return None;
        }
        // A number plate: `B 2023 TKA`.
        let short_caps = |at: usize| self.word(at).is_some_and(|w| w.len() <= 3) && self.all_caps(at);
        if at.checked_sub(1).is_some_and(short_caps) && short_caps(at + 1) {
            return None;
        }
        Some(Found::point(at + 1, DateKind::Date, Some(Point::Year(year)), Grain::Year))
    }

    /// `hari ini`, `kemarin`, `besok`, `lusa`, `kemarin lusa`, `tadi pagi`, `malam ini`,
    /// `semalam`: a day (or day part) relative to the reference date.
    fn relative_day(&self, at: usize) -> Option<(usize, Option<Point>)> {
        let day = |offset: i64| self.reference.and_then(|r| shift(r, Unit::Day, offset)).map(Point::Day);
        let part_on = |offset: i64, part: DayPart| {
            self.reference.and_then(|r| shift(r, Unit::Day, offset)).map(|d| Point::DayPart(d, part))
        };
        let word = self.word(at)?;
        let next = self.word(at + 1);
        Some(match (word, next) {
            ("hari", Some("ini")) => (at + 2, day(0)),
            ("kemarin", Some("lusa")) => (at + 2, day(-2)),
            ("kemarin", _) => (at + 1, day(-1)),
            ("besok" | "esok", Some("lusa")) => (at + 2, day(2)),
            ("besok", _) => (at + 1, day(1)),
            ("esok", Some("hari")) => (at + 2, day(1)),
            ("esok", _) => (at + 1, day(1)),
            ("lusa", _) => (at + 1, day(2)),
            ("semalam", _) => return Some((at + 1, part_on(-1, DayPart::Night))),
            ("tadi", Some("malam")) => (at + 2, part_on(-1, DayPart::Night)),
            ("tadi" | "nanti", Some(part)) => (at + 2, part_on(0, day_part(part)?)),
            (part, Some("ini" | "tadi" | "nanti")) => (at + 2, part_on(0, day_part(part)?)),
            _ => return None,
        })
    }

    fn day_part_at(&self, at: usize) -> Option<(usize, DayPart)> {
        match (self.word(at)?, self.word(at + 1)) {
            ("dini", Some("hari")) => Some((at + 2, DayPart::Morning)),
            (word, _) => day_part(word).map(|part| (at + 1, part)),
        }
    }

    /// `pukul 10.00 WIB`, `jam 8 pagi`, `10.00 WITA`, optionally a range
    /// `pukul 14.00-16.00 WIB`; `part` is a day part already said (`Jumat malam pukul 9`).
    fn clock_range(&self, at: usize, part: Option<DayPart>) -> Option<(usize, Clock, Option<Clock>)> {
        let (end, from) = self.clock(at, part, true)?;
        if let Some(start) = self.connector(end)
            && let Some((after, to)) = self.clock(start, part, false)
        {
            let from = if from.offset.is_none() { Clock { offset: to.offset, ..from } } else { from };
            return Some((after, from, Some(to)));
        }
        Some((end, from, None))
    }

    /// One time of day. The first of a range needs `pukul`/`jam` or a zone; the second
    /// only its digits.
    fn clock(&self, at: usize, part: Option<DayPart>, first: bool) -> Option<(usize, Clock)> {
        let mut next = at;
        let cued = matches!(self.word(at), Some("pukul" | "jam" | "pk" | "pkl"));
        if cued {
            next += 1;
            if self.is_mark(next, ".") {
                next += 1;
            }
        }
        let hour = self.digits(next, 2)?;
        next += 1;
        let minutes = (self.is_mark(next, ".") || self.is_mark(next, ":"))
            && self.glued(next)
            && self.glued(next + 1)
            && self.tokens.get(next + 1).is_some_and(|t| t.kind == Kind::Number && t.text.len() == 2);
        let mut minute = 0;
        if minutes {
            minute = self.digits(next + 1, 2)?;
            next += 2;
        }
        let mut part = part;
        if let Some((after, said)) = self.day_part_at(next) {
            part = Some(said);
            next = after;
        }
        let offset = self.word(next).and_then(|zone| ZONES.iter().find(|(name, _)| *name == zone)).map(|&(_, h)| h);
        if offset.is_some() {
            next += 1;
        }
        if first && !cued && !(minutes && offset.is_some()) {
            return None;
        }
        let hour = hour as i8;
        let hour = part.map_or(hour, |part| part.clock_hour(hour));
        Some((next, Clock::new(hour, minute as i8, offset)?))
    }

    /// A number and a unit: `lima hari`, `72 menit`, `satu setengah jam`, `sepekan`.
    fn amount_of(&self, at: usize) -> Option<(usize, f64, Unit)> {
        if let Some(unit) = self.word(at).and_then(one_unit_word) {
            return Some((at + 1, 1.0, unit));
        }
        let (next, amount) = self.number(at)?;
        let unit = self.word(next).and_then(unit_word)?;
        // `Nomor 17 Tahun 2023` names a law, `24 jam 7` is not a clock.
        if unit == Unit::Year && self.year(next + 1).is_some() {
            return None;
        }
        Some((next + 1, amount, unit))
    }

    /// A number in digits (`72`, `1.000`, `2,5`) or words (`dua puluh satu`,
    /// `satu setengah`, `seratus`).
    fn number(&self, at: usize) -> Option<(usize, f64)> {
        let token = self.tokens.get(at)?;
        let (mut next, mut value) = if token.kind == Kind::Number {
            let mut value: f64 = token.text.parse().ok()?;
            let mut next = at + 1;
            while self.is_mark(next, ".")
                && self.glued(next)
                && self.glued(next + 1)
                && self.tokens.get(next + 1).is_some_and(|t| t.kind == Kind::Number && t.text.len() == 3)
            {
                value = value * 1000.0 + self.tokens[next + 1].text.parse::<f64>().ok()?;
                next += 2;
            }
            if self.is_mark(next, ",")
                && self.glued(next)
                && self.glued(next + 1)
                && self.tokens.get(next + 1).is_some_and(|t| t.kind == Kind::Number)
            {
                let decimals = self.tokens[next + 1].text;
                value += format!("0.{decimals}").parse::<f64>().ok()?;
                next += 2;
            }
            (next, value)
        } else {
            self.number_words(at)?
        };
        if self.is(next, "setengah") {
            value += 0.5;
            next += 1;
        }
        Some((next, value))
    }

    fn number_words(&self, at: usize) -> Option<(usize, f64)> {
        match self.word(at)? {
            "setengah" => return Some((at + 1, 0.5)),
            "seribu" => return Some((at + 1, 1000.0)),
            "seratus" => {
                let (end, rest) = self.below_hundred(at + 1).unwrap_or((at + 1, 0.0));
                return Some((end, 100.0 + rest));
            }
            _ => {}
        }
        let (end, value) = self.below_hundred(at)?;
        if self.is(end, "ratus") && value < 10.0 {
            let (after, rest) = self.below_hundred(end + 1).unwrap_or((end + 1, 0.0));
            return Some((after, value * 100.0 + rest));
        }
        Some((end, value))
    }

    fn below_hundred(&self, at: usize) -> Option<(usize, f64)> {
        match self.word(at)? {
            "sepuluh" => return Some((at + 1, 10.0)),
            "sebelas" => return Some((at + 1, 11.0)),
            _ => {}
        }
        let digit = self.word(at).and_then(digit_word)?;
        match self.word(at + 1) {
            Some("belas") => Some((at + 2, 10.0 + digit)),
            Some("puluh") => {
                let rest = self.word(at + 2).and_then(digit_word);
                Some(match rest {
                    Some(rest) => (at + 3, digit * 10.0 + rest),
                    None => (at + 2, digit * 10.0),
                })
            }
            _ => Some((at + 1, digit)),
        }
    }

    /// `hingga`, `sampai (dengan)`, `s.d.`, `s/d`, or a dash; returns where the right side
    /// starts.
    fn connector(&self, at: usize) -> Option<usize> {
        match self.word(at) {
            Some("hingga") => return Some(at + 1),
            Some("sampai") => return Some(if self.is(at + 1, "dengan") { at + 2 } else { at + 1 }),
            Some("sd") => return Some(at + 1),
            Some("s") => {
                let slash = self.is_mark(at + 1, "/") || self.is_mark(at + 1, ".");
                if slash && self.is(at + 2, "d") {
                    return Some(if self.is_mark(at + 3, ".") { at + 4 } else { at + 3 });
                }
                return None;
            }
            _ => {}
        }
        self.is_mark(at, "-").then_some(at + 1)
    }

    /// The date parts at `at`: a weekday with an optional date, a day-month-year in words
    /// or digits, a month and year, or (as `accept` allows) a day, month or year alone.
    fn calendar(&self, at: usize, accept: Accept) -> Option<(usize, Calendar)> {
        if let Some(weekday) = self.weekday(at) {
            let next = at + 1;
            if self.is_mark(next, ",")
                && let Some((end, date)) = self.calendar_date(next + 1, Accept::default())
                && date.day.is_some()
            {
                return Some((end, Calendar { weekday: Some(weekday), ..date }));
            }
            if self.is_mark(next, "(")
                && let Some((end, date)) = self.numeric_date(next + 1, true)
                && self.is_mark(end, ")")
            {
                return Some((end + 1, Calendar { weekday: Some(weekday), ..date }));
            }
            return Some((next, Calendar { weekday: Some(weekday), ..Calendar::default() }));
        }
        self.calendar_date(at, accept)
    }

    fn calendar_date(&self, at: usize, accept: Accept) -> Option<(usize, Calendar)> {
        if let Some(found) = self.numeric_date(at, false) {
            return Some(found);
        }
        if let Some(day) = self.digits(at, 2).filter(|day| (1..=31).contains(day))
            && let Some((end, month, year)) = self.month_name(at + 1, true)
        {
            return Some((end, Calendar { day: Some(day as i8), month: Some(month), year, weekday: None }));
        }
        if let Some((end, month, year)) = self.month_name(at, accept.bare_month) {
            return Some((end, Calendar { month: Some(month), year, ..Calendar::default() }));
        }
        if accept.bare_day
            && let Some(day) = self.digits(at, 2).filter(|day| (1..=31).contains(day))
        {
            return Some((at + 1, Calendar { day: Some(day as i8), ..Calendar::default() }));
        }
        if accept.bare_year
            && let Some(year) = self.year(at)
        {
            return Some((at + 1, Calendar { year: Some(year), ..Calendar::default() }));
        }
        None
    }

    /// `13/11/2023`, `13-11-2023`, `2023-11-13`, and inside parentheses `13/11`.
    fn numeric_date(&self, at: usize, in_parentheses: bool) -> Option<(usize, Calendar)> {
        let glued = |from: usize, to: usize| (from + 1..to).all(|i| self.glued(i));
        let first = self.tokens.get(at).filter(|t| t.kind == Kind::Number)?;
        let separator = self.tokens.get(at + 1).filter(|t| t.kind == Kind::Mark && matches!(t.text, "/" | "-"))?.text;
        if first.text.len() == 4 && separator == "-" && glued(at, at + 5) && self.is_mark(at + 3, "-") {
            let year = self.year(at)?;
            let month = self.digits(at + 2, 2)?;
            let day = self.digits(at + 4, 2)?;
            let calendar = Calendar { year: Some(year), month: Some(month as i8), day: Some(day as i8), weekday: None };
            return Some((at + 5, calendar));
        }
        let day = self.digits(at, 2)?;
        let month = self.digits(at + 2, 2)?;
        if !glued(at, at + 3) {
            return None;
        }
        let with_year = self.is_mark(at + 3, separator) && glued(at + 2, at + 5);
        let (end, year) = if with_year {
            let token = self.tokens.get(at + 4).filter(|t| t.kind == Kind::Number)?;
            let year = match token.text.len() {
                4 => self.year(at + 4)?,
                2 => 2000 + self.digits(at + 4, 2)?,
                _ => return None,
            };
            (at + 5, Some(year))
        } else if in_parentheses && separator == "/" {
            (at + 3, None)
        } else {
            return None;
        };
        // A longer figure (`0812-3456-7890`, `1/2/3/4`) is not a date.
        if self.glued(end) && self.tokens.get(end).is_some_and(|t| t.kind != Kind::Mark || matches!(t.text, "/" | "-"))
        {
            return None;
        }
        let calendar = Calendar { day: Some(day as i8), month: Some(month as i8), year, weekday: None };
        Some((end, calendar))
    }

    /// A month name, abbreviated only when a day or year stands beside it, with an
    /// optional year; alone only when `alone` and written in full with a capital.
    fn month_name(&self, at: usize, alone: bool) -> Option<(usize, i8, Option<i16>)> {
        let word = self.word(at)?;
        let &(month, full) = TABLES.months.get(word)?;
        let mut next = at + 1;
        if !full && self.is_mark(next, ".") && self.glued(next) {
            next += 1;
        }
        if let Some(year) = self.year(next) {
            return Some((next + 1, month, Some(year)));
        }
        (alone && full && self.capitalised(at)).then_some((next, month, None))
    }

    /// Whether a bare month name at `at` reads as a month: after a temporal word (`sejak
    /// Maret`), before a relative one (`Maret lalu`), or inside a sentence where no name
    /// stands beside it (`Juni Simatupang`, `kata Juni` are people).
    fn month_cue(&self, at: usize) -> bool {
        let before = at.checked_sub(1).and_then(|b| self.word(b));
        let after = self.word(at + 1);
        if after.is_some_and(|w| matches!(w, "lalu" | "depan" | "mendatang" | "ini" | "nanti" | "kemarin")) {
            return true;
        }
        if after.is_some() && self.name_like(at + 1) {
            return false;
        }
        match before {
            Some(word) if MONTH_CUES.contains(&word) => true,
            Some(word) => !self.name_like(at - 1) && !PERSON_CUES.contains(&word),
            None => false,
        }
    }

    /// Whether the word at `at` is written in capitals only.
    fn all_caps(&self, at: usize) -> bool {
        self.written(at).upper_only
    }

    /// Whether the word at `at` is written like a name: a capital and then lower case
    /// (an all-caps word says nothing).
    fn name_like(&self, at: usize) -> bool {
        let written = self.written(at);
        written.capital && written.lower_after
    }

    /// A day name; `minggu` is Sunday only when capitalised and not counted or followed
    /// by `lalu`, `ini`, `depan` (then it is the week).
    fn weekday(&self, at: usize) -> Option<i8> {
        let word = self.word(at)?;
        let day = weekday_number(word)?;
        if word == "minggu" {
            let week =
                matches!(self.word(at + 1), Some("ini" | "lalu" | "depan" | "mendatang" | "kemarin" | "terakhir"));
            if week || !self.capitalised(at) {
                return None;
            }
        }
        Some(day)
    }

    /// The relation word after a day or month name, and where it ends.
    fn relation(&self, at: usize) -> (usize, Relation) {
        match self.word(at) {
            Some("lalu" | "kemarin") => (at + 1, Relation::Before),
            Some("depan" | "mendatang" | "nanti") => (at + 1, Relation::After),
            Some("ini") => (at + 1, Relation::This),
            _ => (at, Relation::Latest),
        }
    }

    /// The point the calendar parts name; `Err` for an impossible date.
    fn resolve(&self, calendar: Calendar, relation: Relation) -> Result<Option<Point>, ()> {
        let reference_year = self.reference.map(|r| r.year());
        match (calendar.day, calendar.month, calendar.year) {
            (Some(day), Some(month), year) => match year.or(reference_year) {
                Some(year) => Date::new(year, month, day).map(|date| Some(Point::Day(date))).map_err(|_| ()),
                None => valid_day(None, month, day).map(|_| Some(Point::DayOfYear(month, day))).ok_or(()),
            },
            (None, Some(month), Some(year)) => Ok(Some(Point::Month(year, month))),
            (None, Some(month), None) => {
                let Some(reference) = self.reference else { return Ok(Some(Point::MonthOfYear(month))) };
                let year = match relation {
                    Relation::Before if month >= reference.month() => reference.year() - 1,
                    Relation::After if month <= reference.month() => reference.year() + 1,
                    _ => reference.year(),
                };
                Ok(Some(Point::Month(year, month)))
            }
            (None, None, Some(year)) => Ok(Some(Point::Year(year))),
            _ => {
                let Some(weekday) = calendar.weekday else { return Err(()) };
                Ok(self.reference.and_then(|reference| weekday_near(reference, weekday, relation)).map(Point::Day))
            }
        }
    }

    /// Completes the left side of a range from the right (`13` and `17 November 2023`)
    /// and checks that both sides are at one grain and in order.
    fn range(&self, left: Calendar, right: Calendar) -> Option<(Point, Point)> {
        let mut left = left;
        match (left.day, left.month, left.year) {
            (Some(_), None, None) if right.day.is_some() && right.month.is_some() => {
                left.month = right.month;
                left.year = right.year;
            }
            (Some(_), Some(month), None) | (None, Some(month), None)
                if right.month.is_some() && right.day.is_some() == left.day.is_some() =>
            {
                left.year = right.year.map(|year| if Some(month) > right.month { year - 1 } else { year });
            }
            (None, None, Some(from)) if right.month.is_none() && right.year.is_some_and(|to| to - from <= 100) => {}
            (Some(_), Some(_), Some(_)) | (None, Some(_), Some(_)) if right.year.is_some() => {}
            _ => return None,
        }
        if left.weekday.is_some() && left.day.is_none() || right.weekday.is_some() && right.day.is_none() {
            return None;
        }
        let from = self.resolve(left, Relation::Latest).ok()??;
        let to = self.resolve(right, Relation::Latest).ok()??;
        (from.grain() == to.grain() && from.iso() < to.iso()).then_some((from, to))
    }
}

/// The day named `weekday` (1 = Monday) that `relation` picks around `reference`.
fn weekday_near(reference: Date, weekday: i8, relation: Relation) -> Option<Date> {
    let today = reference.weekday().to_monday_one_offset();
    let back = i64::from((today - weekday).rem_euclid(7));
    let offset = match relation {
        Relation::Latest => -back,
        Relation::Before if back == 0 => -7,
        Relation::Before => -back,
        Relation::After => {
            let ahead = i64::from((weekday - today).rem_euclid(7));
            if ahead == 0 { 7 } else { ahead }
        }
        Relation::This => i64::from(weekday - today),
    };
    shift(reference, Unit::Day, offset)
}
