//! The demo feed generator: a deterministic, Changsha-like investment pipeline that keeps
//! moving after its epoch, written out in feed format v1.
//!
//! Owns the schedule, the per-project plans and the feed writer. Pure computation: no IO beyond
//! the `Write` it is handed, no clock of its own (every call takes `now`), no tokio.
//!
//! How time works: the history (the epoch's year up to the epoch) happens on office hours of
//! weekdays. After the epoch the pipeline fast-forwards at a fixed rate chosen so an event
//! (a signing, a landing, a start, an approval submitted or decided, ...) arrives about every
//! [`MEAN_EVENT_INTERVAL`]; those events carry the date on which they happen on the wall clock.
//! The feed at `now` is every project plan cut at `now`, so any moment can be computed directly.

mod catalog;
mod clock;
mod plan;
mod record;
mod schedule;

use std::borrow::Cow;
use std::io::{self, Write};
use std::time::Duration;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, SecondsFormat};
use serde::Serialize;

use crate::domain::model::Stage;
use crate::lang::Lang;
use crate::rng::SplitMix64;
use clock::{BusinessCalendar, CST, WINDOW, Warp};
use plan::{FIRST_OFFSET, LAST_OFFSET, Plan};
use record::ProjectRecord;
use schedule::{Bounds, DayPlan, Schedule};

/// The seed the product's demo mode uses.
pub const DEFAULT_SEED: u64 = 2026;
/// The number of projects (at the epoch) of the product's demo mode.
pub const DEFAULT_PROJECTS: usize = 420;
/// After the epoch, the average time between two changes of the feed.
pub const MEAN_EVENT_INTERVAL: Duration = Duration::from_secs(4);

/// The history must hold at least this many business days; an epoch earlier in its year takes
/// its history from the previous year too.
const MIN_HISTORY_DAYS: i64 = 10;
/// The live pipeline stops moving this long after the epoch: the feed only grows (about 2,000
/// new projects a day at the default size), so a demo meant to run longer is restarted, which
/// also brings the epoch to the present. Also bounds the work a clock set far ahead can cause.
pub const LIVE_HORIZON: Duration = Duration::from_secs(7 * 24 * 3600);
const TARGET_STREAM: u64 = 0x5441_5247; // "TARG"

/// A quarterly target of feed format v1.
#[derive(Debug, Clone, Serialize)]
struct Target {
    year: i32,
    quarter: u32,
    signed_projects: u64,
    signed_amount_cny: u64,
    started_projects: u64,
}

/// A deterministic demo feed: same seed, epoch, size and `now` give the same bytes.
#[derive(Debug)]
pub struct DemoFeed {
    seed: u64,
    warp: Warp,
    schedule: Schedule,
    targets: Vec<Target>,
    /// Events of history projects at or before the epoch.
    events_at_epoch: u64,
    /// Business seconds of the history projects' events after the epoch, sorted.
    later_history_events: Vec<i64>,
    /// The language of the document's text (names, places, items); English unless asked.
    lang: Lang,
}

