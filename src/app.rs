//! The dashboard's state and the only place it changes: [`App::update`]. No IO and no clock
//! reads here: time arrives in [`Action::Tick`], data in [`Action::Feed`], keys as actions
//! mapped by [`keys::action_for`]. Depends on the domain and the poller's message types, never
//! on the terminal or on drawing.

pub mod drill;
pub mod health;
pub mod keys;
pub mod lists;
pub mod redact;
pub mod wall;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, NaiveDate};

use crate::appearance::Appearance;
use crate::config::Settings;
use crate::domain::aggregate::AggregateOptions;
use crate::domain::calendar::Calendar;
use crate::domain::changes::ChangeLog;
use crate::domain::freshness;
use crate::domain::model::Snapshot;
use crate::domain::rejections::{RecordCounts, RejectionLevel, RejectionLimits};
use crate::lang::Lang;
use crate::poll::FeedUpdate;
use crate::sanitize::CompactText;

pub use crate::clock::Clock;
pub use crate::prepare::Loaded;
use crate::prepare::{Prepared, Preparer};
use drill::{Back, TargetsView};
use health::{AgeLimits, FeedHealth, Freshness, PollFailure};
use keys::{InputMode, KeyMap};
use lists::{ListView, Refresh, SigningSort, StalledSort};
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
    /// Nothing else to do: one slice of the sorting or filtering left over
    /// ([`App::has_work`]).
    Advance,
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
    /// Bracketed paste while editing the filter.
    FilterPaste(String),
    FilterBackspace,
    /// Ctrl-W: the word before the cursor.
    FilterDeleteWord,
    /// Ctrl-U: the whole line.
    FilterDeleteLine,
    /// Enter: keep the filter as typed.
    ApplyFilter,
    /// Esc while editing: back to the filter the edit started from.
    CancelFilter,
    /// The next sort column (`s`).
    CycleSort,
    /// The other direction (`S`).
    ReverseSort,
    /// Show all rows of the selected breakdown (`+N more`), or fold them again.
    Expand,
    /// Copy the selected project's id (answered with [`Action::Clipboard`]).
    Copy,
    /// Export the focused list (answered with [`Action::WriteExport`]).
    Export,
    /// A mouse click: focus `panel`, and select the row at `row` (a list position, or a
    /// breakdown row of the targets panel) when one was hit.
    Pick {
        panel: Panel,
        row: Option<usize>,
    },
    /// A click on a breakdown's `+N more` line: focus the targets, select `row` and show all
    /// rows of its breakdown (what `+` does for the selection's breakdown).
    ShowAllRows {
        row: usize,
    },
    /// The mouse wheel: rows to move the selection (or scroll an overlay) by.
    Scroll(isize),
    /// For the event loop: write this text to the terminal's clipboard (OSC 52).
    Clipboard(String),
    /// For the event loop: write the focused list as it is shown to a CSV file.
    WriteExport,
    /// The export's outcome: the file written, or why not.
    Exported(Result<PathBuf, crate::export::ExportError>),
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
    /// The keys and the legend, scrolled by `scroll` rows.
    Help {
        scroll: u16,
    },
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

/// A one-off message in the footer, until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The id sent to the clipboard.
    Copied(String),
    Exported(PathBuf),
    ExportFailed(crate::export::ExportError),
}

/// Signings new since the previous snapshot, highlighted until `until`.
#[derive(Clone, Debug, Default)]
pub struct Highlights {
    pub ids: HashSet<CompactText>,
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
    /// Clicks and the wheel are read (the terminal reports them).
    pub mouse: bool,
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
                targets: settings.target_colors,
            },
            redact: settings.redact,
            mouse: settings.mouse,
        }
    }
}

