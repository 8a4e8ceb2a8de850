//! Messages between the feed poller task and the dashboard. The poller fetches, parses and
//! validates off the UI path and sends whole results; the app never does IO.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::domain::model::Snapshot;
use crate::feed::parse_as_read::{Job, PARSER_STOPPED, ParseAsRead, run_as_job};
use crate::feed::source::FeedSource;
use crate::prepare::Preparer;
use crate::rng::SplitMix64;

/// What one poll produced.
#[derive(Clone, Debug)]
pub enum FeedUpdate {
    /// A new document was accepted (possibly with some records rejected inside it).
    Loaded {
        snapshot: Arc<Snapshot>,
        received_at: DateTime<FixedOffset>,
    },
    /// A new document, or the same one on a new day, made ready off the UI task
    /// ([`run_preparing_poller`]).
    Prepared(Box<crate::prepare::Prepared>),
    /// The feed answered and nothing changed (HTTP 304, or the same bytes as last time).
    Unchanged { received_at: DateTime<FixedOffset> },
    /// A poll has been in flight for longer than the poll interval (a slow server, a stuck
    /// read); its answer, or its failure at the request deadline, follows.
    Checking { since: DateTime<FixedOffset> },
    /// The fetch failed or the document was unusable. The last good data stays in use.
    Failed {
        /// One line, safe to print: never the token, never the URL's query.
        error: String,
        at: DateTime<FixedOffset>,
        /// When the poller will try again (backoff, or the server's Retry-After).
        retry_in: Duration,
    },
}

/// What the dashboard can ask of the poller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PollCommand {
    /// Poll at once (the `r` key), skipping any backoff wait.
    PollNow,
}

/// Longest wait between polls while an HTTP feed keeps failing (unless Retry-After asks for
/// more): the default of the `max_backoff` setting. A minute, so a wall recovers within about a
/// minute of the feed coming back (it has no `r` key), while a server that is down still sees
/// at most one request a minute from each screen.
pub const MAX_BACKOFF: Duration = Duration::from_secs(60);
pub use crate::feed::source::MAX_RETRY_AFTER;

/// Delay before the next poll after `failures` consecutive failures (0 = the last poll was
/// good), with the production limits [`MAX_BACKOFF`] and [`MAX_RETRY_AFTER`]; see
/// [`PollTiming::delay`].
pub fn next_delay(
    failures: u32,
    interval: Duration,
    retry_after: Option<Duration>,
    jitter: f64,
) -> Duration {
    PollTiming::new(interval).delay(failures, retry_after, jitter)
}

/// How the poll loop paces itself. [`PollTiming::new`] gives the production limits; tests use
/// millisecond values to drive many cycles of backoff quickly through the real loop.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PollTiming {
    /// Wait after a good poll.
    pub interval: Duration,
    /// Longest wait while the feed keeps failing (unless Retry-After asks for more); never
    /// shorter than `interval`.
    pub max_backoff: Duration,
    /// Longest Retry-After honoured.
    pub max_retry_after: Duration,
    /// Seed of the jitter: differs per process so screens spread out.
    pub jitter_seed: u64,
}

impl PollTiming {
    pub fn new(interval: Duration) -> PollTiming {
        PollTiming::with_max_backoff(interval, MAX_BACKOFF)
    }

    /// The production limits with the `max_backoff` setting.
    pub fn with_max_backoff(interval: Duration, max_backoff: Duration) -> PollTiming {
        PollTiming {
            interval,
            max_backoff,
            max_retry_after: MAX_RETRY_AFTER,
            jitter_seed: u64::from(std::process::id()) ^ 0x9E37_79B9_7F4A_7C15,
        }
    }

