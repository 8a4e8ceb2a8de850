//! The dashboard's state and the only place it changes: [`App::update`]. No IO and no clock
//! reads here: time arrives in [`Action::Tick`], data in [`Action::Feed`], keys as actions
//! mapped by [`keys::action_for`]. Depends on the domain and the poller's message types, never
//! on the terminal or on drawing.

pub mod health;
pub mod keys;
pub mod lists;
pub mod redact;
pub mod wall;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::appearance::Appearance;
use crate::config::Settings;
use crate::domain::aggregate::{AggregateOptions, Summary, aggregate};
use crate::domain::calendar::Calendar;
use crate::domain::changes::{ChangeLog, Observed};
use crate::domain::freshness;
use crate::domain::model::Snapshot;
use crate::domain::rejections::{RecordCounts, RejectionLevel, RejectionLimits};
use crate::domain::trends::{Trends, trends};
use crate::lang::Lang;
use crate::poll::FeedUpdate;
use crate::sanitize::SafeText;

pub use crate::clock::Clock;
use health::{AgeLimits, FeedHealth, Freshness, PollFailure};
use keys::{InputMode, KeyMap};
use lists::{ListView, SigningSort, StalledSort};
use wall::{Rotation, WallView};

/// Longest list filter, in characters.
pub const MAX_FILTER_CHARS: usize = 64;

/// The panels that take focus, in Tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Signings,
    Targets,
    Stalled,
}

impl Panel {
    pub const ALL: [Panel; 3] = [Panel::Signings, Panel::Targets, Panel::Stalled];

    fn next(self) -> Panel {
        match self {
            Panel::Signings => Panel::Targets,
            Panel::Targets => Panel::Stalled,
            Panel::Stalled => Panel::Signings,
        }
    }

    fn prev(self) -> Panel {
        self.next().next()
    }

    fn of_view(view: WallView) -> Panel {
        match view {
            WallView::Overview | WallView::Targets | WallView::Trends | WallView::Pipeline => {
                Panel::Targets
            }
            WallView::Signings => Panel::Signings,
            WallView::Stalled => Panel::Stalled,
        }
    }

    fn view(self) -> WallView {
        match self {
            Panel::Signings => WallView::Signings,
            Panel::Targets => WallView::Targets,
            Panel::Stalled => WallView::Stalled,
        }
    }
}

/// Everything that can happen to the dashboard.
#[derive(Clone, Debug)]
pub enum Action {
    /// Time passed: wall time in any zone (shown in the configured one) and the monotonic
    /// instant that drives timers.
    Tick {
        now: DateTime<FixedOffset>,
        at: Instant,
    },
    Feed(FeedUpdate),
    Resize {
        width: u16,
        height: u16,
    },
    Quit,
    NextPanel,
    PrevPanel,
    Focus(Panel),
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
    Open,
    Close,
    StartFilter,
    FilterInput(char),
    FilterBackspace,
    ApplyFilter,
    ClearFilter,
    CycleSort,
    /// The `r` key; answered with [`Action::PollNow`] for the event loop to send.
    Refresh,
    /// For the event loop: send `PollCommand::PollNow` to the poller.
    PollNow,
    ToggleHold,
    ToggleHelp,
    /// Show or hide the rejected records.
    ToggleRejected,
    /// Show or hide the trends (burn-up, weekly signings, stalled by department, pipeline).
    ToggleTrends,
    /// Show or hide the change log.
    ToggleChanges,
}

impl PartialEq for Action {
    fn eq(&self, other: &Action) -> bool {
        // FeedUpdate carries snapshots that are not comparable; tests compare key actions.
        match (self, other) {
            (Action::Feed(_), _) | (_, Action::Feed(_)) => false,
            _ => format!("{self:?}") == format!("{other:?}"),
        }
    }
}

/// What fills the body instead of the panels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help,
    /// The feed's rejected records with their reasons, scrolled by `scroll` rows.
    Rejected {
        scroll: u16,
    },
    /// The trend charts; on a screen too small for all of them, one page at a time.
    Trends {
        page: TrendsPage,
    },
    /// The change log, newest first, scrolled by `scroll` rows.
    Changes {
        scroll: u16,
    },
    /// A project's detail; `approval` is emphasised when opened from the stalled list.
    Detail {
        project: usize,
        approval: Option<usize>,
        scroll: u16,
        /// Working days elapsed per approval (pending ones only), computed when opened.
        elapsed: Vec<Option<u32>>,
    },
}

