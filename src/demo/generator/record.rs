//! Feed format v1 records for one plan cut at a business moment: the only place that turns
//! plans into names, dates and JSON. Serialised record by record, never as one big value.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::ser::{Serialize, Serializer};

use super::catalog::{
    CHAINS, CHINA, DISTRICTS, EN_FORMS, EN_STEMS, FORTUNE, HEADQUARTERS, ITEMS, ONE_STOP, PRIVATE,
    REAL_INVESTORS, REGIONS, ZH_FIRST, ZH_SECOND, ZH_SUFFIX,
};
use super::clock::Warp;
use super::plan::{Firm, Outcome, Plan};

/// A `YYYY-MM-DD` date.
#[derive(Debug, Clone, Copy)]
pub struct Day(pub NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.format("%Y-%m-%d"))
    }
}

/// One project record of feed format v1.
#[derive(serde::Serialize)]
pub struct ProjectRecord<'a> {
    id: String,
    name: String,
    investor: Cow<'static, str>,
    district: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    zone: Option<&'static str>,
    chain: &'static str,
    source_region: &'static str,
    #[serde(skip_serializing_if = "Top500::is_empty")]
    top500: Top500,
    #[serde(skip_serializing_if = "Option::is_none")]
    headquarters: Option<&'static str>,
    amount_cny: u64,
    stage: &'static str,
    signed_on: Option<Day>,
    landed_on: Option<Day>,
    started_on: Option<Day>,
    operating_on: Option<Day>,
    approvals: Approvals<'a>,
}

impl<'a> ProjectRecord<'a> {
    /// `plan` as it stands at business second `now` (the plan must have appeared by then).
    pub fn new(plan: &'a Plan, now: i64, warp: &'a Warp) -> Self {
        let day = |m: Option<i64>| m.filter(|&m| m <= now).map(|m| Day(warp.date(m)));
        let district = &DISTRICTS[plan.district];
        ProjectRecord {
            id: format!(
                "{}-{}-{:04}",
                district.code,
                warp.date(plan.appeared).year(),
                plan.index + 1
            ),
            name: project_name(plan),
            investor: investor_name(plan.firm, plan.chain),
            district: district.name,
            zone: plan.zone,
            chain: CHAINS[plan.chain].name,
            source_region: source_region(plan.firm),
            top500: Top500(plan.top500),
            headquarters: plan.headquarters.map(|h| HEADQUARTERS[h].0),
            amount_cny: plan.amount,
            stage: plan.stage_at(now).as_str(),
            signed_on: day(plan.signed),
            landed_on: day(plan.landed),
            started_on: day(plan.started),
            operating_on: day(plan.operating),
            approvals: Approvals { plan, now, warp },
        }
    }
}

struct Top500(u8);

impl Top500 {
    fn is_empty(&self) -> bool {
        self.0 == 0
    }
}

impl Serialize for Top500 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let tags = [
            (FORTUNE, "fortune_global"),
            (CHINA, "china"),
            (PRIVATE, "china_private"),
        ];
        serializer.collect_seq(
            tags.iter()
                .filter(|(bit, _)| self.0 & bit != 0)
                .map(|t| t.1),
        )
    }
}

/// The approvals submitted by `now`, streamed without collecting them.
struct Approvals<'a> {
    plan: &'a Plan,
    now: i64,
    warp: &'a Warp,
}

#[derive(serde::Serialize)]
struct ApprovalRecord {
    id: String,
    item: &'static str,
    department: &'static str,
    submitted_on: Day,
    decided_on: Option<Day>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    limit_working_days: Option<u32>,
}

