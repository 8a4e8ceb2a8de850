//! Every word the dashboard and the `status` text show, in English and Chinese, in one place.
//! [`Labels`] has one group per screen (`labels`: header, figures, panels, lists, targets,
//! footer, help, commands, detail, `status`, and the words they share), each a struct with one
//! field per label; each language is one `static` value of it, so a label missing from either
//! set does not compile. Labels that carry numbers are `fn` fields. Amounts, durations and
//! dates are formatted here too (亿/万 or bn/m).
//!
//! JSON output never goes through here: its keys and values are a contract, not a language.
//! Depends on the domain's types and [`Lang`] (`crate::lang`) only: no terminal, no IO, no
//! `app`. The lookups that name app states (freshness, sort orders, wall views, key commands)
//! live with the UI, in `ui::labels`.

use std::time::Duration;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Weekday};

use crate::domain::amount::Amount;
pub use crate::lang::Lang;

/// Formatting in a language: its label set, amounts in its units, dates and durations.
impl Lang {
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// An amount in the summary unit (亿 or bn), without the unit: `512.3` / `51.23`.
    pub fn money(self, amount: Amount) -> String {
        match self {
            Lang::En => amount.billions(),
            Lang::Zh => amount.yi(),
        }
    }

    /// A project's amount in a list column: the summary unit, always two decimals (`0.87`,
    /// `12.70`), so a column of them lines up on the decimal point.
    pub fn money_fixed(self, amount: Amount) -> String {
        match self {
            Lang::En => amount.billions_fixed(),
            Lang::Zh => amount.yi_fixed(),
        }
    }

    /// A project's amount in its detail: as its list row shows it (`0.87 亿`), and below one
    /// unit also in the small one, exact (`0.87 亿（8700 万）` / `0.09 bn (87 m)`).
    pub fn amount_detail(self, amount: Amount) -> String {
        let unit = self.labels().common.money_unit;
        let shown = format!("{} {unit}", self.money_fixed(amount));
        let big = amount >= Amount::from_yuan(100_000_000 * self.big_unit_yi());
        match (big, self) {
            (true, _) => shown,
            (false, Lang::En) => format!("{shown} ({})", self.amount(amount)),
            (false, Lang::Zh) => format!("{shown}（{}）", self.amount(amount)),
        }
    }

    /// An amount in the summary unit with it: `512.3 亿` / `51.23 bn`.
    pub fn money_with_unit(self, amount: Amount) -> String {
        format!("{} {}", self.money(amount), self.labels().common.money_unit)
    }

    /// One project's amount in the unit that suits its size: `512.3 亿`, `7500 万` /
    /// `51.23 bn`, `75 m`.
    pub fn amount(self, amount: Amount) -> String {
        let big = amount >= Amount::from_yuan(100_000_000 * self.big_unit_yi());
        match (self, big) {
            (Lang::Zh, true) => format!("{} 亿", amount.yi()),
            (Lang::Zh, false) => format!("{} 万", amount.wan()),
            (Lang::En, true) => format!("{} bn", amount.billions()),
            (Lang::En, false) => format!("{} m", amount.millions()),
        }
    }

    /// 亿 per large unit: 1 for 亿, 10 for a billion.
    fn big_unit_yi(self) -> u64 {
        match self {
            Lang::En => 10,
            Lang::Zh => 1,
        }
    }

    /// A date in full: `2026-11-29 Sun` / `2026年11月29日 周日`.
    pub fn date(self, date: NaiveDate) -> String {
        match self {
            Lang::En => date.format("%Y-%m-%d %a").to_string(),
            Lang::Zh => format!(
                "{}年{}月{}日 {}",
                date.year(),
                date.month(),
                date.day(),
                zh_weekday(date.weekday())
            ),
        }
    }

    /// The header clock: `2026-11-29 Sun 10:00:00 UTC+08:00` / `2026年11月29日 周日 10:00:00 UTC+08:00`.
    pub fn clock(self, now: DateTime<FixedOffset>) -> String {
        format!(
            "{} {}",
            self.date(now.date_naive()),
            now.format("%H:%M:%S UTC%:z")
        )
    }

    /// The header clock shortened to fit: 0 is [`Lang::clock`]; 1 drops the zone; 2 also the
    /// weekday. The quarter beside it matters more than either.
    pub fn clock_at_most(self, now: DateTime<FixedOffset>, level: u8) -> String {
        let time = now.format("%H:%M:%S");
        match level {
            0 => self.clock(now),
            1 => format!("{} {time}", self.date(now.date_naive())),
            _ => {
                let date = now.date_naive();
                let day = match self {
                    Lang::En => date.format("%Y-%m-%d").to_string(),
                    Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
                };
                format!("{day} {time}")
            }
        }
    }

