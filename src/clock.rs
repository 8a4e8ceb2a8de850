//! Where the dashboard's idea of "now" comes from: the system clock read in the configured
//! zone, or a moment frozen by `--now` for demos and reproducible screenshots. Only the event
//! loop in `tui` reads it; `App` is handed the time in `Action::Tick`.

use chrono::{DateTime, FixedOffset, Utc};

/// The wall clock the dashboard shows and ages data against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// The machine's clock, shown in this zone (whatever the machine's own zone is).
    System(FixedOffset),
    /// Always this moment (`--now`). Timers that need to run (wall rotation, highlight
    /// expiry) use the monotonic clock instead, so they still work.
    Frozen(DateTime<FixedOffset>),
}

impl Clock {
    pub fn now(self) -> DateTime<FixedOffset> {
        match self {
            Clock::System(zone) => Utc::now().with_timezone(&zone),
            Clock::Frozen(at) => at,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_clock_does_not_move_and_system_clock_uses_the_zone() {
        let at = DateTime::parse_from_rfc3339("2026-11-29T10:00:00+08:00").expect("valid");
        assert_eq!(Clock::Frozen(at).now(), at);
        let zone = FixedOffset::east_opt(8 * 3600).expect("valid");
        assert_eq!(Clock::System(zone).now().offset(), &zone);
    }
}
