//! The label groups, one per screen (and one for `status`), and the lookups from domain values
//! to their words. Each group is a struct with one field per label, so a label missing from a
//! language does not compile. Depends on the domain's types only.

use crate::domain::aggregate::Progress;
use crate::domain::metric::Metric;
use crate::domain::model::{ApprovalStatus, Headquarters, Stage, Top500};
use crate::i18n::DurationUnits;

/// What a metric is called in full (targets columns, `status` rows) and short (narrow cards).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MetricLabel {
    pub full: &'static str,
    pub short: &'static str,
}

/// A metric's [`MetricLabel`] and the unit its amounts are written in (none for counts).
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

/// Words more than one screen uses: units, the metrics, progress words.
#[derive(Debug)]
pub struct CommonLabels {
    /// Words for durations ([`DurationUnits::format`]).
    pub units: DurationUnits,
    pub money_unit: &'static str,
    pub signed_projects: MetricLabel,
    pub signed_amount: MetricLabel,
    pub started_projects: MetricLabel,
    pub on_target: &'static str,
    pub on_pace: &'static str,
    pub behind: &'static str,
    pub no_target: &'static str,
    /// Beside a figure whose target is 0 (set, not missing): reached from the start.
    pub zero_target: &'static str,
    pub stalled_word: &'static str,
}

impl CommonLabels {
    pub fn progress(&self, progress: Progress) -> &'static str {
        match progress {
            Progress::NoTarget => self.no_target,
            Progress::OnTarget => self.on_target,
            Progress::OnPace => self.on_pace,
            Progress::Behind => self.behind,
        }
    }

    pub fn metric(&self, metric: Metric) -> MetricName {
        let label = match metric {
            Metric::SignedProjects => self.signed_projects,
            Metric::SignedAmount => self.signed_amount,
            Metric::StartedProjects => self.started_projects,
        };
        MetricName {
            full: label.full,
            short: label.short,
            unit: metric.is_money().then_some(self.money_unit),
        }
    }
}

/// The header: title, quarter, feed state and freshness.
#[derive(Debug)]
pub struct HeaderLabels {
    pub app_title: &'static str,
    pub app_title_short: &'static str,
    pub quarter_days_left: fn(year: i32, quarter: u8, days_left: u32) -> String,
    pub waiting_first_feed: &'static str,
    pub no_data: &'static str,
    /// The age of the data by the publisher's `generated_at`: `data 20 min old`.
    pub data_age: fn(age: &str) -> String,
    /// When the feed last answered with usable data (new or unchanged): `checked 14:03:12`.
    pub checked_at: fn(time: &str) -> String,
    pub feed_error: fn(message: &str) -> String,
    pub retry_in: fn(wait: &str) -> String,
    pub failures: fn(count: u32) -> String,
    /// Shown in place of `checked_at` from `r` until the feed answers.
    pub checking: &'static str,
    /// A poll in flight for longer than the interval, and for how long.
    pub checking_for: fn(elapsed: &str) -> String,
    /// After a failure, once the retry is due: the retry is under way.
    pub retry_now: &'static str,
    pub rejected_records: fn(count: usize) -> String,
    pub calendar_uncovered: fn(years: &str) -> String,
    /// From 1 November, next year missing from the holiday table (short: it shares a row).
    pub calendar_next_year: fn(year: i32) -> String,
    /// The word shown when more records than `max_rejected_share` were rejected.
    pub degraded: &'static str,
    /// `380 of 420 records rejected (90.48%)`: beside DEGRADED and atop the rejected view.
    pub rejected_share: fn(rejected: usize, total: usize, share: &str) -> String,
    /// The key that opens the rejected view, after the share.
    pub rejected_hint: fn(key: &str) -> String,
    /// The rejected view when nothing was rejected.
    pub no_rejections: &'static str,
    /// A `generated_at` too far in the future to have an age.
    pub generated_ahead: fn(ahead: &str) -> String,
    pub loading: &'static str,
    pub fresh: &'static str,
    pub ageing: &'static str,
    pub stale: &'static str,
    pub offline: &'static str,
}

/// The figures row (metric names and progress words are in [`CommonLabels`]).
#[derive(Debug)]
pub struct FigureLabels {
    pub stalled_approvals: &'static str,
    pub stalled_short: &'static str,
    pub quarter: fn(quarter: u8) -> String,
    pub no_data_word: &'static str,
    pub pace: fn(percent: &str) -> String,
    pub of_pending: fn(count: u32) -> String,
    /// The stalled count in a sentence, for under its block digits: "26 stalled of 50 pending".
    pub stalled_of_pending: fn(stalled: u32, pending: u32) -> String,
    pub worst_overdue: fn(days: u32) -> String,
    pub none_word: &'static str,
}

