//! Calendar values of temporal expressions and their ISO 8601 (TIMEX3) forms.

use std::fmt::Write;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::Grain;

/// A part of the day, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    /// `pagi`, `dini hari`, `subuh`.
    Morning,
    /// `siang`.
    Midday,
    /// `sore`.
    Afternoon,
    /// `petang`.
    Evening,
    /// `malam`, `semalam`.
    Night,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }

    /// The 24-hour clock hour of `hour` said with this day part: `pukul 7 malam` is 19.
    pub fn clock_hour(self, hour: i8) -> i8 {
        match self {
            DayPart::Midday if hour <= 5 => hour + 12,
            DayPart::Afternoon | DayPart::Evening if hour < 12 => hour + 12,
            DayPart::Night if (6..12).contains(&hour) => hour + 12,
            DayPart::Night if hour == 12 => 0,
            _ => hour,
        }
    }
}

/// Where a period is narrowed to: `awal`, `pertengahan`, `akhir` (TIMEX3 `mod`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modifier {
    /// The start of the period (`awal November`).
    Start,
    /// The middle of the period (`pertengahan November`, `medio November`).
    Mid,
    /// The end of the period (`akhir November`).
    End,
}

/// A time of day, with the UTC offset of its zone when one is named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    pub hour: i8,
    pub minute: i8,
    /// Hours east of UTC: 7 for WIB, 8 for WITA, 9 for WIT.
    pub offset: Option<i8>,
}

impl Clock {
    /// A valid time of day; `24.00` is the end of the day.
    pub fn new(hour: i8, minute: i8, offset: Option<i8>) -> Option<Clock> {
        let valid = (0..24).contains(&hour) && (0..60).contains(&minute) || (hour, minute) == (24, 0);
        valid.then_some(Clock { hour, minute, offset })
    }

    /// Appends the ISO 8601 time, with its UTC offset when known: `T10:00+07:00`.
    fn write_iso(self, out: &mut String) {
        out.push('T');
        push_padded(out, self.hour.into(), 2);
        out.push(':');
        push_padded(out, self.minute.into(), 2);
        if let Some(offset) = self.offset {
            out.push(if offset < 0 { '-' } else { '+' });
            push_padded(out, i32::from(offset).abs(), 2);
            out.push_str(":00");
        }
    }
}

/// A point or period on the calendar at some grain. The variants without a year are what
/// remains of an absolute expression when no year is written and no reference date given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    /// A century by its first two digits of years: `20` is 2000–2099.
    Century(i16),
    /// A decade by its first three digits: `199` is the 1990s.
    Decade(i16),
    Year(i16),
    Half(i16, i8),
    Quarter(i16, i8),
    Month(i16, i8),
    /// The ISO week that contains the date.
    Week(Date),
    /// The weekend of the ISO week that contains the date.
    Weekend(Date),
    Day(Date),
    DayPart(Date, DayPart),
    Moment(Date, Clock),
    /// A month without a year (`--11`).
    MonthOfYear(i8),
    /// A day and month without a year (`--11-13`).
    DayOfYear(i8, i8),
    /// A time on a day and month without a year (`--03-08T22:30+07:00`).
    MomentOfYear(i8, i8, Clock),
    /// A time without a date (`T10:00+07:00`).
    TimeOfDay(Clock),
}

impl Point {
    pub fn grain(self) -> Grain {
        match self {
            Point::Century(_) => Grain::Century,
            Point::Decade(_) => Grain::Decade,
            Point::Year(_) => Grain::Year,
            Point::Half(..) => Grain::Half,
            Point::Quarter(..) => Grain::Quarter,
            Point::Month(..) | Point::MonthOfYear(_) => Grain::Month,
            Point::Week(_) | Point::Weekend(_) => Grain::Week,
            Point::Day(_) | Point::DayOfYear(..) => Grain::Day,
            Point::DayPart(..) => Grain::Hour,
            Point::Moment(..) | Point::MomentOfYear(..) | Point::TimeOfDay(_) => Grain::Minute,
        }
    }

    /// The ISO 8601 form, with TIMEX3 codes for halves, weekends and day parts.
    pub fn iso(self) -> String {
        let mut out = String::with_capacity("2023-11-17T10:00+07:00".len());
        self.write_iso(&mut out);
        out
    }

