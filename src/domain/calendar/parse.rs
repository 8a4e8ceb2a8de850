//! Reading a holiday table (`config/holidays.toml` or a user's file of the same shape) into
//! validated per-year sets of dates. Pure: takes text and a label for messages, does no IO.
//!
//! Every rejection names the place it happened (`holidays.toml: [2022].workdays[1]`) and quotes
//! the offending value, so a user editing next year's table can fix it without guessing.

use std::collections::BTreeSet;
use std::fmt;

use chrono::{Datelike, NaiveDate, Weekday};
use toml::{Table, Value};

use crate::domain::date::parse_iso_date;

/// One year's schedule, validated: every date lies in `year`, workdays are weekend days and no
/// date is in both sets.
#[derive(Debug)]
pub(super) struct YearTable {
    pub year: i32,
    pub holidays: BTreeSet<NaiveDate>,
    pub workdays: BTreeSet<NaiveDate>,
}

/// The two lists a year's table may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Holidays,
    Workdays,
}

impl List {
    const fn key(self) -> &'static str {
        match self {
            List::Holidays => "holidays",
            List::Workdays => "workdays",
        }
    }
}

impl fmt::Display for List {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// Where in a holiday file a problem is, displayed as `holidays.toml: [2022].workdays[1]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// The file path or label the caller gave for the text.
    pub origin: String,
    pub year: i32,
    pub list: Option<List>,
    pub index: Option<usize>,
}

impl Place {
    fn year(origin: &str, year: i32) -> Place {
        Place {
            origin: origin.to_owned(),
            year,
            list: None,
            index: None,
        }
    }

    fn list(&self, list: List) -> Place {
        Place {
            list: Some(list),
            ..self.clone()
        }
    }

    fn entry(&self, index: usize) -> Place {
        Place {
            index: Some(index),
            ..self.clone()
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: [{}]", self.origin, self.year)?;
        if let Some(list) = self.list {
            write!(f, ".{list}")?;
        }
        if let Some(index) = self.index {
            write!(f, "[{index}]")?;
        }
        Ok(())
    }
}

/// Why a holiday table was rejected. The whole table is rejected on the first problem: a
/// calendar that is partly wrong would silently miscount working days.
#[derive(thiserror::Error, Debug)]
pub enum CalendarError {
    #[error("{origin}: not valid TOML{}: {message}", .line.map(|l| format!(" (line {l})")).unwrap_or_default())]
    Syntax {
        origin: String,
        line: Option<usize>,
        message: String,
    },
    #[error("{origin}: key \"{key}\" is not a year (expected a table such as [2027])")]
    NotAYear { origin: String, key: String },
    #[error("{place}: expected a table with `holidays` and `workdays`, found {found}")]
    NotATable { place: Place, found: &'static str },
    #[error("{place}: unknown key \"{key}\" (expected \"holidays\" or \"workdays\")")]
    UnknownKey { place: Place, key: String },
    #[error("{place}: expected an array of date strings, found {found}")]
    NotAnArray { place: Place, found: &'static str },
    #[error(
        "{place}: expected a quoted date \"YYYY-MM-DD\" or range \"YYYY-MM-DD..YYYY-MM-DD\", found {found}"
    )]
    NotAString { place: Place, found: &'static str },
    #[error("{place}: invalid date \"{value}\"")]
    InvalidDate { place: Place, value: String },
    #[error("{place}: range \"{value}\" ends before it starts")]
    ReversedRange { place: Place, value: String },
    #[error("{place}: \"{value}\": {date} is not in {}; list it under [{}]", .place.year, .date.year())]
    WrongYear {
        place: Place,
        value: String,
        date: NaiveDate,
    },
    #[error("{place}: \"{value}\": {date} is also listed as a holiday")]
    HolidayAndWorkday {
        place: Place,
        value: String,
        date: NaiveDate,
    },
    #[error(
        "{place}: \"{value}\": {date} is a {}; a make-up workday must be a Saturday or Sunday",
        weekday_name(*.weekday)
    )]
    WorkdayNotWeekend {
        place: Place,
        value: String,
        date: NaiveDate,
        weekday: Weekday,
    },
}

fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

/// Parses and validates a whole holiday file. `origin` labels it in error messages.
pub(super) fn parse(text: &str, origin: &str) -> Result<Vec<YearTable>, CalendarError> {
    let root: Table = text.parse().map_err(|error: toml::de::Error| {
        let line = error
            .span()
            .and_then(|span| text.get(..span.start))
            .map(|before| before.matches('\n').count() + 1);
        CalendarError::Syntax {
            origin: origin.to_owned(),
            line,
            message: error.message().trim_end().to_owned(),
        }
    })?;
    root.iter()
        .map(|(key, value)| parse_year(origin, key, value))
        .collect()
}

