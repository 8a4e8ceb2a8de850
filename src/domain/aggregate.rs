//! Every figure the command room reads, as a pure function of a snapshot, today's date and the
//! working-day calendar. The dashboard and `status` both call [`aggregate`], so they agree.
//! Runs when data or the date changes, never per frame.

use std::cmp::Reverse;
use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use crate::domain::amount::Amount;
use crate::domain::calendar::Calendar;
use crate::domain::metric::{Metric, Quantity};
use crate::domain::model::{ApprovalStatus, Snapshot, Stage};
use crate::sanitize::SafeText;

/// The breakdown label of projects without a district (or chain).
pub const UNASSIGNED: &str = "(none)";

/// Settings that change figures.
#[derive(Clone, Copy, Debug)]
pub struct AggregateOptions {
    /// Limit for approvals that state none (FEED.md: 9).
    pub default_limit_working_days: u32,
    /// Projects at or above this amount are tracked end to end (1 billion yuan).
    pub big_project: Amount,
}

impl Default for AggregateOptions {
    fn default() -> Self {
        AggregateOptions {
            default_limit_working_days: 9,
            big_project: Amount::from_yuan(1_000_000_000),
        }
    }
}

/// Signed and started counts over some window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub signed_projects: u32,
    pub signed_amount: Amount,
    pub started_projects: u32,
}

impl Figures {
    fn add(&mut self, other: Figures) {
        self.signed_projects += other.signed_projects;
        self.signed_amount += other.signed_amount;
        self.started_projects += other.started_projects;
    }

    /// One metric's figure.
    pub fn get(&self, metric: Metric) -> Quantity {
        match metric {
            Metric::SignedProjects => Quantity::Count(u64::from(self.signed_projects)),
            Metric::SignedAmount => Quantity::Money(self.signed_amount),
            Metric::StartedProjects => Quantity::Count(u64::from(self.started_projects)),
        }
    }
}

/// In JSON (`year_to_date`), one key per metric, named by [`Metric::json_key`].
impl serde::Serialize for Figures {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(Metric::ALL.len()))?;
        for metric in Metric::ALL {
            map.serialize_entry(metric.json_key(), &self.get(metric))?;
        }
        map.end()
    }
}

/// A quarter's targets; `None` where the feed sets none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Targets {
    pub signed_projects: Option<u32>,
    pub signed_amount: Option<Amount>,
    pub started_projects: Option<u32>,
}

impl Targets {
    /// One metric's target, `None` where the feed sets none.
    pub fn get(&self, metric: Metric) -> Option<Quantity> {
        match metric {
            Metric::SignedProjects => self.signed_projects.map(|t| Quantity::Count(u64::from(t))),
            Metric::SignedAmount => self.signed_amount.map(Quantity::Money),
            Metric::StartedProjects => self.started_projects.map(|t| Quantity::Count(u64::from(t))),
        }
    }
}

/// How a figure stands against its target, in words as well as colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    /// The feed sets no target (missing or null). A target of 0 is a target, reached.
    NoTarget,
    /// Target reached: "red" in the command room's language.
    OnTarget,
    /// Not reached yet, but at or above the share expected by today.
    OnPace,
    Behind,
}

impl Progress {
    fn judge(actual: u128, target: Option<u128>, expected_share: f64) -> Progress {
        match target {
            None => Progress::NoTarget,
            Some(target) if actual >= target => Progress::OnTarget,
            Some(target) => {
                #[expect(clippy::cast_precision_loss, reason = "comparison with a share")]
                let expected = target as f64 * expected_share;
                #[expect(clippy::cast_precision_loss, reason = "comparison with a share")]
                let on_pace = actual as f64 >= expected;
                if on_pace {
                    Progress::OnPace
                } else {
                    Progress::Behind
                }
            }
        }
    }
}

/// One calendar quarter: what was done, what was asked, and how far through it today is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuarterFigures {
    pub year: i32,
    pub quarter: u8,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub actual: Figures,
    pub target: Targets,
    /// Share of the quarter's days passed through today: 0 before it starts, 1 after it ends.
    pub elapsed_share: f64,
    /// Days after today until the quarter ends (0 on its last day and after it).
    pub days_left: u32,
}

/// One metric of a quarter: what was done, what was asked, and how it stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MetricFigure {
    pub actual: Quantity,
    pub target: Option<Quantity>,
    /// Share of the target reached, `None` without a usable (non-zero) target.
    pub ratio: Option<f64>,
    pub progress: Progress,
}