    /// Delay before the next poll of `source` after `failures` consecutive failures: a file
    /// is checked again every interval, since backoff protects a server and a file has none
    /// (one `stat` tells whether it changed); anything else backs off ([`PollTiming::delay`]).
    pub fn retry_delay(
        &self,
        source: &FeedSource,
        failures: u32,
        retry_after: Option<Duration>,
        jitter: f64,
    ) -> Duration {
        match source {
            FeedSource::File(_) => self.interval,
            FeedSource::Http(_) | FeedSource::Stdin => self.delay(failures, retry_after, jitter),
        }
    }

    /// Delay before the next poll after `failures` consecutive failures (0 = the last poll
    /// was good). Exponential from the interval, capped at `max_backoff` (or the interval if
    /// longer), with "equal jitter": a uniform share in `[half, full]` of the step, where
    /// `jitter` in `[0, 1)` picks the point, so many screens do not retry in lockstep. A
    /// server's Retry-After is honoured as a floor, up to `max_retry_after`.
    pub fn delay(&self, failures: u32, retry_after: Option<Duration>, jitter: f64) -> Duration {
        let interval = self.interval;
        if failures == 0 {
            return interval;
        }
        let cap = self.max_backoff.max(interval);
        let exponent = failures.saturating_sub(1).min(16);
        let step = interval.saturating_mul(1 << exponent).min(cap);
        // At most `step`; `try_` because f64 rounding at the top of the range could overflow.
        let share = 0.5 + 0.5 * jitter.clamp(0.0, 1.0);
        let jittered = Duration::try_from_secs_f64(step.as_secs_f64() * share).unwrap_or(step);
        match retry_after {
            Some(asked) => jittered.max(asked.min(self.max_retry_after)),
            None => jittered,
        }
    }
}

/// The clock the poller stamps updates with (frozen under `--now`).
pub type Clock = Arc<dyn Fn() -> DateTime<FixedOffset> + Send + Sync>;

/// Polls until the app hangs up: fetch, parse and validate off the UI thread, send whole
/// results, back off on failure, poll at once on request. Never gives up. Failures are
/// worded in `lang`, the language of the screen they are shown on.
pub async fn run_poller(
    fetcher: crate::feed::source::Fetcher,
    interval: Duration,
    clock: Clock,
    updates: tokio::sync::mpsc::Sender<FeedUpdate>,
    commands: tokio::sync::mpsc::Receiver<PollCommand>,
    lang: crate::lang::Lang,
) {
    run_poller_with(
        fetcher,
        PollTiming::new(interval),
        clock,
        updates,
        commands,
        lang,
    )
    .await;
}

/// [`run_poller`] with explicit [`PollTiming`].
pub async fn run_poller_with(
    fetcher: crate::feed::source::Fetcher,
    timing: PollTiming,
    clock: Clock,
    updates: tokio::sync::mpsc::Sender<FeedUpdate>,
    commands: tokio::sync::mpsc::Receiver<PollCommand>,
    lang: crate::lang::Lang,
) {
    Poller {
        fetcher,
        timing,
        clock,
        updates,
        commands,
        lang,
        preparer: None,
    }
    .run()
    .await;
}

/// A poller with everything it needs: [`run_poller_with`], and for the live dashboard a
/// [`Preparer`].
pub struct Poller {
    pub fetcher: crate::feed::source::Fetcher,
    pub timing: PollTiming,
    pub clock: Clock,
    pub updates: tokio::sync::mpsc::Sender<FeedUpdate>,
    pub commands: tokio::sync::mpsc::Receiver<PollCommand>,
    pub lang: crate::lang::Lang,
    /// With one, each new document is also aggregated and compared with the one before on the
    /// parser thread, and sent as [`FeedUpdate::Prepared`]; when the day (by `clock`, in the
    /// preparer's zone) has changed since the last one, the last document is aggregated again
    /// and sent the same way at the next poll (within one poll interval of midnight). The app
    /// installs what it gets and aggregates nothing on the input path
    /// ([`App::with_data_prepared_by_the_poller`](crate::app::App::with_data_prepared_by_the_poller)).
    pub preparer: Option<Preparer>,
}