fn parse_year(origin: &str, key: &str, value: &Value) -> Result<YearTable, CalendarError> {
    let year = year_from_key(key).ok_or_else(|| CalendarError::NotAYear {
        origin: origin.to_owned(),
        key: key.to_owned(),
    })?;
    let place = Place::year(origin, year);
    let Value::Table(table) = value else {
        return Err(CalendarError::NotATable {
            place,
            found: value.type_str(),
        });
    };
    if let Some(unknown) = table
        .keys()
        .find(|k| *k != List::Holidays.key() && *k != List::Workdays.key())
    {
        return Err(CalendarError::UnknownKey {
            place,
            key: unknown.clone(),
        });
    }

    let mut holidays = BTreeSet::new();
    for entry in entries(&place, List::Holidays, table)? {
        holidays.extend(entry.days());
    }
    let mut workdays = BTreeSet::new();
    for entry in entries(&place, List::Workdays, table)? {
        for date in entry.days() {
            let weekday = date.weekday();
            if !matches!(weekday, Weekday::Sat | Weekday::Sun) {
                return Err(CalendarError::WorkdayNotWeekend {
                    place: entry.place,
                    value: entry.value.to_owned(),
                    date,
                    weekday,
                });
            }
            if holidays.contains(&date) {
                return Err(CalendarError::HolidayAndWorkday {
                    place: entry.place,
                    value: entry.value.to_owned(),
                    date,
                });
            }
            workdays.insert(date);
        }
    }
    Ok(YearTable {
        year,
        holidays,
        workdays,
    })
}

/// A year key is plain decimal digits naming a year chrono can represent.
fn year_from_key(key: &str) -> Option<i32> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = key.parse().ok()?;
    NaiveDate::from_ymd_opt(year, 1, 1).map(|_| year)
}

/// One validated list entry: an inclusive range of days inside the table's year.
struct Entry<'a> {
    place: Place,
    value: &'a str,
    first: NaiveDate,
    last: NaiveDate,
}

impl Entry<'_> {
    fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let last = self.last;
        self.first.iter_days().take_while(move |day| *day <= last)
    }
}

/// The entries of `list` (absent means empty), each checked to be a date or range in the year.
fn entries<'a>(
    year_place: &Place,
    list: List,
    table: &'a Table,
) -> Result<Vec<Entry<'a>>, CalendarError> {
    let place = year_place.list(list);
    let Some(value) = table.get(list.key()) else {
        return Ok(Vec::new());
    };
    let Value::Array(items) = value else {
        return Err(CalendarError::NotAnArray {
            place,
            found: value.type_str(),
        });
    };
    items
        .iter()
        .enumerate()
        .map(|(index, item)| entry(place.entry(index), item))
        .collect()
}

