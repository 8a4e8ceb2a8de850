//! One cell's text to one feed value: dates in the shapes office spreadsheets use, amounts in
//! 亿元/万元/元 converted exactly, and the Chinese and English words for stages, approval states,
//! Top 500 kinds and headquarters. Pure functions of text; the reason for a refusal is a
//! [`Reason`] the caller places at its row and column.

use chrono::{Days, NaiveDate};

use crate::domain::amount::{Amount, AmountError};
use crate::domain::model::{ApprovalStatus, Headquarters, Stage, Top500};
use crate::import::problem::Reason;

/// The unit an amount column (or a cell's own suffix) counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// 亿元: 10^8 yuan.
    Yi,
    /// 万元: 10^4 yuan.
    Wan,
    Yuan,
}

impl Unit {
    fn exponent(self) -> u8 {
        match self {
            Unit::Yi => 8,
            Unit::Wan => 4,
            Unit::Yuan => 0,
        }
    }
}

/// A cell's own unit suffix wins over the column's: `12.5亿` in a 万元 column is 12.5 亿元.
const UNIT_SUFFIXES: [(&str, Unit); 5] = [
    ("亿元", Unit::Yi),
    ("亿", Unit::Yi),
    ("万元", Unit::Wan),
    ("万", Unit::Wan),
    ("元", Unit::Yuan),
];

/// An amount in `unit` (or the cell's own suffix) as exact yuan. Thousands separators are
/// dropped; the number is shifted by its unit's power of ten in decimal text, never through a
/// float, so `0.35` 亿元 is exactly 35,000,000 yuan.
pub fn parse_amount(text: &str, unit: Unit) -> Result<Amount, Reason> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ',' | '，'))
        .collect();
    let (number, unit) = UNIT_SUFFIXES
        .iter()
        .find_map(|(suffix, unit)| compact.strip_suffix(suffix).map(|n| (n, *unit)))
        .unwrap_or((compact.as_str(), unit));
    let plain = !number.is_empty()
        && number
            .trim_start_matches(['-', '+'])
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.');
    if !plain {
        return Err(Reason::NotAnAmount(text.to_owned()));
    }
    let number = number.strip_prefix('+').unwrap_or(number);
    Amount::from_decimal(&format!("{number}e{}", unit.exponent())).map_err(|e| match e {
        AmountError::Negative(_) => Reason::NegativeAmount(text.to_owned()),
        AmountError::TooFine(_) => Reason::AmountTooFine(text.to_owned()),
        AmountError::TooLarge(_) | AmountError::NotANumber(_) => {
            Reason::NotAnAmount(text.to_owned())
        }
    })
}

/// Excel's last serial day, 9999-12-31.
const LAST_SERIAL: u64 = 2_958_465;

/// A day from an Excel serial number (days since 1899-12-30, with Lotus's phantom
/// 1900-02-29 as serial 60, which is refused). A fraction is a time of day and is dropped.
pub fn date_from_serial(serial: &str) -> Option<NaiveDate> {
    let whole = serial.split_once('.').map_or(serial, |(whole, _)| whole);
    let days: u64 = whole.parse().ok()?;
    let (base, offset) = match days {
        0 | 60 => return None,
        1..60 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, days),
        _ if days <= LAST_SERIAL => (NaiveDate::from_ymd_opt(1899, 12, 30)?, days),
        _ => return None,
    };
    base.checked_add_days(Days::new(offset))
}

