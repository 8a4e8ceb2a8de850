//! Every word the dashboard and the `status` text show, in English and Chinese, in one place.
//! [`Labels`] is a struct with one field per label and each language is one `static` value of
//! it, so a label missing from either set does not compile. Labels that carry numbers are
//! `fn` fields. Amounts, durations and dates are formatted here too (亿/万 or bn/m).
//!
//! JSON output never goes through here: its keys and values are a contract, not a language.
//! Depends on the domain's types and [`Lang`] (`crate::lang`) only: no terminal, no IO, no
//! `app`. The lookups that name app states (freshness, sort orders, wall views, key commands)
//! live with the UI, in `ui::labels`.

use std::time::Duration;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Weekday};

use crate::domain::aggregate::Progress;
use crate::domain::amount::Amount;
use crate::domain::model::{ApprovalStatus, Headquarters, Stage, Top500};
pub use crate::lang::Lang;

/// Formatting in a language: its label set, amounts in its units, dates and durations.
impl Lang {
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// An amount in the summary unit (亿 or bn), without the unit: `512.3` / `51.23`.
    pub fn money(self, amount: Amount) -> String {
        match self {
            Lang::En => amount.billions(),
            Lang::Zh => amount.yi(),
        }
    }

    /// An amount in the summary unit with it: `512.3 亿` / `51.23 bn`.
    pub fn money_with_unit(self, amount: Amount) -> String {
        format!("{} {}", self.money(amount), self.labels().money_unit)
    }

    /// One project's amount in the unit that suits its size: `512.3 亿`, `7500 万` /
    /// `51.23 bn`, `75 m`.
    pub fn amount(self, amount: Amount) -> String {
        let big = amount >= Amount::from_yuan(100_000_000 * self.big_unit_yi());
        match (self, big) {
            (Lang::Zh, true) => format!("{} 亿", amount.yi()),
            (Lang::Zh, false) => format!("{} 万", amount.wan()),
            (Lang::En, true) => format!("{} bn", amount.billions()),
            (Lang::En, false) => format!("{} m", amount.millions()),
        }
    }

    /// 亿 per large unit: 1 for 亿, 10 for a billion.
    fn big_unit_yi(self) -> u64 {
        match self {
            Lang::En => 10,
            Lang::Zh => 1,
        }
    }

    /// A date in full: `2026-11-29 Sun` / `2026年11月29日 周日`.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::En => date.format("%Y-%m-%d %a").to_string(),
            Lang::Zh => format!(
                "{}年{}月{}日 {}",
                date.year(),
                date.month(),
                date.day(),
                zh_weekday(date.weekday())
            ),
        }
    }

    /// The header clock: `2026-11-29 Sun 10:00:00 UTC+08:00` / `2026年11月29日 周日 10:00:00 UTC+08:00`.
    pub fn clock(self, now: DateTime<FixedOffset>) -> String {
        format!(
            "{} {}",
            self.date(now.date_naive()),
            now.format("%H:%M:%S UTC%:z")
        )
    }

    /// A time stamp for reports: `2022-02-15 09:30 +08:00` / `2022年2月15日 09:30 +08:00`.
    pub fn timestamp(self, at: DateTime<FixedOffset>) -> String {
        match self {
            Lang::En => at.format("%Y-%m-%d %H:%M %:z").to_string(),
            Lang::Zh => format!(
                "{}年{}月{}日 {}",
                at.year(),
                at.month(),
                at.day(),
                at.format("%H:%M %:z")
            ),
        }
    }

    /// Short durations for the header: `12 s`, `5 min`, `3 h`, `2 d` / `12 秒` ...
    pub fn short_duration(self, d: Duration) -> String {
        let l = self.labels();
        let secs = d.as_secs();
        match secs {
            0..120 => format!("{secs} {}", l.unit_s),
            120..7_200 => format!("{} {}", secs / 60, l.unit_min),
            7_200..172_800 => format!("{} {}", secs / 3_600, l.unit_h),
            _ => format!("{} {}", secs / 86_400, l.unit_d),
        }
    }

    /// Durations for reports: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h` / `3 小时 5 分钟` ...
    pub fn duration(self, d: Duration) -> String {
        let l = self.labels();
        let s = d.as_secs();
        match s {
            0..60 => format!("{s} {}", l.unit_s),
            60..3600 => format!("{} {}", s / 60, l.unit_min),
            3600..86_400 if (s % 3600) / 60 == 0 => format!("{} {}", s / 3600, l.unit_h),
            3600..86_400 => format!(
                "{} {} {} {}",
                s / 3600,
                l.unit_h,
                (s % 3600) / 60,
                l.unit_min
            ),
            _ => format!(
                "{} {} {} {}",
                s / 86_400,
                l.unit_d,
                (s % 86_400) / 3600,
                l.unit_h
            ),
        }
    }
}

fn zh_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

/// What a key command is called in the help overlay and, when it has one, in the hint bar.
#[derive(Clone, Copy, Debug)]
pub struct CommandLabel {
    pub description: &'static str,
    pub hint: Option<&'static str>,
}

