//! The `status` report as `status` judges it with the default settings (their age and rejection
//! limits, the default checks), after the parse and aggregation the caller has done.
//!
//! Shared by `benches/parse.rs` and `examples/status_json_write.rs`.

use chrono::{DateTime, FixedOffset};
use investboard::config::Settings;
use investboard::domain::aggregate::Summary;
use investboard::domain::model::Snapshot;
use investboard::status::{Check, Policy, StatusReport, assess};

pub fn default_report<'a>(
    now: DateTime<FixedOffset>,
    snapshot: &'a Snapshot,
    summary: &'a Summary,
) -> StatusReport<'a> {
    let settings = Settings::default();
    let policy = Policy {
        ages: settings.age_limits(),
        rejections: settings.rejection_limits(),
        checks: Check::DEFAULT.to_vec(),
    };
    assess(now, "bench".to_owned(), Ok((snapshot, summary)), &policy)
}