    /// A time stamp for reports: `2022-02-15 09:30 +08:00` / `2022年2月15日 09:30 +08:00`.
    pub fn timestamp(self, at: DateTime<FixedOffset>) -> String {
        match self {
            Lang::En => at.format("%Y-%m-%d %H:%M %:z").to_string(),
            Lang::Zh => format!(
                "{}年{}月{}日 {}",
                at.year(),
                at.month(),
                at.day(),
                at.format("%H:%M %:z")
            ),
        }
    }

    /// A moment on the header, as near `now` reads it: `14:03:12` the same day, else
    /// `11-28 14:03` / `11月28日 14:03`.
    pub fn time_of_day(self, at: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
        let at = at.with_timezone(now.offset());
        if at.date_naive() == now.date_naive() {
            return at.format("%H:%M:%S").to_string();
        }
        match self {
            Lang::En => at.format("%m-%d %H:%M").to_string(),
            Lang::Zh => format!("{}月{}日 {}", at.month(), at.day(), at.format("%H:%M")),
        }
    }

    /// Short durations for the header: `12 s`, `5 min`, `3 h`, `2 d` / `12 秒` ...
    pub fn short_duration(self, d: Duration) -> String {
        self.labels().common.units.format(d, DurationStyle::Glance)
    }

    /// Durations for reports: `45 s`, `12 min`, `3 h 5 min`, `2 d 4 h` / `3 小时 5 分钟` ...
    pub fn duration(self, d: Duration) -> String {
        self.labels().common.units.format(d, DurationStyle::Report)
    }
}

fn zh_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

/// What a key command is called in the help overlay and, when it has one, in the hint bar.
#[derive(Clone, Copy, Debug)]
pub struct CommandLabel {
    pub description: &'static str,
    pub hint: Option<&'static str>,
}

const fn cmd(description: &'static str, hint: Option<&'static str>) -> CommandLabel {
    CommandLabel { description, hint }
}

/// One field per command: a command without a label does not compile.
#[derive(Debug)]
pub struct CommandLabels {
    pub quit: CommandLabel,
    pub next_panel: CommandLabel,
    pub prev_panel: CommandLabel,
    pub focus_signings: CommandLabel,
    pub focus_targets: CommandLabel,
    pub focus_stalled: CommandLabel,
    pub down: CommandLabel,
    pub up: CommandLabel,
    pub page_down: CommandLabel,
    pub page_up: CommandLabel,
    pub first: CommandLabel,
    pub last: CommandLabel,
    pub open: CommandLabel,
    pub close: CommandLabel,
    pub filter: CommandLabel,
    pub sort: CommandLabel,
    pub sort_reverse: CommandLabel,
    pub expand: CommandLabel,
    pub copy: CommandLabel,
    pub export: CommandLabel,
    pub refresh: CommandLabel,
    pub hold: CommandLabel,
    pub rejected: CommandLabel,
    pub trends: CommandLabel,
    pub changes: CommandLabel,
    pub help: CommandLabel,
}

/// Every label of one language, one group per screen, so each panel (and `status`) takes
/// only its part.
#[derive(Debug)]
pub struct Labels {
    pub common: CommonLabels,
    pub header: HeaderLabels,
    pub figures: FigureLabels,
    pub panels: PanelLabels,
    pub lists: ListLabels,
    pub targets: TargetLabels,
    pub trends: TrendLabels,
    pub footer: FooterLabels,
    pub help: HelpLabels,
    pub commands: CommandLabels,
    pub detail: DetailLabels,
    pub status: StatusLabels,
    pub nav: NavLabels,
    pub check: CheckLabels,
    pub doctor: DoctorLabels,
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}

pub mod duration;
mod en;
mod labels;
mod zh;

pub use duration::{DurationStyle, DurationUnits};
pub use labels::{
    CheckLabels, CommonLabels, DetailLabels, DoctorLabels, FigureLabels, FooterLabels,
    HeaderLabels, HelpLabels, ListLabels, MetricLabel, MetricName, NavLabels, PanelLabels,
    StatusLabels, TargetLabels, TrendLabels,
};

pub use en::EN;
pub use zh::ZH;

#[cfg(test)]
mod tests;
