//! Dates as the feed and the holiday tables write them: exactly `YYYY-MM-DD`. Text in, chrono
//! out; knows nothing of where the text came from or how a bad one is reported.

use chrono::NaiveDate;

/// Exactly `YYYY-MM-DD` naming a real day. Stricter than chrono's `%Y-%m-%d`, which would also
/// take `2022-1-3` or `+2022-01-03`: a date in a feed or a holiday file reads one way only.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return None;
    }
    let field = |range: std::ops::Range<usize>| text.get(range);
    NaiveDate::from_ymd_opt(
        field(0..4)?.parse().ok()?,
        field(5..7)?.parse().ok()?,
        field(8..10)?.parse().ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_in_the_one_shape_parse() {
        assert_eq!(
            parse_iso_date("2026-11-29"),
            NaiveDate::from_ymd_opt(2026, 11, 29)
        );
        assert_eq!(
            parse_iso_date("2024-02-29"),
            NaiveDate::from_ymd_opt(2024, 2, 29)
        );
        assert_eq!(
            parse_iso_date("0001-01-01"),
            NaiveDate::from_ymd_opt(1, 1, 1)
        );
    }

    #[test]
    fn other_shapes_and_days_that_do_not_exist_are_refused() {
        for bad in [
            "",
            "2022-02-30",
            "2023-02-29",
            "2022-13-01",
            "2022-00-10",
            "2022-1-3",
            "2022-01-3 ",
            "+2022-01-03",
            " 2022-01-03",
            "2022/01/03",
            "2022-01-03T00:00",
            "20220103",
            "2022-0a-03",
            "２０２２-01-03",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad:?}");
        }
    }
}