/// Panel frames: titles, list counts, the before-data message, and the too-small notice.
#[derive(Debug)]
pub struct PanelLabels {
    pub signings: &'static str,
    pub targets: &'static str,
    pub stalled: &'static str,
    pub overview: &'static str,
    pub shown_of: fn(shown: usize, total: usize) -> String,
    pub sort: &'static str,
    pub filter: &'static str,
    /// After the count while a new sort is under way (the rows shown are the old order's).
    pub sorting: &'static str,
    /// After the count while a filter is still searching (the rows shown are the old filter's).
    pub filtering: &'static str,
    pub waiting_first_feed_short: &'static str,
    pub no_data_because: fn(message: &str) -> String,
    pub too_small: fn(need_w: u16, need_h: u16, have_w: u16, have_h: u16) -> String,
    /// The same, where the sentence does not fit on one row.
    pub too_small_short: fn(need_w: u16, need_h: u16) -> String,
}

/// List tables (signings, stalled approvals, a project's approvals): sorts, columns, empty lists.
#[derive(Debug)]
pub struct ListLabels {
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
    pub col_approval: &'static str,
    pub col_state: &'static str,
    pub col_days_decided: &'static str,
    pub no_signings: &'static str,
    pub no_signing_matches: &'static str,
    pub no_stalled: &'static str,
    pub no_stalled_matches: &'static str,
    pub overdue_buckets: &'static str,
    pub buckets_tail: fn(pending: u32) -> String,
    pub big_badge: &'static str,
    pub top500_badge: &'static str,
}

/// The targets panel: quarter rows, year to date, breakdowns.
#[derive(Debug)]
pub struct TargetLabels {
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
}

/// The footer: filter prompt, wall views and the hold badge.
#[derive(Debug)]
pub struct FooterLabels {
    pub filter_prompt: &'static str,
    pub filter_keys: &'static str,
    pub hold_badge: &'static str,
    pub resume_key: fn(key: &str) -> String,
    /// The wall's countdown to its next view: "next 12 s".
    pub next_view: fn(wait: &str) -> String,
    pub wall_overview: &'static str,
    pub wall_signings: &'static str,
    pub wall_targets: &'static str,
    pub wall_stalled: &'static str,
    pub wall_trends: &'static str,
    pub wall_pipeline: &'static str,
}

/// The trend views (burn-ups, signings per week, stalled by department, the pipeline) and the
/// change log ("just in" on the wall).
#[derive(Debug)]
pub struct TrendLabels {
    pub title: &'static str,
    /// `Q4 2026 burn-up`.
    pub burn_up: fn(year: i32, quarter: u8) -> String,
    /// The legend: the cumulative figure, the target, the pace, today.
    pub done: &'static str,
    pub target: &'static str,
    pub pace: &'static str,
    pub today: &'static str,
    /// `Signings per week, 2026`.
    pub weekly: fn(year: i32) -> String,
    /// `4 this week · 12 last 4 weeks`.
    pub weekly_tail: fn(this_week: u32, four_weeks: u32) -> String,
    pub by_department: &'static str,
    /// `12 stalled · worst +34 d`.
    pub department_row: fn(stalled: u32, worst: u32) -> String,
    /// The same where the long one does not fit: `12 · +34 d`.
    pub department_row_short: fn(stalled: u32, worst: u32) -> String,
    pub no_stalled: &'static str,
    pub pipeline: &'static str,
    /// `median 18 d from signing to start`.
    pub median_to_start: fn(days: &str) -> String,
    /// What the median is taken over: `over 34 started projects`.
    pub median_over: fn(projects: u32) -> String,
    pub no_median: &'static str,
    /// `1/2 · tab: next page`.
    pub page: fn(page: usize, pages: usize, key: &str) -> String,
    /// The change log's title with its count.
    pub changes: fn(count: usize) -> String,
    pub just_in: &'static str,
    pub no_changes: &'static str,
    /// `New signing: Name · 75 m · Furong District`.
    pub new_signing: fn(name: &str, amount: &str, district: &str) -> String,
    pub stage_advanced: fn(name: &str, from: &str, to: &str) -> String,
    pub newly_stalled: fn(name: &str, item: &str, department: &str, overdue: u32) -> String,
    pub decided: fn(name: &str, item: &str, status: &str) -> String,
    pub cancelled: fn(name: &str) -> String,
    pub removed: fn(name: &str) -> String,
}

