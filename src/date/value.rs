//! Calendar values of temporal expressions and their ISO 8601 (TIMEX3) forms.

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

    fn iso(self) -> String {
        match self.offset {
            Some(offset) => format!("T{:02}:{:02}{offset:+03}:00", self.hour, self.minute),
            None => format!("T{:02}:{:02}", self.hour, self.minute),
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
        match self {
            Point::Century(century) => format!("{century:02}"),
            Point::Decade(decade) => format!("{decade:03}"),
            Point::Year(year) => format!("{year:04}"),
            Point::Half(year, half) => format!("{year:04}-H{half}"),
            Point::Quarter(year, quarter) => format!("{year:04}-Q{quarter}"),
            Point::Month(year, month) => format!("{year:04}-{month:02}"),
            Point::Week(date) => week(date),
            Point::Weekend(date) => format!("{}-WE", week(date)),
            Point::Day(date) => day(date),
            Point::DayPart(date, part) => format!("{}T{}", day(date), part.code()),
            Point::Moment(date, clock) => format!("{}{}", day(date), clock.iso()),
            Point::MonthOfYear(month) => format!("--{month:02}"),
            Point::DayOfYear(month, day) => format!("--{month:02}-{day:02}"),
            Point::MomentOfYear(month, day, clock) => format!("--{month:02}-{day:02}{}", clock.iso()),
            Point::TimeOfDay(clock) => clock.iso(),
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

/// `date` as ISO 8601 writes it, by hand for the years of four digits: jiff's `Display`
/// took some 900 instructions a date, and `format!` with padding more.
fn day(date: Date) -> String {
    let year = match u16::try_from(date.year()) {
        Ok(year) if year <= 9999 => year,
        _ => return date.to_string(),
    };
    let mut out = String::with_capacity("2023-11-17".len());
    push_digits(&mut out, year, 4);
    out.push('-');
    push_digits(&mut out, date.month().unsigned_abs().into(), 2);
    out.push('-');
    push_digits(&mut out, date.day().unsigned_abs().into(), 2);
    out
}

/// Appends the last `width` decimal digits of `value`, zero-padded.
fn push_digits(out: &mut String, value: u16, width: u32) {
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (value / 10u16.pow(place) % 10) as u8));
    }
}

fn week(date: Date) -> String {
    let week = date.iso_week_date();
    format!("{:04}-W{:02}", week.year(), week.week())
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

    /// The ISO 8601 duration of `amount` of this unit: `P5D`, `PT1.5H`, `P20Y`.
    pub fn duration(self, amount: f64) -> String {
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
        format!("P{}{amount}{designator}", if time { "T" } else { "" })
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
            assert_eq!(day(date), date.to_string());
        }
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
        assert_eq!(Unit::Day.duration(5.0), "P5D");
        assert_eq!(Unit::Hour.duration(1.5), "PT1.5H");
        assert_eq!(Unit::Minute.duration(72.0), "PT72M");
        assert_eq!(Unit::Decade.duration(2.0), "P20Y");
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
