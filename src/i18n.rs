//! Every word the dashboard and the `status` text show, in English and Chinese, in one place.
//! [`Labels`] has one group per screen (`labels`: header, figures, panels, lists, targets,
//! footer, help, commands, detail, `status`, and the words they share), each a struct with one
//! field per label; each language is one `static` value of it, so a label missing from either
//! set does not compile. Labels that carry numbers are `fn` fields. Amounts, durations and
//! dates are formatted here too (亿/万 or bn/m).
//!
//! JSON output never goes through here: its keys and values are a contract, not a language.
//! Depends on the domain's types only (no terminal, no IO).

use std::fmt;
use std::time::Duration;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Weekday};

use crate::app::health::Freshness;
use crate::app::keys::Command;
use crate::app::lists::{SigningSort, StalledSort};
use crate::app::wall::WallView;
use crate::domain::amount::Amount;

/// The label set in use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English: amounts in bn/m
    #[default]
    En,
    /// Chinese: amounts in 亿/万
    Zh,
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    pub fn parse(text: &str) -> Result<Lang, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            _ => Err(format!("unknown language {text:?} (use zh or en)")),
        }
    }

    /// The language of a POSIX locale name: `zh_CN.UTF-8`, `zh_TW`, `zh` are Chinese; anything
    /// else (including `C` and `POSIX`) is English.
    pub fn of_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower == "zh" || lower.starts_with("zh_") || lower.starts_with("zh-") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language when none is configured: the first set of `LC_ALL`, `LC_MESSAGES`, `LANG`
    /// (the POSIX order), with the variable that decided it, for `doctor`.
    pub fn from_environment(env: &dyn Fn(&str) -> Option<String>) -> (Lang, String) {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(value) = env(name).filter(|v| !v.is_empty()) {
                let lang = Lang::of_locale(&value);
                return (lang, format!("{name}={value}"));
            }
        }
        (Lang::En, "no LC_ALL, LC_MESSAGES or LANG set".to_owned())
    }

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
    pub refresh: CommandLabel,
    pub hold: CommandLabel,
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
    pub footer: FooterLabels,
    pub help: HelpLabels,
    pub commands: CommandLabels,
    pub detail: DetailLabels,
    pub status: StatusLabels,
}

impl Labels {
    pub fn freshness(&self, freshness: Freshness) -> &'static str {
        match freshness {
            Freshness::Loading => self.header.loading,
            Freshness::Fresh => self.header.fresh,
            Freshness::Ageing => self.header.ageing,
            Freshness::Stale => self.header.stale,
            Freshness::Offline => self.header.offline,
        }
    }

    pub fn signing_sort(&self, sort: SigningSort) -> &'static str {
        match sort {
            SigningSort::Date => self.lists.sort_date,
            SigningSort::Amount => self.lists.sort_amount,
            SigningSort::District => self.lists.sort_district,
        }
    }

    pub fn stalled_sort(&self, sort: StalledSort) -> &'static str {
        match sort {
            StalledSort::Overdue => self.lists.sort_overdue,
            StalledSort::Submitted => self.lists.sort_submitted,
            StalledSort::Department => self.lists.sort_department,
        }
    }

    pub fn wall_view(&self, view: WallView) -> &'static str {
        match view {
            WallView::Overview => self.footer.wall_overview,
            WallView::Signings => self.footer.wall_signings,
            WallView::Targets => self.footer.wall_targets,
            WallView::Stalled => self.footer.wall_stalled,
        }
    }

    pub fn command(&self, command: Command) -> CommandLabel {
        let c = &self.commands;
        match command {
            Command::Quit => c.quit,
            Command::NextPanel => c.next_panel,
            Command::PrevPanel => c.prev_panel,
            Command::FocusSignings => c.focus_signings,
            Command::FocusTargets => c.focus_targets,
            Command::FocusStalled => c.focus_stalled,
            Command::Down => c.down,
            Command::Up => c.up,
            Command::PageDown => c.page_down,
            Command::PageUp => c.page_up,
            Command::First => c.first,
            Command::Last => c.last,
            Command::Open => c.open,
            Command::Close => c.close,
            Command::Filter => c.filter,
            Command::Sort => c.sort,
            Command::Refresh => c.refresh,
            Command::HoldRotation => c.hold,
            Command::Help => c.help,
        }
    }
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
    CommonLabels, DetailLabels, FigureLabels, FooterLabels, HeaderLabels, HelpLabels, ListLabels,
    MetricLabel, MetricName, PanelLabels, StatusLabels, TargetLabels,
};

pub use en::EN;
pub use zh::ZH;

#[cfg(test)]
mod tests;