impl DemoFeed {
    /// `epoch` anchors the pipeline: history is generated for the year of `epoch` (in UTC+8)
    /// up to `epoch`, with `projects` projects in it; events continue after it.
    ///
    /// Cost: one pass over the history's projects (about a second for a million).
    pub fn new(seed: u64, epoch: DateTime<FixedOffset>, projects: usize) -> DemoFeed {
        let local = epoch.with_timezone(&CST).naive_local();
        let year = local.year();
        let origin = |year: i32| {
            let jan1 = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or(local.date());
            let calendar = BusinessCalendar::starting_week_of(jan1);
            (calendar, calendar.first_day_from(jan1))
        };
        let (mut calendar, mut first_day) = origin(year);
        if calendar.business_at(local) < (first_day + MIN_HISTORY_DAYS) * WINDOW {
            (calendar, first_day) = origin(year - 1);
        }
        let epoch_business = calendar.business_at(local);
        let bounds = history_bounds(first_day, epoch_business);
        let projects = u64::try_from(projects).unwrap_or(u64::MAX);
        let schedule = Schedule::new(seed, calendar, bounds, projects);

        let mut tally = Tally::new(year);
        let (mut events_at_epoch, mut total_events) = (0_u64, 0_u64);
        let mut later_history_events = Vec::new();
        for slot in Schedule::slots_until(schedule.history_days_iter(), seed, i64::MAX) {
            let plan = Plan::new(seed, slot);
            for event in plan.events() {
                total_events += 1;
                if event <= epoch_business {
                    events_at_epoch += 1;
                } else {
                    later_history_events.push(event);
                }
            }
            tally.add(&plan, epoch_business, calendar);
        }
        later_history_events.sort_unstable();

        // Business seconds per event ~ history span / events; stretch that to the interval.
        let span = u128::from(schedule.history_days()) * u128::from(WINDOW.unsigned_abs());
        let micros = u128::from(total_events) * MEAN_EVENT_INTERVAL.as_micros() / span.max(1);
        let warp = Warp::new(calendar, epoch, i64::try_from(micros).unwrap_or(i64::MAX));
        let span_days = local
            .date()
            .signed_duration_since(calendar.date(first_day))
            .num_days()
            + 1;
        let targets = tally.targets(seed, local.date(), span_days);
        DemoFeed {
            seed,
            warp,
            schedule,
            targets,
            events_at_epoch,
            later_history_events,
            lang: Lang::En,
        }
    }

    /// The same feed with its text in `lang`: Chinese names, investors, districts, chains,
    /// items and departments, or English ones. Only the words differ; ids, amounts, dates and
    /// every event are the same in both.
    #[must_use]
    pub fn in_lang(mut self, lang: Lang) -> DemoFeed {
        self.lang = lang;
        self
    }

    /// The feed document (JSON, schema version 1) as it stands at `now`.
    pub fn document_at(&self, now: DateTime<FixedOffset>) -> Vec<u8> {
        let projects = usize::try_from(self.schedule.history_projects()).unwrap_or(0);
        let mut out = Vec::with_capacity(1024 + projects.saturating_mul(900));
        // Writing into a Vec cannot fail, and every record serialises (strings, integers and
        // sequences only), so there is no error to hand on.
        if let Err(error) = self.write_document_at(now, &mut out) {
            tracing::error!(%error, "demo feed: writing into memory failed");
        }
        out
    }

    /// Writes the feed document at `now` record by record (a million projects never sit in
    /// memory at once). Wrap a file or socket in a `BufWriter`.
    pub fn write_document_at(
        &self,
        now: DateTime<FixedOffset>,
        w: &mut impl Write,
    ) -> io::Result<()> {
        let b = self.business_now(now);
        let generated_at = now
            .with_timezone(&CST)
            .to_rfc3339_opts(SecondsFormat::Secs, false);
        w.write_all(b"{\"schema_version\":1,\"generated_at\":")?;
        serde_json::to_writer(&mut *w, &generated_at)?;
        w.write_all(b",\"targets\":")?;
        serde_json::to_writer(&mut *w, &self.targets)?;
        w.write_all(b",\"projects\":[")?;
        let mut separator: &[u8] = b"\n";
        for slot in self.slots_until(b) {
            let plan = Plan::new(self.seed, slot);
            w.write_all(separator)?;
            serde_json::to_writer(
                &mut *w,
                &ProjectRecord::new(&plan, b, &self.warp, self.lang),
            )?;
            separator = b",\n";
        }
        w.write_all(b"\n]}\n")
    }

