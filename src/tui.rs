//! The live dashboard's event loop and terminal lifecycle: the only module that touches the
//! terminal, reads the clock or listens for signals. It turns keys, feed updates, ticks and
//! signals into [`Action`]s for [`App`] and draws with [`ui::render`] only when something
//! visible changed.
//!
//! Lifecycle rules (see the reliability notes, H10-H15):
//! - refuse to start when stdout is not a terminal;
//! - register SIGTERM/SIGHUP/SIGINT/SIGQUIT before raw mode and turn each into a normal quit,
//!   so the terminal is restored by the normal path;
//! - restore on every exit path (a drop guard) and on panic (a hook), but never insist on
//!   writing to a terminal that hung up;
//! - exit when the input stream ends or fails (an SSH drop), when a draw fails, and when the
//!   terminal stops being a terminal (a watchdog on the heartbeat: a hung-up TTY fails
//!   `isatty`), so an orphan whose SIGHUP never came does not spin (H14);
//! - a second SIGTERM/SIGHUP/SIGINT/SIGQUIT while shutting down ends the process at once
//!   (H13);
//! - redraw on data, input, resize (bursts coalesced) and once a second only if the shown
//!   clock moved: a frozen clock and an idle screen cost nothing.

use std::io::{self, IsTerminal, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::Poll;
use std::time::{Duration, Instant};

use std::path::PathBuf;

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    EventStream, MouseButton, MouseEventKind,
};
use crossterm::{cursor, execute, terminal};
use futures_util::{Stream, StreamExt};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use tokio::signal::unix::{Signal, SignalKind, signal};
use tokio::sync::mpsc::{Receiver, Sender};
use tokio::time::MissedTickBehavior;

use crate::app::{Action, App};
use crate::poll::{FeedUpdate, PollCommand};
use crate::ui;

pub use crate::clock::Clock;
pub use crate::ui::render;
pub use quiet::QuietBackend;

mod quiet;

/// Why the dashboard would not start.
#[derive(Debug, thiserror::Error)]
pub enum TuiError {
    #[error("stdout is not a terminal: use `investboard status` for a one-shot summary")]
    NotATerminal,
    #[error("cannot listen for {signal}: {source}")]
    Signal {
        signal: &'static str,
        source: io::Error,
    },
    #[error("cannot set up the terminal: {0}")]
    Setup(io::Error),
    #[error("cannot draw (terminal gone?): {0}")]
    Draw(io::Error),
    #[error("reading the keyboard failed: {0}")]
    Input(io::Error),
}

/// Whether the dashboard can draw here; `main` may check this before parsing the feed.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// How long the event loop waits between heartbeats (clock, ages, rotation, highlight expiry).
const HEARTBEAT: Duration = Duration::from_secs(1);
/// Events handled without drawing in between, so a resize storm draws once.
const MAX_EVENT_BURST: usize = 256;
/// Rows one notch of the mouse wheel moves.
const WHEEL_ROWS: isize = 3;

/// Runs the dashboard until quit (keys `q`/Ctrl-C, a signal, the terminal going away).
pub async fn run(
    mut app: App,
    clock: Clock,
    mut updates: Receiver<FeedUpdate>,
    commands: Sender<PollCommand>,
) -> Result<(), TuiError> {
    if !stdout_is_terminal() {
        return Err(TuiError::NotATerminal);
    }
    let mut signals = Signals::register()?;
    let mut guard = TerminalGuard::enter(app.settings.mouse)?;
    if let Ok((width, height)) = terminal::size() {
        // Clicks are mapped onto the layout of this size until the first resize.
        app.update(Action::Resize { width, height });
    }
    let mut input = EventStream::new();
    let result = event_loop(
        &mut app,
        &mut guard,
        clock,
        &mut signals,
        &mut input,
        &mut updates,
        &commands,
    )
    .await;
    if let Some(delay) = test_shutdown_delay() {
        // Stands in for a shutdown stuck on a blocked terminal write (tests of H13 only).
        std::thread::sleep(delay);
    }
    guard.restore();
    result
}

