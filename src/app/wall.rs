//! Wall-mode rotation: which view is up, when the next one comes, and the hold that a key
//! press puts on it. Timed on the monotonic clock so a frozen `--now` or a wall-clock step
//! cannot stop or race the rotation.

use std::time::{Duration, Instant};

/// The views a wall screen cycles through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WallView {
    Overview,
    Signings,
    Targets,
    Stalled,
    /// The quarter burn-ups and the signings per week.
    Trends,
    /// Stalled approvals by department and the pipeline.
    Pipeline,
}

impl WallView {
    pub const ALL: [WallView; 6] = [
        WallView::Overview,
        WallView::Signings,
        WallView::Targets,
        WallView::Stalled,
        WallView::Trends,
        WallView::Pipeline,
    ];

    fn index(self) -> usize {
        WallView::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    #[must_use]
    pub fn next(self) -> WallView {
        WallView::ALL[(self.index() + 1) % WallView::ALL.len()]
    }

    #[must_use]
    pub fn prev(self) -> WallView {
        let len = WallView::ALL.len();
        WallView::ALL[(self.index() + len - 1) % len]
    }
}

/// Rotation state. `held_at` is the time of the last input while held; `next_at` is `None`
/// when the interval reaches past what the clock can count (the view then stays).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rotation {
    pub view: WallView,
    pub every: Duration,
    pub resume_after: Duration,
    next_at: Option<Instant>,
    held_at: Option<Instant>,
}

impl Rotation {
    pub fn new(start: Instant, every: Duration, resume_after: Duration) -> Rotation {
        Rotation {
            view: WallView::Overview,
            every,
            resume_after,
            next_at: start.checked_add(every),
            held_at: None,
        }
    }

    pub fn is_held(&self) -> bool {
        self.held_at.is_some()
    }

    /// Input arrived: hold the current view (or extend the hold).
    pub fn hold(&mut self, at: Instant) {
        self.held_at = Some(at);
    }

    /// Resume rotating, with a full interval on the current view.
    pub fn resume(&mut self, at: Instant) {
        self.held_at = None;
        self.next_at = at.checked_add(self.every);
    }

    /// Time from `at` to the next view; `None` while held or when the interval reaches past
    /// what the clock can count.
    pub fn next_in(&self, at: Instant) -> Option<Duration> {
        if self.is_held() {
            return None;
        }
        Some(self.next_at?.saturating_duration_since(at))
    }

    /// Shows `view` now (a key chose it) and holds there.
    pub fn show(&mut self, view: WallView, at: Instant) {
        self.view = view;
        self.hold(at);
    }

    /// Advances time; returns true when what is shown changed (view or HOLD badge).
    pub fn tick(&mut self, at: Instant) -> bool {
        if let Some(held_at) = self.held_at {
            if at.saturating_duration_since(held_at) >= self.resume_after {
                self.resume(at);
                return true;
            }
            return false;
        }
        if self.next_at.is_some_and(|next_at| at >= next_at) {
            self.view = self.view.next();
            // One step per tick, however late: no burst of switches after a stall.
            self.next_at = at.checked_add(self.every);
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVERY: Duration = Duration::from_secs(20);
    const RESUME: Duration = Duration::from_secs(60);

    #[test]
    fn rotates_on_interval_one_step_at_a_time() {
        let t0 = Instant::now();
        let mut r = Rotation::new(t0, EVERY, RESUME);
        assert!(!r.tick(t0 + Duration::from_secs(19)));
        assert_eq!(r.view, WallView::Overview);
        assert!(r.tick(t0 + EVERY));
        assert_eq!(r.view, WallView::Signings);
        // A long stall (suspend) advances once, not once per missed interval.
        assert!(r.tick(t0 + Duration::from_secs(600)));
        assert_eq!(r.view, WallView::Targets);
        assert!(!r.tick(t0 + Duration::from_secs(601)));
    }

    #[test]
    fn hold_stops_rotation_and_resumes_after_quiet_period() {
        let t0 = Instant::now();
        let mut r = Rotation::new(t0, EVERY, RESUME);
        r.hold(t0 + Duration::from_secs(5));
        assert!(r.is_held());
        assert!(!r.tick(t0 + Duration::from_secs(40)));
        assert_eq!(r.view, WallView::Overview);
        // More input extends the hold.
        r.hold(t0 + Duration::from_secs(50));
        assert!(!r.tick(t0 + Duration::from_secs(100)));
        assert!(r.is_held());
        assert!(r.tick(t0 + Duration::from_secs(110)));
        assert!(!r.is_held());
        assert_eq!(r.view, WallView::Overview);
        assert!(r.tick(t0 + Duration::from_secs(130)));
        assert_eq!(r.view, WallView::Signings);
    }

    #[test]
    fn an_interval_past_the_clock_holds_the_view_instead_of_overflowing() {
        let t0 = Instant::now();
        let mut r = Rotation::new(t0, Duration::MAX, Duration::MAX);
        assert!(!r.tick(t0 + Duration::from_secs(86_400)));
        assert_eq!(r.view, WallView::Overview);
        r.show(WallView::Targets, t0);
        assert!(!r.tick(t0 + Duration::from_secs(86_400)), "the hold lasts");
        r.resume(t0);
        assert!(!r.tick(t0 + Duration::from_secs(86_400)));
        assert_eq!(r.view, WallView::Targets);
    }

    #[test]
    fn views_cycle_both_ways() {
        assert_eq!(WallView::Pipeline.next(), WallView::Overview);
        assert_eq!(WallView::Overview.prev(), WallView::Pipeline);
    }
}