impl Serialize for Approvals<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let records = (1..)
            .zip(&self.plan.approvals)
            .filter(|(_, a)| a.submitted <= self.now)
            .map(|(n, a)| {
                let spec = &ITEMS[a.item];
                let decided = a.decided.filter(|&(at, _)| at <= self.now);
                ApprovalRecord {
                    id: format!("A{n}"),
                    item: spec.name,
                    department: if a.one_stop {
                        ONE_STOP
                    } else {
                        spec.department
                    },
                    submitted_on: Day(self.warp.date(a.submitted)),
                    decided_on: decided.map(|(at, _)| Day(self.warp.date(at))),
                    status: match decided {
                        None => "pending",
                        Some((_, Outcome::Approved)) => "approved",
                        Some((_, Outcome::Rejected)) => "rejected",
                        Some((_, Outcome::Withdrawn)) => "withdrawn",
                    },
                    limit_working_days: a.limit,
                }
            });
        serializer.collect_seq(records)
    }
}

fn investor_name(firm: Firm, chain: usize) -> Cow<'static, str> {
    match firm {
        Firm::Real(i) => Cow::Borrowed(REAL_INVESTORS[i].name),
        Firm::Invented {
            english: true,
            first,
            form,
            ..
        } => Cow::Owned(format!(
            "{} {} {}",
            EN_STEMS[first], CHAINS[chain].trade.0, EN_FORMS[form].0
        )),
        Firm::Invented {
            english: false,
            first,
            second,
            form,
            ..
        } => Cow::Owned(format!(
            "{}{}{}{}",
            ZH_FIRST[first], ZH_SECOND[second], CHAINS[chain].trade.1, ZH_SUFFIX[form]
        )),
    }
}

fn source_region(firm: Firm) -> &'static str {
    match firm {
        Firm::Real(i) => REAL_INVESTORS[i].region,
        Firm::Invented {
            english: true,
            form,
            ..
        } => EN_FORMS[form].1,
        Firm::Invented {
            english: false,
            region,
            ..
        } => REGIONS[region].0,
    }
}

/// The investor's name as it reads inside a project name (without a legal form).
fn short_firm(firm: Firm, chain: usize) -> Cow<'static, str> {
    match firm {
        Firm::Invented {
            english: true,
            first,
            ..
        } => Cow::Owned(format!("{} {}", EN_STEMS[first], CHAINS[chain].trade.0)),
        Firm::Invented {
            english: false,
            first,
            second,
            ..
        } => Cow::Owned(format!(
            "{}{}{}",
            ZH_FIRST[first], ZH_SECOND[second], CHAINS[chain].trade.1
        )),
        Firm::Real(_) => investor_name(firm, chain),
    }
}

fn is_chinese(firm: Firm) -> bool {
    match firm {
        Firm::Real(i) => REAL_INVESTORS[i].chinese,
        Firm::Invented { english, .. } => !english,
    }
}

/// English names follow "<firm> <product> project"; Chinese ones "<firm><product>项目", and
/// about a fifth are generic place names ("长沙储能电池产业园项目").
fn project_name(plan: &Plan) -> String {
    let (product_en, product_zh) = CHAINS[plan.chain].products[plan.product];
    let firm = short_firm(plan.firm, plan.chain);
    let place = if plan.style.is_multiple_of(2) {
        "长沙"
    } else {
        DISTRICTS[plan.district].short_zh
    };
    let zh_tail = if product_zh.ends_with(['园', '地', '心', '室']) {
        "项目"
    } else {
        ["项目", "产业园项目", "生产基地项目", "研发中心项目"]
            [usize::try_from(plan.style % 4).unwrap_or(0)]
    };
    let phase = if plan.style % 9 == 4 {
        "（二期）"
    } else {
        ""
    };
    match (plan.headquarters, is_chinese(plan.firm)) {
        (Some(h), true) => format!("{firm}{}项目", HEADQUARTERS[h].2),
        (Some(h), false) => format!("{firm} {} project", HEADQUARTERS[h].1),
        (None, _) if plan.style < 20 => format!("{place}{product_zh}{zh_tail}{phase}"),
        (None, true) => format!("{firm}{product_zh}{zh_tail}{phase}"),
        (None, false) => {
            let phase = if phase.is_empty() { "" } else { " (phase II)" };
            format!("{firm} {product_en} project{phase}")
        }
    }
}