fn entry(place: Place, item: &Value) -> Result<Entry<'_>, CalendarError> {
    let Value::String(value) = item else {
        return Err(CalendarError::NotAString {
            place,
            found: item.type_str(),
        });
    };
    let invalid = || CalendarError::InvalidDate {
        place: place.clone(),
        value: value.clone(),
    };
    let (first, last) = if let Some((first, last)) = value.split_once("..") {
        (
            parse_iso_date(first).ok_or_else(invalid)?,
            parse_iso_date(last).ok_or_else(invalid)?,
        )
    } else {
        let day = parse_iso_date(value).ok_or_else(invalid)?;
        (day, day)
    };
    if last < first {
        return Err(CalendarError::ReversedRange {
            place,
            value: value.clone(),
        });
    }
    if let Some(date) = [first, last].into_iter().find(|d| d.year() != place.year) {
        return Err(CalendarError::WrongYear {
            place,
            value: value.clone(),
            date,
        });
    }
    Ok(Entry {
        place,
        value,
        first,
        last,
    })
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "tests: a wrong Ok/Err should fail loudly"
)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        parse(text, "holidays.toml").unwrap_err().to_string()
    }

    fn date(text: &str) -> NaiveDate {
        parse_iso_date(text).unwrap()
    }

    #[test]
    fn parses_dates_ranges_and_workdays() {
        let tables = parse(
            r#"
            [2022]
            holidays = ["2022-01-01..2022-01-03", "2022-04-05"]
            workdays = ["2022-01-29", "2022-01-30"]
            "#,
            "t",
        )
        .unwrap();
        assert_eq!(tables.len(), 1);
        let table = &tables[0];
        assert_eq!(table.year, 2022);
        let holidays: Vec<_> = table.holidays.iter().copied().collect();
        let expected = ["2022-01-01", "2022-01-02", "2022-01-03", "2022-04-05"].map(date);
        assert_eq!(holidays, expected);
        assert_eq!(table.workdays.len(), 2);
    }

    #[test]
    fn lists_may_be_absent_or_empty() {
        let tables = parse("[2030]\n[2031]\nholidays = []\n", "t").unwrap();
        assert!(
            tables
                .iter()
                .all(|t| t.holidays.is_empty() && t.workdays.is_empty())
        );
        assert_eq!(
            tables.iter().map(|t| t.year).collect::<Vec<_>>(),
            [2030, 2031]
        );
    }

    #[test]
    fn invalid_date_names_file_year_list_index_and_value() {
        let text = r#"[2027]
            holidays = ["2027-01-01", "2027-02-10..2027-02-16", "2027-04-05", "2027-02-30"]"#;
        assert_eq!(
            error(text),
            r#"holidays.toml: [2027].holidays[3]: invalid date "2027-02-30""#
        );
    }

    #[test]
    fn loose_date_shapes_are_invalid() {
        for bad in [
            "2027-1-01",
            "+2027-01-01",
            "2027/01/01",
            " 2027-01-01",
            "2027-01-01..",
        ] {
            let text = format!("[2027]\nholidays = [\"{bad}\"]");
            assert_eq!(
                error(&text),
                format!("holidays.toml: [2027].holidays[0]: invalid date \"{bad}\"")
            );
        }
    }

    #[test]
    fn reversed_range() {
        let text = r#"[2022]
            holidays = ["2022-02-06..2022-01-31"]"#;
        assert_eq!(
            error(text),
            r#"holidays.toml: [2022].holidays[0]: range "2022-02-06..2022-01-31" ends before it starts"#
        );
    }

    #[test]
    fn date_under_another_years_table() {
        let text = r#"[2023]
            holidays = ["2022-12-31..2023-01-02"]"#;
        assert_eq!(
            error(text),
            r#"holidays.toml: [2023].holidays[0]: "2022-12-31..2023-01-02": 2022-12-31 is not in 2023; list it under [2022]"#
        );
        let text = r#"[2022]
            workdays = ["2023-01-28"]"#;
        assert_eq!(
            error(text),
            r#"holidays.toml: [2022].workdays[0]: "2023-01-28": 2023-01-28 is not in 2022; list it under [2023]"#
        );
    }

    #[test]
    fn date_both_holiday_and_workday() {
        let text = r#"[2022]
            holidays = ["2022-01-29..2022-02-06"]
            workdays = ["2022-01-29"]"#;
        assert_eq!(
            error(text),
            r#"holidays.toml: [2022].workdays[0]: "2022-01-29": 2022-01-29 is also listed as a holiday"#
        );
    }

    #[test]
    fn workday_must_be_a_weekend_day() {
        let text = r#"[2022]
            workdays = ["2022-01-29", "2022-01-28"]"#;
        assert_eq!(
            error(text),
            r#"holidays.toml: [2022].workdays[1]: "2022-01-28": 2022-01-28 is a Friday; a make-up workday must be a Saturday or Sunday"#
        );
    }

    #[test]
    fn unknown_key_in_a_year() {
        let text = r#"[2022]
            holiday = ["2022-01-01"]"#;
        assert_eq!(
            error(text),
            r#"holidays.toml: [2022]: unknown key "holiday" (expected "holidays" or "workdays")"#
        );
    }

    #[test]
    fn key_that_is_not_a_year() {
        assert_eq!(
            error("[holidays]\n"),
            r#"holidays.toml: key "holidays" is not a year (expected a table such as [2027])"#
        );
        assert_eq!(
            error("[-2022]\n"),
            r#"holidays.toml: key "-2022" is not a year (expected a table such as [2027])"#
        );
        assert_eq!(
            error("[99999999]\n"),
            r#"holidays.toml: key "99999999" is not a year (expected a table such as [2027])"#
        );
    }

    #[test]
    fn wrong_value_types() {
        assert_eq!(
            error("2022 = 1\n"),
            "holidays.toml: [2022]: expected a table with `holidays` and `workdays`, found integer"
        );
        assert_eq!(
            error("[2022]\nholidays = \"2022-01-01\"\n"),
            "holidays.toml: [2022].holidays: expected an array of date strings, found string"
        );
        assert_eq!(
            error("[2022]\nholidays = [2022-01-01]\n"),
            r#"holidays.toml: [2022].holidays[0]: expected a quoted date "YYYY-MM-DD" or range "YYYY-MM-DD..YYYY-MM-DD", found datetime"#
        );
    }

    #[test]
    fn toml_syntax_error_names_origin_and_line() {
        let message = error("[2022]\nholidays = [\"2022-01-01\"\n");
        assert!(
            message.starts_with("holidays.toml: not valid TOML (line "),
            "{message}"
        );
        let message = error("[2022]\n[2022]\n");
        assert!(
            message.starts_with("holidays.toml: not valid TOML"),
            "{message}"
        );
    }
}