/// `INVESTBOARD_TEST_SHUTDOWN_DELAY`: a test hook that stalls the shutdown, so a test can
/// send a second signal while it is under way. Not a user setting.
fn test_shutdown_delay() -> Option<Duration> {
    std::env::var("INVESTBOARD_TEST_SHUTDOWN_DELAY")
        .ok()
        .and_then(|v| crate::config::parse_duration(&v).ok())
        .map(|d| d.min(Duration::from_secs(60)))
}

/// Where the event loop draws, and how it learns the terminal went away. The real one is
/// [`TerminalGuard`]; tests draw into memory.
trait Screen {
    fn draw(&mut self, app: &App) -> Result<(), TuiError>;
    /// Whether the terminal is still there (checked on the heartbeat).
    fn present(&mut self) -> bool;
    /// The terminal hung up: write nothing more to it.
    fn hung_up(&mut self);
    /// Asks the terminal to put `text` on the clipboard (OSC 52), best effort.
    fn copy(&mut self, text: &str);
}

/// The signals that end the loop the normal way.
trait QuitSignals {
    async fn recv(&mut self) -> SignalKind;
}

async fn event_loop<I>(
    app: &mut App,
    screen: &mut impl Screen,
    clock: Clock,
    signals: &mut impl QuitSignals,
    input: &mut I,
    updates: &mut Receiver<FeedUpdate>,
    commands: &Sender<PollCommand>,
) -> Result<(), TuiError>
where
    I: Stream<Item = io::Result<Event>> + Unpin,
{
    let mut heartbeat = tokio::time::interval_at(first_beat(clock), HEARTBEAT);
    heartbeat.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut poller_alive = true;
    let (exported_tx, mut exported) = tokio::sync::mpsc::channel(4);
    let mut effects = Effects {
        commands,
        exported: exported_tx,
        copies: Vec::new(),
    };
    loop {
        for text in effects.copies.drain(..) {
            screen.copy(&text);
        }
        if app.take_dirty() {
            screen.draw(app)?;
        }
        if app.should_quit() {
            return Ok(());
        }
        tokio::select! {
            kind = signals.recv() => {
                // SIGHUP also comes from `kill -HUP` or `systemctl reload` with the terminal
                // still there: then restore it fully; write nothing only when it is gone.
                if kind == SignalKind::hangup() && !screen.present() {
                    screen.hung_up();
                }
                app.update(Action::Quit);
            }
            event = input.next() => {
                tick(app, clock);
                handle_event(app, event, &mut effects)?;
                // Coalesce whatever else is already queued (resize storms, key repeat).
                for _ in 0..MAX_EVENT_BURST {
                    match next_if_ready(input).await {
                        Some(event) => handle_event(app, event, &mut effects)?,
                        None => break,
                    }
                }
            }
            Some(outcome) = exported.recv() => {
                app.update(Action::Exported(outcome));
            }
            update = updates.recv(), if poller_alive => {
                tick(app, clock);
                let update = update.unwrap_or_else(|| {
                    poller_alive = false;
                    FeedUpdate::Failed {
                        error: "the feed poller stopped; restart investboard".to_owned(),
                        at: clock.now(),
                        retry_in: Duration::MAX,
                    }
                });
                app.update(Action::Feed(update));
                if let Some(replaced) = app.take_retired() {
                    free_elsewhere(replaced);
                }
            }
            // Sorting or filtering left over runs in slices while nothing else is ready, so
            // the next key waits at most one slice; the poller's task gets its turn between
            // slices too.
            () = std::future::ready(()), if app.has_work() => {
                app.update(Action::Advance);
                tokio::task::yield_now().await;
            }
            _ = heartbeat.tick() => {
                if !screen.present() {
                    // Leave as on SIGHUP: write nothing more to the dead terminal.
                    screen.hung_up();
                    return Ok(());
                }
                tick(app, clock);
            }
        }
    }
}

