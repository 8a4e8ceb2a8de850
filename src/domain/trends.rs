//! The series the wall plots, derived from the dates already in the feed (no history store):
//! the quarter burn-up of each metric against its target and pace, signings per week of the
//! year, and (from `domain::breakdown`) stalled approvals by department and the pipeline by
//! stage with the median days from signing to start. Computed once per snapshot and date,
//! beside the [`Summary`]; a frame only plots them. Pure domain: no terminal, no IO, no
//! language.

use chrono::{Datelike, Days, NaiveDate};

use crate::domain::aggregate::{Summary, quarter_bounds, quarter_of};
use crate::domain::amount::Amount;
use crate::domain::breakdown::{DepartmentStalled, Pipeline, pipeline, stalled_by_department};
use crate::domain::metric::{Metric, Quantity};
use crate::domain::model::{Snapshot, Stage};

/// Everything the trend views draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Trends {
    /// Q1 up to today's quarter, each with one burn-up per metric in [`Metric::ALL`] order;
    /// today's quarter last.
    pub quarters: Vec<[BurnUp; 3]>,
    /// Monday-start weeks from the one holding 1 January through the one holding today.
    pub weeks: Vec<WeekSignings>,
    /// `domain::breakdown`'s, as the console drills into it.
    pub stalled_by_department: Vec<DepartmentStalled>,
    pub pipeline: Pipeline,
}

impl Trends {
    /// Today's quarter's burn-ups.
    pub fn current(&self) -> Option<&[BurnUp; 3]> {
        self.quarters.last()
    }
}

/// One metric through one quarter: what had been done by the end of each day.
#[derive(Clone, Debug, PartialEq)]
pub struct BurnUp {
    pub metric: Metric,
    pub year: i32,
    pub quarter: u8,
    pub first_day: NaiveDate,
    /// Days in the quarter (90 to 92).
    pub length_days: u32,
    /// The figure at the end of each day from the first day: through today in today's
    /// quarter, through the last day in a past one.
    pub cumulative: Vec<Quantity>,
    pub target: Option<Quantity>,
    /// Today's index into the quarter, when the quarter holds today.
    pub today: Option<u32>,
}

impl BurnUp {
    /// The pace line at the end of day `day` (0-based): the share of the target due by then,
    /// `target x (day + 1) / length`, the same share `Progress` judges by. In
    /// [`Quantity::units`] (a count, or 10^-8 yuan); `None` without a target.
    pub fn pace_units(&self, day: u32) -> Option<f64> {
        let target = self.target?;
        let days = day.saturating_add(1).min(self.length_days);
        #[expect(clippy::cast_precision_loss, reason = "a line to plot")]
        let target = target.units() as f64;
        Some(target * f64::from(days) / f64::from(self.length_days.max(1)))
    }

    /// The figure reached by the last day shown.
    pub fn reached(&self) -> Quantity {
        self.cumulative
            .last()
            .copied()
            .unwrap_or_else(|| zero(self.metric))
    }

    /// The last day of the quarter.
    pub fn last_day(&self) -> NaiveDate {
        self.first_day
            .checked_add_days(Days::new(u64::from(self.length_days.saturating_sub(1))))
            .unwrap_or(self.first_day)
    }
}

fn zero(metric: Metric) -> Quantity {
    if metric.is_money() {
        Quantity::Money(Amount::ZERO)
    } else {
        Quantity::Count(0)
    }
}

/// Signings in one Monday-start week of the year (days outside the year, or after today, are
/// not counted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekSignings {
    pub monday: NaiveDate,
    pub signings: u32,
    pub amount: Amount,
    /// The quarter whose first day falls in this week: where the chart marks a boundary.
    pub quarter_starts: Option<u8>,
}

/// The stages of the pipeline, in the order a project moves through them.
pub const PIPELINE_STAGES: [Stage; 5] = [
    Stage::Negotiating,
    Stage::Signed,
    Stage::Landed,
    Stage::Started,
    Stage::Operating,
];

/// Every series for `today`, from the snapshot and the summary computed for the same day.
pub fn trends(snapshot: &Snapshot, summary: &Summary, today: NaiveDate) -> Trends {
    Trends {
        quarters: burn_ups(snapshot, summary, today),
        weeks: weekly_signings(snapshot, summary, today),
        stalled_by_department: stalled_by_department(snapshot, summary),
        pipeline: pipeline(snapshot, today),
    }
}