impl Poller {
    /// Polls until the app hangs up (see [`run_poller`]).
    pub async fn run(self) {
        let preparing = self.preparer.map(|preparer| Preparing {
            preparer: Arc::new(preparer),
            last: None,
        });
        poll_loop(
            self.fetcher,
            self.timing,
            self.clock,
            (self.updates, self.commands),
            self.lang,
            preparing,
        )
        .await;
    }
}

/// The preparer and the last data it prepared (the next one is compared with it).
struct Preparing {
    preparer: Arc<Preparer>,
    /// The data last sent, and the day it was aggregated for.
    last: Option<(Arc<crate::prepare::Loaded>, chrono::NaiveDate)>,
}

impl Preparing {
    /// Prepares a new snapshot on the parser thread.
    async fn arrived(
        &mut self,
        parser: &ParserThread,
        snapshot: Snapshot,
        received_at: DateTime<FixedOffset>,
    ) -> Result<FeedUpdate, String> {
        let preparer = Arc::clone(&self.preparer);
        let previous = self.last.as_ref().map(|(loaded, _)| Arc::clone(loaded));
        let today = preparer.today(received_at);
        let ready = parser
            .run(move || {
                preparer.arrived(previous.as_deref(), Arc::new(snapshot), received_at, today)
            })
            .await?;
        Ok(self.sent(ready))
    }

    /// The last snapshot aggregated again when `now` is on another day than it was.
    async fn new_day(
        &mut self,
        parser: &ParserThread,
        now: DateTime<FixedOffset>,
    ) -> Option<FeedUpdate> {
        let (last, day) = self.last.as_ref()?;
        let today = self.preparer.today(now);
        if *day == today {
            return None;
        }
        let preparer = Arc::clone(&self.preparer);
        let loaded = Arc::clone(last);
        let ready = parser.run(move || preparer.new_day(&loaded, today)).await;
        match ready {
            Ok(ready) => Some(self.sent(ready)),
            Err(error) => {
                tracing::error!("cannot aggregate for the new day: {error}");
                None
            }
        }
    }

    fn sent(&mut self, prepared: crate::prepare::Prepared) -> FeedUpdate {
        self.last = Some((Arc::clone(&prepared.loaded), prepared.today));
        FeedUpdate::Prepared(Box::new(prepared))
    }
}