/// The pages of the trends view when the screen cannot hold both (the wall shows each as a
/// view of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrendsPage {
    /// The quarter burn-ups and the signings per week.
    Progress,
    /// Stalled approvals by department and the pipeline.
    Pipeline,
}

impl TrendsPage {
    #[must_use]
    pub fn next(self) -> TrendsPage {
        match self {
            TrendsPage::Progress => TrendsPage::Pipeline,
            TrendsPage::Pipeline => TrendsPage::Progress,
        }
    }
}

/// The last good feed and what was computed from it.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub snapshot: Arc<Snapshot>,
    pub summary: Summary,
    /// The series the trend views plot, computed with the summary.
    pub trends: Trends,
}

/// Signings new since the previous snapshot, highlighted until `until`.
#[derive(Clone, Debug, Default)]
pub struct Highlights {
    pub ids: HashSet<SafeText>,
    until: Option<Instant>,
}

/// The settings the dashboard reads, copied out of [`Settings`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppSettings {
    pub zone: FixedOffset,
    pub ages: AgeLimits,
    /// The rejected shares that make the feed DEGRADED (the domain's rule, as `status`).
    pub rejections: RejectionLimits,
    pub wall: bool,
    pub rotate_interval: Duration,
    pub resume_rotation_after: Duration,
    /// Wall mode: input this long ago is forgotten; see [`App::input_is_recent`].
    pub wall_idle_reset: Duration,
    pub highlight_new_for: Duration,
    pub lang: Lang,
    pub appearance: Appearance,
    /// Names and per-project amounts hidden (a visitor-facing wall).
    pub redact: bool,
}

impl AppSettings {
    pub fn from_settings(settings: &Settings) -> AppSettings {
        AppSettings {
            zone: settings.utc_offset,
            ages: settings.age_limits(),
            rejections: settings.rejection_limits(),
            wall: settings.wall,
            rotate_interval: settings.rotate_interval,
            resume_rotation_after: settings.resume_rotation_after,
            wall_idle_reset: settings.wall_idle_reset,
            highlight_new_for: settings.highlight_new_for,
            lang: settings.lang.unwrap_or_default(),
            appearance: Appearance {
                theme: settings.theme,
                depth: settings.color_depth,
                glyphs: settings.glyph_set,
            },
            redact: settings.redact,
        }
    }
}

/// The dashboard's whole state.
#[derive(Debug)]
pub struct App {
    pub settings: AppSettings,
    calendar: Calendar,
    options: AggregateOptions,
    /// Wall time of the last tick, in the configured zone.
    now: DateTime<FixedOffset>,
    at: Instant,
    data: Option<Loaded>,
    aggregations: u64,
    pub health: FeedHealth,
    pub focus: Panel,
    pub signings: ListView<SigningSort>,
    pub stalled: ListView<StalledSort>,
    pub overlay: Overlay,
    pub input: InputMode,
    pub rotation: Option<Rotation>,
    pub highlights: Highlights,
    /// What each new snapshot changed, newest first (bounded).
    pub changes: ChangeLog,
    /// The key bindings in force (defaults with the config file's `[keys]`).
    pub keys: KeyMap,
    /// A standing warning about how the feed is fetched (plain http), shown in the header.
    pub feed_warning: Option<&'static str>,
    /// When the last key arrived (the instant of the tick before it); forgotten when the wall
    /// resets after `wall_idle_reset`.
    last_input: Option<Instant>,
    /// Rows a page key moves; follows the terminal height.
    page_rows: usize,
    quit: bool,
    dirty: bool,
}

impl App {
    pub fn new(
        settings: AppSettings,
        calendar: Calendar,
        options: AggregateOptions,
        now: DateTime<FixedOffset>,
        at: Instant,
    ) -> App {
        App {
            rotation: settings.wall.then(|| {
                Rotation::new(at, settings.rotate_interval, settings.resume_rotation_after)
            }),
            now: now.with_timezone(&settings.zone),
            settings,
            calendar,
            options,
            at,
            data: None,
            aggregations: 0,
            health: FeedHealth::default(),
            focus: Panel::Signings,
            signings: ListView::default(),
            stalled: ListView::default(),
            overlay: Overlay::None,
            input: InputMode::Normal,
            highlights: Highlights::default(),
            changes: ChangeLog::default(),
            keys: KeyMap::default(),
            feed_warning: None,
            last_input: None,
            page_rows: 10,
            quit: false,
            dirty: true,
        }
    }