const fn cmd(description: &'static str, hint: Option<&'static str>) -> CommandLabel {
    CommandLabel { description, hint }
}

/// One field per command: a command without a label does not compile.
#[derive(Debug)]
pub struct CommandLabels {
    pub quit: CommandLabel,
    pub next_panel: CommandLabel,
    pub prev_panel: CommandLabel,
    pub focus_signings: CommandLabel,
    pub focus_targets: CommandLabel,
    pub focus_stalled: CommandLabel,
    pub down: CommandLabel,
    pub up: CommandLabel,
    pub page_down: CommandLabel,
    pub page_up: CommandLabel,
    pub first: CommandLabel,
    pub last: CommandLabel,
    pub open: CommandLabel,
    pub close: CommandLabel,
    pub filter: CommandLabel,
    pub sort: CommandLabel,
    pub refresh: CommandLabel,
    pub hold: CommandLabel,
    pub help: CommandLabel,
}

/// Every label of one language.
#[derive(Debug)]
pub struct Labels {
    // Header.
    pub app_title: &'static str,
    pub app_title_short: &'static str,
    pub quarter_days_left: fn(year: i32, quarter: u8, days_left: u32) -> String,
    pub waiting_first_feed: &'static str,
    pub no_data: &'static str,
    pub updated_ago: fn(age: &str) -> String,
    pub feed_error: fn(message: &str) -> String,
    pub retry_in: fn(wait: &str) -> String,
    pub failures: fn(count: u32) -> String,
    pub refreshing: &'static str,
    pub rejected_records: fn(count: usize) -> String,
    pub calendar_uncovered: fn(years: &str) -> String,
    /// From 1 November, next year missing from the holiday table (short: it shares a row).
    pub calendar_next_year: fn(year: i32) -> String,
    pub unit_s: &'static str,
    pub unit_min: &'static str,
    pub unit_h: &'static str,
    pub unit_d: &'static str,
    pub loading: &'static str,
    pub fresh: &'static str,
    pub ageing: &'static str,
    pub stale: &'static str,
    pub offline: &'static str,
    // Money.
    pub money_unit: &'static str,
    pub big_badge: &'static str,
    pub top500_badge: &'static str,
    // Figures row.
    pub signed_projects: &'static str,
    pub signed_short: &'static str,
    pub signed_amount: &'static str,
    pub amount_short: &'static str,
    pub started_projects: &'static str,
    pub started_short: &'static str,
    pub stalled_approvals: &'static str,
    pub stalled_short: &'static str,
    pub quarter: fn(quarter: u8) -> String,
    pub no_data_word: &'static str,
    pub pace: fn(percent: &str) -> String,
    pub of_pending: fn(count: u32) -> String,
    pub worst_overdue: fn(days: u32) -> String,
    pub stalled_word: &'static str,
    pub none_word: &'static str,
    pub on_target: &'static str,
    pub on_pace: &'static str,
    pub behind: &'static str,
    pub no_target: &'static str,
    // Panels and lists.
    pub panel_signings: &'static str,
    pub panel_targets: &'static str,
    pub panel_stalled: &'static str,
    pub overview: &'static str,
    pub shown_of: fn(shown: usize, total: usize) -> String,
    pub sort: &'static str,
    pub filter: &'static str,
    pub waiting_first_feed_short: &'static str,
    pub no_data_because: fn(message: &str) -> String,
    pub sort_date: &'static str,
    pub sort_amount: &'static str,
    pub sort_district: &'static str,
    pub sort_overdue: &'static str,
    pub sort_submitted: &'static str,
    pub sort_department: &'static str,
    pub col_signed_on: &'static str,
    pub col_project: &'static str,
    pub col_investor: &'static str,
    pub col_district: &'static str,
    pub col_chain: &'static str,
    pub col_badges: &'static str,
    pub col_item: &'static str,
    pub col_department: &'static str,
    pub col_submitted: &'static str,
    pub col_days_limit: &'static str,
    pub col_overdue: &'static str,
    pub no_signings: &'static str,
    pub no_signing_matches: &'static str,
    pub no_stalled: &'static str,
    pub no_stalled_matches: &'static str,
    pub overdue_buckets: &'static str,
    pub buckets_tail: fn(pending: u32) -> String,
    // Targets.
    pub col_quarter: &'static str,
    pub quarter_row: fn(quarter: u8, current: bool) -> String,
    pub ytd: &'static str,
    pub ytd_figures: fn(signed: &str, amount: &str, started: &str) -> String,
    pub ytd_badges: fn(top500: u32, big: u32) -> String,
    pub col_pipeline: &'static str,
    pub col_signed_count: &'static str,
    pub col_amount_ytd: &'static str,
    pub by_district: &'static str,
    pub by_chain: &'static str,
    pub more_rows: fn(count: usize) -> String,
    /// A breakdown row for projects without a district or chain.
    pub unassigned: &'static str,
    // Footer, wall, help.
    pub filter_prompt: &'static str,
    pub filter_keys: &'static str,
    pub hold_badge: &'static str,
    pub resume_key: fn(key: &str) -> String,
    pub wall_overview: &'static str,
    pub wall_signings: &'static str,
    pub wall_targets: &'static str,
    pub wall_stalled: &'static str,
    pub too_small: fn(need_w: u16, need_h: u16, have_w: u16, have_h: u16) -> String,
    pub help_title: &'static str,
    pub help_close: fn(help: &str, close: &str) -> String,
    pub help_filter_note: fn(key: &str) -> String,
    pub help_wall_note: &'static str,
    pub commands: CommandLabels,
    // Detail.
    pub field_id: &'static str,
    pub field_stage: &'static str,
    pub field_investor: &'static str,
    pub field_amount: &'static str,
    pub field_district: &'static str,
    pub field_zone: &'static str,
    pub field_chain: &'static str,
    pub field_source: &'static str,
    pub field_hq: &'static str,
    pub field_top500: &'static str,
    pub milestones: &'static str,
    pub days_between: fn(days: i64) -> String,
    pub col_approval: &'static str,
    pub col_state: &'static str,
    pub col_days_decided: &'static str,
    pub decided_on: fn(date: &str) -> String,
    pub approvals_none: &'static str,
    pub detail_keys: fn(close: &str, down: &str, up: &str) -> String,
    pub stage_negotiating: &'static str,
    pub stage_signed: &'static str,
    pub stage_landed: &'static str,
    pub stage_started: &'static str,
    pub stage_operating: &'static str,
    pub stage_cancelled: &'static str,
    pub approval_pending: &'static str,
    pub approval_approved: &'static str,
    pub approval_rejected: &'static str,
    pub approval_withdrawn: &'static str,
    pub hq_corporate: &'static str,
    pub hq_regional: &'static str,
    pub hq_functional: &'static str,
    pub top500_fortune_global: &'static str,
    pub top500_china: &'static str,
    pub top500_china_private: &'static str,
    pub redacted: &'static str,
    // `status` text.
    pub st_stalled_approvals: fn(count: usize) -> String,
    pub st_quarter_signed: fn(quarter: u8, count: &str, amount: &str) -> String,
    pub st_started: fn(count: &str) -> String,
    pub st_data_age: fn(age: &str) -> String,
    pub st_data_age_unknown: &'static str,
    pub st_feed_unusable: fn(error: &str) -> String,
    pub st_separator: &'static str,
    pub st_feed: &'static str,
    pub st_feed_detail: fn(generated: &str, projects: usize, rejected: usize) -> String,
    pub st_generated: fn(at: &str) -> String,
    pub st_no_generated_at: &'static str,
    pub st_unusable_no_figures: &'static str,
    pub st_quarter: &'static str,
    pub st_quarter_detail: fn(year: i32, quarter: u8, elapsed: f64, days_left: u32) -> String,
    pub st_year_to_date: fn(signed: u32, amount: &str, started: u32) -> String,
    pub st_calendar: fn(years: &str) -> String,
    pub st_calendar_next_year: fn(year: i32) -> String,
    pub st_stalled_heading: fn(count: usize) -> String,
    pub st_stalled_row: fn(submitted: &str, elapsed: u32, limit: u32, overdue: u32) -> String,
    pub st_rejected: &'static str,
    pub st_warning: &'static str,
}