/// Frees replaced data on a thread of its own, off the input path (0.1 s for 2,000,000
/// projects); where no thread can be started, here.
fn free_elsewhere(replaced: std::sync::Arc<crate::app::Loaded>) {
    let started = std::thread::Builder::new()
        .name("free-snapshot".to_owned())
        .spawn(move || drop(replaced));
    if let Err(e) = started {
        // The closure, and the data with it, is freed here.
        tracing::warn!("cannot start a thread to free the replaced data: {e}");
    }
}

/// The next item if one is ready now, else `None`, polling with this task's own waker.
///
/// Not `now_or_never()`: that polls with a no-op waker, and crossterm's `EventStream` keeps
/// the first waker it is given until an event arrives, so the next key would wake nobody and
/// wait for the heartbeat (half a second on average, a whole one at worst).
async fn next_if_ready<S: Stream + Unpin>(stream: &mut S) -> Option<Option<S::Item>> {
    let polled = std::future::poll_fn(|cx| Poll::Ready(stream.poll_next_unpin(cx))).await;
    match polled {
        Poll::Ready(item) => Some(item),
        Poll::Pending => None,
    }
}

/// The first heartbeat lands on the next whole second of the clock, so the shown seconds
/// step evenly.
fn first_beat(clock: Clock) -> tokio::time::Instant {
    let into_second = Duration::from_nanos(u64::from(
        clock.now().timestamp_subsec_nanos().min(999_999_999),
    ));
    tokio::time::Instant::now() + HEARTBEAT.saturating_sub(into_second)
}

fn tick(app: &mut App, clock: Clock) {
    app.update(Action::Tick {
        now: clock.now(),
        at: Instant::now(),
    });
}

/// What the app's answers ask of the event loop: poll requests, exports being written, and
/// text for the clipboard (written before the next draw).
struct Effects<'a> {
    commands: &'a Sender<PollCommand>,
    exported: Sender<Result<PathBuf, crate::export::ExportError>>,
    copies: Vec<String>,
}

/// The action for a terminal event: keys through the bindings, paste into a filter being
/// edited, clicks and the wheel (when `mouse` is on) through the drawn layout.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => app.keys.action_for(app.input, &key),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Paste(text) => {
            (app.input == crate::app::keys::InputMode::Filter).then_some(Action::FilterPaste(text))
        }
        Event::Mouse(mouse) if app.settings.mouse => match mouse.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                let (width, height) = app.screen_size;
                let screen = Rect::new(0, 0, width, height);
                ui::hit::click(app, screen, mouse.column, mouse.row)
            }
            MouseEventKind::ScrollDown => Some(Action::Scroll(WHEEL_ROWS)),
            MouseEventKind::ScrollUp => Some(Action::Scroll(-WHEEL_ROWS)),
            _ => None,
        },
        Event::Mouse(_) | Event::FocusGained | Event::FocusLost => None,
    }
}

fn handle_event(
    app: &mut App,
    event: Option<io::Result<Event>>,
    effects: &mut Effects<'_>,
) -> Result<(), TuiError> {
    let action = match event {
        // The terminal is gone (EOF on an SSH drop) or broken: leave rather than spin.
        None => Action::Quit,
        Some(Err(error)) => return Err(TuiError::Input(error)),
        Some(Ok(event)) => match action_for(app, event) {
            Some(action) => action,
            None => return Ok(()),
        },
    };
    match app.update(action) {
        Some(Action::PollNow) => {
            // A full queue already holds a poll request; a closed one shows up as feed errors.
            let _ = effects.commands.try_send(PollCommand::PollNow);
        }
        Some(Action::Clipboard(text)) => effects.copies.push(text),
        Some(Action::WriteExport) => export(app, effects),
        _ => {}
    }
    Ok(())
}