async fn poll_loop(
    mut fetcher: crate::feed::source::Fetcher,
    timing: PollTiming,
    clock: Clock,
    (updates, mut commands): (
        tokio::sync::mpsc::Sender<FeedUpdate>,
        tokio::sync::mpsc::Receiver<PollCommand>,
    ),
    lang: crate::lang::Lang,
    mut preparing: Option<Preparing>,
) {
    use crate::feed::FeedProblem;
    use crate::feed::source::{FetchError, Fetched};

    let interval = timing.interval;
    let mut failures: u32 = 0;
    let mut jitter = SplitMix64::new(timing.jitter_seed);
    let parser = ParserThread::start();
    loop {
        let started = std::time::Instant::now();
        let fetch = fetcher.fetch_with(|| ParseAsRead::start(|job| parser.send(job)));
        let Some(answer) = fetch_telling_when_slow(fetch, interval, clock(), &updates).await else {
            return;
        };
        let (update, retry_after) = match answer {
            Ok(Fetched::Modified {
                body: parsed,
                bytes,
                ..
            }) => {
                tracing::info!(
                    bytes,
                    millis = started.elapsed().as_millis(),
                    "poll: feed fetched and parsed"
                );
                match accept(&parser, preparing.as_mut(), parsed, &clock).await {
                    Ok(update) => (Ok(update), None),
                    Err(error) => {
                        // The same bad bytes must fail again next time, not pass as "unchanged".
                        fetcher.forget_validators();
                        (Err(error), None)
                    }
                }
            }
            Ok(Fetched::NotModified) => (
                Ok(FeedUpdate::Unchanged {
                    received_at: clock(),
                }),
                None,
            ),
            Err(error) => {
                let retry_after = match &error {
                    FetchError::HttpStatus { retry_after, .. } => *retry_after,
                    _ => None,
                };
                (Err(FeedProblem::from(&error)), retry_after)
            }
        };
        let (message, delay) = match update {
            Ok(update) => {
                if matches!(update, FeedUpdate::Unchanged { .. }) {
                    tracing::debug!(millis = started.elapsed().as_millis(), "poll: unchanged");
                }
                failures = 0;
                (update, interval)
            }
            Err(error) => {
                failures = failures.saturating_add(1);
                let delay =
                    timing.retry_delay(fetcher.source(), failures, retry_after, jitter.unit());
                tracing::warn!(
                    error = %crate::sanitize::sanitize(&error.en),
                    failures,
                    millis = started.elapsed().as_millis(),
                    retry_in_ms = delay.as_millis(),
                    "poll: failed"
                );
                let update = FeedUpdate::Failed {
                    error: crate::sanitize::sanitize(error.in_lang(lang)),
                    at: clock(),
                    retry_in: delay,
                };
                (update, delay)
            }
        };
        if updates.send(message).await.is_err() {
            return;
        }
        if let Some(preparing) = preparing.as_mut()
            && let Some(new_day) = preparing.new_day(&parser, clock()).await
            && updates.send(new_day).await.is_err()
        {
            return;
        }
        tokio::select! {
            () = tokio::time::sleep(delay) => {}
            command = commands.recv() => {
                if command.is_none() {
                    return;
                }
            }
            () = updates.closed() => return,
        }
    }
}

/// A fetched document, parsed on the parser thread as it was read, prepared there too for the
/// dashboard.
async fn accept(
    parser: &ParserThread,
    preparing: Option<&mut Preparing>,
    parsed: crate::feed::parse_as_read::Parsed,
    clock: &Clock,
) -> Result<FeedUpdate, crate::feed::FeedProblem> {
    use crate::feed::FeedProblem;

    let snapshot = parsed
        .map_err(|e| FeedProblem::plain(&e))?
        .map_err(|e| FeedProblem::from(&e))?;
    match preparing {
        None => Ok(FeedUpdate::Loaded {
            snapshot: Arc::new(snapshot),
            received_at: clock(),
        }),
        Some(preparing) => preparing
            .arrived(parser, snapshot, clock())
            .await
            .map_err(|e| FeedProblem::plain(&e)),
    }
}

/// One fetch; if it is still in flight after `interval`, the app is told (a slow server, a
/// stuck read), rather than let the screen go on saying FRESH while nothing is known; the
/// request deadline ends it. `None` when the app has gone.
async fn fetch_telling_when_slow<T>(
    fetch: impl Future<Output = T>,
    interval: Duration,
    began: DateTime<FixedOffset>,
    updates: &tokio::sync::mpsc::Sender<FeedUpdate>,
) -> Option<T> {
    tokio::pin!(fetch);
    tokio::select! {
        answer = &mut fetch => Some(answer),
        () = tokio::time::sleep(interval) => {
            updates.send(FeedUpdate::Checking { since: began }).await.ok()?;
            Some(fetch.await)
        }
    }
}

/// Parses feeds (and prepares them, for the dashboard) on one long-lived thread, off the UI
/// thread: the runtime has one thread, which the poller shares with the UI. One thread also
/// means one allocator arena: the memory a replaced snapshot frees is reused by the next
/// parse, where tokio's pooled blocking threads each grew an arena of their own and resident
/// memory crept up with every reload of a large feed.
struct ParserThread {
    jobs: Option<std::sync::mpsc::Sender<Job>>,
}

