//! The label sets: locale detection, units, dates, and that Chinese labels fit where the
//! layout gives them fixed widths.

use std::time::Duration;

use chrono::NaiveDate;
use unicode_width::UnicodeWidthStr;

use super::*;

#[test]
fn the_locale_decides_the_language_in_posix_order() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    let pick = |pairs| Lang::from_environment(&env(pairs));
    assert_eq!(pick(&[("LANG", "zh_CN.UTF-8")]).0, Lang::Zh);
    assert_eq!(pick(&[("LANG", "zh_TW.UTF-8")]).0, Lang::Zh);
    assert_eq!(pick(&[("LANG", "en_GB.UTF-8")]).0, Lang::En);
    assert_eq!(pick(&[("LANG", "C")]).0, Lang::En);
    assert_eq!(pick(&[]).0, Lang::En);
    let (lang, why) = pick(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]);
    assert_eq!((lang, why.as_str()), (Lang::En, "LC_ALL=en_US.UTF-8"));
    assert_eq!(
        pick(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")]).0,
        Lang::Zh
    );
    assert_eq!(Lang::of_locale("zhx"), Lang::En);
    assert_eq!(Lang::parse("ZH"), Ok(Lang::Zh));
    assert!(Lang::parse("fr").is_err());
}

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
        // The signings and stalled list column titles fit the columns' minimum widths.
        for (title, min) in [
            (l.lists.col_signed_on, 10),
            (l.lists.col_project, 12),
            (l.lists.col_investor, 10),
            (l.lists.col_district, 8),
            (l.lists.col_chain, 10),
            (l.lists.col_badges, 10),
            (l.lists.col_item, 10),
            (l.lists.col_department, 10),
            (l.lists.col_submitted, 10),
            (l.lists.col_days_limit, 10),
            (l.lists.col_overdue, 7),
            (l.common.money_unit, 6),
        ] {
            assert!(title.width() <= min, "{lang}: {title:?}");
        }
    }
}

#[test]
fn every_command_has_a_description_in_each_language() {
    for lang in Lang::ALL {
        for command in Command::ALL {
            assert!(!lang.labels().command(command).description.is_empty());
        }
    }
}