impl MetricFigure {
    /// `actual/target`, or `actual` without a target; amounts as `money` writes them. A
    /// zero target reads as `actual` alone: "66/0" says nothing, the words beside it
    /// ([`MetricFigure::zero_target`]) say "target 0".
    pub fn text(&self, money: impl Fn(Amount) -> String) -> String {
        let target = self.target.filter(|_| !self.zero_target());
        self.actual.of_target(target, money)
    }

    /// The feed set this figure's target to 0 (not missing, not null): a target of zero,
    /// reached from the start, so ON TARGET; every surface says "target 0" beside the figure.
    pub fn zero_target(&self) -> bool {
        self.target.is_some_and(|t| t.units() == 0)
    }
}

impl QuarterFigures {
    /// One metric's figure, target, share of target and progress word.
    pub fn metric(&self, metric: Metric) -> MetricFigure {
        let actual = self.actual.get(metric);
        let target = self.target.get(metric);
        MetricFigure {
            actual,
            target,
            ratio: target.and_then(|target| actual.ratio_of(target)),
            progress: Progress::judge(
                actual.units(),
                target.map(Quantity::units),
                self.elapsed_share,
            ),
        }
    }
}

/// Figures for one district or chain, year to date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    pub label: SafeText,
    pub figures: Figures,
    /// Projects in the pipeline (any stage but cancelled), whatever their dates.
    pub projects: u32,
}

/// A pending approval past its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StalledApproval {
    /// Index into `Snapshot::projects`.
    pub project: usize,
    /// Index into that project's `approvals`.
    pub approval: usize,
    pub working_days_elapsed: u32,
    pub limit_working_days: u32,
}

impl StalledApproval {
    pub fn overdue_by(&self) -> u32 {
        self.working_days_elapsed
            .saturating_sub(self.limit_working_days)
    }
}

/// Ageing buckets for stalled approvals, by working days overdue.
pub const STALLED_BUCKETS: [(&str, u32, u32); 4] = [
    ("1-5", 1, 5),
    ("6-10", 6, 10),
    ("11-20", 11, 20),
    (">20", 21, u32::MAX),
];

/// The level of an approval `overdue` working days past its limit: its index into
/// [`STALLED_BUCKETS`], `None` when it is not overdue.
pub fn overdue_level(overdue: u32) -> Option<usize> {
    STALLED_BUCKETS
        .iter()
        .position(|(_, low, high)| (*low..=*high).contains(&overdue))
}

/// Everything the screens and `status` show, computed once per snapshot and date.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub today: NaiveDate,
    /// The quarter containing today.
    pub quarter: QuarterFigures,
    /// Q1..Q4 of today's year.
    pub year_quarters: [QuarterFigures; 4],
    /// Jan 1 through today.
    pub year_to_date: Figures,
    /// Largest amount first.
    pub by_district: Vec<Breakdown>,
    pub by_chain: Vec<Breakdown>,
    /// Indices of projects signed on or before today, newest signing first.
    pub signings: Vec<usize>,
    /// Worst (most overdue) first.
    pub stalled: Vec<StalledApproval>,
    pub stalled_buckets: [u32; 4],
    pub pending_approvals: u32,
    /// Non-cancelled projects at or above the big-project amount.
    pub big_projects: u32,
    pub top500_projects: u32,
    /// Accepted projects per stage, in `Stage::ALL` order.
    pub stage_counts: [u32; 6],
    /// Years the figures touch that the holiday table does not cover (provisional counting).
    pub uncovered_years: Vec<i32>,
    /// From 1 November: next year, when the holiday table does not cover it yet.
    pub next_year_uncovered: Option<i32>,
}

/// Quarter (1..=4) of a date.
pub fn quarter_of(date: NaiveDate) -> u8 {
    #[expect(clippy::cast_possible_truncation, reason = "month0 / 3 is 0..=3")]
    let quarter = (date.month0() / 3) as u8 + 1;
    quarter
}

/// First and last day of a quarter. Years outside chrono's range fall back to today's bounds.
pub fn quarter_bounds(year: i32, quarter: u8) -> Option<(NaiveDate, NaiveDate)> {
    let first_month = u32::from(quarter.clamp(1, 4) - 1) * 3 + 1;
    let first = NaiveDate::from_ymd_opt(year, first_month, 1)?;
    let next = if first_month == 10 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, first_month + 3, 1)?
    };
    Some((first, next.pred_opt()?))
}

