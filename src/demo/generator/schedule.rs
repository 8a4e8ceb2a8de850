//! When projects enter the pipeline: the signing schedule, day by day, before the epoch (a
//! fixed list) and after it (computed per day from the seed, at the same average rates).
//!
//! A day has single signings spread through office hours and, some days, a signing ceremony:
//! one district signs a whole batch at one moment. Projects are numbered in time order.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::catalog::DISTRICTS;
use super::clock::{BusinessCalendar, WINDOW};
use super::plan::{FIRST_OFFSET, LAST_OFFSET, Slot};
use crate::rng::SplitMix64;

const SCHEDULE_STREAM: u64 = 0x5343_4845; // "SCHE"
const LIVE_STREAM: u64 = 0x4c49_5645; // "LIVE"
const SLOT_STREAM: u64 = 0x534c_4f54; // "SLOT"

/// Ceremonies start at 10:00, 10:30, 14:30 or 15:00 (offsets in the 09:00 window).
const CEREMONY_OFFSETS: [i64; 4] = [3600, 5400, 19_800, 21_600];

#[derive(Debug, Clone)]
pub struct Ceremony {
    pub offset: i64,
    pub district: usize,
    pub size: u64,
}

#[derive(Debug, Clone)]
pub struct DayPlan {
    pub day: i64,
    /// Index of the day's first project.
    pub first: u64,
    /// Offsets (in the day's window) between which single signings fall.
    pub lo: i64,
    pub hi: i64,
    pub singles: u64,
    pub ceremonies: Vec<Ceremony>,
}

impl DayPlan {
    pub fn count(&self) -> u64 {
        self.singles + self.ceremonies.iter().map(|c| c.size).sum::<u64>()
    }

    /// The business second before which none of the day's projects appear.
    pub fn opens_at(&self) -> i64 {
        self.day * WINDOW + self.lo
    }

    /// The day's slots in time order, numbered from `first`.
    pub fn slots(&self, seed: u64) -> Vec<Slot> {
        let mut rng = SplitMix64::stream(seed, SLOT_STREAM, self.day.unsigned_abs());
        let base = self.day * WINDOW;
        let span = i128::from(self.hi - self.lo);
        let n = i128::from(self.singles);
        let jitter = i64::try_from(span / (4 * n).max(1)).unwrap_or(0);
        let mut timed: Vec<(i64, Option<usize>)> = (0..n)
            .map(|k| {
                let even = i64::try_from(span * (2 * k + 1) / (2 * n)).unwrap_or(0);
                let at = (self.lo + even + rng.between(-jitter, jitter)).clamp(self.lo, self.hi);
                (base + at, None)
            })
            .collect();
        for ceremony in &self.ceremonies {
            let size = usize::try_from(ceremony.size).unwrap_or(0);
            timed.extend(std::iter::repeat_n(
                (base + ceremony.offset, Some(ceremony.district)),
                size,
            ));
        }
        timed.sort_by_key(|&(at, _)| at);
        (self.first..)
            .zip(timed)
            .map(|(index, (at, ceremony_district))| Slot {
                index,
                at,
                ceremony_district,
            })
            .collect()
    }
}

/// The whole signing schedule.
#[derive(Debug)]
pub struct Schedule {
    history: Vec<DayPlan>,
    history_projects: u64,
    live_from: i64,
    live_first_lo: i64,
    history_days: u64,
    history_singles: u64,
    history_ceremonies: u64,
    ceremony_size: u64,
}

/// The bounds of the history: its first and last business day, where the last day's signings
/// must end (offset), and where the live schedule begins.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub first_day: i64,
    pub last_day: i64,
    pub last_hi: i64,
    pub live_from: i64,
    pub live_first_lo: i64,
}

impl Schedule {
    pub fn new(seed: u64, calendar: BusinessCalendar, bounds: Bounds, projects: u64) -> Schedule {
        let mut rng = SplitMix64::stream(seed, SCHEDULE_STREAM, 0);
        let days = bounds.last_day - bounds.first_day + 1;
        let day_count = u64::try_from(days).unwrap_or(1).max(1);
        let (ceremony_size, wanted) = if projects >= 20 {
            let size = (projects / 28).clamp(4, (projects / 2000).max(24));
            (size, ((projects * 35 / 100 + size / 2) / size).max(1))
        } else {
            (0, 0)
        };
        let mut by_day: Vec<Vec<Ceremony>> =
            vec![Vec::new(); usize::try_from(day_count).unwrap_or(0)];
        let (mut ceremonies, mut in_ceremonies) = (0, 0);
        for _ in 0..wanted {
            let size = ceremony_draw(&mut rng, ceremony_size);
            if in_ceremonies + size > projects {
                break;
            }
            let mut day = rng.between(bounds.first_day, bounds.last_day);
            for _ in 0..10 {
                if !is_public_holiday(calendar.date(day)) {
                    break;
                }
                day = rng.between(bounds.first_day, bounds.last_day);
            }
            let hi = if day == bounds.last_day {
                bounds.last_hi
            } else {
                LAST_OFFSET
            };
            let offset = ceremony_offset(&mut rng, FIRST_OFFSET, hi);
            let district = rng.weighted(&DISTRICTS.map(|d| d.weight));
            if let Some(list) = usize::try_from(day - bounds.first_day)
                .ok()
                .and_then(|i| by_day.get_mut(i))
            {
                list.push(Ceremony {
                    offset,
                    district,
                    size,
                });
                ceremonies += 1;
                in_ceremonies += size;
            }
        }
        let singles = projects - in_ceremonies;
        let weights: Vec<u64> = (bounds.first_day..=bounds.last_day)
            .map(|day| {
                let share = if day == bounds.last_day {
                    (bounds.last_hi - FIRST_OFFSET).max(1).unsigned_abs()
                } else {
                    (LAST_OFFSET - FIRST_OFFSET).unsigned_abs()
                };
                day_weight(&mut rng, calendar.date(day)) * share
                    / (LAST_OFFSET - FIRST_OFFSET).unsigned_abs()
            })
            .collect();
        // Only holidays in range (never with the minimum history length, but be safe): even out.
        let weights = if weights.iter().all(|&w| w == 0) {
            vec![1; weights.len()]
        } else {
            weights
        };
        let total: u64 = weights.iter().sum::<u64>().max(1);
        let (mut cumulative, mut assigned, mut first) = (0_u64, 0_u64, 0_u64);
        let mut history = Vec::with_capacity(weights.len());
        for ((day, weight), mut day_ceremonies) in (bounds.first_day..).zip(weights).zip(by_day) {
            cumulative += weight;
            let upto =
                u64::try_from(u128::from(singles) * u128::from(cumulative) / u128::from(total))
                    .unwrap_or(singles);
            day_ceremonies.sort_by_key(|c| c.offset);
            let hi = if day == bounds.last_day {
                bounds.last_hi
            } else {
                LAST_OFFSET
            };
            let plan = DayPlan {
                day,
                first,
                lo: FIRST_OFFSET,
                hi,
                singles: upto - assigned,
                ceremonies: day_ceremonies,
            };
            assigned = upto;
            first += plan.count();
            history.push(plan);
        }
        Schedule {
            history,
            history_projects: first,
            live_from: bounds.live_from,
            live_first_lo: bounds.live_first_lo,
            history_days: day_count,
            history_singles: singles,
            history_ceremonies: ceremonies,
            ceremony_size,
        }
    }