    /// A version that changes exactly when the document's data changes (everything except
    /// `generated_at`): the number of events that have happened by `now`. Never decreases as
    /// `now` advances.
    pub fn revision_at(&self, now: DateTime<FixedOffset>) -> u64 {
        let b = self.business_now(now);
        let count_in = |slots: &mut dyn Iterator<Item = plan::Slot>| -> u64 {
            slots
                .map(|slot| {
                    Plan::new(self.seed, slot)
                        .events()
                        .filter(|&e| e <= b)
                        .count() as u64
                })
                .sum()
        };
        if b < self.warp.epoch_business {
            return count_in(&mut Schedule::slots_until(
                self.schedule.history_days_iter(),
                self.seed,
                b,
            ));
        }
        let later = self.later_history_events.partition_point(|&e| e <= b) as u64;
        let live = count_in(&mut Schedule::slots_until(self.live_days(), self.seed, b));
        self.events_at_epoch + later + live
    }

    /// When the document next changes after `now` (`None` if it never does).
    pub fn next_event_after(&self, now: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        let b = self.business_now(now);
        let mut next: Option<i64> = None;
        let mut consider = |e: i64| {
            if e > b && next.is_none_or(|n| e < n) {
                next = Some(e);
            }
        };
        let days: Box<dyn Iterator<Item = Cow<'_, DayPlan>>> = if b >= self.warp.epoch_business {
            if let Some(&e) = self
                .later_history_events
                .get(self.later_history_events.partition_point(|&e| e <= b))
            {
                consider(e);
            }
            Box::new(self.live_days())
        } else {
            Box::new(self.schedule.history_days_iter().chain(self.live_days()))
        };
        'days: for day in days {
            for slot in day.slots(self.seed) {
                if slot.at > b {
                    consider(slot.at);
                    break 'days;
                }
                Plan::new(self.seed, slot).events().for_each(&mut consider);
            }
        }
        next.filter(|&n| n <= self.horizon())
            .map(|n| self.warp.instant(n))
    }

    /// The moment the history ends and the live pipeline starts.
    pub fn epoch(&self) -> DateTime<FixedOffset> {
        self.warp.epoch
    }

    /// The days after the epoch, up to the horizon.
    fn live_days(&self) -> impl Iterator<Item = Cow<'_, DayPlan>> {
        self.schedule
            .live_days(self.seed, self.horizon().div_euclid(WINDOW))
    }

    /// The business second at which the live pipeline stops ([`LIVE_HORIZON`]).
    fn horizon(&self) -> i64 {
        let micros = i64::try_from(LIVE_HORIZON.as_micros()).unwrap_or(i64::MAX);
        self.warp.epoch_business + micros / self.warp.micros_per_business_second
    }

    fn business_now(&self, now: DateTime<FixedOffset>) -> i64 {
        self.warp.business_now(now).min(self.horizon())
    }

    /// Every project slot open by business second `b`: history, then live.
    fn slots_until(&self, b: i64) -> impl Iterator<Item = plan::Slot> + '_ {
        let days = self.schedule.history_days_iter().chain(self.live_days());
        Schedule::slots_until(days, self.seed, b)
    }
}

/// Where the history's signings end and the live ones begin, around the epoch's business
/// second: the epoch's own day belongs to the history only if office hours have run an hour.
fn history_bounds(first_day: i64, epoch_business: i64) -> Bounds {
    let (day, offset) = (
        epoch_business.div_euclid(WINDOW),
        epoch_business.rem_euclid(WINDOW),
    );
    let (last_day, last_hi, live_from, live_first_lo) = if offset >= FIRST_OFFSET + 1800 {
        (day, (offset - 60).min(LAST_OFFSET), day + 1, FIRST_OFFSET)
    } else {
        (day - 1, LAST_OFFSET, day, (offset + 60).max(FIRST_OFFSET))
    };
    Bounds {
        first_day,
        last_day: last_day.max(first_day),
        last_hi,
        live_from,
        live_first_lo,
    }
}

/// Quarter figures of the epoch's year at the epoch, as FEED.md counts them (cancelled projects
/// left out), plus totals over the whole history for rates.
struct Tally {
    year: i32,
    quarters: [[u64; 3]; 4],
    totals: [u64; 3],
}