/// Takes the focused list (shared snapshot, row indices) and builds and writes its CSV on a
/// blocking thread, so neither a long list nor a slow disk holds up a key; the outcome comes
/// back as [`Action::Exported`].
fn export(app: &App, effects: &Effects<'_>) {
    let Some(job) = ui::export::job(app) else {
        return;
    };
    let dir = app.export_dir.clone();
    let stamp = app.now().format("%Y%m%d-%H%M%S").to_string();
    let done = effects.exported.clone();
    tokio::task::spawn_blocking(move || {
        let csv = job.csv();
        let outcome = crate::export::write_new(&dir, csv.view, &stamp, &csv.bytes);
        let _ = done.blocking_send(outcome);
    });
}

/// The four signals that end the dashboard the normal way. Registered before raw mode; tokio
/// keeps them caught for the life of the process, so each must lead to a quit. A second one,
/// while that quit is under way (and maybe stuck), ends the process at once with 128 + its
/// number, without restoring the terminal: the user asked twice.
struct Signals {
    terminate: Signal,
    hangup: Signal,
    interrupt: Signal,
    quit: Signal,
}

impl Signals {
    fn register() -> Result<Signals, TuiError> {
        let listen = |kind: SignalKind, name: &'static str| {
            signal(kind).map_err(|source| TuiError::Signal {
                signal: name,
                source,
            })
        };
        let quitting = std::sync::Arc::new(AtomicBool::new(false));
        for (number, name) in [
            (signal_hook::consts::SIGTERM, "SIGTERM"),
            (signal_hook::consts::SIGHUP, "SIGHUP"),
            (signal_hook::consts::SIGINT, "SIGINT"),
            (signal_hook::consts::SIGQUIT, "SIGQUIT"),
        ] {
            let fail = |source| TuiError::Signal {
                signal: name,
                source,
            };
            // Runs first: exits only if an earlier signal already set the flag.
            signal_hook::flag::register_conditional_shutdown(
                number,
                128 + number,
                std::sync::Arc::clone(&quitting),
            )
            .map_err(fail)?;
            signal_hook::flag::register(number, std::sync::Arc::clone(&quitting)).map_err(fail)?;
        }
        Ok(Signals {
            terminate: listen(SignalKind::terminate(), "SIGTERM")?,
            hangup: listen(SignalKind::hangup(), "SIGHUP")?,
            interrupt: listen(SignalKind::interrupt(), "SIGINT")?,
            quit: listen(SignalKind::quit(), "SIGQUIT")?,
        })
    }
}

impl QuitSignals for Signals {
    async fn recv(&mut self) -> SignalKind {
        tokio::select! {
            _ = self.terminate.recv() => SignalKind::terminate(),
            _ = self.hangup.recv() => SignalKind::hangup(),
            _ = self.interrupt.recv() => SignalKind::interrupt(),
            _ = self.quit.recv() => SignalKind::quit(),
        }
    }
}

/// Set while the terminal is in raw mode on the alternate screen, for the panic hook.
static TERMINAL_ACTIVE: AtomicBool = AtomicBool::new(false);

/// Leaves raw mode and the alternate screen and shows the cursor, best effort; stops mouse
/// reports and bracketed paste (harmless when they were not on).
fn restore_terminal() {
    if TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            terminal::LeaveAlternateScreen,
            cursor::Show
        );
    }
}

/// Chains a hook that restores the terminal before the previous hook prints the panic.
/// Installed once per process, however often [`run`] is called.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
    });
}

/// Owns the terminal while the dashboard runs; restores it when dropped.
struct TerminalGuard {
    /// Quiet: an idle redraw with nothing changed writes nothing (see `quiet.rs`).
    terminal: Option<Terminal<QuietBackend<CrosstermBackend<Stdout>>>>,
    /// The terminal hung up: leave raw mode (an ioctl) but write nothing more to it.
    tty_gone: bool,
}

