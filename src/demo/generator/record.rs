//! Feed format v1 records for one plan cut at a business moment: the only place that turns
//! plans into names, dates and JSON. Serialised record by record, never as one big value.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::ser::{Serialize, Serializer};

use super::catalog::{
    CHAINS, CHINA, DISTRICTS, EN_FORMS, EN_STEMS, FORTUNE, HEADQUARTERS, ITEMS, ONE_STOP, PRIVATE,
    REAL_INVESTORS, REGIONS, ZH_FIRST, ZH_SECOND, ZH_SUFFIX, words,
};
use super::clock::Warp;
use super::plan::{Firm, Outcome, Plan};
use crate::lang::Lang;

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
    /// `plan` as it stands at business second `now` (the plan must have appeared by then),
    /// its text in `lang`.
    pub fn new(plan: &'a Plan, now: i64, warp: &'a Warp, lang: Lang) -> Self {
        let day = |m: Option<i64>| m.filter(|&m| m <= now).map(|m| Day(warp.date(m)));
        let district = &DISTRICTS[plan.district];
        ProjectRecord {
            id: format!(
                "{}-{}-{:04}",
                district.code,
                warp.date(plan.appeared).year(),
                plan.index + 1
            ),
            name: project_name(plan, lang),
            investor: investor_name(plan.firm, plan.chain, lang),
            district: match lang {
                Lang::En => district.name,
                Lang::Zh => words::DISTRICT_ZH[plan.district],
            },
            zone: plan.zone.map(|zone| word(lang, zone)),
            chain: match lang {
                Lang::En => CHAINS[plan.chain].name,
                Lang::Zh => words::CHAIN_ZH[plan.chain],
            },
            source_region: word(lang, source_region(plan.firm)),
            top500: Top500(plan.top500),
            headquarters: plan.headquarters.map(|h| HEADQUARTERS[h].0),
            amount_cny: plan.amount,
            stage: plan.stage_at(now).as_str(),
            signed_on: day(plan.signed),
            landed_on: day(plan.landed),
            started_on: day(plan.started),
            operating_on: day(plan.operating),
            approvals: Approvals {
                plan,
                now,
                warp,
                lang,
            },
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
    lang: Lang,
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
                    item: match self.lang {
                        Lang::En => spec.name,
                        Lang::Zh => words::ITEM_ZH[a.item],
                    },
                    department: word(
                        self.lang,
                        if a.one_stop {
                            ONE_STOP
                        } else {
                            spec.department
                        },
                    ),
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

/// The catalog word in the document's language.
fn word(lang: Lang, english: &'static str) -> &'static str {
    match lang {
        Lang::En => english,
        Lang::Zh => words::zh(english),
    }
}

fn investor_name(firm: Firm, chain: usize, lang: Lang) -> Cow<'static, str> {
    match (firm, lang) {
        (Firm::Real(i), _) if REAL_INVESTORS[i].chinese == (lang == Lang::Zh) => {
            Cow::Borrowed(REAL_INVESTORS[i].name)
        }
        (Firm::Real(i), _) => Cow::Borrowed(words::REAL_INVESTOR_OTHER[i]),
        (Firm::Invented { form, .. }, _) => {
            let short = short_firm(firm, chain, lang);
            Cow::Owned(match (is_english(firm), lang) {
                (true, Lang::En) => format!("{short} {}", EN_FORMS[form].0),
                (true, Lang::Zh) => format!("{short}{}", words::EN_FORMS_ZH[form]),
                (false, Lang::En) => format!("{short} {}", words::ZH_SUFFIX_EN[form]),
                (false, Lang::Zh) => format!("{short}{}", ZH_SUFFIX[form]),
            })
        }
    }
}

fn is_english(firm: Firm) -> bool {
    matches!(firm, Firm::Invented { english: true, .. })
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

/// The investor's name as it reads inside a project name (without a legal form), in `lang`:
/// an English stem transcribed for Chinese, a Chinese name in pinyin for English.
fn short_firm(firm: Firm, chain: usize, lang: Lang) -> Cow<'static, str> {
    let (trade_en, trade_zh) = CHAINS[chain].trade;
    match firm {
        Firm::Invented {
            english: true,
            first,
            ..
        } => Cow::Owned(match lang {
            Lang::En => format!("{} {trade_en}", EN_STEMS[first]),
            Lang::Zh => format!("{}{trade_zh}", words::EN_STEMS_ZH[first]),
        }),
        Firm::Invented {
            english: false,
            first,
            second,
            ..
        } => Cow::Owned(match lang {
            Lang::En => format!(
                "{}{} {trade_en}",
                words::ZH_FIRST_EN[first],
                words::ZH_SECOND_EN[second]
            ),
            Lang::Zh => format!("{}{}{trade_zh}", ZH_FIRST[first], ZH_SECOND[second]),
        }),
        Firm::Real(_) => investor_name(firm, chain, lang),
    }
}

/// Chinese names read "<firm><product>项目", about a fifth generic place names
/// ("长沙储能电池产业园项目"); English ones "<firm> <product> project" and "Changsha energy
/// storage cell project".
fn project_name(plan: &Plan, lang: Lang) -> String {
    let (product_en, product_zh) = CHAINS[plan.chain].products[plan.product];
    let firm = short_firm(plan.firm, plan.chain, lang);
    let in_changsha = plan.style.is_multiple_of(2);
    let phase = plan.style % 9 == 4;
    if lang == Lang::En {
        let place = if in_changsha {
            "Changsha"
        } else {
            words::DISTRICT_SHORT_EN[plan.district]
        };
        let phase = if phase { " (phase II)" } else { "" };
        return match plan.headquarters {
            Some(h) => format!("{firm} {} project", HEADQUARTERS[h].1),
            None if plan.style < 20 => format!("{place} {product_en} project{phase}"),
            None => format!("{firm} {product_en} project{phase}"),
        };
    }
    let place = if in_changsha {
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
    let phase = if phase { "（二期）" } else { "" };
    match plan.headquarters {
        Some(h) => format!("{firm}{}项目", HEADQUARTERS[h].2),
        None if plan.style < 20 => format!("{place}{product_zh}{zh_tail}{phase}"),
        None => format!("{firm}{product_zh}{zh_tail}{phase}"),
    }
}
