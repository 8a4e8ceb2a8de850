//! One project's whole life, planned in business time from its own random stream.
//!
//! A plan is a pure function of (seed, slot): the generator can rebuild any project at any time
//! without replaying the others, and the feed at a given moment is just every plan cut at that
//! moment. Knows nothing of JSON or wall-clock time.

use super::catalog::{
    self, AMOUNT_QUANTILES, CHAINS, CONSTRUCTION_PERMIT, DISTRICTS, EN_FORMS, EN_STEMS, ITEMS,
    LIMITS, REAL_INVESTORS, REGIONS, ZH_FIRST, ZH_SECOND, ZH_SUFFIX,
};
use super::clock::WINDOW;
use crate::domain::model::Stage;
use crate::rng::SplitMix64;

const PROJECT_STREAM: u64 = 0x5052_4f4a; // "PROJ"

/// Earliest and latest offset in a business day (09:30 and 17:30) at which events are placed:
/// never on a window boundary, so business time and wall-clock time order events alike.
pub const FIRST_OFFSET: i64 = 1800;
pub const LAST_OFFSET: i64 = WINDOW - 1800;

/// Where and when a project enters the pipeline.
#[derive(Debug, Clone, Copy)]
pub struct Slot {
    /// Position in the feed, 0-based; also the sequence number in the id.
    pub index: u64,
    /// Business second at which the project appears (signs, unless it is negotiating).
    pub at: i64,
    /// Set for a signing ceremony: every project of the batch signs in this district.
    pub ceremony_district: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Approved,
    Rejected,
    Withdrawn,
}

#[derive(Debug, Clone)]
pub struct ApprovalPlan {
    pub item: usize,
    /// Handled by the Administrative Approval Service Bureau instead of the item's department.
    pub one_stop: bool,
    pub limit: Option<u32>,
    pub submitted: i64,
    /// `None`: never decided (stuck), so it ends up stalled whenever the feed is read.
    pub decided: Option<(i64, Outcome)>,
}

#[derive(Debug, Clone, Copy)]
pub enum Firm {
    /// Index into `REAL_INVESTORS`.
    Real(usize),
    /// An invented name: syllable/stem indices and legal form.
    Invented {
        english: bool,
        first: usize,
        second: usize,
        form: usize,
        region: usize,
    },
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub index: u64,
    pub appeared: i64,
    pub district: usize,
    pub zone: Option<&'static str>,
    pub chain: usize,
    pub firm: Firm,
    pub product: usize,
    /// Picks among name patterns; see `record.rs`.
    pub style: u64,
    pub top500: u8,
    pub headquarters: Option<usize>,
    pub amount: u64,
    pub signed: Option<i64>,
    pub landed: Option<i64>,
    pub started: Option<i64>,
    pub operating: Option<i64>,
    pub cancelled: Option<i64>,
    pub approvals: Vec<ApprovalPlan>,
}

fn day_of(b: i64) -> i64 {
    b.div_euclid(WINDOW)
}

/// A random moment of business day `day`.
fn during(rng: &mut SplitMix64, day: i64) -> i64 {
    day * WINDOW + rng.between(FIRST_OFFSET, LAST_OFFSET)
}

/// A random moment `lo..=hi` business days after business day `day`.
fn days_after(rng: &mut SplitMix64, day: i64, lo: i64, hi: i64) -> i64 {
    let later = day + rng.between(lo, hi);
    during(rng, later)
}