impl TerminalGuard {
    fn enter(mouse: bool) -> Result<TerminalGuard, TuiError> {
        install_panic_hook();
        terminal::enable_raw_mode().map_err(TuiError::Setup)?;
        TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
        let mut guard = TerminalGuard {
            terminal: None,
            tty_gone: false,
        };
        execute!(
            io::stdout(),
            terminal::EnterAlternateScreen,
            cursor::Hide,
            EnableBracketedPaste
        )
        .map_err(TuiError::Setup)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture).map_err(TuiError::Setup)?;
        }
        guard.terminal = Some(
            Terminal::new(QuietBackend::new(CrosstermBackend::new(io::stdout())))
                .map_err(TuiError::Setup)?,
        );
        Ok(guard)
    }

    fn restore(&mut self) {
        if self.tty_gone {
            // `Terminal`'s own drop would try to show the cursor on the dead terminal.
            std::mem::forget(self.terminal.take());
            if TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
                let _ = terminal::disable_raw_mode();
            }
            return;
        }
        if let Some(mut terminal) = self.terminal.take() {
            let _ = terminal.show_cursor();
            let _ = terminal.backend_mut().inner_mut().flush();
        }
        restore_terminal();
    }
}

impl Screen for TerminalGuard {
    fn draw(&mut self, app: &App) -> Result<(), TuiError> {
        if self.tty_gone {
            return Ok(());
        }
        let Some(terminal) = self.terminal.as_mut() else {
            return Ok(());
        };
        match terminal.draw(|frame| ui::render(app, frame)) {
            Ok(_) => Ok(()),
            Err(error) => {
                // Writes fail with EIO once the terminal hangs up: do not write again.
                self.tty_gone = true;
                Err(TuiError::Draw(error))
            }
        }
    }

    /// A hung-up TTY (the SSH connection or the terminal window is gone) fails `isatty` with
    /// EIO, even while crossterm's reader is stuck re-reading it and no SIGHUP arrived (a
    /// parent that ignores it, `nohup`).
    fn present(&mut self) -> bool {
        io::stdout().is_terminal()
    }

    fn hung_up(&mut self) {
        self.tty_gone = true;
    }

