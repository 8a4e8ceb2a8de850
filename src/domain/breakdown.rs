//! Breakdowns the supervision meeting reads beside the summary: stalled approvals grouped by
//! the department that holds them, and the pipeline by stage with how long projects take from
//! signing to construction start. Built from a [`Summary`] and its snapshot, so the figures are
//! the ones `status` and the dashboard show. Pure; no IO, no terminal.

use std::fmt;

use chrono::NaiveDate;

use crate::domain::aggregate::{StalledApproval, Summary, UNASSIGNED};
use crate::domain::amount::Amount;
use crate::domain::model::{Snapshot, Stage};
use crate::sanitize::SafeText;

/// The stalled approvals one department holds, worst first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentStalled {
    pub department: SafeText,
    pub stalled: Vec<StalledApproval>,
}

impl DepartmentStalled {
    /// Working days past the limit of this department's worst approval.
    pub fn worst_overdue(&self) -> u32 {
        self.stalled
            .iter()
            .map(StalledApproval::overdue_by)
            .max()
            .unwrap_or(0)
    }
}

/// `summary.stalled` grouped by department (approvals without one under [`UNASSIGNED`]): the
/// department holding most stalled approvals first, then the one with the worst, then by
/// name. Within a department the summary's order (most overdue first) is kept.
pub fn stalled_by_department(snapshot: &Snapshot, summary: &Summary) -> Vec<DepartmentStalled> {
    let mut groups: Vec<DepartmentStalled> = Vec::new();
    for entry in &summary.stalled {
        let department = snapshot
            .projects
            .get(entry.project)
            .and_then(|p| p.approvals.get(entry.approval))
            .and_then(|a| a.department.clone())
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| SafeText::new(UNASSIGNED));
        match groups.iter_mut().find(|g| g.department == department) {
            Some(group) => group.stalled.push(*entry),
            None => groups.push(DepartmentStalled {
                department,
                stalled: vec![*entry],
            }),
        }
    }
    groups.sort_by(|a, b| {
        b.stalled
            .len()
            .cmp(&a.stalled.len())
            .then(b.worst_overdue().cmp(&a.worst_overdue()))
            .then(a.department.cmp(&b.department))
    });
    groups
}

/// Projects and their amount in one stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageTotal {
    pub stage: Stage,
    pub projects: u32,
    pub amount: Amount,
}

/// A median number of days, exact: the mean of the two middle values can end in a half.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MedianDays {
    twice: i64,
}

impl MedianDays {
    /// For spreadsheets, which store numbers as doubles anyway.
    #[expect(clippy::cast_precision_loss, reason = "day counts are far below 2^52")]
    pub fn as_f64(self) -> f64 {
        self.twice as f64 / 2.0
    }
}

impl fmt::Display for MedianDays {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.twice.div_euclid(2);
        if self.twice.rem_euclid(2) == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.5")
        }
    }
}

/// The pipeline as of a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pipeline {
    /// Every stage, in [`Stage::ALL`] order, cancelled last; counts match
    /// `Summary::stage_counts`.
    pub stages: Vec<StageTotal>,
    /// Median days from signing to construction start, over the projects (not cancelled)
    /// with both dates on or before today, start not before signing.
    pub median_signing_to_start: Option<MedianDays>,
    /// How many projects that median is taken over.
    pub measured: u32,
}