impl Tally {
    fn new(year: i32) -> Self {
        Tally {
            year,
            quarters: [[0; 3]; 4],
            totals: [0; 3],
        }
    }

    fn add(&mut self, plan: &Plan, epoch: i64, calendar: BusinessCalendar) {
        if plan.stage_at(epoch) == Stage::Cancelled {
            return;
        }
        let mut count = |at: Option<i64>, figures: &[(usize, u64)]| {
            let Some(at) = at.filter(|&at| at <= epoch) else {
                return;
            };
            let date = calendar.local_at(at).date();
            for &(k, value) in figures {
                self.totals[k] += value;
                if date.year() == self.year {
                    self.quarters[date.month0() as usize / 3][k] += value;
                }
            }
        };
        count(plan.signed, &[(0, 1), (1, plan.amount)]);
        count(plan.started, &[(2, 1)]);
    }

    /// Targets for the four quarters: past quarters mostly met, some missed; the current one a
    /// little behind pace on projects and starts, a little ahead on amount, never exactly on
    /// target; later ones at the history's rate plus a little ambition.
    fn targets(&self, seed: u64, today: NaiveDate, span_days: i64) -> Vec<Target> {
        let mut rng = SplitMix64::stream(seed, TARGET_STREAM, 0);
        let current = today.month0() / 3;
        (0..4_u32)
            .map(|q| {
                let start = quarter_start(self.year, q);
                let days = quarter_start(self.year, q + 1)
                    .signed_duration_since(start)
                    .num_days();
                let expected = |k: usize| {
                    let v = i128::from(self.totals[k]) * i128::from(days) * 105
                        / (100 * i128::from(span_days.max(1)));
                    u64::try_from(v).unwrap_or(0)
                };
                let elapsed = today.signed_duration_since(start).num_days() + 1;
                let actual = self.quarters[q as usize];
                let figure = |k: usize, rng: &mut SplitMix64| -> u64 {
                    if q < current && actual[k] > 0 {
                        let achieved = [930, 1_060, 1_120, 980, 1_010][rng.index(5)];
                        actual[k] * 1000 / achieved
                    } else if q == current && actual[k] > 0 && elapsed * 5 >= days {
                        let pace = [940, 1_050, 900][k];
                        let projected =
                            i128::from(actual[k]) * i128::from(days) / i128::from(elapsed);
                        u64::try_from(projected * 1000 / pace).unwrap_or(0)
                    } else {
                        expected(k)
                    }
                };
                let mut target = Target {
                    year: self.year,
                    quarter: q + 1,
                    signed_projects: round_count(figure(0, &mut rng)),
                    signed_amount_cny: round_amount(figure(1, &mut rng)),
                    started_projects: round_count(figure(2, &mut rng)),
                };
                if q == current {
                    // "Near but not exactly on target": never let a figure equal its target.
                    if target.signed_projects == actual[0] {
                        target.signed_projects += 1;
                    }
                    if target.signed_amount_cny == actual[1] {
                        target.signed_amount_cny += 100_000_000;
                    }
                    if target.started_projects == actual[2] {
                        target.started_projects += 1;
                    }
                }
                target
            })
            .collect()
    }
}

fn quarter_start(year: i32, quarter: u32) -> NaiveDate {
    let (year, quarter) = if quarter >= 4 {
        (year + 1, 0)
    } else {
        (year, quarter)
    };
    NaiveDate::from_ymd_opt(year, quarter * 3 + 1, 1).unwrap_or(NaiveDate::MIN)
}

fn round_count(v: u64) -> u64 {
    if v >= 100 { (v + 2) / 5 * 5 } else { v.max(1) }
}

fn round_amount(v: u64) -> u64 {
    let unit = if v >= 20_000_000_000 {
        1_000_000_000
    } else {
        100_000_000
    };
    ((v + unit / 2) / unit * unit).max(unit)
}

#[cfg(test)]
mod tests;
