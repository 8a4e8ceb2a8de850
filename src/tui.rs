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
use std::time::{Duration, Instant};

use crossterm::event::{Event, EventStream};
use crossterm::{cursor, execute, terminal};
use futures_util::{FutureExt, StreamExt};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
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
    let mut guard = TerminalGuard::enter()?;
    let result = event_loop(
        &mut app,
        &mut guard,
        clock,
        &mut signals,
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

/// Whether the terminal the dashboard draws on is still there. A hung-up TTY (the SSH
/// connection or the terminal window is gone) fails `isatty` with EIO, even while crossterm's
/// reader is stuck re-reading it and no SIGHUP arrived (a parent that ignores it, `nohup`).
fn terminal_present() -> bool {
    io::stdout().is_terminal()
}

async fn event_loop(
    app: &mut App,
    guard: &mut TerminalGuard,
    clock: Clock,
    signals: &mut Signals,
    updates: &mut Receiver<FeedUpdate>,
    commands: &Sender<PollCommand>,
) -> Result<(), TuiError> {
    let mut events = EventStream::new();
    let mut heartbeat = tokio::time::interval_at(first_beat(clock), HEARTBEAT);
    heartbeat.set_missed_tick_behavior(MissedTickBehavior::Skip);
    let mut poller_alive = true;
    loop {
        if app.take_dirty() {
            guard.draw(app)?;
        }
        if app.should_quit() {
            return Ok(());
        }
        tokio::select! {
            kind = signals.recv() => {
                if kind == SignalKind::hangup() {
                    guard.tty_gone = true;
                }
                app.update(Action::Quit);
            }
            event = events.next() => {
                tick(app, clock);
                handle_event(app, event, commands)?;
                // Coalesce whatever else is already queued (resize storms, key repeat).
                for _ in 0..MAX_EVENT_BURST {
                    match events.next().now_or_never() {
                        Some(event) => handle_event(app, event, commands)?,
                        None => break,
                    }
                }
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
            }
            _ = heartbeat.tick() => {
                if !terminal_present() {
                    // Leave as on SIGHUP: write nothing more to the dead terminal.
                    guard.tty_gone = true;
                    return Ok(());
                }
                tick(app, clock);
            }
        }
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

fn handle_event(
    app: &mut App,
    event: Option<io::Result<Event>>,
    commands: &Sender<PollCommand>,
) -> Result<(), TuiError> {
    let action = match event {
        // The terminal is gone (EOF on an SSH drop) or broken: leave rather than spin.
        None => Action::Quit,
        Some(Err(error)) => return Err(TuiError::Input(error)),
        Some(Ok(Event::Key(key))) => match app.keys.action_for(app.input, &key) {
            Some(action) => action,
            None => return Ok(()),
        },
        Some(Ok(Event::Resize(width, height))) => Action::Resize { width, height },
        Some(Ok(_)) => return Ok(()),
    };
    if let Some(Action::PollNow) = app.update(action) {
        // A full queue already holds a poll request; a closed one shows up as feed errors.
        let _ = commands.try_send(PollCommand::PollNow);
    }
    Ok(())
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

/// Leaves raw mode and the alternate screen and shows the cursor, best effort.
fn restore_terminal() {
    if TERMINAL_ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = terminal::disable_raw_mode();
        let _ = execute!(io::stdout(), terminal::LeaveAlternateScreen, cursor::Show);
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
    fn enter() -> Result<TerminalGuard, TuiError> {
        install_panic_hook();
        terminal::enable_raw_mode().map_err(TuiError::Setup)?;
        TERMINAL_ACTIVE.store(true, Ordering::SeqCst);
        let mut guard = TerminalGuard {
            terminal: None,
            tty_gone: false,
        };
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)
            .map_err(TuiError::Setup)?;
        guard.terminal = Some(
            Terminal::new(QuietBackend::new(CrosstermBackend::new(io::stdout())))
                .map_err(TuiError::Setup)?,
        );
        Ok(guard)
    }

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

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        self.restore();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn poll_requests_never_block_and_a_closed_input_quits() {
        let (mut app, _) = crate::testing::empty_app(false);
        let (commands, mut sent) = tokio::sync::mpsc::channel(1);
        let key = |c| {
            Some(Ok(Event::Key(crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Char(c),
                crossterm::event::KeyModifiers::NONE,
            ))))
        };
        handle_event(&mut app, key('r'), &commands).expect("handled");
        assert_eq!(sent.try_recv().ok(), Some(PollCommand::PollNow));
        // A second request while one is queued is dropped, not blocked on.
        handle_event(&mut app, key('r'), &commands).expect("handled");
        handle_event(&mut app, key('r'), &commands).expect("handled");
        assert_eq!(sent.try_recv().ok(), Some(PollCommand::PollNow));
        assert!(sent.try_recv().is_err());
        // The input stream ending (SSH drop) quits.
        handle_event(&mut app, None, &commands).expect("handled");
        assert!(app.should_quit());
        let failed = handle_event(&mut app, Some(Err(io::Error::other("EIO"))), &commands);
        assert!(matches!(failed, Err(TuiError::Input(_))));
    }
}