impl Plan {
    pub fn new(seed: u64, slot: Slot) -> Plan {
        let mut rng = SplitMix64::stream(seed, PROJECT_STREAM, slot.index);
        let ceremony = slot.ceremony_district.is_some();
        let district = slot
            .ceremony_district
            .unwrap_or_else(|| rng.weighted(&DISTRICTS.map(|d| d.weight)));
        let chain = pick_chain(&mut rng, district);
        let firm = pick_firm(&mut rng, chain, ceremony);
        let invented = matches!(firm, Firm::Invented { .. });
        let zones = DISTRICTS[district].zones;
        let zone = (!zones.is_empty() && rng.chance(850)).then(|| zones[rng.index(zones.len())]);
        let amount = amount(&mut rng, ceremony);
        let top500 = match firm {
            Firm::Real(i) => REAL_INVESTORS[i].top500,
            Firm::Invented { .. } if rng.chance(60) => {
                use catalog::{CHINA, FORTUNE, PRIVATE};
                [PRIVATE, CHINA, CHINA | PRIVATE, FORTUNE][rng.weighted(&[5, 3, 2, 1])]
            }
            Firm::Invented { .. } => 0,
        };
        // A real firm's corporate headquarters would be a claim about that firm: invented only.
        let headquarters = rng
            .chance(70)
            .then(|| rng.weighted(&[if invented { 2 } else { 0 }, 5, 3]));
        let product = rng.index(CHAINS[chain].products.len());
        let style = rng.below(100);
        let negotiating = !ceremony && rng.chance(30);
        let mut plan = Plan {
            index: slot.index,
            appeared: slot.at,
            district,
            zone,
            chain,
            firm,
            product,
            style,
            top500,
            headquarters,
            amount,
            signed: None,
            landed: None,
            started: None,
            operating: None,
            cancelled: None,
            approvals: Vec::new(),
        };
        let signed = if !negotiating {
            Some(slot.at)
        } else if rng.chance(650) {
            Some(days_after(&mut rng, day_of(slot.at), 10, 80))
        } else {
            None
        };
        if let Some(signed) = signed {
            plan.follow_signing(&mut rng, signed, invented);
        }
        // Only invented firms ever walk away: no real company gets a failure story.
        if invented && rng.chance(if negotiating { 100 } else { 45 }) {
            let from = day_of(signed.unwrap_or(slot.at));
            let at = days_after(&mut rng, from, 5, 150);
            plan.cancel(at);
        }
        plan
    }

    /// Landing, approvals, start and operation after a signing at `signed`.
    fn follow_signing(&mut self, rng: &mut SplitMix64, signed: i64, invented: bool) {
        self.signed = Some(signed);
        let signed_day = day_of(signed);
        self.landed = rng.chance(970).then(|| days_after(rng, signed_day, 8, 30));
        let planned_start = self.landed.map(|at| day_of(at) + rng.between(12, 110));
        let items = pick_items(rng);
        let span = planned_start.map_or(30, |day| (day - signed_day - 12).clamp(5, 45));
        let count = i64::try_from(items.len()).unwrap_or(1);
        for (k, &item) in (0_i64..).zip(&items) {
            let day = signed_day + 1 + span * k / count + rng.between(0, 2);
            self.submit(rng, item, day, invented);
        }
        let permit = self
            .approvals
            .iter()
            .rev()
            .find(|a| a.item == CONSTRUCTION_PERMIT);
        let start_day = match (planned_start, permit) {
            (None, _) => None,
            (Some(day), None) => Some(day),
            // Construction waits for the permit; a stuck permit keeps the project from starting.
            (Some(day), Some(permit)) => match permit.decided {
                Some((at, Outcome::Approved)) => Some(day.max(day_of(at) + 1 + rng.between(0, 5))),
                _ => None,
            },
        };
        let start_day = start_day.map(|day| self.decide_before_start(day));
        self.started = start_day.map(|day| during(rng, day));
        self.operating = match self.started {
            Some(at) if rng.chance(800) => Some(days_after(rng, day_of(at), 90, 330)),
            _ => None,
        };
    }

    /// A project that starts on `day` has every approval it applied for decided first: one
    /// left pending for good (the stalled ones) is approved a few days before the start, and
    /// the start waits for the last decision. So no started or operating project shows, say,
    /// its filing still pending (LY-2026-0020 did). Returns the start day. Draws nothing from
    /// the generator, so every other plan stays as it was.
    fn decide_before_start(&mut self, day: i64) -> i64 {
        let mut start = day;
        for approval in &mut self.approvals {
            let decided = *approval.decided.get_or_insert_with(|| {
                let decided_day = (day_of(approval.submitted) + 1).max(day - 3);
                let offset = approval.submitted.rem_euclid(WINDOW);
                (decided_day * WINDOW + offset, Outcome::Approved)
            });
            start = start.max(day_of(decided.0) + 1);
        }
        start
    }