/// The dashboard's whole state.
#[derive(Debug)]
pub struct App {
    pub settings: AppSettings,
    calendar: Calendar,
    options: AggregateOptions,
    /// Whether a new day is aggregated here; off when the poller prepares the data and
    /// follows the days itself ([`App::with_data_prepared_by_the_poller`]).
    aggregates_new_days: bool,
    /// Wall time of the last tick, in the configured zone.
    now: DateTime<FixedOffset>,
    at: Instant,
    data: Option<Arc<Loaded>>,
    /// The data just replaced, for the event loop to free elsewhere ([`App::take_retired`]).
    retired: Option<Arc<Loaded>>,
    aggregations: u64,
    pub health: FeedHealth,
    pub focus: Panel,
    pub signings: ListView<SigningSort>,
    pub stalled: ListView<StalledSort>,
    /// The selected breakdown row of the targets panel.
    pub targets: TargetsView,
    /// Where Esc returns to after a drill-down.
    back: Option<Back>,
    pub overlay: Overlay,
    pub input: InputMode,
    /// The filter as it was when editing began, for Esc.
    filter_before_edit: String,
    pub notice: Option<Notice>,
    /// Where `e` writes its CSV files (the working directory when empty).
    pub export_dir: PathBuf,
    /// The terminal's size, for mapping mouse clicks to what is drawn there.
    pub screen_size: (u16, u16),
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
            aggregates_new_days: true,
            settings,
            calendar,
            options,
            at,
            data: None,
            retired: None,
            aggregations: 0,
            health: FeedHealth::default(),
            focus: Panel::Signings,
            signings: ListView::default(),
            stalled: ListView::default(),
            targets: TargetsView::default(),
            back: None,
            overlay: Overlay::None,
            input: InputMode::Normal,
            filter_before_edit: String::new(),
            notice: None,
            export_dir: PathBuf::new(),
            screen_size: (80, 24),
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

    /// The same app fed [`FeedUpdate::Prepared`] by a poller that also aggregates each new day
    /// (`poll::run_preparing_poller`): a new date is then not aggregated on the input path.
    #[must_use]
    pub fn with_data_prepared_by_the_poller(mut self) -> App {
        self.aggregates_new_days = false;
        self
    }

    /// What prepares data the way this app would, with its settings as they are now (for the
    /// poller).
    pub fn preparer(&self) -> Preparer {
        Preparer::new(
            self.calendar.clone(),
            self.options,
            self.settings.zone,
            self.settings
                .redact
                .then_some(redact::redact as crate::prepare::Redaction),
        )
    }