impl ParserThread {
    fn start() -> ParserThread {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let started = std::thread::Builder::new()
            .name("feed-parser".to_owned())
            .spawn(move || {
                for job in queue {
                    job();
                }
            });
        match started {
            Ok(_) => ParserThread { jobs: Some(jobs) },
            Err(e) => {
                tracing::error!("cannot start the feed parser thread: {e}");
                ParserThread { jobs: None }
            }
        }
    }

    /// Runs `work` on the thread and waits for its answer without blocking the runtime.
    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, String> {
        self.queue(work)?
            .await
            .map_err(|_| PARSER_STOPPED.to_owned())
    }

    /// Queues `work` on the thread at once; its answer comes on the receiver.
    fn queue<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<tokio::sync::oneshot::Receiver<T>, String> {
        run_as_job(|job| self.send(job), work)
    }

    /// Queues a job on the thread.
    fn send(&self, job: Job) -> Result<(), String> {
        self.jobs
            .as_ref()
            .ok_or("the feed parser thread could not be started")?
            .send(job)
            .map_err(|_| PARSER_STOPPED.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delay_grows_exponentially_with_jitter_and_a_cap() {
        let interval = Duration::from_secs(10);
        assert_eq!(next_delay(0, interval, None, 0.7), interval);
        assert_eq!(next_delay(1, interval, None, 0.0), Duration::from_secs(5));
        assert_eq!(next_delay(1, interval, None, 1.0), Duration::from_secs(10));
        assert_eq!(next_delay(3, interval, None, 1.0), Duration::from_secs(40));
        assert_eq!(next_delay(3, interval, None, 0.0), Duration::from_secs(20));
        assert_eq!(next_delay(30, interval, None, 1.0), MAX_BACKOFF);
        assert_eq!(next_delay(u32::MAX, interval, None, 0.0), MAX_BACKOFF / 2);
    }

    #[test]
    fn retry_after_is_a_floor_but_capped() {
        let interval = Duration::from_secs(10);
        let asked = Some(Duration::from_secs(120));
        assert_eq!(
            next_delay(1, interval, asked, 0.0),
            Duration::from_secs(120)
        );
        let greedy = Some(Duration::from_secs(86_400));
        assert_eq!(next_delay(1, interval, greedy, 0.0), MAX_RETRY_AFTER);
    }

    #[test]
    fn an_http_feed_waits_at_most_a_minute_and_a_file_one_interval() {
        let timing = PollTiming::new(Duration::from_secs(10));
        let http = FeedSource::parse("https://feeds.example.org/f.json").expect("a url");
        let file = FeedSource::parse("feed.json").expect("a path");
        for failures in [1, 3, 6, 30, u32::MAX] {
            let waited = timing.retry_delay(&http, failures, None, 1.0);
            assert!(waited <= Duration::from_secs(60), "{failures}: {waited:?}");
            assert_eq!(
                timing.retry_delay(&file, failures, None, 1.0),
                Duration::from_secs(10)
            );
        }
        assert_eq!(
            timing.retry_delay(&http, 30, None, 1.0),
            Duration::from_secs(60)
        );
        let wider = PollTiming::with_max_backoff(Duration::from_secs(10), Duration::from_secs(300));
        assert_eq!(
            wider.retry_delay(&http, 30, None, 1.0),
            Duration::from_secs(300)
        );
    }

    #[test]
    fn a_long_interval_is_never_shortened_by_the_cap() {
        let interval = Duration::from_secs(600);
        assert_eq!(next_delay(5, interval, None, 1.0), interval);
    }

    #[test]
    fn an_interval_at_the_top_of_the_range_never_overflows() {
        for failures in [0, 1, 2, 17, u32::MAX] {
            for jitter in [0.0, 0.5, 1.0] {
                let delay = next_delay(failures, Duration::MAX, None, jitter);
                assert!(delay >= Duration::MAX / 4, "{delay:?}");
            }
        }
    }
}
