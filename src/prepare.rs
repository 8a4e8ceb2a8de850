//! Making a feed ready for the dashboard: redacted when asked, aggregated for a day, compared
//! with the data it follows. This is the heavy part of new data (0.6 s for 2,000,000 records,
//! 2 s with the comparison), so the live dashboard does it on the poller's parser thread
//! (`poll`) and hands `app::App` a [`Prepared`] to install; the app does it itself only when
//! given a bare snapshot (tests, benches). No IO and no clock: the day comes in. Depends on the
//! domain only (the app and the poller both depend on this).

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::domain::aggregate::{AggregateOptions, Summary, aggregate};
use crate::domain::calendar::Calendar;
use crate::domain::changes::{Change, Observed};
use crate::domain::model::Snapshot;
use crate::domain::trends::{Trends, trends};
use crate::sanitize::CompactText;

/// The last good feed and what was computed from it.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub snapshot: Arc<Snapshot>,
    pub summary: Summary,
    /// The series the trend views plot, computed with the summary.
    pub trends: Trends,
}

/// Makes a snapshot what a redacted screen shows (`app::redact`).
pub type Redaction = fn(&Snapshot) -> Snapshot;

/// What prepares data the way the app it is for would: its calendar, options, zone and
/// whether names are hidden.
#[derive(Clone)]
pub struct Preparer {
    calendar: Calendar,
    options: AggregateOptions,
    zone: FixedOffset,
    redact: Option<Redaction>,
}

impl std::fmt::Debug for Preparer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Preparer")
            .field("options", &self.options)
            .field("zone", &self.zone)
            .field("redact", &self.redact.is_some())
            .finish_non_exhaustive()
    }
}

/// Data ready to install: aggregated, and for a new snapshot, compared with the one before.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub loaded: Arc<Loaded>,
    /// The day the summary counts working days to.
    pub today: NaiveDate,
    /// `None`: the same snapshot aggregated again for a new day.
    pub arrival: Option<Arrival>,
}

/// What a new snapshot changed against the data it follows (`None` for the first data).
#[derive(Clone, Debug)]
pub struct Arrival {
    pub received_at: DateTime<FixedOffset>,
    pub changes: Option<Vec<Change>>,
    /// Ids of signings not among the previous data's signings.
    pub new_signings: Option<HashSet<CompactText>>,
}

impl Preparer {
    pub fn new(
        calendar: Calendar,
        options: AggregateOptions,
        zone: FixedOffset,
        redact: Option<Redaction>,
    ) -> Preparer {
        Preparer {
            calendar,
            options,
            zone,
            redact,
        }
    }

    pub fn options(&self) -> &AggregateOptions {
        &self.options
    }

    /// The day `now` falls on in the app's zone.
    pub fn today(&self, now: DateTime<FixedOffset>) -> NaiveDate {
        now.with_timezone(&self.zone).date_naive()
    }

    /// A new snapshot, following `previous` (the data the app holds).
    pub fn arrived(
        &self,
        previous: Option<&Loaded>,
        snapshot: Arc<Snapshot>,
        received_at: DateTime<FixedOffset>,
        today: NaiveDate,
    ) -> Prepared {
        let snapshot = match self.redact {
            Some(redact) => Arc::new(redact(&snapshot)),
            None => snapshot,
        };
        let loaded = self.aggregate(snapshot, today);
        let changes = previous.map(|before| {
            crate::domain::changes::compare(
                Observed {
                    snapshot: &before.snapshot,
                    stalled: &before.summary.stalled,
                },
                Observed {
                    snapshot: &loaded.snapshot,
                    stalled: &loaded.summary.stalled,
                },
                today,
                received_at.with_timezone(&self.zone),
                crate::domain::changes::CHANGE_LOG_CAPACITY,
            )
        });
        let new_signings = previous.map(|before| {
            let known: HashSet<&CompactText> = before
                .summary
                .signings
                .iter()
                .map(|&i| &before.snapshot.projects[i].id)
                .collect();
            loaded
                .summary
                .signings
                .iter()
                .map(|&i| &loaded.snapshot.projects[i].id)
                .filter(|id| !known.contains(id))
                .cloned()
                .collect()
        });
        Prepared {
            loaded: Arc::new(loaded),
            today,
            arrival: Some(Arrival {
                received_at,
                changes,
                new_signings,
            }),
        }
    }

    /// The same snapshot aggregated for another day (working days grow at midnight).
    pub fn new_day(&self, loaded: &Loaded, today: NaiveDate) -> Prepared {
        Prepared {
            loaded: Arc::new(self.aggregate(Arc::clone(&loaded.snapshot), today)),
            today,
            arrival: None,
        }
    }

    fn aggregate(&self, snapshot: Arc<Snapshot>, today: NaiveDate) -> Loaded {
        let summary = aggregate(&snapshot, today, &self.calendar, &self.options);
        let trends = trends(&snapshot, &summary, today);
        Loaded {
            snapshot,
            summary,
            trends,
        }
    }
}
