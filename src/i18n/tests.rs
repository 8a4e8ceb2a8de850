//! The label sets: units, dates, and that Chinese labels fit where the
//! layout gives them fixed widths.

use std::time::Duration;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::*;

#[test]
fn amounts_use_each_languages_units() {
    let amount = Amount::from_yuan(51_230_000_000);
    assert_eq!(Lang::Zh.money_with_unit(amount), "512.3 亿");
    assert_eq!(Lang::En.money_with_unit(amount), "51.23 bn");
    assert_eq!(Lang::Zh.amount(amount), "512.3 亿");
    assert_eq!(Lang::En.amount(amount), "51.23 bn");
    let small = Amount::from_yuan(75_000_000);
    assert_eq!(Lang::Zh.amount(small), "7500 万");
    assert_eq!(Lang::En.amount(small), "75 m");
    assert_eq!(Lang::Zh.amount(Amount::from_yuan(100_000_000)), "1 亿");
    assert_eq!(Lang::En.amount(Amount::from_yuan(100_000_000)), "100 m");
    assert_eq!(Lang::En.amount(Amount::from_yuan(1_000_000_000)), "1 bn");
}

#[test]
fn dates_and_durations_read_in_each_language() {
    let day = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default();
    assert_eq!(Lang::En.date(day), "2026-11-29 Sun");
    assert_eq!(Lang::Zh.date(day), "2026年11月29日 周日");
    let hour = Duration::from_secs(3 * 3600 + 300);
    assert_eq!(Lang::En.duration(hour), "3 h 5 min");
    assert_eq!(Lang::Zh.duration(hour), "3 小时 5 分钟");
    assert_eq!(Lang::En.short_duration(Duration::from_secs(12)), "12 s");
    assert_eq!(Lang::En.short_duration(Duration::from_secs(300)), "5 min");
    assert_eq!(
        Lang::En.short_duration(Duration::from_secs(3 * 3600)),
        "3 h"
    );
    assert_eq!(
        Lang::En.short_duration(Duration::from_secs(3 * 86400)),
        "3 d"
    );
    assert_eq!(Lang::Zh.short_duration(Duration::from_secs(300)), "5 分钟");
    assert_eq!((ZH.figures.quarter)(1), "一季度");
    assert_eq!((ZH.figures.quarter)(9), "Q9");
}

#[test]
fn fixed_width_labels_fit_their_slots() {
    for lang in Lang::ALL {
        let l = lang.labels();
        // The targets panel's row labels get 7 columns, with a leading space.
        for quarter in 1..=4 {
            for current in [false, true] {
                let label = (l.targets.quarter_row)(quarter, current);
                assert!(label.width() < 7, "{lang}: {label:?}");
            }
        }
        assert!(l.targets.ytd.width() < 7, "{lang}");
        assert!(l.targets.col_quarter.width() < 7, "{lang}");
        // Detail field names get 10 columns.
        for name in [
            l.detail.field_id,
            l.detail.field_stage,
            l.detail.field_investor,
            l.detail.field_amount,
            l.detail.field_district,
            l.detail.field_zone,
            l.detail.field_chain,
            l.detail.field_source,
            l.detail.field_hq,
            l.detail.field_top500,
        ] {
            assert!(name.width() < 10, "{lang}: {name:?}");
        }
        // Status text labels get 10 columns.
        for name in [
            l.status.feed,
            l.status.quarter,
            l.status.rejected,
            l.status.warning,
        ] {
            assert!(name.width() < 10, "{lang}: {name:?}");
        }
        // Table column titles: `ui::labels` checks them against each panel's columns.
    }
}

#[test]
fn list_amounts_have_two_decimals_and_the_detail_the_same_unit() {
    let yuan = |y: u64| Amount::from_yuan(y);
    let column: Vec<String> = [1_270_000_000, 18_000_000, 300_000_000, 87_000_000]
        .into_iter()
        .map(|y| Lang::Zh.money_fixed(yuan(y)))
        .collect();
    assert_eq!(column, ["12.70", "0.18", "3.00", "0.87"]);
    assert_eq!(Lang::En.money_fixed(yuan(1_270_000_000)), "1.27");
    assert_eq!(Lang::En.money_fixed(yuan(30_000_000_000)), "30.00");
    // The detail names the list's unit first; under one unit, the exact small one too.
    assert_eq!(
        Lang::Zh.amount_detail(yuan(87_000_000)),
        "0.87 亿（8700 万）"
    );
    assert_eq!(Lang::Zh.amount_detail(yuan(1_270_000_000)), "12.70 亿");
    assert_eq!(Lang::En.amount_detail(yuan(87_000_000)), "0.09 bn (87 m)");
    assert_eq!(Lang::En.amount_detail(yuan(2_500_000_000)), "2.50 bn");
}