/// The burn-ups of Q1 through today's quarter.
pub fn burn_ups(snapshot: &Snapshot, summary: &Summary, today: NaiveDate) -> Vec<[BurnUp; 3]> {
    let year = today.year();
    let Some(new_year) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return Vec::new();
    };
    // What each day of the year through today added, per metric: one pass over the projects.
    let days = day_index(new_year, today).map_or(0, |d| d as usize + 1);
    let mut daily: [Vec<Quantity>; 3] = Metric::ALL.map(|metric| vec![zero(metric); days]);
    for project in snapshot.projects.iter().filter(|p| !p.is_cancelled()) {
        for (slot, metric) in Metric::ALL.into_iter().enumerate() {
            let (date, value) = match metric {
                Metric::SignedProjects => (project.signed_on, Quantity::Count(1)),
                Metric::SignedAmount => (project.signed_on, Quantity::Money(project.amount)),
                Metric::StartedProjects => (project.started_on, Quantity::Count(1)),
            };
            let day = date
                .and_then(|d| day_index(new_year, d))
                .and_then(|i| daily[slot].get_mut(i as usize));
            if let Some(day) = day {
                *day = day.saturating_add(value);
            }
        }
    }
    (1..=quarter_of(today))
        .filter_map(|quarter| {
            let (first_day, last_day) = quarter_bounds(year, quarter)?;
            let figures = &summary.year_quarters[usize::from(quarter - 1)];
            let length = day_index(first_day, last_day)? + 1;
            let from = day_index(new_year, first_day)? as usize;
            let to = day_index(new_year, last_day.min(today))? as usize;
            let mut slot = 0;
            Some(Metric::ALL.map(|metric| {
                let mut total = zero(metric);
                let cumulative = daily[slot]
                    .get(from..=to)
                    .unwrap_or_default()
                    .iter()
                    .map(|day| {
                        total = total.saturating_add(*day);
                        total
                    })
                    .collect();
                slot += 1;
                BurnUp {
                    metric,
                    year,
                    quarter,
                    first_day,
                    length_days: length,
                    cumulative,
                    target: figures.target.get(metric),
                    today: (first_day..=last_day)
                        .contains(&today)
                        .then(|| day_index(first_day, today))
                        .flatten(),
                }
            }))
        })
        .collect()
}

/// Days from `from` to `to`, `None` when `to` is earlier.
fn day_index(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    u32::try_from((to - from).num_days()).ok()
}

/// Signings per Monday-start week of today's year, through today's week.
pub fn weekly_signings(
    snapshot: &Snapshot,
    summary: &Summary,
    today: NaiveDate,
) -> Vec<WeekSignings> {
    let Some(new_year) = NaiveDate::from_ymd_opt(today.year(), 1, 1) else {
        return Vec::new();
    };
    let first_monday = new_year
        .checked_sub_days(Days::new(u64::from(
            new_year.weekday().num_days_from_monday(),
        )))
        .unwrap_or(new_year);
    let Some(weeks) = day_index(first_monday, today).map(|days| days / 7 + 1) else {
        return Vec::new();
    };
    let mut rows: Vec<WeekSignings> = (0..weeks)
        .map(|week| {
            let monday = first_monday
                .checked_add_days(Days::new(u64::from(week) * 7))
                .unwrap_or(first_monday);
            let sunday = monday.checked_add_days(Days::new(6)).unwrap_or(monday);
            WeekSignings {
                monday,
                signings: 0,
                amount: Amount::ZERO,
                quarter_starts: (1..=4).find(|&q| {
                    quarter_bounds(today.year(), q)
                        .is_some_and(|(first, _)| (monday..=sunday).contains(&first))
                }),
            }
        })
        .collect();
    // `summary.signings` holds the non-cancelled projects signed on or before today.
    for project in summary
        .signings
        .iter()
        .filter_map(|&i| snapshot.projects.get(i))
    {
        let Some(signed) = project.signed_on.filter(|d| *d >= new_year && *d <= today) else {
            continue;
        };
        let week = day_index(first_monday, signed).map(|days| days / 7);
        if let Some(row) = week.and_then(|w| rows.get_mut(w as usize)) {
            row.signings = row.signings.saturating_add(1);
            row.amount += project.amount;
        }
    }
    rows
}

/// Builders of small snapshots for tests that count by hand.
#[cfg(test)]
pub mod fixture {
    use crate::domain::amount::Amount;
    use crate::domain::date::parse_iso_date;
    use crate::domain::model::{Approval, ApprovalStatus, Project, QuarterTarget, Snapshot, Stage};
    use crate::sanitize::{CompactText, SafeText};

    /// A project signed (and started) on the dates given, of `yi` 亿.
    pub fn project(
        id: &str,
        stage: &str,
        signed: Option<&str>,
        started: Option<&str>,
        yi: u64,
    ) -> Project {
        Project {
            id: CompactText::new(id),
            name: CompactText::new(&format!("Project {id}")),
            investor: None,
            district: None,
            chain: None,
            amount: Amount::from_yuan(yi * 100_000_000),
            stage: Stage::parse(stage).expect("a stage"),
            signed_on: signed.and_then(parse_iso_date),
            started_on: started.and_then(parse_iso_date),
            approvals: Box::default(),
            details: None,
        }
    }

    /// A pending approval with its own limit.
    pub fn approval(id: &str, department: Option<&str>, submitted: &str, limit: u32) -> Approval {
        Approval {
            id: SafeText::new(id),
            item: Some(SafeText::new(&format!("Item {id}"))),
            department: department.map(SafeText::new),
            submitted_on: parse_iso_date(submitted).expect("a date"),
            decided_on: None,
            status: ApprovalStatus::Pending,
            limit_working_days: Some(limit),
        }
    }

    pub trait WithApprovals {
        #[must_use]
        fn with_approvals(self, approvals: Vec<Approval>) -> Self;
    }

    impl WithApprovals for Project {
        fn with_approvals(mut self, approvals: Vec<Approval>) -> Project {
            self.approvals = approvals.into();
            self
        }
    }

    pub fn snapshot(projects: Vec<Project>) -> Snapshot {
        Snapshot {
            projects,
            ..Snapshot::default()
        }
    }

    pub fn target(year: i32, quarter: u8, signed: u32, yi: u64, started: u32) -> QuarterTarget {
        QuarterTarget {
            year,
            quarter,
            signed_projects: Some(signed),
            signed_amount: Some(Amount::from_yuan(yi * 100_000_000)),
            started_projects: Some(started),
        }
    }
}

#[cfg(test)]
mod tests;
