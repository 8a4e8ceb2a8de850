//! Every word the dashboard and the `status` text show, in English and Chinese, in one place.
//! [`Labels`] is a struct with one field per label and each language is one `static` value of
//! it, so a label missing from either set does not compile. Labels that carry numbers are
//! `fn` fields. Amounts, durations and dates are formatted here too (亿/万 or bn/m).
//!
//! JSON output never goes through here: its keys and values are a contract, not a language.
//! Depends on the domain's types only (no terminal, no IO).

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Weekday};

use crate::app::health::Freshness;
use crate::app::keys::Command;
use crate::app::lists::{SigningSort, StalledSort};
use crate::app::wall::WallView;
use crate::domain::aggregate::Progress;
use crate::domain::amount::Amount;
use crate::domain::metric::Metric;
use crate::domain::model::{ApprovalStatus, Headquarters, Stage, Top500};

/// The label set in use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: amounts in bn/m
    #[default]
    En,
    /// Chinese: amounts in 亿/万
    Zh,
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn parse(text: &str) -> Result<Lang, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            _ => Err(format!("unknown language {text:?} (use zh or en)")),
        }
    }

    /// The language of a POSIX locale name: `zh_CN.UTF-8`, `zh_TW`, `zh` are Chinese; anything
    /// else (including `C` and `POSIX`) is English.
    pub fn of_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh_") || lower.starts_with("zh-") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language when none is configured: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// (the POSIX order), with the variable that decided it, for `doctor`.
    pub fn from_environment(env: &dyn Fn(&str) -> Option<String>) -> (Lang, String) {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = env(name).filter(|v| !v.is_empty()) {
                let lang = Lang::of_locale(&value);
                return (lang, format!("{name}={value}"));
            }
        }
        (Lang::En, "no LC_ALL, LC_MESSAGES or LANG set".to_owned())
    }

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
        self.labels().units.format(d, DurationStyle::Glance)
    }

    /// Durations for reports: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h` / `3 小时 5 分钟` ...
    pub fn duration(self, d: Duration) -> String {
        self.labels().units.format(d, DurationStyle::Report)
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

/// What a metric is called in full (targets columns, `status` rows) and short (narrow cards),
/// and the unit its amounts are written in (none for counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MetricName {
    pub full: &'static str,
    pub short: &'static str,
    pub unit: Option<&'static str>,
}

impl MetricName {
    /// `label` followed by the unit, `Signed amount bn`; a count's label unchanged.
    pub fn with_unit(self, label: &str) -> String {
        match self.unit {
            Some(unit) => format!("{label} {unit}"),
            None => label.to_owned(),
        }
    }
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
    /// Words for durations ([`DurationUnits::format`]).
    pub units: DurationUnits,
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
    pub st_stalled_heading: fn(count: usize) -> String,
    pub st_stalled_row: fn(submitted: &str, elapsed: u32, limit: u32, overdue: u32) -> String,
    pub st_rejected: &'static str,
    pub st_warning: &'static str,
}

impl Labels {
    pub fn freshness(&self, freshness: Freshness) -> &'static str {
        match freshness {
            Freshness::Loading => self.loading,
            Freshness::Fresh => self.fresh,
            Freshness::Ageing => self.ageing,
            Freshness::Stale => self.stale,
            Freshness::Offline => self.offline,
        }
    }

    pub fn progress(&self, progress: Progress) -> &'static str {
        match progress {
            Progress::NoTarget => self.no_target,
            Progress::OnTarget => self.on_target,
            Progress::OnPace => self.on_pace,
            Progress::Behind => self.behind,
        }
    }

    pub fn metric(&self, metric: Metric) -> MetricName {
        let (full, short) = match metric {
            Metric::SignedProjects => (self.signed_projects, self.signed_short),
            Metric::SignedAmount => (self.signed_amount, self.amount_short),
            Metric::StartedProjects => (self.started_projects, self.started_short),
        };
        MetricName {
            full,
            short,
            unit: metric.is_money().then_some(self.money_unit),
        }
    }

    pub fn signing_sort(&self, sort: SigningSort) -> &'static str {
        match sort {
            SigningSort::Date => self.sort_date,
            SigningSort::Amount => self.sort_amount,
            SigningSort::District => self.sort_district,
        }
    }

    pub fn stalled_sort(&self, sort: StalledSort) -> &'static str {
        match sort {
            StalledSort::Overdue => self.sort_overdue,
            StalledSort::Submitted => self.sort_submitted,
            StalledSort::Department => self.sort_department,
        }
    }

    pub fn wall_view(&self, view: WallView) -> &'static str {
        match view {
            WallView::Overview => self.wall_overview,
            WallView::Signings => self.wall_signings,
            WallView::Targets => self.wall_targets,
            WallView::Stalled => self.wall_stalled,
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

    pub fn command(&self, command: Command) -> CommandLabel {
        let c = &self.commands;
        match command {
            Command::Quit => c.quit,
            Command::NextPanel => c.next_panel,
            Command::PrevPanel => c.prev_panel,
            Command::FocusSignings => c.focus_signings,
            Command::FocusTargets => c.focus_targets,
            Command::FocusStalled => c.focus_stalled,
            Command::Down => c.down,
            Command::Up => c.up,
            Command::PageDown => c.page_down,
            Command::PageUp => c.page_up,
            Command::First => c.first,
            Command::Last => c.last,
            Command::Open => c.open,
            Command::Close => c.close,
            Command::Filter => c.filter,
            Command::Sort => c.sort,
            Command::Refresh => c.refresh,
            Command::HoldRotation => c.hold,
            Command::Help => c.help,
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

pub mod duration;
mod en;
mod zh;

pub use duration::{DurationStyle, DurationUnits};

pub use en::EN;
pub use zh::ZH;

#[cfg(test)]
mod tests;