    /// Wall time of the last tick, in the configured zone.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.now
    }

    pub fn today(&self) -> NaiveDate {
        self.now.date_naive()
    }

    pub fn data(&self) -> Option<&Loaded> {
        self.data.as_deref()
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

    /// Age of the data by the publisher's own `generated_at`, when it has one it can be
    /// trusted with (not stamped in the future).
    pub fn generated_age(&self) -> Option<Duration> {
        let generated_at = self.data.as_ref()?.snapshot.generated_at?;
        freshness::ahead_by(self.now, generated_at)
            .is_none()
            .then(|| freshness::age(self.now, generated_at))
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

    pub fn is_highlighted(&self, id: &CompactText) -> bool {
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
            Action::Resize { width, height } => {
                self.page_rows = usize::from(height / 2).max(1);
                self.screen_size = (width, height);
                self.dirty = true;
                None
            }
            Action::Exported(outcome) => {
                self.notice = Some(match outcome {
                    Ok(path) => Notice::Exported(path),
                    Err(why) => Notice::ExportFailed(why),
                });
                self.dirty = true;
                None
            }
            Action::Advance => {
                self.advance();
                None
            }
            Action::PollNow | Action::Clipboard(_) | Action::WriteExport => None,
            input => {
                self.dirty = true;
                self.last_input = Some(self.at);
                self.notice = None;
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
        if date_changed && self.aggregates_new_days {
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
            self.refresh_lists(Refresh::Resort);
            self.dirty = true;
        }
    }

    /// The wall after `wall_idle_reset` without input: as a passer-by found it. Overlays,
    /// filters, drill-downs, sorts and selections go, and the rotation resumes with a full
    /// interval.
    fn reset_wall(&mut self, at: Instant) {
        self.last_input = None;
        self.overlay = Overlay::None;
        self.input = InputMode::Normal;
        self.notice = None;
        self.back = None;
        self.targets = TargetsView::default();
        self.signings = ListView::default();
        self.stalled = ListView::default();
        self.refresh_lists(Refresh::Resort);
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
                self.health.succeeded(received_at);
                self.load(snapshot, received_at);
            }
            FeedUpdate::Prepared(prepared) => {
                // A new day's aggregation (no arrival) is not an answer from the feed.
                if let Some(arrival) = &prepared.arrival {
                    self.health.succeeded(arrival.received_at);
                }
                self.install_prepared(*prepared);
            }
            FeedUpdate::Unchanged { received_at } => self.health.succeeded(received_at),
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

    /// A bare snapshot (not prepared by the poller): prepared here.
    fn load(&mut self, snapshot: Arc<Snapshot>, received_at: DateTime<FixedOffset>) {
        let prepared =
            self.preparer()
                .arrived(self.data.as_deref(), snapshot, received_at, self.today());
        self.install_prepared(prepared);
    }

    /// The same snapshot aggregated for the new day.
    fn reaggregate(&mut self) {
        if let Some(data) = &self.data {
            let prepared = self.preparer().new_day(data, self.today());
            self.install_prepared(prepared);
        }
    }

    /// Holds prepared data: what it changed goes to the log, new signings are highlighted, an
    /// open detail follows its project, and the lists are ordered for it (in slices).
    fn install_prepared(&mut self, prepared: Prepared) {
        self.aggregations += 1;
        let Prepared {
            loaded, arrival, ..
        } = prepared;
        if let Some(arrival) = arrival {
            if let Some(changes) = arrival.changes {
                self.changes.record(changes);
            }
            if let Some(new) = arrival.new_signings.filter(|new| !new.is_empty()) {
                self.highlights = Highlights {
                    ids: new,
                    // `None` (never cleared) when the period reaches past what the clock counts.
                    until: self.at.checked_add(self.settings.highlight_new_for),
                };
            }
        }
        self.repoint_detail(&loaded.snapshot);
        self.install(loaded);
        self.dirty = true;
    }

    /// Points an open detail at the same project in `snapshot` (recounting its working days),
    /// or closes it when the project is gone.
    fn repoint_detail(&mut self, snapshot: &Snapshot) {
        let Overlay::Detail {
            project, approval, ..
        } = self.overlay
        else {
            return;
        };
        let Some(before) = self.data.as_ref().map(|d| &d.snapshot) else {
            return;
        };
        if std::ptr::eq(before.as_ref(), snapshot) {
            self.overlay = self.detail(snapshot, project, approval);
            return;
        }
        let Some(old) = before.projects.get(project) else {
            self.overlay = Overlay::None;
            return;
        };
        let approval_id = approval
            .and_then(|a| old.approvals.get(a))
            .map(|a| a.id.clone());
        self.overlay = match snapshot.projects.iter().position(|p| p.id == old.id) {
            Some(project) => {
                let approval = approval_id.and_then(|aid| {
                    snapshot.projects[project]
                        .approvals
                        .iter()
                        .position(|a| a.id == aid)
                });
                self.detail(snapshot, project, approval)
            }
            None => Overlay::None,
        };
    }

    /// Holds newly aggregated data and orders the lists and the Targets selection for it.
    fn install(&mut self, loaded: Arc<Loaded>) {
        self.retired = self.data.replace(loaded);
        self.refresh_lists(Refresh::Reload);
        self.targets.clamp(self.breakdown_lengths());
    }

    fn refresh_lists(&mut self, how: Refresh) {
        let Some(data) = &self.data else { return };
        let highlights = &self.highlights.ids;
        self.signings.refresh(how, &signing_rows(data, highlights));
        self.stalled.refresh(how, &stalled_rows(data));
    }

    /// Recomputes the focused list only (a filter, scope or sort change is the focused one's).
    fn refresh_focused(&mut self, how: Refresh) {
        let Some(data) = &self.data else { return };
        match self.focus {
            Panel::Signings => self
                .signings
                .refresh(how, &signing_rows(data, &self.highlights.ids)),
            Panel::Stalled => self.stalled.refresh(how, &stalled_rows(data)),
            Panel::Targets => {}
        }
    }

    /// The data the last install replaced, when nothing else holds it: freeing a snapshot of
    /// 2,000,000 projects takes 0.1 s, which the event loop does off the input path.
    pub fn take_retired(&mut self) -> Option<Arc<Loaded>> {
        self.retired.take()
    }

    /// Whether a list has sorting or filtering left to do ([`Action::Advance`] does it).
    pub fn has_work(&self) -> bool {
        self.signings.working().is_some() || self.stalled.working().is_some()
    }

    /// One slice of the lists' work left over: at most [`lists::SLICE_ROWS`] rows.
    fn advance(&mut self) {
        let Some(data) = &self.data else { return };
        let mut budget = lists::SLICE_ROWS;
        let highlights = &self.highlights.ids;
        let ended = self
            .signings
            .advance(&mut budget, &signing_rows(data, highlights));
        let ended = self.stalled.advance(&mut budget, &stalled_rows(data)) || ended;
        self.dirty |= ended;
    }

    /// Does all the lists' work left over at once: for callers with no events to answer in
    /// between (benches, exports of a whole state, tests).
    pub fn finish_work(&mut self) {
        while self.has_work() && self.data.is_some() {
            self.advance();
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
            Action::ToggleHelp
            | Action::ToggleRejected
            | Action::ToggleTrends
            | Action::ToggleChanges => self.toggle_overlay(&action),
            Action::Close => self.close(),
            Action::Copy => return self.copy(),
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
            Action::Down | Action::Scroll(1) => self.move_selection(1),
            Action::Up | Action::Scroll(-1) => self.move_selection(-1),
            Action::Scroll(delta) => self.move_selection(delta),
            Action::PageDown => self.move_selection(self.page_delta()),
            Action::PageUp => self.move_selection(-self.page_delta()),
            Action::First => self.move_selection(isize::MIN),
            Action::Last => self.move_selection(isize::MAX),
            Action::Open => self.open(),
            Action::Expand => {
                if self.focus == Panel::Targets {
                    self.targets.expanded = !self.targets.expanded;
                }
            }
            Action::Pick { panel, row } => self.pick(panel, row),
            Action::ShowAllRows { row } => {
                self.pick(Panel::Targets, Some(row));
                if self.focus == Panel::Targets {
                    self.targets.expanded = true;
                }
            }
            Action::StartFilter
            | Action::FilterInput(_)
            | Action::FilterPaste(_)
            | Action::FilterBackspace
            | Action::FilterDeleteWord
            | Action::FilterDeleteLine
            | Action::ApplyFilter
            | Action::CancelFilter => self.filter_input(action),
            Action::CycleSort => self.sort_input(false),
            Action::ReverseSort => self.sort_input(true),
            Action::Export => {
                if self.focus != Panel::Targets && self.data.is_some() {
                    return Some(Action::WriteExport);
                }
            }
            Action::Tick { .. }
            | Action::Feed(_)
            | Action::Advance
            | Action::Resize { .. }
            | Action::PollNow
            | Action::ToggleHold
            | Action::Clipboard(_)
            | Action::WriteExport
            | Action::Exported(_) => {}
        }
        None
    }

    /// Opens the overlay a key names, or closes it when it is the one open.
    fn toggle_overlay(&mut self, action: &Action) {
        self.overlay = match (action, &self.overlay) {
            (Action::ToggleHelp, Overlay::Help { .. })
            | (Action::ToggleRejected, Overlay::Rejected { .. })
            | (Action::ToggleTrends, Overlay::Trends { .. })
            | (Action::ToggleChanges, Overlay::Changes { .. }) => Overlay::None,
            (Action::ToggleHelp, _) => Overlay::Help { scroll: 0 },
            (Action::ToggleRejected, _) => Overlay::Rejected { scroll: 0 },
            (Action::ToggleTrends, _) => Overlay::Trends {
                page: TrendsPage::Progress,
            },
            (Action::ToggleChanges, _) => Overlay::Changes { scroll: 0 },
            _ => return,
        };
    }

    /// `s` (the next column) or `S` (the other direction) on the focused list: sorted once.
    fn sort_input(&mut self, reverse: bool) {
        match self.focus {
            Panel::Signings => {
                let sort = self.signings.sort;
                self.signings.sort = if reverse {
                    sort.reversed()
                } else {
                    sort.next()
                };
            }
            Panel::Stalled => {
                let sort = self.stalled.sort;
                self.stalled.sort = if reverse {
                    sort.reversed()
                } else {
                    sort.next()
                };
            }
            Panel::Targets => return,
        }
        self.refresh_focused(Refresh::Resort);
    }

    /// Starting, editing, keeping or cancelling the focused list's filter.
    fn filter_input(&mut self, action: Action) {
        match action {
            Action::StartFilter if self.focus != Panel::Targets => {
                self.filter_before_edit = self.filter().to_owned();
                self.input = InputMode::Filter;
            }
            Action::FilterInput(c) => self.edit_filter(|f| push_filter_char(f, c)),
            Action::FilterPaste(text) => self.edit_filter(|f| {
                // A pasted line break ends nothing here: it reads as a space.
                for c in text.chars() {
                    push_filter_char(f, if c.is_whitespace() { ' ' } else { c });
                }
            }),
            Action::FilterBackspace => self.edit_filter(|f| {
                f.pop();
            }),
            Action::FilterDeleteWord => self.edit_filter(delete_word),
            Action::FilterDeleteLine => self.edit_filter(String::clear),
            Action::ApplyFilter => self.input = InputMode::Normal,
            Action::CancelFilter => {
                self.input = InputMode::Normal;
                let before = std::mem::take(&mut self.filter_before_edit);
                self.edit_filter(|f| *f = before);
            }
            _ => {}
        }
    }

    /// The focused list's filter ("" on the targets panel).
    pub fn filter(&self) -> &str {
        match self.focus {
            Panel::Signings => &self.signings.filter,
            Panel::Stalled => &self.stalled.filter,
            Panel::Targets => "",
        }
    }

    /// The project selected in the focused list, if any.
    pub fn selected_project(&self) -> Option<usize> {
        let data = self.data.as_ref()?;
        match self.focus {
            Panel::Signings => self.signings.selected_row(),
            Panel::Stalled => self
                .stalled
                .selected_row()
                .and_then(|i| data.summary.stalled.get(i))
                .map(|entry| entry.project),
            Panel::Targets => None,
        }
    }

    /// `y`: the id of the project in the detail view, else of the selected row.
    fn copy(&mut self) -> Option<Action> {
        let data = self.data.as_ref()?;
        let index = match &self.overlay {
            Overlay::Detail { project, .. } => Some(*project),
            Overlay::None => self.selected_project(),
            Overlay::Help { .. }
            | Overlay::Rejected { .. }
            | Overlay::Trends { .. }
            | Overlay::Changes { .. } => None,
        }?;
        let project = data.snapshot.projects.get(index)?;
        let id = project.id.to_string();
        self.notice = Some(Notice::Copied(id.clone()));
        Some(Action::Clipboard(id))
    }

    fn pick(&mut self, panel: Panel, row: Option<usize>) {
        if self.overlay != Overlay::None {
            return;
        }
        if self.focus != panel {
            self.set_focus(panel);
        }
        let Some(row) = row else { return };
        match panel {
            Panel::Signings => self.signings.select(row),
            Panel::Stalled => self.stalled.select(row),
            Panel::Targets => {
                self.targets.selected = row;
                self.targets.clamp(self.breakdown_lengths());
            }
        }
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
        | Overlay::Changes { scroll }
        | Overlay::Help { scroll } = &mut self.overlay
        {
            let wheel = |delta: isize| u16::try_from(delta.unsigned_abs()).unwrap_or(u16::MAX);
            match action {
                Action::Down => *scroll = scroll.saturating_add(1),
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::Scroll(delta) if delta > 0 => *scroll = scroll.saturating_add(wheel(delta)),
                Action::Scroll(delta) => *scroll = scroll.saturating_sub(wheel(delta)),
                Action::PageDown => *scroll = scroll.saturating_add(10),
                Action::PageUp => *scroll = scroll.saturating_sub(10),
                Action::First => *scroll = 0,
                _ => {}
            }
        }
    }

    /// Esc: the overlay first, then an expanded breakdown, then back from a drill-down, and
    /// only then the focused list's filter and scope.
    fn close(&mut self) {
        if self.overlay != Overlay::None {
            self.overlay = Overlay::None;
        } else if self.focus == Panel::Targets && self.targets.expanded {
            self.targets.expanded = false;
        } else if let Some(back) = self.back.take() {
            self.go_back(back);
        } else {
            self.input = InputMode::Normal;
            let list_changed = match self.focus {
                Panel::Signings => self.signings.scope.take().is_some(),
                Panel::Stalled => self.stalled.scope.take().is_some(),
                Panel::Targets => false,
            };
            if list_changed || !self.filter().is_empty() {
                self.edit_filter(String::clear);
            }
        }
    }

    fn move_selection(&mut self, delta: isize) {
        match self.focus {
            Panel::Signings => self.signings.move_by(delta),
            Panel::Stalled => self.stalled.move_by(delta),
            Panel::Targets => {
                let lengths = self.breakdown_lengths();
                self.targets.move_by(delta, lengths);
            }
        }
    }

    /// Edits the focused list's filter; the list is filtered again (not re-sorted) and its
    /// selection goes to the first row.
    fn edit_filter(&mut self, edit: impl FnOnce(&mut String)) {
        match self.focus {
            Panel::Signings => edit(&mut self.signings.filter),
            Panel::Stalled => edit(&mut self.stalled.filter),
            Panel::Targets => return,
        }
        self.refresh_focused(Refresh::Refilter);
    }

    fn open(&mut self) {
        if self.focus == Panel::Targets {
            self.drill_down();
            return;
        }
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

fn signing_rows<'a>(
    data: &'a Loaded,
    highlights: &'a HashSet<CompactText>,
) -> lists::SigningRows<'a, impl Fn(&CompactText) -> bool + 'a> {
    lists::SigningRows {
        snapshot: &data.snapshot,
        summary: &data.summary,
        is_new: move |id: &CompactText| highlights.contains(id),
    }
}

fn stalled_rows(data: &Loaded) -> lists::StalledRows<'_> {
    lists::StalledRows {
        snapshot: &data.snapshot,
        summary: &data.summary,
    }
}

/// Adds a typed or pasted character to a filter: a stuck key or a paste must not grow it
/// without end, and a control or bidi character has no business in it.
fn push_filter_char(filter: &mut String, c: char) {
    if filter.chars().count() < MAX_FILTER_CHARS && !crate::sanitize::is_forbidden(c) {
        filter.push(c);
    }
}

/// Ctrl-W as in a shell: the spaces before the cursor, then the word before them.
fn delete_word(filter: &mut String) {
    let kept = filter
        .trim_end()
        .trim_end_matches(|c: char| !c.is_whitespace());
    filter.truncate(kept.len());
}

#[cfg(test)]
mod tests;