fn quarter_figures(snapshot: &Snapshot, today: NaiveDate, quarter: u8) -> QuarterFigures {
    let year = today.year();
    let (first_day, last_day) = quarter_bounds(year, quarter).unwrap_or((today, today));
    let length = (last_day - first_day).num_days() + 1;
    let passed = ((today - first_day).num_days() + 1).clamp(0, length);
    #[expect(clippy::cast_precision_loss, reason = "day counts are small")]
    let elapsed_share = passed as f64 / length as f64;
    let days_left = u32::try_from((last_day - today).num_days().max(0)).unwrap_or(0);
    let target = snapshot
        .target_for(year, quarter)
        .map(|t| Targets {
            signed_projects: t.signed_projects,
            signed_amount: t.signed_amount,
            started_projects: t.started_projects,
        })
        .unwrap_or_default();
    QuarterFigures {
        year,
        quarter,
        first_day,
        last_day,
        actual: Figures::default(),
        target,
        elapsed_share,
        days_left,
    }
}

/// Computes the [`Summary`] for `today` (the date in the configured zone).
#[expect(
    clippy::too_many_lines,
    reason = "one pass over the projects feeds every figure; split up it would be several passes"
)]
pub fn aggregate(
    snapshot: &Snapshot,
    today: NaiveDate,
    calendar: &Calendar,
    options: &AggregateOptions,
) -> Summary {
    let year = today.year();
    let mut year_quarters = [1, 2, 3, 4].map(|q| quarter_figures(snapshot, today, q));
    let mut districts: Groups = HashMap::default();
    let mut chains: Groups = HashMap::default();
    let mut signings = Vec::new();
    let mut stalled = Vec::new();
    let mut pending_approvals = 0;
    let mut big_projects = 0;
    let mut top500_projects = 0;
    let mut stage_counts = [0u32; 6];
    let mut earliest_pending: Option<NaiveDate> = None;
    let unassigned = SafeText::new(UNASSIGNED);

    for (index, project) in snapshot.projects.iter().enumerate() {
        if let Some(slot) = Stage::ALL.iter().position(|s| *s == project.stage) {
            stage_counts[slot] += 1;
        }
        if project.is_cancelled() {
            continue;
        }
        big_projects += u32::from(project.amount >= options.big_project);
        top500_projects += u32::from(project.is_top500());

        let mut contribution = Figures::default();
        if let Some(signed) = project.signed_on.filter(|d| *d <= today) {
            signings.push(index);
            if signed.year() == year {
                contribution.signed_projects = 1;
                contribution.signed_amount = project.amount;
                year_quarters[usize::from(quarter_of(signed) - 1)]
                    .actual
                    .add(contribution);
            }
        }
        if let Some(started) = project
            .started_on
            .filter(|d| *d <= today && d.year() == year)
        {
            let started_only = Figures {
                started_projects: 1,
                ..Figures::default()
            };
            contribution.started_projects = 1;
            year_quarters[usize::from(quarter_of(started) - 1)]
                .actual
                .add(started_only);
        }
        for (labels, label) in [
            (&mut districts, &project.district),
            (&mut chains, &project.chain),
        ] {
            // Looked up by reference: the label is cloned (an atomic count on a label every
            // project shares) only for a new group.
            let label = label.as_ref().unwrap_or(&unassigned);
            let entry = match labels.get_mut(label) {
                Some(entry) => entry,
                None => labels.entry(label.clone()).or_insert_with(|| Breakdown {
                    label: label.clone(),
                    figures: Figures::default(),
                    projects: 0,
                }),
            };
            entry.figures.add(contribution);
            entry.projects += 1;
        }

        for (approval_index, approval) in project.approvals.iter().enumerate() {
            if approval.status != ApprovalStatus::Pending || approval.submitted_on > today {
                continue;
            }
            pending_approvals += 1;
            earliest_pending = Some(
                earliest_pending.map_or(approval.submitted_on, |d| d.min(approval.submitted_on)),
            );
            let limit = approval
                .limit_working_days
                .unwrap_or(options.default_limit_working_days);
            let elapsed = calendar.working_days_after(approval.submitted_on, today);
            if elapsed > limit {
                stalled.push(StalledApproval {
                    project: index,
                    approval: approval_index,
                    working_days_elapsed: elapsed,
                    limit_working_days: limit,
                });
            }
        }
    }

    // Newest signing first, then the largest, then by id. The keys are read once, in the
    // projects' order: compared through the indices, every comparison was two cache misses.
    signings.sort_by_cached_key(|&index| {
        let project = &snapshot.projects[index];
        (
            Reverse(project.signed_on),
            Reverse(project.amount),
            project.id.as_str(),
        )
    });
    // Most overdue first; the key is total (no two entries share project and approval), so an
    // unstable sort gives the one order there is.
    stalled.sort_unstable_by_key(|entry| {
        (
            Reverse(entry.overdue_by()),
            Reverse(entry.working_days_elapsed),
            entry.project,
            entry.approval,
        )
    });
    let mut stalled_buckets = [0u32; 4];
    for entry in &stalled {
        let overdue = entry.overdue_by();
        if let Some(slot) = overdue_level(overdue) {
            stalled_buckets[slot] += 1;
        }
    }

    let mut year_to_date = Figures::default();
    for quarter in &year_quarters {
        year_to_date.add(quarter.actual);
    }
    let coverage_from = earliest_pending.map_or(today, |d| d.min(today));
    let uncovered_years: Vec<i32> = calendar
        .uncovered_years(coverage_from, today)
        .into_iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();

    Summary {
        today,
        quarter: year_quarters[usize::from(quarter_of(today) - 1)],
        year_quarters,
        year_to_date,
        by_district: ranked(districts),
        by_chain: ranked(chains),
        signings,
        stalled,
        stalled_buckets,
        pending_approvals,
        big_projects,
        top500_projects,
        stage_counts,
        uncovered_years,
        next_year_uncovered: calendar.next_year_uncovered(today),
    }
}