    /// Through the backend, so the sequence goes out in order with the frames.
    fn copy(&mut self, text: &str) {
        if self.tty_gone {
            return;
        }
        if let Some(terminal) = self.terminal.as_mut() {
            let out = terminal.backend_mut().inner_mut();
            let _ = out.write_all(crate::export::osc52(text).as_bytes());
            let _ = out.flush();
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        self.restore();
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;

    /// Input with crossterm's `EventStream` waker contract (`event/stream.rs`, 0.29): the
    /// waker given on the first `Pending` poll is the one the next event wakes; polls made
    /// before that event arrives do not replace it.
    #[derive(Clone, Default)]
    struct CrosstermLikeInput(Rc<RefCell<InputState>>);

    #[derive(Default)]
    struct InputState {
        queue: std::collections::VecDeque<Event>,
        waker: Option<std::task::Waker>,
    }

    impl CrosstermLikeInput {
        fn press(&self, c: char) {
            let mut state = self.0.borrow_mut();
            state
                .queue
                .push_back(Event::Key(crossterm::event::KeyEvent::new(
                    crossterm::event::KeyCode::Char(c),
                    crossterm::event::KeyModifiers::NONE,
                )));
            if let Some(waker) = state.waker.take() {
                waker.wake();
            }
        }
    }

    impl Stream for CrosstermLikeInput {
        type Item = io::Result<Event>;

        fn poll_next(
            self: std::pin::Pin<&mut Self>,
            cx: &mut std::task::Context<'_>,
        ) -> Poll<Option<Self::Item>> {
            let mut state = self.0.borrow_mut();
            if let Some(event) = state.queue.pop_front() {
                return Poll::Ready(Some(Ok(event)));
            }
            if state.waker.is_none() {
                state.waker = Some(cx.waker().clone());
            }
            Poll::Pending
        }
    }

    /// Records when each frame was drawn and whether it showed the help.
    struct RecordingScreen(Rc<RefCell<Vec<(tokio::time::Instant, bool)>>>);

    impl Screen for RecordingScreen {
        fn draw(&mut self, app: &App) -> Result<(), TuiError> {
            let help = matches!(app.overlay, crate::app::Overlay::Help { .. });
            self.0
                .borrow_mut()
                .push((tokio::time::Instant::now(), help));
            Ok(())
        }
        fn present(&mut self) -> bool {
            true
        }
        fn hung_up(&mut self) {}
        fn copy(&mut self, _: &str) {}
    }

    struct NoSignals;

    impl QuitSignals for NoSignals {
        async fn recv(&mut self) -> SignalKind {
            std::future::pending().await
        }
    }

    /// The event loop over `app` on the local task set, at a frozen `now`, with no feed and no
    /// signals.
    fn spawn_dashboard(
        mut app: App,
        mut screen: impl Screen + 'static,
        mut keys: CrosstermLikeInput,
        now: &str,
    ) -> tokio::task::JoinHandle<Result<(), TuiError>> {
        let clock = Clock::Frozen(crate::testing::at(now));
        tokio::task::spawn_local(async move {
            let (_feed, mut updates) = tokio::sync::mpsc::channel(1);
            let (commands, _polls) = tokio::sync::mpsc::channel(1);
            event_loop(
                &mut app,
                &mut screen,
                clock,
                &mut NoSignals,
                &mut keys,
                &mut updates,
                &commands,
            )
            .await
        })
    }

    /// Time stands still unless every task waits (paused clock): a key drawn at the instant
    /// it was pressed was drawn without waiting for any timer, the heartbeat included.
    #[tokio::test(start_paused = true)]
    async fn every_key_is_drawn_when_pressed_not_on_the_next_heartbeat() {
        let local = tokio::task::LocalSet::new();
        local
            .run_until(async {
                let (app, _) = crate::testing::empty_app(false);
                let input = CrosstermLikeInput::default();
                let frames = Rc::new(RefCell::new(Vec::new()));
                let screen = RecordingScreen(Rc::clone(&frames));
                let dashboard =
                    spawn_dashboard(app, screen, input.clone(), "2026-12-02T10:00:00+08:00");
                tokio::time::sleep(Duration::from_millis(5)).await;
                let mut help_open = false;
                for press in 0..6 {
                    let pressed = tokio::time::Instant::now();
                    input.press('?');
                    help_open = !help_open;
                    tokio::time::sleep(Duration::from_millis(40)).await;
                    let last = frames.borrow().last().copied();
                    assert_eq!(
                        last.map(|(_, help)| help),
                        Some(help_open),
                        "press {press}: not drawn within 40 ms"
                    );
                    let drawn_after = last.map(|(at, _)| at.duration_since(pressed));
                    assert_eq!(drawn_after, Some(Duration::ZERO), "press {press}");
                }
                input.press('q');
                let ended = tokio::time::timeout(Duration::from_millis(40), dashboard).await;
                assert!(matches!(ended, Ok(Ok(Ok(())))), "quit at once");
            })
            .await;
    }

    /// Records whether each frame showed the help and whether a list was still working.
    struct WorkScreen(Rc<RefCell<Vec<(bool, bool)>>>);

    impl Screen for WorkScreen {
        fn draw(&mut self, app: &App) -> Result<(), TuiError> {
            let help = matches!(app.overlay, crate::app::Overlay::Help { .. });
            self.0.borrow_mut().push((help, app.has_work()));
            Ok(())
        }
        fn present(&mut self) -> bool {
            true
        }
        fn hung_up(&mut self) {}
        fn copy(&mut self, _: &str) {}
    }

    /// A sort of 10,000 signings is many slices of work: a key pressed after it began is
    /// drawn while it is still under way, not after it, and then the sort ends on its own.
    #[tokio::test(start_paused = true)]
    async fn a_key_is_drawn_while_a_long_sort_is_still_under_way() {
        let local = tokio::task::LocalSet::new();
        local
            .run_until(async {
                let app = crate::testing::big_app(30_000);
                let input = CrosstermLikeInput::default();
                let frames = Rc::new(RefCell::new(Vec::new()));
                let screen = WorkScreen(Rc::clone(&frames));
                let dashboard = spawn_dashboard(app, screen, input.clone(), crate::testing::NOW);
                tokio::task::yield_now().await;
                input.press('s');
                tokio::task::yield_now().await;
                input.press('?');
                let mut shown = None;
                for _ in 0..8 {
                    tokio::task::yield_now().await;
                    shown = frames.borrow().iter().copied().find(|&(help, _)| help);
                    if shown.is_some() {
                        break;
                    }
                }
                assert_eq!(shown, Some((true, true)), "the help, drawn mid-sort");
                tokio::time::sleep(Duration::from_millis(5)).await;
                assert_eq!(frames.borrow().last().copied(), Some((true, false)));
                input.press('q');
                let ended = tokio::time::timeout(Duration::from_millis(40), dashboard).await;
                assert!(matches!(ended, Ok(Ok(Ok(())))), "quit at once");
            })
            .await;
    }

    #[test]
    fn paste_goes_to_a_filter_being_edited_and_the_mouse_only_when_on() {
        use crossterm::event::{KeyModifiers, MouseEvent};
        let mut app = crate::testing::loaded_app(false);
        let paste = || Event::Paste("岳麓".to_owned());
        assert_eq!(
            action_for(&app, paste()),
            None,
            "no paste outside the filter"
        );
        app.update(Action::StartFilter);
        assert_eq!(
            action_for(&app, paste()),
            Some(Action::FilterPaste("岳麓".to_owned()))
        );
        app.update(Action::ApplyFilter);
        let mouse = |kind, column, row| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert_eq!(
            action_for(&app, mouse(MouseEventKind::ScrollDown, 5, 5)),
            Some(Action::Scroll(WHEEL_ROWS))
        );
        assert_eq!(
            action_for(&app, mouse(MouseEventKind::ScrollUp, 5, 5)),
            Some(Action::Scroll(-WHEEL_ROWS))
        );
        // The tab bar of an 80x24 screen: " [1 Signings]  2 Targets ...".
        app.update(Action::Resize {
            width: 80,
            height: 24,
        });
        let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 80, 24));
        ui::draw(&app, buf.area, &mut buf);
        let text = crate::testing::buffer_text(&buf);
        let tab_row = text.lines().position(|l| l.contains("[1 Signings]"));
        let tab_row = u16::try_from(tab_row.unwrap_or_default()).unwrap_or_default();
        assert_eq!(
            action_for(
                &app,
                mouse(MouseEventKind::Down(MouseButton::Left), 16, tab_row)
            ),
            Some(Action::Pick {
                panel: crate::app::Panel::Targets,
                row: None
            })
        );
        assert_eq!(
            action_for(&app, mouse(MouseEventKind::Moved, 16, tab_row)),
            None
        );
        app.settings.mouse = false;
        assert_eq!(
            action_for(&app, mouse(MouseEventKind::ScrollDown, 5, 5)),
            None
        );
    }