    /// Appends [`Point::iso`] to `out`. Written by hand rather than with `format!`, which
    /// took some 800 instructions a value.
    pub fn write_iso(self, out: &mut String) {
        match self {
            Point::Century(century) => push_padded(out, century.into(), 2),
            Point::Decade(decade) => push_padded(out, decade.into(), 3),
            Point::Year(year) => push_padded(out, year.into(), 4),
            Point::Half(year, half) => {
                push_padded(out, year.into(), 4);
                out.push_str("-H");
                push_padded(out, half.into(), 1);
            }
            Point::Quarter(year, quarter) => {
                push_padded(out, year.into(), 4);
                out.push_str("-Q");
                push_padded(out, quarter.into(), 1);
            }
            Point::Month(year, month) => {
                push_padded(out, year.into(), 4);
                out.push('-');
                push_padded(out, month.into(), 2);
            }
            Point::Week(date) => push_week(out, date),
            Point::Weekend(date) => {
                push_week(out, date);
                out.push_str("-WE");
            }
            Point::Day(date) => push_day(out, date),
            Point::DayPart(date, part) => {
                push_day(out, date);
                out.push('T');
                out.push_str(part.code());
            }
            Point::Moment(date, clock) => {
                push_day(out, date);
                clock.write_iso(out);
            }
            Point::MonthOfYear(month) => {
                out.push_str("--");
                push_padded(out, month.into(), 2);
            }
            Point::DayOfYear(month, day) => {
                out.push_str("--");
                push_padded(out, month.into(), 2);
                out.push('-');
                push_padded(out, day.into(), 2);
            }
            Point::MomentOfYear(month, day, clock) => {
                Point::DayOfYear(month, day).write_iso(out);
                clock.write_iso(out);
            }
            Point::TimeOfDay(clock) => clock.write_iso(out),
        }
    }

    /// This day at `clock`, when this is a day.
    pub fn at(self, clock: Clock) -> Option<Point> {
        match self {
            Point::Day(date) | Point::DayPart(date, _) => Some(Point::Moment(date, clock)),
            Point::DayOfYear(month, day) => Some(Point::MomentOfYear(month, day, clock)),
            _ => None,
        }
    }

    /// The calendar day this point falls on, when it is a day or finer.
    pub fn date(self) -> Option<Date> {
        match self {
            Point::Day(date) | Point::DayPart(date, _) | Point::Moment(date, _) => Some(date),
            _ => None,
        }
    }
}

/// Appends `date` as ISO 8601 writes it (`2023-11-17`); jiff's `Display` took some 900
/// instructions a date.
fn push_day(out: &mut String, date: Date) {
    if !(0..=9999).contains(&date.year()) {
        write!(out, "{date}").expect("a String takes any text");
        return;
    }
    push_padded(out, date.year().into(), 4);
    out.push('-');
    push_padded(out, date.month().into(), 2);
    out.push('-');
    push_padded(out, date.day().into(), 2);
}

/// Appends the ISO week that contains `date`: `2024-W01`.
fn push_week(out: &mut String, date: Date) {
    let week = date.iso_week_date();
    push_padded(out, week.year().into(), 4);
    out.push_str("-W");
    push_padded(out, week.week().into(), 2);
}

/// Appends `value` as `format!("{value:0width$}")` writes it: digit by digit for the
/// values of at most `width` digits (all but the odd year out of range), through `fmt`
/// for the rest.
fn push_padded(out: &mut String, value: i32, width: u32) {
    match u32::try_from(value) {
        Ok(digits) if width <= 9 && digits < 10u32.pow(width) => {
            for place in (0..width).rev() {
                let digit = digits / 10u32.pow(place) % 10;
                out.push(char::from(b'0' + digit as u8));
            }
        }
        _ => write!(out, "{value:0width$}", width = width as usize).expect("a String takes any text"),
    }
}

/// A day and month checked against the calendar: in `year`, or in a leap year when the
/// year is unknown (so `29/2` stands without one).
pub(crate) fn valid_day(year: Option<i16>, month: i8, day: i8) -> Option<Date> {
    Date::new(year.unwrap_or(2000), month, day).ok()
}

/// The date `amount` units of `unit` from `date`; `None` out of range.
pub(crate) fn shift(date: Date, unit: Unit, amount: i64) -> Option<Date> {
    let span = jiff::Span::new();
    let span = match unit {
        Unit::Day => span.try_days(amount),
        Unit::Week => span.try_weeks(amount),
        Unit::Month => span.try_months(amount),
        Unit::Year => span.try_years(amount),
        Unit::Decade => span.try_years(amount.checked_mul(10)?),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    };
    date.checked_add(span.ok()?).ok()
}

/// The point at `unit` grain that contains `date`.
pub(crate) fn at_grain(date: Date, unit: Unit) -> Option<Point> {
    Some(match unit {
        Unit::Day => Point::Day(date),
        Unit::Week => Point::Week(date),
        Unit::Month => Point::Month(date.year(), date.month()),
        Unit::Year => Point::Year(date.year()),
        Unit::Decade => Point::Decade(date.year() / 10),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    })
}

