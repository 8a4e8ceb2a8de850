//! What just happened: each new snapshot compared with the previous one into [`Change`]s (new
//! signings, stage advances, newly stalled approvals, approvals decided, projects cancelled or
//! gone from the feed), kept newest first in a bounded [`ChangeLog`]. The time of a change is
//! when the poll saw it, given by the caller: the domain reads no clock. Pure domain: no
//! terminal, no IO, no language.

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::aggregate::StalledApproval;
use crate::domain::amount::Amount;
use crate::domain::model::{ApprovalStatus, Project, Snapshot, Stage};
use crate::sanitize::{CompactText, SafeText};

/// Most entries the log keeps: a few hours of a busy feed, enough for the wall's strip and
/// the operators' view, and a bound on memory however long the wall runs.
pub const CHANGE_LOG_CAPACITY: usize = 300;

/// What changed about a project.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    /// Signed on or before today, and not signed (or not in the feed) before.
    NewSigning {
        signed_on: NaiveDate,
    },
    /// Moved forward through the pipeline (a signing is told as [`ChangeKind::NewSigning`]).
    StageAdvanced {
        from: Stage,
        to: Stage,
    },
    /// A pending approval went past its limit.
    NewlyStalled {
        approval: SafeText,
        item: Option<SafeText>,
        department: Option<SafeText>,
        overdue: u32,
    },
    /// A pending approval was approved, rejected or withdrawn.
    ApprovalDecided {
        approval: SafeText,
        item: Option<SafeText>,
        status: ApprovalStatus,
    },
    Cancelled,
    /// The project is no longer in the feed.
    Removed,
}

impl ChangeKind {
    /// Order within one poll: what the room wants to see first.
    fn rank(&self) -> u8 {
        match self {
            ChangeKind::NewSigning { .. } => 0,
            ChangeKind::StageAdvanced { .. } => 1,
            ChangeKind::NewlyStalled { .. } => 2,
            ChangeKind::ApprovalDecided { .. } => 3,
            ChangeKind::Cancelled => 4,
            ChangeKind::Removed => 5,
        }
    }
}

/// One entry of the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// When the poll that brought it was received.
    pub seen_at: DateTime<FixedOffset>,
    pub project_id: CompactText,
    pub project_name: CompactText,
    pub amount: Amount,
    pub district: Option<SafeText>,
    pub kind: ChangeKind,
}

/// One snapshot with the stalled approvals computed from it (`Summary::stalled`).
#[derive(Clone, Copy, Debug)]
pub struct Observed<'a> {
    pub snapshot: &'a Snapshot,
    pub stalled: &'a [StalledApproval],
}

impl Observed<'_> {
    /// `(project id, approval id)` of each stalled approval.
    fn stalled_keys(&self) -> HashSet<(&CompactText, &SafeText)> {
        self.stalled
            .iter()
            .filter_map(|s| {
                let project = self.snapshot.projects.get(s.project)?;
                Some((&project.id, &project.approvals.get(s.approval)?.id))
            })
            .collect()
    }
}

fn is_signed_by(project: &Project, today: NaiveDate) -> bool {
    !project.is_cancelled() && project.signed_on.is_some_and(|d| d <= today)
}

/// The place of a stage in the pipeline; `None` for cancelled.
fn pipeline_rank(stage: Stage) -> Option<usize> {
    crate::domain::trends::PIPELINE_STAGES
        .iter()
        .position(|s| *s == stage)
}