/// The help overlay (command descriptions are in [`CommandLabels`]).
#[derive(Debug)]
pub struct HelpLabels {
    pub title: &'static str,
    pub close: fn(help: &str, close: &str) -> String,
    pub filter_note: fn(key: &str) -> String,
    pub wall_note: &'static str,
    /// When the help is taller than the screen: the keys that scroll it.
    pub scroll_note: fn(down: &str, up: &str) -> String,
    pub legend_title: &'static str,
    /// After the Top-500 badge (the badge itself is the list's label).
    pub legend_top500: &'static str,
    pub legend_big: &'static str,
    pub legend_new: &'static str,
    pub legend_selected: &'static str,
    /// After FRESH, AGEING, STALE, OFFLINE: the thresholds in force.
    pub legend_fresh: fn(warn: &str) -> String,
    pub legend_ageing: fn(warn: &str) -> String,
    pub legend_stale: fn(crit: &str) -> String,
    pub legend_offline: fn(crit: &str) -> String,
    pub legend_degraded: fn(share: &str) -> String,
    pub legend_days_limit: &'static str,
    /// `pace` as the cards write it, then what it means.
    pub legend_pace_word: &'static str,
    pub legend_pace: &'static str,
    /// After the four overdue levels (`+1-5 +6-10 +11-20 +21…`).
    pub legend_overdue: &'static str,
    /// The colour names, in the order red, yellow, green, grey.
    pub colour_names: [&'static str; 4],
    /// After the progress words and their colours: the `target_colors` setting in force.
    pub legend_colours: fn(setting: &str) -> String,
}

/// A project's detail: fields, milestones, and the words for its stage, approvals, headquarters and Top 500 lists.
#[derive(Debug)]
pub struct DetailLabels {
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
}

impl DetailLabels {
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

/// The `check-feed` report's frame; the `REJECTED` and `WARNING` line markers and the
/// reasons (which quote the feed's own field names) are the same in every language.
#[derive(Debug)]
pub struct CheckLabels {
    pub title: fn(source: &str, today: &str) -> String,
    pub unusable: fn(reason: &str) -> String,
    pub result_unusable: fn(exit: u8) -> String,
    pub usable: fn(generated_at: &str) -> String,
    pub not_given: &'static str,
    pub counts: fn(
        projects: usize,
        rejected: usize,
        approvals: usize,
        targets: usize,
        rejected_targets: usize,
    ) -> String,
    pub result: fn(rejected: usize, warnings: usize, exit: u8) -> String,
}

/// The `status` text (JSON never goes through labels).
#[derive(Debug)]
pub struct StatusLabels {
    pub stalled_approvals: fn(count: usize) -> String,
    pub quarter_signed: fn(quarter: u8, count: &str, amount: &str) -> String,
    pub started: fn(count: &str) -> String,
    pub data_age: fn(age: &str) -> String,
    pub data_age_unknown: &'static str,
    pub feed_unusable: fn(error: &str) -> String,
    pub separator: &'static str,
    pub feed: &'static str,
    pub feed_detail: fn(generated: &str, projects: usize, rejected: usize) -> String,
    pub generated: fn(at: &str) -> String,
    pub no_generated_at: &'static str,
    pub unusable_no_figures: &'static str,
    pub quarter: &'static str,
    pub quarter_detail: fn(year: i32, quarter: u8, elapsed: f64, days_left: u32) -> String,
    pub year_to_date: fn(signed: u32, amount: &str, started: u32) -> String,
    pub calendar: fn(years: &str) -> String,
    pub calendar_next_year: fn(year: i32) -> String,
    pub stalled_heading: fn(count: usize) -> String,
    pub stalled_row: fn(submitted: &str, elapsed: u32, limit: u32, overdue: u32) -> String,
    pub rejected: &'static str,
    pub warning: &'static str,
    /// `generated_at` too far ahead of our clock to have an age, and by how much.
    pub data_ahead: fn(ahead: &str) -> String,
    /// The line that stands for the detail lines past `--max-lines`.
    pub and_more: fn(count: usize) -> String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_metric_has_names_and_only_money_has_a_unit() {
        for lang in Lang::ALL {
            let common = &lang.labels().common;
            for metric in Metric::ALL {
                let name = common.metric(metric);
                assert!(!name.full.is_empty() && !name.short.is_empty(), "{lang}");
                assert_eq!(name.unit.is_some(), metric.is_money(), "{lang}");
            }
            let amount = common.metric(Metric::SignedAmount);
            assert_eq!(
                amount.with_unit(amount.full),
                format!("{} {}", amount.full, common.money_unit)
            );
            let count = common.metric(Metric::SignedProjects);
            assert_eq!(count.with_unit(count.short), count.short);
        }
    }
}

/// Navigating the console: the sort columns beyond the first three of each list, the
/// department breakdown, a drill-down's scope, and what copy and export say; the CSV header
/// words that the screen's columns do not already give.
#[derive(Debug)]
pub struct NavLabels {
    pub sort_project: &'static str,
    pub sort_investor: &'static str,
    pub sort_chain: &'static str,
    pub sort_days: &'static str,
    pub sort_item: &'static str,
    /// The department breakdown's heading (its first column).
    pub by_department: &'static str,
    pub col_stalled: &'static str,
    pub col_worst: &'static str,
    /// A breakdown's row for approvals that name no department.
    pub no_department: &'static str,
    /// The targets panel's title while one breakdown shows all its rows.
    pub all_rows: &'static str,
    pub copied: fn(id: &str) -> String,
    pub exported: fn(path: &str) -> String,
    pub export_failed: fn(why: &str) -> String,
    pub export_missing: fn(dir: &str) -> String,
    pub export_denied: fn(dir: &str) -> String,
    pub export_full: fn(dir: &str) -> String,
    pub export_read_only: fn(dir: &str) -> String,
    pub export_not_a_directory: fn(dir: &str) -> String,
    pub export_too_many: fn(dir: &str) -> String,
    pub csv_id: &'static str,
    pub csv_amount: &'static str,
    pub csv_working_days: &'static str,
    pub csv_limit: &'static str,
}

/// The `doctor` report: section titles, line names, values and the verdict. Environment
/// variable names, setting keys, paths and values stay as typed; they are what a person
/// searches for.
#[derive(Debug)]
pub struct DoctorLabels {
    pub terminal: &'static str,
    pub locale: &'static str,
    pub settings: &'static str,
    pub feed: &'static str,
    pub calendar: &'static str,
    pub version: &'static str,
    pub size: &'static str,
    pub colours: &'static str,
    pub theme: &'static str,
    pub glyphs: &'static str,
    pub language: &'static str,
    pub config_file: &'static str,
    pub keys: &'static str,
    pub token: &'static str,
    pub key_bindings: &'static str,
    pub source: &'static str,
    pub reachable: &'static str,
    pub holiday_table: &'static str,
    pub this_year: &'static str,
    pub next_year: &'static str,
    pub unset: &'static str,
    pub too_small: fn(width: u16, height: u16, min_width: u16, min_height: u16) -> String,
    pub size_unknown: fn(error: &str) -> String,
    pub not_a_terminal: &'static str,
    /// Colour depths: none, 16, 256, 24-bit.
    pub colour_depths: [&'static str; 4],
    /// Words written in English where they are made (why a colour depth, glyph set or
    /// language was picked; what an unset setting means), in this language.
    pub phrase: fn(text: &str) -> String,
    pub colours_value: fn(depth: &str, why: &str, choice: &str) -> String,
    pub glyphs_value: fn(glyphs: &str, why: &str) -> String,
    pub theme_without_colour: fn(theme: &str) -> String,
    pub language_value: fn(zh: bool, lang: &str, why: &str) -> String,
    pub lang_from: fn(origin: &str) -> String,
    pub no_config_file: &'static str,
    pub default_keys: &'static str,
    pub rebound: fn(names: &str) -> String,
    /// Where a value came from: default, config file, environment, command line.
    pub origins: [&'static str; 4],
    pub via_profile: fn(profile: &str) -> String,
    pub setting_value: fn(value: &str, origin: &str, via: &str) -> String,
    pub token_hidden: &'static str,
    pub bindings_valid: &'static str,
    pub demo_source: &'static str,
    pub no_data: fn(millis: u128) -> String,
    pub unreachable: fn(millis: u128, error: &str) -> String,
    pub fetched: fn(bytes: usize, millis: u128) -> String,
    pub parsed: fn(fetched: &str, projects: usize, rejected: usize) -> String,
    pub unusable: fn(fetched: &str, error: &str) -> String,
    pub no_years: &'static str,
    pub with_file: fn(path: &str) -> String,
    pub year_covered: fn(year: i32) -> String,
    pub year_not_covered: fn(year: i32) -> String,
    pub next_year_missing: fn(year: i32) -> String,
    pub degraded: &'static str,
    pub ok_with_notices: &'static str,
    pub ok: &'static str,
}