    /// Submits `item` on `day`, decides it, and resubmits once after a rejection or withdrawal.
    fn submit(&mut self, rng: &mut SplitMix64, item: usize, day: i64, invented: bool) {
        let spec = &ITEMS[item];
        let limit = LIMITS[rng.weighted(&spec.limits)];
        let working_days = i64::from(limit.unwrap_or(9));
        let one_stop = rng.chance(spec.one_stop);
        let submitted = during(rng, day);
        let decided = if rng.chance(15) {
            None
        } else {
            let took = if rng.chance(100) {
                working_days + rng.between(1, 15)
            } else {
                rng.between(1, working_days.max(1))
            };
            // Only invented firms are turned down or pull an application back.
            let outcome = if invented && rng.chance(40) {
                Outcome::Rejected
            } else if invented && rng.chance(25) {
                Outcome::Withdrawn
            } else {
                Outcome::Approved
            };
            Some((during(rng, day + took), outcome))
        };
        self.approvals.push(ApprovalPlan {
            item,
            one_stop,
            limit,
            submitted,
            decided,
        });
        if let Some((at, Outcome::Rejected | Outcome::Withdrawn)) = decided {
            let again = day_of(at) + rng.between(3, 10);
            let submitted = during(rng, again);
            let decided = days_after(rng, again, 1, working_days.max(1));
            self.approvals.push(ApprovalPlan {
                item,
                one_stop,
                limit,
                submitted,
                decided: Some((decided, Outcome::Approved)),
            });
        }
    }

    /// Cancels at `at`: later milestones and submissions never happen, and approvals still
    /// pending at that moment are withdrawn then.
    fn cancel(&mut self, at: i64) {
        for milestone in [
            &mut self.signed,
            &mut self.landed,
            &mut self.started,
            &mut self.operating,
        ] {
            if milestone.is_some_and(|m| m > at) {
                *milestone = None;
            }
        }
        self.approvals.retain(|a| a.submitted <= at);
        for approval in &mut self.approvals {
            if approval.decided.is_none_or(|(decided, _)| decided > at) {
                approval.decided = Some((at, Outcome::Withdrawn));
            }
        }
        self.cancelled = Some(at);
    }

    /// Every moment at which this project changes in the feed (one entry per change).
    pub fn events(&self) -> impl Iterator<Item = i64> + '_ {
        let appearance = (self.signed != Some(self.appeared)).then_some(self.appeared);
        appearance
            .into_iter()
            .chain(self.signed)
            .chain(self.landed)
            .chain(self.started)
            .chain(self.operating)
            .chain(self.cancelled)
            .chain(
                self.approvals
                    .iter()
                    .flat_map(|a| std::iter::once(a.submitted).chain(a.decided.map(|d| d.0))),
            )
    }

    pub fn stage_at(&self, b: i64) -> Stage {
        let reached = |m: Option<i64>| m.is_some_and(|m| m <= b);
        if reached(self.cancelled) {
            Stage::Cancelled
        } else if reached(self.operating) {
            Stage::Operating
        } else if reached(self.started) {
            Stage::Started
        } else if reached(self.landed) {
            Stage::Landed
        } else if reached(self.signed) {
            Stage::Signed
        } else {
            Stage::Negotiating
        }
    }

    #[cfg(test)]
    pub fn is_real_firm(&self) -> bool {
        matches!(self.firm, Firm::Real(_))
    }
}

fn pick_chain(rng: &mut SplitMix64, district: usize) -> usize {
    let mut weights = CHAINS.map(|c| c.weight);
    for &(chain, extra) in DISTRICTS[district].strengths {
        weights[chain] += extra;
    }
    rng.weighted(&weights)
}

fn pick_firm(rng: &mut SplitMix64, chain: usize, ceremony: bool) -> Firm {
    let real: Vec<usize> = (0..REAL_INVESTORS.len())
        .filter(|&i| REAL_INVESTORS[i].chain == chain)
        .collect();
    if !real.is_empty() && rng.chance(if ceremony { 330 } else { 230 }) {
        return Firm::Real(real[rng.index(real.len())]);
    }
    let english = rng.chance(450);
    if english {
        let form = rng.index(EN_FORMS.len());
        Firm::Invented {
            english,
            first: rng.index(EN_STEMS.len()),
            second: 0,
            form,
            region: 0,
        }
    } else {
        Firm::Invented {
            english,
            first: rng.index(ZH_FIRST.len()),
            second: rng.index(ZH_SECOND.len()),
            form: rng.index(ZH_SUFFIX.len()),
            region: rng.weighted(&REGIONS.map(|r| r.1)),
        }
    }
}