    pub fn history_projects(&self) -> u64 {
        self.history_projects
    }

    pub fn history_days(&self) -> u64 {
        self.history_days
    }

    /// The live day `day` (on or after `live_from`), whose first project is `first`: the
    /// history's average rates of single signings and ceremonies, drawn per day.
    fn live_day(&self, seed: u64, day: i64, first: u64) -> DayPlan {
        let mut rng = SplitMix64::stream(seed, LIVE_STREAM, day.unsigned_abs());
        let mut per_day = |total: u64| {
            let extra = rng.below(self.history_days) < total % self.history_days;
            total / self.history_days + u64::from(extra)
        };
        let singles = per_day(self.history_singles);
        let ceremony_count = per_day(self.history_ceremonies);
        let lo = if day == self.live_from {
            self.live_first_lo
        } else {
            FIRST_OFFSET
        };
        let mut ceremonies: Vec<Ceremony> = (0..ceremony_count)
            .map(|_| Ceremony {
                size: ceremony_draw(&mut rng, self.ceremony_size),
                offset: ceremony_offset(&mut rng, lo, LAST_OFFSET),
                district: rng.weighted(&DISTRICTS.map(|d| d.weight)),
            })
            .collect();
        ceremonies.sort_by_key(|c| c.offset);
        DayPlan {
            day,
            first,
            lo,
            hi: LAST_OFFSET,
            singles,
            ceremonies,
        }
    }

    /// Days before the epoch, in order.
    pub fn history_days_iter(&self) -> impl Iterator<Item = Cow<'_, DayPlan>> {
        self.history.iter().map(Cow::Borrowed)
    }

    /// Days after the epoch, in order, up to business day `last` (a horizon).
    pub fn live_days(&self, seed: u64, last: i64) -> impl Iterator<Item = Cow<'_, DayPlan>> {
        (self.live_from..=last).scan(self.history_projects, move |first, day| {
            let plan = self.live_day(seed, day, *first);
            *first += plan.count();
            Some(Cow::Owned(plan))
        })
    }

    /// Every slot that opens at or before business second `until`, in time order.
    pub fn slots_until<'a>(
        days: impl Iterator<Item = Cow<'a, DayPlan>>,
        seed: u64,
        until: i64,
    ) -> impl Iterator<Item = Slot> {
        days.take_while(move |day| day.opens_at() <= until)
            .flat_map(move |day| day.slots(seed))
            .take_while(move |slot| slot.at <= until)
    }
}

fn ceremony_draw(rng: &mut SplitMix64, mean: u64) -> u64 {
    (mean * rng.below(71).saturating_add(70) / 100).max(2)
}

fn ceremony_offset(rng: &mut SplitMix64, lo: i64, hi: i64) -> i64 {
    let fitting: Vec<i64> = CEREMONY_OFFSETS
        .into_iter()
        .filter(|o| (lo..=hi).contains(o))
        .collect();
    if fitting.is_empty() {
        lo + (hi - lo) / 2
    } else {
        fitting[rng.index(fitting.len())]
    }
}

/// The fixed-date public holidays (New Year's Day, Labour Day week, National Day week): no
/// signings are scheduled on them. The moving ones (Spring Festival, Qingming, Dragon Boat,
/// Mid-Autumn) are not modelled beyond a quieter Spring Festival season.
fn is_public_holiday(date: NaiveDate) -> bool {
    matches!(
        (date.month(), date.day()),
        (1, 1) | (5, 1..=5) | (10, 1..=7)
    )
}

/// How busy a day is for single signings: random, none on fixed public holidays, quieter
/// around the Spring Festival, busier at the end of a month.
fn day_weight(rng: &mut SplitMix64, date: NaiveDate) -> u64 {
    let base = 100 + rng.below(60);
    if is_public_holiday(date) {
        return 0;
    }
    let festival = matches!((date.month(), date.day()), (1, 20..) | (2, ..=20));
    let month_end = date.day() >= 25;
    match (festival, month_end) {
        (true, _) => base / 2,
        (false, true) => base * 13 / 10,
        (false, false) => base,
    }
}