/// A unit of time as Indonesian counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl Unit {
    pub fn grain(self) -> Grain {
        match self {
            Unit::Second | Unit::Minute => Grain::Minute,
            Unit::Hour => Grain::Hour,
            Unit::Day => Grain::Day,
            Unit::Week => Grain::Week,
            Unit::Month => Grain::Month,
            Unit::Year => Grain::Year,
            Unit::Decade => Grain::Decade,
        }
    }

    /// Appends the ISO 8601 duration of `amount` of this unit: `P5D`, `PT1.5H`, `P20Y`.
    pub fn write_duration(self, amount: f64, out: &mut String) {
        let (time, amount, designator) = match self {
            Unit::Second => (true, amount, 'S'),
            Unit::Minute => (true, amount, 'M'),
            Unit::Hour => (true, amount, 'H'),
            Unit::Day => (false, amount, 'D'),
            Unit::Week => (false, amount, 'W'),
            Unit::Month => (false, amount, 'M'),
            Unit::Year => (false, amount, 'Y'),
            Unit::Decade => (false, amount * 10.0, 'Y'),
        };
        write!(out, "P{}{amount}{designator}", if time { "T" } else { "" }).expect("a String takes any text");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn days_are_written_as_jiff_writes_them() {
        for year in [-9999, -1, 0, 7, 99, 2023, 9999] {
            let date = date(year, 2, 9);
            assert_eq!(Point::Day(date).iso(), date.to_string());
        }
    }

    #[test]
    fn padded_numbers_are_written_as_format_writes_them() {
        for value in [-1000, -5, 0, 7, 42, 999, 1000, 2023, 99_999] {
            for width in 1..=4 {
                let mut out = String::from("x");
                push_padded(&mut out, value, width);
                assert_eq!(out, format!("x{value:0width$}", width = width as usize), "{value} in {width}");
            }
        }
        assert_eq!(Point::Year(-44).iso(), "-044");
        assert_eq!(Point::TimeOfDay(Clock::new(7, 5, Some(-3)).unwrap()).iso(), "T07:05-03:00");
        assert_eq!(Point::MomentOfYear(3, 8, Clock::new(22, 30, Some(7)).unwrap()).iso(), "--03-08T22:30+07:00");
    }

    #[test]
    fn iso_forms_of_every_grain() {
        let day = date(2024, 1, 3);
        assert_eq!(Point::Century(20).iso(), "20");
        assert_eq!(Point::Decade(199).iso(), "199");
        assert_eq!(Point::Half(2023, 1).iso(), "2023-H1");
        assert_eq!(Point::Quarter(2023, 3).iso(), "2023-Q3");
        assert_eq!(Point::Month(2023, 11).iso(), "2023-11");
        assert_eq!(Point::Week(date(2023, 12, 27)).iso(), "2023-W52");
        assert_eq!(Point::Week(day).iso(), "2024-W01");
        assert_eq!(Point::Weekend(day).iso(), "2024-W01-WE");
        assert_eq!(Point::DayPart(day, DayPart::Night).iso(), "2024-01-03TNI");
        assert_eq!(Point::Moment(day, Clock::new(9, 30, Some(8)).unwrap()).iso(), "2024-01-03T09:30+08:00");
        assert_eq!(Point::DayOfYear(2, 29).iso(), "--02-29");
        assert_eq!(Point::TimeOfDay(Clock::new(19, 0, None).unwrap()).iso(), "T19:00");
    }

    #[test]
    fn durations_and_clock_hours() {
        let duration = |unit: Unit, amount| {
            let mut out = String::new();
            unit.write_duration(amount, &mut out);
            out
        };
        assert_eq!(duration(Unit::Day, 5.0), "P5D");
        assert_eq!(duration(Unit::Hour, 1.5), "PT1.5H");
        assert_eq!(duration(Unit::Minute, 72.0), "PT72M");
        assert_eq!(duration(Unit::Decade, 2.0), "P20Y");
        assert_eq!(DayPart::Night.clock_hour(7), 19);
        assert_eq!(DayPart::Night.clock_hour(2), 2);
        assert_eq!(DayPart::Midday.clock_hour(1), 13);
        assert_eq!(DayPart::Midday.clock_hour(11), 11);
        assert_eq!(DayPart::Afternoon.clock_hour(3), 15);
        assert_eq!(DayPart::Morning.clock_hour(8), 8);
        assert_eq!(Clock::new(25, 0, None), None);
        assert_eq!(shift(date(2023, 11, 17), Unit::Year, 99_999), None, "out of range is no date, not a panic");
        assert_eq!(shift(date(2023, 11, 17), Unit::Decade, i64::MAX), None);
        assert_eq!(shift(date(2024, 3, 31), Unit::Month, -1), Some(date(2024, 2, 29)));
        assert!(Clock::new(24, 0, None).is_some());
    }
}