/// A day written `2022-01-20`, `2022/1/20`, `2022.1.20`, `2022年1月20日` or `20220120`; a
/// time after the day (`2022-01-20 09:30`) is dropped. Other bare whole numbers are Excel
/// serial numbers (a date column exported as General).
pub fn parse_date(text: &str) -> Result<NaiveDate, Reason> {
    let bad = || Reason::BadDate(text.to_owned());
    let day_part = text
        .trim()
        .split([' ', 'T'])
        .next()
        .unwrap_or_default()
        .trim();
    if !day_part.is_empty() && day_part.bytes().all(|b| b.is_ascii_digit()) {
        if day_part.len() == 8 {
            let field = |range| {
                day_part
                    .get(range)
                    .and_then(|s: &str| s.parse::<u32>().ok())
            };
            let year = field(0..4).and_then(|y| i32::try_from(y).ok());
            return match (year, field(4..6), field(6..8)) {
                (Some(year), Some(month), Some(day)) => {
                    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)
                }
                _ => Err(bad()),
            };
        }
        return date_from_serial(day_part).ok_or_else(bad);
    }
    let normalised: String = day_part
        .trim_end_matches('日')
        .chars()
        .map(|c| match c {
            '年' | '月' | '/' | '.' => '-',
            other => other,
        })
        .collect();
    let parts: Vec<&str> = normalised.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return Err(bad());
    };
    let digits = |s: &str, max_len: usize| {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let year = digits(year, 4)
        .filter(|_| year.len() == 4)
        .and_then(|y| i32::try_from(y).ok());
    match (year, digits(month, 2), digits(day, 2)) {
        (Some(year), Some(month), Some(day)) => {
            NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

/// Words office ledgers use for each stage, compared after [`word_key`].
const STAGE_WORDS: [(Stage, &[&str]); 6] = [
    (
        Stage::Negotiating,
        &[
            "negotiating",
            "negotiation",
            "在谈",
            "洽谈",
            "洽谈中",
            "在谈项目",
            "跟踪",
            "意向",
        ],
    ),
    (Stage::Signed, &["signed", "签约", "已签约", "签约项目"]),
    (
        Stage::Landed,
        &[
            "landed",
            "registered",
            "落地",
            "已落地",
            "注册",
            "已注册",
            "落地注册",
        ],
    ),
    (
        Stage::Started,
        &[
            "started",
            "under construction",
            "开工",
            "已开工",
            "在建",
            "建设中",
            "开工建设",
        ],
    ),
    (
        Stage::Operating,
        &[
            "operating",
            "in operation",
            "投产",
            "已投产",
            "运营",
            "竣工投产",
            "投产运营",
        ],
    ),
    (
        Stage::Cancelled,
        &[
            "cancelled",
            "canceled",
            "terminated",
            "终止",
            "已终止",
            "取消",
            "已取消",
            "中止",
        ],
    ),
];

pub fn parse_stage(text: &str) -> Result<Stage, Reason> {
    let key = word_key(text);
    STAGE_WORDS
        .iter()
        .find(|(_, words)| words.contains(&key.as_str()))
        .map(|(stage, _)| *stage)
        .ok_or_else(|| Reason::UnknownStage(text.to_owned()))
}

const STATUS_WORDS: [(ApprovalStatus, &[&str]); 4] = [
    (
        ApprovalStatus::Pending,
        &[
            "pending",
            "待审批",
            "审批中",
            "办理中",
            "在办",
            "受理",
            "已受理",
            "待办",
        ],
    ),
    (
        ApprovalStatus::Approved,
        &[
            "approved",
            "已批准",
            "批准",
            "通过",
            "已通过",
            "办结",
            "已办结",
            "已批复",
        ],
    ),
    (
        ApprovalStatus::Rejected,
        &[
            "rejected",
            "不予批准",
            "不予许可",
            "驳回",
            "已驳回",
            "退回",
            "未通过",
        ],
    ),
    (
        ApprovalStatus::Withdrawn,
        &["withdrawn", "撤回", "已撤回", "撤销"],
    ),
];

/// An approval's state; an empty cell means pending, or approved once a decision date is set.
pub fn parse_status(text: &str, decided: bool) -> Result<ApprovalStatus, Reason> {
    if text.trim().is_empty() {
        return Ok(if decided {
            ApprovalStatus::Approved
        } else {
            ApprovalStatus::Pending
        });
    }
    let key = word_key(text);
    STATUS_WORDS
        .iter()
        .find(|(_, words)| words.contains(&key.as_str()))
        .map(|(status, _)| *status)
        .ok_or_else(|| Reason::UnknownStatus(text.to_owned()))
}

/// `世界500强、中国民营500强` or `fortune_global, china`: the kinds named; `否`, `无`, `-` or
/// empty: none.
pub fn parse_top500(text: &str) -> Result<Vec<Top500>, Reason> {
    let mut kinds = Vec::new();
    for part in text.split([',', '，', '、', ';', '；', '/', '|']) {
        let key = word_key(part);
        let kind = match key.as_str() {
            "" | "否" | "无" | "-" | "no" | "none" => continue,
            "fortune_global" | "fortune global 500" | "世界500强" | "财富世界500强" => {
                Top500::FortuneGlobal
            }
            "china_private"
            | "china private top 500"
            | "中国民营企业500强"
            | "中国民营500强"
            | "民营500强" => Top500::ChinaPrivate,
            "china" | "china top 500" | "中国企业500强" | "中国500强" => Top500::China,
            _ => return Err(Reason::UnknownTop500(part.trim().to_owned())),
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds)
}

pub fn parse_headquarters(text: &str) -> Result<Option<Headquarters>, Reason> {
    Ok(Some(match word_key(text).as_str() {
        "" | "否" | "无" | "-" => return Ok(None),
        "corporate" | "总部" | "企业总部" | "综合型总部" => Headquarters::Corporate,
        "regional" | "区域总部" | "区域性总部" => Headquarters::Regional,
        "functional" | "功能性总部" | "功能总部" => Headquarters::Functional,
        _ => return Err(Reason::UnknownHeadquarters(text.to_owned())),
    }))
}

/// A whole number cell (`12`, `12.0` as a spreadsheet writes it).
pub fn parse_count(text: &str) -> Result<u32, Reason> {
    let trimmed = text.trim();
    let whole = trimmed
        .strip_suffix(".0")
        .unwrap_or(trimmed)
        .trim_end_matches(['个', '天', '日']);
    whole
        .parse()
        .map_err(|_| Reason::NotACount(text.to_owned()))
}

/// A quarter: `1`..`4`, `Q1`, `一季度`, `第一季度`.
pub fn parse_quarter(text: &str) -> Result<u8, Reason> {
    let key = word_key(text);
    let key = key.trim_start_matches(['q', '第']).trim_end_matches("季度");
    let quarter = match key {
        "1" | "1.0" | "一" => 1,
        "2" | "2.0" | "二" => 2,
        "3" | "3.0" | "三" => 3,
        "4" | "4.0" | "四" => 4,
        _ => return Err(Reason::BadQuarter(text.to_owned())),
    };
    Ok(quarter)
}

/// Lower-case ASCII, no surrounding spaces, runs of inner spaces as one: how words compare.
fn word_key(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    fn yuan(text: &str, unit: Unit) -> String {
        parse_amount(text, unit).map_or_else(|e| format!("{e:?}"), Amount::exact_yuan)
    }

    #[test]
    fn amounts_in_yi_and_wan_are_exact_yuan() {
        assert_eq!(yuan("75", Unit::Yi), "7500000000");
        assert_eq!(yuan("0.35", Unit::Yi), "35000000");
        assert_eq!(yuan("12.345678", Unit::Yi), "1234567800");
        assert_eq!(yuan("3500", Unit::Wan), "35000000");
        assert_eq!(yuan("0.5", Unit::Wan), "5000");
        assert_eq!(yuan("1,234.5", Unit::Wan), "12345000");
        assert_eq!(yuan(" 12.5亿 ", Unit::Wan), "1250000000");
        assert_eq!(yuan("800万元", Unit::Yi), "8000000");
        assert_eq!(yuan("99.99", Unit::Yuan), "99.99");
        // 0.1 + 0.2 in 亿: exactly 30,000,000 yuan, no float drift.
        let sum = parse_amount("0.1", Unit::Yi).unwrap_or_default()
            + parse_amount("0.2", Unit::Yi).unwrap_or_default();
        assert_eq!(sum.exact_yuan(), "30000000");
    }

    #[test]
    fn bad_amounts_say_why() {
        assert_eq!(
            parse_amount("-3", Unit::Yi),
            Err(Reason::NegativeAmount("-3".into()))
        );
        assert_eq!(
            parse_amount("约5亿", Unit::Yi),
            Err(Reason::NotAnAmount("约5亿".into()))
        );
        assert_eq!(
            parse_amount("1e3", Unit::Yi),
            Err(Reason::NotAnAmount("1e3".into()))
        );
        assert_eq!(
            parse_amount("", Unit::Yi),
            Err(Reason::NotAnAmount(String::new()))
        );
        assert_eq!(
            parse_amount("0.000000000001", Unit::Yuan),
            Err(Reason::AmountTooFine("0.000000000001".into()))
        );
    }

    #[test]
    fn dates_in_office_shapes() {
        for text in [
            "2022-01-20",
            "2022/1/20",
            "2022.1.20",
            "2022年1月20日",
            "2022年01月20日",
            "2022-01-20 09:30:00",
            "20220120",
            "44581",
        ] {
            assert_eq!(parse_date(text), Ok(day(2022, 1, 20)), "{text}");
        }
        assert_eq!(date_from_serial("44581.375"), Some(day(2022, 1, 20)));
        assert_eq!(parse_date("1"), Ok(day(1900, 1, 1)));
        assert_eq!(parse_date("59"), Ok(day(1900, 2, 28)));
        assert_eq!(parse_date("61"), Ok(day(1900, 3, 1)));
        assert_eq!(parse_date("2958465"), Ok(day(9999, 12, 31)));
    }

    #[test]
    fn impossible_dates_are_refused() {
        for text in [
            "2022-02-30",
            "2022/13/1",
            "60",
            "0",
            "2958466",
            "22-1-20",
            "2022-1",
            "明天",
            "2022年1月",
            "20221320",
        ] {
            assert_eq!(
                parse_date(text),
                Err(Reason::BadDate(text.into())),
                "{text}"
            );
        }
    }

    #[test]
    fn stage_and_status_words_in_both_languages() {
        assert_eq!(parse_stage("已开工"), Ok(Stage::Started));
        assert_eq!(parse_stage(" Under  Construction "), Ok(Stage::Started));
        assert_eq!(parse_stage("洽谈"), Ok(Stage::Negotiating));
        assert_eq!(parse_stage("已投产"), Ok(Stage::Operating));
        assert_eq!(parse_stage("终止"), Ok(Stage::Cancelled));
        assert_eq!(
            parse_stage("规划中"),
            Err(Reason::UnknownStage("规划中".into()))
        );
        assert_eq!(parse_status("办理中", false), Ok(ApprovalStatus::Pending));
        assert_eq!(parse_status("", false), Ok(ApprovalStatus::Pending));
        assert_eq!(parse_status("", true), Ok(ApprovalStatus::Approved));
        assert_eq!(parse_status("退回", false), Ok(ApprovalStatus::Rejected));
        assert_eq!(
            parse_status("Withdrawn", true),
            Ok(ApprovalStatus::Withdrawn)
        );
        assert!(parse_status("unclear", false).is_err());
    }

    #[test]
    fn top500_headquarters_counts_and_quarters() {
        assert_eq!(
            parse_top500("世界500强、中国民营500强、世界500强"),
            Ok(vec![Top500::FortuneGlobal, Top500::ChinaPrivate])
        );
        assert_eq!(parse_top500("否"), Ok(vec![]));
        assert!(parse_top500("美国500强").is_err());
        assert_eq!(
            parse_headquarters("区域总部"),
            Ok(Some(Headquarters::Regional))
        );
        assert_eq!(parse_headquarters(""), Ok(None));
        assert_eq!(parse_count("12"), Ok(12));
        assert_eq!(parse_count("12.0"), Ok(12));
        assert_eq!(parse_count("15个"), Ok(15));
        assert!(parse_count("-1").is_err());
        assert_eq!(parse_quarter("Q3"), Ok(3));
        assert_eq!(parse_quarter("第二季度"), Ok(2));
        assert_eq!(parse_quarter("4"), Ok(4));
        assert!(parse_quarter("5").is_err());
    }
}