    /// The same app with these key bindings.
    #[must_use]
    pub fn with_keys(mut self, keys: KeyMap) -> App {
        self.keys = keys;
        self
    }

    /// Wall time of the last tick, in the configured zone.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    pub fn data(&self) -> Option<&Loaded> {
        self.data.as_ref()
    }

    pub fn options(&self) -> &AggregateOptions {
        &self.options
    }

    /// How many times the summary was computed (re-aggregation is by data or date only).
    pub fn aggregations(&self) -> u64 {
        self.aggregations
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// True once after anything visible changed; the event loop draws only then.
    pub fn take_dirty(&mut self) -> bool {
        std::mem::take(&mut self.dirty)
    }

    pub fn wall_view(&self) -> Option<WallView> {
        self.rotation.as_ref().map(|r| r.view)
    }

    /// Age of the data on screen (see [`health::data_age`]). A `generated_at` too far in the
    /// future has no age (never "0 s ago"): the last successful poll stands in for it.
    pub fn data_age(&self) -> Option<Duration> {
        let generated_at = self.data.as_ref().and_then(|d| d.snapshot.generated_at);
        let trusted = generated_at.filter(|&at| freshness::ahead_by(self.now, at).is_none());
        health::data_age(self.now, trusted, self.health.last_success)
    }

    /// How far the data's `generated_at` lies ahead of our clock, beyond the tolerance.
    pub fn generated_ahead(&self) -> Option<Duration> {
        let generated_at = self.data.as_ref()?.snapshot.generated_at?;
        freshness::ahead_by(self.now, generated_at)
    }

    /// The feed's rejected records counted and graded: DEGRADED above the warning share.
    pub fn rejections(&self) -> Option<(RejectionLevel, RecordCounts)> {
        let counts = RecordCounts::of(&self.data.as_ref()?.snapshot);
        Some((self.settings.rejections.level(counts), counts))
    }

    pub fn freshness(&self) -> Freshness {
        health::freshness(
            self.now,
            self.data.is_some(),
            self.data_age(),
            &self.health,
            self.settings.ages,
        )
    }

    /// How long the poll in flight has taken, once it outlived the poll interval.
    pub fn checking_for(&self) -> Option<Duration> {
        let since = self.health.checking_since?;
        Some((self.now - since).to_std().unwrap_or(Duration::ZERO))
    }

    /// Seconds until the poller retries, when the last poll failed.
    pub fn retry_in(&self) -> Option<Duration> {
        let failure = self.health.last_failure.as_ref()?;
        let wait = chrono::Duration::from_std(failure.retry_in).ok()?;
        let due = failure.at.checked_add_signed(wait)?;
        Some((due - self.now).to_std().unwrap_or(Duration::ZERO))
    }

    pub fn is_highlighted(&self, id: &SafeText) -> bool {
        self.highlights.ids.contains(id)
    }

    /// Applies an action. Returns a follow-up for the event loop (e.g. [`Action::PollNow`]).
    pub fn update(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Tick { now, at } => {
                self.tick(now, at);
                None
            }
            Action::Feed(update) => {
                self.feed(update);
                self.dirty = true;
                None
            }
            Action::Resize { height, .. } => {
                self.page_rows = usize::from(height / 2).max(1);
                self.dirty = true;
                None
            }
            Action::PollNow => None,
            input => {
                self.dirty = true;
                self.last_input = Some(self.at);
                if let Some(rotation) = &mut self.rotation {
                    // Any key holds the rotation; `p` on a held rotation resumes it.
                    if matches!(input, Action::ToggleHold) && rotation.is_held() {
                        rotation.resume(self.at);
                    } else {
                        rotation.hold(self.at);
                    }
                }
                self.input(input)
            }
        }
    }

    fn tick(&mut self, now: DateTime<FixedOffset>, at: Instant) {
        let now = now.with_timezone(&self.settings.zone);
        if now.timestamp() != self.now.timestamp() {
            // The clock and the age texts show whole seconds.
            self.dirty = true;
        }
        let date_changed = now.date_naive() != self.now.date_naive();
        self.now = now;
        self.at = at;
        if date_changed {
            self.reaggregate();
        }
        let idle_for = self
            .last_input
            .map(|last| at.saturating_duration_since(last));
        if self.settings.wall && idle_for.is_some_and(|idle| idle >= self.settings.wall_idle_reset)
        {
            self.reset_wall(at);
        }
        // What a passer-by opened keeps the rotation held until the idle reset closes it: a
        // rotation going on under help or a detail would show nothing of it.
        let opened = self.overlay != Overlay::None || self.input == InputMode::Filter;
        if let Some(rotation) = &mut self.rotation
            && !opened
            && rotation.tick(at)
        {
            self.focus = Panel::of_view(rotation.view);
            self.dirty = true;
        }
        if self.highlights.until.is_some_and(|until| at >= until) {
            self.highlights = Highlights::default();
            // New signings led their day's rows only while marked new.
            self.refresh_lists();
            self.dirty = true;
        }
    }

    /// The wall after `wall_idle_reset` without input: as a passer-by found it. Overlays,
    /// filters and selections go, and the rotation resumes with a full interval.
    fn reset_wall(&mut self, at: Instant) {
        self.last_input = None;
        self.overlay = Overlay::None;
        self.input = InputMode::Normal;
        self.signings.filter.clear();
        self.stalled.filter.clear();
        self.refresh_lists();
        self.signings.select_first();
        self.stalled.select_first();
        if let Some(rotation) = &mut self.rotation {
            rotation.resume(at);
            self.focus = Panel::of_view(rotation.view);
        }
        self.dirty = true;
    }

    /// Whether lists mark their selected row: always for operators; on the wall only while
    /// someone is using it (a key within `wall_idle_reset`), so an idle wall has no bar on
    /// an arbitrary row drawing the eye.
    pub fn shows_selection(&self) -> bool {
        !self.settings.wall || self.last_input.is_some()
    }

    /// Time until the wall shows its next view; `None` while held or off the wall.
    pub fn next_view_in(&self) -> Option<Duration> {
        self.rotation.as_ref()?.next_in(self.at)
    }

    fn feed(&mut self, update: FeedUpdate) {
        if let FeedUpdate::Checking { since } = update {
            self.health.checking_since = Some(since);
            return;
        }
        self.health.checking_since = None;
        match update {
            FeedUpdate::Checking { .. } => {}
            FeedUpdate::Loaded {
                snapshot,
                received_at,
            } => {
                self.health.last_success = Some(received_at);
                self.health.last_failure = None;
                self.health.consecutive_failures = 0;
                self.health.refresh_requested = false;
                self.load(snapshot, received_at);
            }
            FeedUpdate::Unchanged { received_at } => {
                self.health.last_success = Some(received_at);
                self.health.last_failure = None;
                self.health.consecutive_failures = 0;
                self.health.refresh_requested = false;
            }
            FeedUpdate::Failed {
                error,
                at,
                retry_in,
            } => {
                self.health.last_failure = Some(PollFailure {
                    message: error,
                    at,
                    retry_in,
                });
                self.health.consecutive_failures =
                    self.health.consecutive_failures.saturating_add(1);
                self.health.refresh_requested = false;
            }
        }
    }

    fn load(&mut self, snapshot: Arc<Snapshot>, received_at: DateTime<FixedOffset>) {
        let snapshot = if self.settings.redact {
            Arc::new(redact::redact(&snapshot))
        } else {
            snapshot
        };
        let previous: Option<HashSet<SafeText>> = self.data.as_ref().map(|d| {
            d.summary
                .signings
                .iter()
                .map(|&i| d.snapshot.projects[i].id.clone())
                .collect()
        });
        let detail_id = match &self.overlay {
            Overlay::Detail {
                project, approval, ..
            } => self.data.as_ref().and_then(|d| {
                let p = d.snapshot.projects.get(*project)?;
                let approval_id = approval
                    .and_then(|a| p.approvals.get(a))
                    .map(|a| a.id.clone());
                Some((p.id.clone(), approval_id))
            }),
            _ => None,
        };
        let (summary, trends) = self.compute(&snapshot);
        if let Some(before) = &self.data {
            let changes = crate::domain::changes::compare(
                Observed {
                    snapshot: &before.snapshot,
                    stalled: &before.summary.stalled,
                },
                Observed {
                    snapshot: &snapshot,
                    stalled: &summary.stalled,
                },
                self.today(),
                received_at.with_timezone(&self.settings.zone),
            );
            self.changes.record(changes);
        }
        if let Some(previous) = previous {
            let new: HashSet<SafeText> = summary
                .signings
                .iter()
                .map(|&i| snapshot.projects[i].id.clone())
                .filter(|id| !previous.contains(id))
                .collect();
            if !new.is_empty() {
                self.highlights = Highlights {
                    ids: new,
                    // `None` (never cleared) when the period reaches past what the clock counts.
                    until: self.at.checked_add(self.settings.highlight_new_for),
                };
            }
        }
        // Re-point an open detail at the same project in the new snapshot, or close it.
        if let Some((id, approval_id)) = detail_id {
            self.overlay = match snapshot.projects.iter().position(|p| p.id == id) {
                Some(project) => {
                    let approval = approval_id.and_then(|aid| {
                        snapshot.projects[project]
                            .approvals
                            .iter()
                            .position(|a| a.id == aid)
                    });
                    self.detail(&snapshot, project, approval)
                }
                None => Overlay::None,
            };
        }
        self.data = Some(Loaded {
            snapshot,
            summary,
            trends,
        });
        self.refresh_lists();
    }

    fn compute(&mut self, snapshot: &Snapshot) -> (Summary, Trends) {
        self.aggregations += 1;
        let today = self.today();
        let summary = aggregate(snapshot, today, &self.calendar, &self.options);
        let trends = trends(snapshot, &summary, today);
        (summary, trends)
    }

    fn reaggregate(&mut self) {
        if let Some(snapshot) = self.data.as_ref().map(|d| Arc::clone(&d.snapshot)) {
            let (summary, trends) = self.compute(&snapshot);
            if let Overlay::Detail {
                project, approval, ..
            } = self.overlay
            {
                self.overlay = self.detail(&snapshot, project, approval);
            }
            self.data = Some(Loaded {
                snapshot,
                summary,
                trends,
            });
            self.refresh_lists();
            self.dirty = true;
        }
    }

    fn refresh_lists(&mut self) {
        if let Some(data) = &self.data {
            lists::refresh_signings(&mut self.signings, &data.snapshot, &data.summary, |id| {
                self.highlights.ids.contains(id)
            });
            lists::refresh_stalled(&mut self.stalled, &data.snapshot, &data.summary);
        }
    }

    fn set_focus(&mut self, panel: Panel) {
        self.focus = panel;
        if let Some(rotation) = &mut self.rotation {
            rotation.show(panel.view(), self.at);
        }
    }

    fn input(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::Quit => self.quit = true,
            Action::Refresh => {
                self.health.refresh_requested = true;
                return Some(Action::PollNow);
            }
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Overlay::Help => Overlay::None,
                    _ => Overlay::Help,
                };
            }
            Action::ToggleRejected => {
                self.overlay = match self.overlay {
                    Overlay::Rejected { .. } => Overlay::None,
                    _ => Overlay::Rejected { scroll: 0 },
                };
            }
            Action::ToggleTrends => {
                self.overlay = match self.overlay {
                    Overlay::Trends { .. } => Overlay::None,
                    _ => Overlay::Trends {
                        page: TrendsPage::Progress,
                    },
                };
            }
            Action::ToggleChanges => {
                self.overlay = match self.overlay {
                    Overlay::Changes { .. } => Overlay::None,
                    _ => Overlay::Changes { scroll: 0 },
                };
            }
            Action::Close => self.close(),
            _ if self.overlay != Overlay::None => self.overlay_input(action),
            Action::NextPanel => match self.rotation.as_mut() {
                Some(rotation) => {
                    let view = rotation.view.next();
                    rotation.show(view, self.at);
                    self.focus = Panel::of_view(view);
                }
                None => self.focus = self.focus.next(),
            },
            Action::PrevPanel => match self.rotation.as_mut() {
                Some(rotation) => {
                    let view = rotation.view.prev();
                    rotation.show(view, self.at);
                    self.focus = Panel::of_view(view);
                }
                None => self.focus = self.focus.prev(),
            },
            Action::Focus(panel) => self.set_focus(panel),
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::PageDown => self.move_selection(self.page_delta()),
            Action::PageUp => self.move_selection(-self.page_delta()),
            Action::First => self.with_list(ListView::select_first, ListView::select_first),
            Action::Last => self.with_list(ListView::select_last, ListView::select_last),
            Action::Open => self.open(),
            Action::StartFilter => {
                if self.focus != Panel::Targets {
                    self.input = InputMode::Filter;
                }
            }
            Action::FilterInput(c) => self.edit_filter(|f| {
                // A stuck key or a paste must not grow the filter without end, and a pasted
                // control or bidi character has no business in it.
                if f.chars().count() < MAX_FILTER_CHARS && !crate::sanitize::is_forbidden(c) {
                    f.push(c);
                }
            }),
            Action::FilterBackspace => self.edit_filter(|f| {
                f.pop();
            }),
            Action::ApplyFilter => self.input = InputMode::Normal,
            Action::ClearFilter => {
                self.input = InputMode::Normal;
                self.edit_filter(String::clear);
            }
            Action::CycleSort => {
                match self.focus {
                    Panel::Signings => self.signings.sort = self.signings.sort.next(),
                    Panel::Stalled => self.stalled.sort = self.stalled.sort.next(),
                    Panel::Targets => {}
                }
                self.refresh_lists();
            }
            Action::Tick { .. }
            | Action::Feed(_)
            | Action::Resize { .. }
            | Action::PollNow
            | Action::ToggleHold => {}
        }
        None
    }

    fn page_delta(&self) -> isize {
        isize::try_from(self.page_rows).unwrap_or(10)
    }

    fn overlay_input(&mut self, action: Action) {
        if let Overlay::Trends { page } = &mut self.overlay
            && matches!(action, Action::NextPanel | Action::PrevPanel)
        {
            *page = page.next();
            return;
        }
        if let Overlay::Detail { scroll, .. }
        | Overlay::Rejected { scroll }
        | Overlay::Changes { scroll } = &mut self.overlay
        {
            match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::PageDown => *scroll = scroll.saturating_add(10),
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::First => *scroll = 0,
                _ => {}
            }
        }
    }

    fn close(&mut self) {
        if self.overlay == Overlay::None {
            self.input = InputMode::Normal;
            self.edit_filter(String::clear);
        } else {
            self.overlay = Overlay::None;
        }
    }

    fn with_list(
        &mut self,
        signings: impl FnOnce(&mut ListView<SigningSort>),
        stalled: impl FnOnce(&mut ListView<StalledSort>),
    ) {
        match self.focus {
            Panel::Signings => signings(&mut self.signings),
            Panel::Stalled => stalled(&mut self.stalled),
            Panel::Targets => {}
        }
    }

    fn move_selection(&mut self, delta: isize) {
        self.with_list(|l| l.move_by(delta), |l| l.move_by(delta));
    }

    fn edit_filter(&mut self, edit: impl FnOnce(&mut String)) {
        match self.focus {
            Panel::Signings => edit(&mut self.signings.filter),
            Panel::Stalled => edit(&mut self.stalled.filter),
            Panel::Targets => return,
        }
        self.refresh_lists();
    }

    fn open(&mut self) {
        let Some(data) = &self.data else { return };
        let target = match self.focus {
            Panel::Signings => self.signings.selected_row().map(|project| (project, None)),
            Panel::Stalled => self
                .stalled
                .selected_row()
                .and_then(|i| data.summary.stalled.get(i))
                .map(|entry| (entry.project, Some(entry.approval))),
            Panel::Targets => None,
        };
        if let Some((project, approval)) = target {
            self.overlay = self.detail(&data.snapshot, project, approval);
        }
    }

    /// The detail overlay for a project, with working days elapsed for its pending approvals
    /// computed once here rather than per frame.
    fn detail(&self, snapshot: &Snapshot, project: usize, approval: Option<usize>) -> Overlay {
        let today = self.today();
        let elapsed = snapshot.projects[project]
            .approvals
            .iter()
            .map(|a| {
                (a.status == crate::domain::model::ApprovalStatus::Pending
                    && a.submitted_on <= today)
                    .then(|| self.calendar.working_days_after(a.submitted_on, today))
            })
            .collect();
        Overlay::Detail {
            project,
            approval,
            scroll: 0,
            elapsed,
        }
    }
}

#[cfg(test)]
mod tests;