    #[test]
    fn poll_requests_never_block_and_a_closed_input_quits() {
        let (mut app, _) = crate::testing::empty_app(false);
        let (commands, mut sent) = tokio::sync::mpsc::channel(1);
        let (exported, _) = tokio::sync::mpsc::channel(1);
        let mut effects = Effects {
            commands: &commands,
            exported,
            copies: Vec::new(),
        };
        let commands = &mut effects;
        let key = |c| {
            Some(Ok(Event::Key(crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            ))))
        };
        handle_event(&mut app, key('r'), commands).expect("handled");
        assert_eq!(sent.try_recv().ok(), Some(PollCommand::PollNow));
        // A second request while one is queued is dropped, not blocked on.
        handle_event(&mut app, key('r'), commands).expect("handled");
        handle_event(&mut app, key('r'), commands).expect("handled");
        assert_eq!(sent.try_recv().ok(), Some(PollCommand::PollNow));
        assert!(sent.try_recv().is_err());
        // The input stream ending (SSH drop) quits.
        handle_event(&mut app, None, commands).expect("handled");
        assert!(app.should_quit());
        let failed = handle_event(&mut app, Some(Err(io::Error::other("EIO"))), commands);
        assert!(matches!(failed, Err(TuiError::Input(_))));
    }
}