impl Labels {
    pub fn progress(&self, progress: Progress) -> &'static str {
        match progress {
            Progress::NoTarget => self.no_target,
            Progress::OnTarget => self.on_target,
            Progress::OnPace => self.on_pace,
            Progress::Behind => self.behind,
        }
    }

    pub fn stage(&self, stage: Stage) -> &'static str {
        match stage {
            Stage::Negotiating => self.stage_negotiating,
            Stage::Signed => self.stage_signed,
            Stage::Landed => self.stage_landed,
            Stage::Started => self.stage_started,
            Stage::Operating => self.stage_operating,
            Stage::Cancelled => self.stage_cancelled,
        }
    }

    pub fn approval_status(&self, status: ApprovalStatus) -> &'static str {
        match status {
            ApprovalStatus::Pending => self.approval_pending,
            ApprovalStatus::Approved => self.approval_approved,
            ApprovalStatus::Rejected => self.approval_rejected,
            ApprovalStatus::Withdrawn => self.approval_withdrawn,
        }
    }

    pub fn headquarters(&self, hq: Headquarters) -> &'static str {
        match hq {
            Headquarters::Corporate => self.hq_corporate,
            Headquarters::Regional => self.hq_regional,
            Headquarters::Functional => self.hq_functional,
        }
    }

    pub fn top500(&self, kind: Top500) -> &'static str {
        match kind {
            Top500::FortuneGlobal => self.top500_fortune_global,
            Top500::China => self.top500_china,
            Top500::ChinaPrivate => self.top500_china_private,
        }
    }
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

mod en;
mod zh;

pub use en::EN;
pub use zh::ZH;

#[cfg(test)]
mod tests;