/// Counts and amounts per stage, and the median days from signing to start.
pub fn pipeline(snapshot: &Snapshot, today: NaiveDate) -> Pipeline {
    let mut stages: Vec<StageTotal> = Stage::ALL
        .iter()
        .map(|stage| StageTotal {
            stage: *stage,
            projects: 0,
            amount: Amount::ZERO,
        })
        .collect();
    let mut days: Vec<i64> = Vec::new();
    for project in &snapshot.projects {
        if let Some(total) = stages.iter_mut().find(|t| t.stage == project.stage) {
            total.projects += 1;
            total.amount += project.amount;
        }
        if project.is_cancelled() {
            continue;
        }
        if let (Some(signed), Some(started)) = (project.signed_on, project.started_on)
            && started <= today
            && signed <= started
        {
            days.push((started - signed).num_days());
        }
    }
    days.sort_unstable();
    let median_signing_to_start = match days.len() {
        0 => None,
        n if n % 2 == 1 => Some(MedianDays {
            twice: days[n / 2] * 2,
        }),
        n => Some(MedianDays {
            twice: days[n / 2 - 1] + days[n / 2],
        }),
    };
    Pipeline {
        stages,
        median_signing_to_start,
        measured: u32::try_from(days.len()).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::{AggregateOptions, aggregate};
    use crate::domain::calendar::Calendar;
    use crate::feed::parse_feed;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    fn project(
        id: &str,
        stage: &str,
        amount: u64,
        signed: &str,
        started: &str,
        approvals: &str,
    ) -> String {
        let date = |d: &str| {
            if d.is_empty() {
                "null".to_owned()
            } else {
                format!("\"{d}\"")
            }
        };
        format!(
            r#"{{"id":"{id}","name":"P {id}","amount_cny":{amount},"stage":"{stage}",
               "signed_on":{},"started_on":{},"approvals":[{approvals}]}}"#,
            date(signed),
            date(started)
        )
    }

    fn pending(id: &str, department: &str, submitted: &str) -> String {
        format!(
            r#"{{"id":"{id}","item":"I","department":"{department}","submitted_on":"{submitted}","status":"pending"}}"#
        )
    }

    fn snapshot(projects: &[String]) -> Snapshot {
        let text = format!(
            r#"{{"schema_version":1,"projects":[{}]}}"#,
            projects.join(",")
        );
        let snapshot = parse_feed(text.as_bytes()).expect("a valid feed");
        assert!(snapshot.rejected.is_empty(), "{:?}", snapshot.rejected);
        snapshot
    }

    #[test]
    fn stalled_approvals_group_by_department_most_first() {
        // Today 2022-03-01: submitted 2022-01-04 is long stalled, 2022-02-25 is not.
        let snapshot = snapshot(&[
            project(
                "A",
                "signed",
                100,
                "2022-01-01",
                "",
                &[
                    pending("1", "Land Bureau", "2022-01-04"),
                    pending("2", "Housing Bureau", "2022-01-10"),
                    pending("3", "Land Bureau", "2022-02-25"),
                ]
                .join(","),
            ),
            project(
                "B",
                "signed",
                100,
                "2022-01-01",
                "",
                &[
                    pending("1", "Land Bureau", "2022-01-20"),
                    pending("2", "", "2022-01-05"),
                ]
                .join(","),
            ),
        ]);
        let summary = aggregate(
            &snapshot,
            day(2022, 3, 1),
            &Calendar::embedded(),
            &AggregateOptions::default(),
        );
        let groups = stalled_by_department(&snapshot, &summary);
        let names: Vec<(&str, usize)> = groups
            .iter()
            .map(|g| (g.department.as_str(), g.stalled.len()))
            .collect();
        assert_eq!(
            names,
            vec![("Land Bureau", 2), ("(none)", 1), ("Housing Bureau", 1)]
        );
        let total: usize = groups.iter().map(|g| g.stalled.len()).sum();
        assert_eq!(total, summary.stalled.len());
        let land = &groups[0].stalled;
        assert!(land[0].overdue_by() >= land[1].overdue_by());
    }

    #[test]
    fn pipeline_counts_amounts_and_the_median_days() {
        let snapshot = snapshot(&[
            project("A", "started", 100, "2022-01-01", "2022-01-11", ""),
            project("B", "started", 250, "2022-01-01", "2022-01-21", ""),
            project("C", "operating", 5, "2022-01-01", "2022-01-04", ""),
            project("D", "signed", 7, "2022-02-01", "", ""),
            project("E", "cancelled", 1000, "2022-01-01", "2022-01-02", ""),
            project("F", "started", 1, "2022-01-01", "2022-12-31", ""),
        ]);
        let today = day(2022, 3, 1);
        let pipeline = pipeline(&snapshot, today);
        let started = pipeline.stages[3];
        assert_eq!((started.stage, started.projects), (Stage::Started, 3));
        assert_eq!(started.amount, Amount::from_yuan(351));
        assert_eq!(pipeline.stages[5].projects, 1);
        // 3, 10, 20 days (cancelled E and not-yet-started F are left out): median 10.
        assert_eq!(pipeline.measured, 3);
        assert_eq!(
            pipeline
                .median_signing_to_start
                .map(|m| m.to_string())
                .as_deref(),
            Some("10")
        );
        let summary = aggregate(
            &snapshot,
            today,
            &Calendar::embedded(),
            &AggregateOptions::default(),
        );
        let counts: Vec<u32> = pipeline.stages.iter().map(|s| s.projects).collect();
        assert_eq!(counts, summary.stage_counts.to_vec());
    }

    #[test]
    fn an_even_count_takes_the_mean_of_the_middle_two() {
        let snapshot = snapshot(&[
            project("A", "started", 1, "2022-01-01", "2022-01-11", ""),
            project("B", "started", 1, "2022-01-01", "2022-01-04", ""),
        ]);
        let pipeline = pipeline(&snapshot, day(2022, 3, 1));
        let median = pipeline.median_signing_to_start.expect("two measured");
        assert_eq!(median.to_string(), "6.5");
        assert!((median.as_f64() - 6.5).abs() < f64::EPSILON);
        assert_eq!(
            super::pipeline(&Snapshot::default(), day(2022, 3, 1)).median_signing_to_start,
            None
        );
    }
}