/// Breakdowns by label. Labels come from the feed: a keyed hasher, but a fast one.
type Groups = HashMap<SafeText, Breakdown, foldhash::fast::RandomState>;

fn ranked(groups: Groups) -> Vec<Breakdown> {
    let mut rows: Vec<Breakdown> = groups.into_values().collect();
    rows.sort_by(|a, b| {
        b.figures
            .signed_amount
            .cmp(&a.figures.signed_amount)
            .then(b.projects.cmp(&a.projects))
            .then(a.label.cmp(&b.label))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::DemoFeed;
    use crate::testing::{NOW, at};

    /// The orders the lists and `status` show, pair by pair, on a feed large enough for ties
    /// on the first keys: signings newest first, then the largest, then by id; stalled
    /// approvals most overdue first, then the longest waiting, then in the feed's order.
    #[test]
    fn signings_and_stalled_approvals_are_in_their_documented_order() {
        let now = at(NOW);
        let document = DemoFeed::new(7, now, 3_000).document_at(now);
        let snapshot = crate::feed::parse_feed(&document).expect("the demo feed parses");
        let today = now.date_naive();
        let summary = aggregate(
            &snapshot,
            today,
            &Calendar::embedded(),
            &AggregateOptions::default(),
        );

        let signed = snapshot
            .projects
            .iter()
            .filter(|p| !p.is_cancelled() && p.signed_on.is_some_and(|d| d <= today))
            .count();
        assert_eq!(summary.signings.len(), signed);
        let mut same_day = 0;
        for pair in summary.signings.windows(2) {
            let (a, b) = (&snapshot.projects[pair[0]], &snapshot.projects[pair[1]]);
            same_day += usize::from(a.signed_on == b.signed_on);
            let in_order = a.signed_on > b.signed_on
                || (a.signed_on == b.signed_on
                    && (a.amount > b.amount || (a.amount == b.amount && a.id < b.id)));
            assert!(in_order, "{} before {}", a.id, b.id);
        }
        assert!(same_day > 100, "ties on the signing day: {same_day}");

        assert!(summary.stalled.len() > 50, "{}", summary.stalled.len());
        for pair in summary.stalled.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let in_order = a.overdue_by() > b.overdue_by()
                || (a.overdue_by() == b.overdue_by()
                    && (a.working_days_elapsed > b.working_days_elapsed
                        || (a.working_days_elapsed == b.working_days_elapsed
                            && (a.project, a.approval) < (b.project, b.approval))));
            assert!(in_order, "{a:?} before {b:?}");
        }
    }
}