/// What changed from `previous` to `current`, most important first (new signings, largest
/// amount first; then stage advances, newly stalled, decided, cancelled, removed): the first
/// `at_most` of them. Two unrelated feeds differ in every project; only what the log keeps is
/// ever built, so that costs `at_most` changes of memory, not one per project.
pub fn compare(
    previous: Observed<'_>,
    current: Observed<'_>,
    today: NaiveDate,
    seen_at: DateTime<FixedOffset>,
    at_most: usize,
) -> Vec<Change> {
    let before: HashMap<&CompactText, &Project> = previous
        .snapshot
        .projects
        .iter()
        .map(|p| (&p.id, p))
        .collect();
    let mut changes = MostImportant::new(at_most);
    let mut change = |project, kind| changes.push(project, kind);
    for project in &current.snapshot.projects {
        let old = before.get(&project.id).copied();
        let newly_signed =
            is_signed_by(project, today) && !old.is_some_and(|p| is_signed_by(p, today));
        if let (true, Some(signed_on)) = (newly_signed, project.signed_on) {
            change(project, ChangeKind::NewSigning { signed_on });
        }
        let Some(old) = old else { continue };
        if project.is_cancelled() && !old.is_cancelled() {
            change(project, ChangeKind::Cancelled);
        }
        let advanced = pipeline_rank(old.stage)
            .zip(pipeline_rank(project.stage))
            .is_some_and(|(from, to)| to > from);
        if advanced && !(newly_signed && project.stage == Stage::Signed) {
            let kind = ChangeKind::StageAdvanced {
                from: old.stage,
                to: project.stage,
            };
            change(project, kind);
        }
        for approval in &project.approvals {
            let was_pending = old
                .approvals
                .iter()
                .any(|a| a.id == approval.id && a.status == ApprovalStatus::Pending);
            if was_pending && approval.status != ApprovalStatus::Pending {
                let kind = ChangeKind::ApprovalDecided {
                    approval: approval.id.clone(),
                    item: approval.item.clone(),
                    status: approval.status,
                };
                change(project, kind);
            }
        }
    }
    let stalled_before = previous.stalled_keys();
    for entry in current.stalled {
        let Some(project) = current.snapshot.projects.get(entry.project) else {
            continue;
        };
        let Some(approval) = project.approvals.get(entry.approval) else {
            continue;
        };
        if !stalled_before.contains(&(&project.id, &approval.id)) {
            let kind = ChangeKind::NewlyStalled {
                approval: approval.id.clone(),
                item: approval.item.clone(),
                department: approval.department.clone(),
                overdue: entry.overdue_by(),
            };
            change(project, kind);
        }
    }
    let now_present: HashSet<&CompactText> =
        current.snapshot.projects.iter().map(|p| &p.id).collect();
    for project in &previous.snapshot.projects {
        if !now_present.contains(&project.id) {
            change(project, ChangeKind::Removed);
        }
    }
    changes.into_changes(seen_at)
}

/// The most important changes found so far, at most twice the number wanted: when full, the
/// wanted number is kept (a selection, linear) and the rest dropped.
struct MostImportant<'a> {
    at_most: usize,
    /// Each with the order it was found in, the last key of the order: equal keys (two
    /// approvals of one project decided) keep the order they were found in.
    found: Vec<(usize, ChangeKind, &'a Project)>,
    count: usize,
}

impl<'a> MostImportant<'a> {
    fn new(at_most: usize) -> MostImportant<'a> {
        MostImportant {
            at_most,
            found: Vec::new(),
            count: 0,
        }
    }

    fn push(&mut self, project: &'a Project, kind: ChangeKind) {
        if self.at_most == 0 {
            return;
        }
        self.found.push((self.count, kind, project));
        self.count += 1;
        if self.found.len() >= self.at_most.saturating_mul(2) {
            self.found
                .select_nth_unstable_by(self.at_most - 1, Self::order);
            self.found.truncate(self.at_most);
        }
    }

    fn order(
        (a_found, a_kind, a): &(usize, ChangeKind, &Project),
        (b_found, b_kind, b): &(usize, ChangeKind, &Project),
    ) -> std::cmp::Ordering {
        a_kind
            .rank()
            .cmp(&b_kind.rank())
            .then(b.amount.cmp(&a.amount))
            .then(a.id.cmp(&b.id))
            .then(a_found.cmp(b_found))
    }

    fn into_changes(mut self, seen_at: DateTime<FixedOffset>) -> Vec<Change> {
        self.found.sort_unstable_by(Self::order);
        self.found.truncate(self.at_most);
        self.found
            .into_iter()
            .map(|(_, kind, project)| Change {
                seen_at,
                project_id: project.id.clone(),
                project_name: project.name.clone(),
                amount: project.amount,
                district: project.district.clone(),
                kind,
            })
            .collect()
    }
}

/// The changes seen so far, newest poll first, at most [`CHANGE_LOG_CAPACITY`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeLog {
    entries: VecDeque<Change>,
}

impl ChangeLog {
    /// Puts one poll's changes (in their order) before everything older, dropping the oldest
    /// past the capacity. Never holds room for more than the capacity, however many came.
    pub fn record(&mut self, changes: Vec<Change>) {
        let mut entries: VecDeque<Change> = changes.into_iter().take(CHANGE_LOG_CAPACITY).collect();
        let room = CHANGE_LOG_CAPACITY - entries.len();
        entries.extend(self.entries.drain(..).take(room));
        self.entries = entries;
    }

    /// Newest first.
    pub fn entries(&self) -> impl ExactSizeIterator<Item = &Change> {
        self.entries.iter()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests;