/// 1 to 4 distinct approval items (3 on average), in their usual order; from 3 items on, the
/// construction permit is always among them.
fn pick_items(rng: &mut SplitMix64) -> Vec<usize> {
    let count = 1 + rng.weighted(&[10, 20, 30, 40]);
    let mut all: Vec<usize> = (0..ITEMS.len()).collect();
    for i in 0..count {
        let j = i + rng.index(all.len() - i);
        all.swap(i, j);
    }
    all.truncate(count);
    if count >= 3 && !all.contains(&CONSTRUCTION_PERMIT) {
        all[0] = CONSTRUCTION_PERMIT;
    }
    all.sort_unstable();
    all
}

/// A skewed amount in yuan from the quantile table; ceremony projects skew larger (the larger
/// of two draws), as signing ceremonies showcase big deals.
fn amount(rng: &mut SplitMix64, ceremony: bool) -> u64 {
    let mut u = rng.below(1_000_000);
    if ceremony {
        u = u.max(rng.below(1_000_000));
    }
    let upper = AMOUNT_QUANTILES
        .iter()
        .position(|&(q, _)| q > u)
        .unwrap_or(AMOUNT_QUANTILES.len() - 1);
    let (q1, a1) = AMOUNT_QUANTILES[upper];
    let (q0, a0) = AMOUNT_QUANTILES[upper.saturating_sub(1)];
    let raw = if q1 > q0 {
        a0 + (a1 - a0) * (u - q0) / (q1 - q0)
    } else {
        a0
    };
    let unit = if raw < 100_000_000 {
        1_000_000
    } else if raw < 10_000_000_000 {
        10_000_000
    } else {
        100_000_000
    };
    (raw + unit / 2) / unit * unit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plans(n: u64) -> Vec<Plan> {
        (0..n)
            .map(|index| {
                let i = i64::try_from(index).expect("small index");
                let at = (i / 3 + 10) * WINDOW + FIRST_OFFSET + (i % 3) * 60;
                let ceremony_district = (index % 5 == 0).then_some(2);
                Plan::new(
                    2026,
                    Slot {
                        index,
                        at,
                        ceremony_district,
                    },
                )
            })
            .collect()
    }

    #[test]
    fn milestones_follow_each_other_and_approvals_follow_signing() {
        for plan in plans(3000) {
            let chain = [plan.signed, plan.landed, plan.started, plan.operating];
            let reached: Vec<i64> = chain.iter().map_while(|m| *m).collect();
            assert!(reached.windows(2).all(|w| w[0] < w[1]), "{plan:?}");
            assert!(
                chain.iter().skip(reached.len()).all(Option::is_none),
                "{plan:?}"
            );
            assert!(plan.signed.is_none_or(|s| s >= plan.appeared));
            for a in &plan.approvals {
                assert!(plan.signed.is_some_and(|s| a.submitted > s), "{plan:?}");
                assert!(a.decided.is_none_or(|(d, _)| d >= a.submitted));
            }
            if let Some(cancelled) = plan.cancelled {
                assert!(!plan.is_real_firm());
                assert!(plan.events().all(|e| e <= cancelled));
            }
            if plan.is_real_firm() {
                assert!(
                    plan.approvals
                        .iter()
                        .all(|a| a.decided.is_none_or(|d| d.1 == Outcome::Approved))
                );
            }
            assert!(plan.events().all(|e| e.rem_euclid(WINDOW) != 0));
        }
    }

    #[test]
    fn amounts_are_skewed_with_about_a_tenth_at_a_billion_or_more() {
        let all = plans(20_000);
        let big = all.iter().filter(|p| p.amount >= 1_000_000_000).count();
        assert!((1_400..=2_600).contains(&big), "{big} of 20000 at >= 1 bn");
        assert!(
            all.iter()
                .all(|p| (20_000_000..=30_000_000_000).contains(&p.amount))
        );
    }

    #[test]
    fn item_picks_are_ordered_distinct_and_average_three() {
        let mut rng = SplitMix64::new(1);
        let mut total = 0;
        for _ in 0..10_000 {
            let items = pick_items(&mut rng);
            assert!(items.windows(2).all(|w| w[0] < w[1]));
            assert!((1..=4).contains(&items.len()));
            total += items.len();
        }
        assert!((29_000..=31_000).contains(&total), "{total}");
    }
}
