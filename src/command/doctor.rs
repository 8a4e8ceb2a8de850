//! `investboard doctor`: what was detected and what will be used, for the person setting up a
//! wall screen or an SSH session. Exit 0 when all is usable, 1 when something is degraded
//! (feed unreachable or unusable, calendar not covering this year, terminal too small); config
//! errors never get here (exit 3 in `run`). A notice (next year not in the calendar yet, from
//! 1 November) is marked but leaves the exit at 0: everything still works.
//!
//! Gathering ([`run`]) does IO; the report ([`Report::write`]) is pure text to an `impl Write`.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};

use crate::appearance::{ColorDepth, Glyphs};
use crate::config::{Origin, Settings};
use crate::domain::calendar::{Calendar, HOW_TO_ADD_A_YEAR, PROVISIONAL_RULE, year_ranges};
use crate::exit::Exit;
use crate::feed::open::open;
use crate::feed::source::{FeedSource, Fetched};
use crate::lang::Lang;
use crate::sanitize::sanitize;
use crate::startup::Startup;

/// One line of the report: what, what was found, and whether it is a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub value: String,
    pub mark: Mark,
}

/// How a line is marked: `!!` degraded (exit 1), `! ` a notice to act on soon (exit 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Fine,
    Notice,
    Degraded,
}

/// Everything `doctor` found, in sections.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub sections: Vec<(&'static str, Vec<Check>)>,
}

impl Report {
    pub fn degraded(&self) -> bool {
        self.any(Mark::Degraded)
    }

    fn any(&self, mark: Mark) -> bool {
        self.sections
            .iter()
            .flat_map(|(_, checks)| checks)
            .any(|c| c.mark == mark)
    }

    pub fn exit(&self) -> Exit {
        if self.degraded() {
            Exit::Warning
        } else {
            Exit::Ok
        }
    }

    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        for (title, checks) in &self.sections {
            writeln!(out, "{title}")?;
            let width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
            for check in checks {
                let mark = match check.mark {
                    Mark::Fine => "  ",
                    Mark::Notice => "! ",
                    Mark::Degraded => "!!",
                };
                writeln!(out, "{mark} {:<width$}  {}", check.name, check.value)?;
            }
            writeln!(out)?;
        }
        let verdict = if self.degraded() {
            "DEGRADED: see the lines marked !! (exit 1)"
        } else if self.any(Mark::Notice) {
            "OK: everything needed is usable (exit 0); see the lines marked !"
        } else {
            "OK: everything needed is usable (exit 0)"
        };
        writeln!(out, "{verdict}")
    }
}

fn check(name: &'static str, value: impl Into<String>) -> Check {
    Check {
        name,
        value: value.into(),
        mark: Mark::Fine,
    }
}

fn notice(name: &'static str, value: impl Into<String>) -> Check {
    Check {
        name,
        value: value.into(),
        mark: Mark::Notice,
    }
}

fn problem(name: &'static str, value: impl Into<String>) -> Check {
    Check {
        name,
        value: value.into(),
        mark: Mark::Degraded,
    }
}

/// An environment variable as the report shows it: sanitized, or `(unset)`.
fn shown(env: &dyn Fn(&str) -> Option<String>, name: &str) -> String {
    env(name).map_or_else(|| "(unset)".to_owned(), |v| format!("{:?}", sanitize(&v)))
}

fn terminal_checks(env: &dyn Fn(&str) -> Option<String>, settings: &Settings) -> Vec<Check> {
    let mut checks = Vec::new();
    if crate::tui::stdout_is_terminal() {
        match crossterm::terminal::size() {
            Ok((w, h)) if w < crate::ui::MIN_WIDTH || h < crate::ui::MIN_HEIGHT => {
                checks.push(problem(
                    "size",
                    format!(
                        "{w}x{h}: too small, the dashboard needs {}x{}",
                        crate::ui::MIN_WIDTH,
                        crate::ui::MIN_HEIGHT
                    ),
                ));
            }
            Ok((w, h)) => checks.push(check("size", format!("{w}x{h}"))),
            Err(e) => checks.push(check("size", format!("unknown ({e})"))),
        }
    } else {
        checks.push(check(
            "size",
            "stdout is not a terminal (the dashboard needs one; status does not)",
        ));
    }
    for name in ["TERM", "COLORTERM", "NO_COLOR"] {
        checks.push(check(name, shown(env, name)));
    }
    let (depth, why) = ColorDepth::detect(settings.color, env);
    checks.push(check(
        "colours",
        format!("{} ({why}; --color {})", depth.name(), settings.color),
    ));
    let theme = if depth == ColorDepth::None {
        format!(
            "{} (drawn without colour: words and symbols carry every state)",
            settings.theme
        )
    } else {
        settings.theme.to_string()
    };
    checks.push(check("theme", theme));
    let (glyphs, why) = Glyphs::detect(settings.glyphs, env);
    checks.push(check("glyphs", format!("{glyphs} ({why})")));
    checks
}

fn locale_checks(env: &dyn Fn(&str) -> Option<String>, settings: &Settings) -> Vec<Check> {
    let mut checks: Vec<Check> = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .map(|name| check(name, shown(env, name)))
        .collect();
    let origin = settings
        .origins
        .get("lang")
        .copied()
        .unwrap_or(Origin::Default);
    let (lang, why) = if origin == Origin::Default {
        Lang::from_environment(env)
    } else {
        (
            settings.lang.unwrap_or_default(),
            format!("lang from {origin}"),
        )
    };
    let labels = match lang {
        Lang::En => "English labels, amounts in bn/m",
        Lang::Zh => "Chinese labels, amounts in 亿/万",
    };
    checks.push(check("language", format!("{lang}: {labels} ({why})")));
    checks
}

/// Every setting with its value and where it came from.
fn setting_checks(settings: &Settings) -> Vec<Check> {
    let file = settings.config_file.as_ref().map_or_else(
        || "none found (--config, $XDG_CONFIG_HOME/investboard/config.toml, ~/.config/investboard/config.toml)".to_owned(),
        |p| p.display().to_string(),
    );
    let mut checks = vec![check("config file", file)];
    let keys = if settings.keys.is_empty() {
        "defaults".to_owned()
    } else {
        let names: Vec<&str> = settings.keys.keys().map(String::as_str).collect();
        format!("defaults, with {} rebound", names.join(", "))
    };
    let mut values = settings.shown();
    values.push(("keys", keys));
    for (name, value) in values {
        // The one value that can carry a secret (a URL's query or password).
        let value = match (name, settings.feed.as_deref()) {
            ("feed", Some(feed)) => {
                FeedSource::parse(feed).map_or_else(|_| sanitize(feed), |s| s.display_redacted())
            }
            _ => value,
        };
        let origin = settings
            .origins
            .get(name)
            .copied()
            .unwrap_or(Origin::Default);
        let via = if settings.from_profile.contains(name) {
            format!(
                ", via profile {}",
                settings.profile.map_or("?", |p| p.name())
            )
        } else {
            String::new()
        };
        checks.push(check(name, format!("{value}  ({origin}{via})")));
    }
    if std::env::var_os("INVESTBOARD_TOKEN").is_some_and(|t| !t.is_empty()) {
        checks.push(check("token", "from INVESTBOARD_TOKEN (not shown)"));
    }
    checks
}

/// Fetches the feed once with the configured fetcher (the embedded demo when none is set),
/// reporting each step: the source, the token, the answer.
async fn feed_checks(startup: &Startup) -> Vec<Check> {
    let started = Instant::now();
    let Some(feed) = startup.settings.feed.as_deref() else {
        let body = super::demo_document(startup);
        return vec![
            check("source", super::DEMO_SOURCE_LABEL),
            parsed_check(&body, started.elapsed()),
        ];
    };
    let source = match FeedSource::parse(feed) {
        Ok(source) => source,
        Err(e) => return vec![problem("source", sanitize(&e.to_string()))],
    };
    let mut checks = vec![check("source", source.display_redacted())];
    let options = match startup.fetch_options() {
        Ok(options) => options,
        Err(e) => {
            checks.push(problem("token", sanitize(&e.to_string())));
            return checks;
        }
    };
    let result = match open(source, options) {
        Ok(mut opened) => opened.fetcher.fetch().await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    let elapsed = started.elapsed();
    match result {
        Ok(Fetched::Modified { body, .. }) => checks.push(parsed_check(&body, elapsed)),
        Ok(Fetched::NotModified) => checks.push(problem(
            "reachable",
            format!("answered without data in {} ms", elapsed.as_millis()),
        )),
        Err(e) => {
            tracing::warn!(error = %sanitize(&e), "doctor: feed unreachable");
            checks.push(problem(
                "reachable",
                format!("NO after {} ms: {}", elapsed.as_millis(), sanitize(&e)),
            ));
        }
    }
    checks
}

fn parsed_check(body: &[u8], elapsed: Duration) -> Check {
    let fetched = format!("yes, {} bytes in {} ms", body.len(), elapsed.as_millis());
    match crate::feed::parse_feed(body) {
        Ok(snapshot) => check(
            "reachable",
            format!(
                "{fetched}; {} projects, {} rejected records",
                snapshot.projects.len(),
                snapshot.rejected.len()
            ),
        ),
        Err(e) => problem(
            "reachable",
            format!("{fetched}; but unusable: {}", sanitize(&e.to_string())),
        ),
    }
}

fn calendar_checks(calendar: &Calendar, settings: &Settings, today: NaiveDate) -> Vec<Check> {
    let covered = calendar.covered_years();
    let range = if covered.is_empty() {
        "none".to_owned()
    } else {
        year_ranges(&covered)
    };
    let extra = settings
        .calendar_file
        .as_ref()
        .map_or_else(String::new, |p| format!(", with {}", p.display()));
    let mut checks = vec![check("holiday table", format!("{range}{extra}"))];
    let year = today.year();
    if calendar.covers_year(year) {
        checks.push(check("this year", format!("{year} covered")));
    } else {
        checks.push(problem(
            "this year",
            format!(
                "{year} NOT covered: working days are provisional ({PROVISIONAL_RULE}); add the year with calendar_file"
            ),
        ));
    }
    if let Some(next) = calendar.next_year_uncovered(today) {
        checks.push(notice(
            "next year",
            format!("{next} not in the holiday table yet: {HOW_TO_ADD_A_YEAR}"),
        ));
    }
    checks
}

/// Gathers the report and writes it to stdout; returns the exit code.
pub async fn run(startup: &Startup, env: &dyn Fn(&str) -> Option<String>) -> Exit {
    let settings = &startup.settings;
    let now = startup.now();
    let mut settings_section = setting_checks(settings);
    // Bindings that do not parse stop every command at start-up; these are the ones in force.
    settings_section.push(check("key bindings", "valid"));
    let report = Report {
        sections: vec![
            (
                "investboard",
                vec![check("version", env!("CARGO_PKG_VERSION"))],
            ),
            ("Terminal", terminal_checks(env, settings)),
            ("Locale", locale_checks(env, settings)),
            ("Settings (value, where it came from)", settings_section),
            ("Feed", feed_checks(startup).await),
            (
                "Calendar",
                calendar_checks(&startup.calendar, settings, now.date_naive()),
            ),
        ],
    };
    if let Err(e) = super::to_stdout(|out| report.write(out)) {
        super::report_io_error("cannot write the report", &e);
    }
    report.exit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn written(report: &Report) -> String {
        let mut out = Vec::new();
        report.write(&mut out).expect("written");
        String::from_utf8(out).expect("utf-8")
    }

    fn lines(checks: &[Check]) -> Vec<(Mark, String)> {
        checks
            .iter()
            .map(|c| (c.mark, format!("{}: {}", c.name, c.value)))
            .collect()
    }

    #[test]
    fn the_calendar_section_shows_ranges_and_warns_about_next_year_from_november() {
        let settings = Settings::default();
        let mut calendar = Calendar::embedded();
        assert_eq!(
            lines(&calendar_checks(&calendar, &settings, day("2026-10-31"))),
            [
                (Mark::Fine, "holiday table: 2020-2026".to_owned()),
                (Mark::Fine, "this year: 2026 covered".to_owned()),
            ]
        );
        let november = calendar_checks(&calendar, &settings, day("2026-11-01"));
        assert_eq!(
            lines(&november)[2],
            (
                Mark::Notice,
                "next year: 2027 not in the holiday table yet: when the State Council's notice is published, add the year with calendar_file (example in docs/configuration.md)".to_owned()
            )
        );
        let report = Report {
            sections: vec![("Calendar", november)],
        };
        assert_eq!(report.exit(), Exit::Ok, "a notice is not a degradation");
        let text = written(&report);
        assert!(text.contains("\n!  next year      2027 not in"), "{text}");
        assert!(
            text.ends_with("(exit 0); see the lines marked !\n"),
            "{text}"
        );

        let user = "[2029]\nholidays = [\"2029-01-01\"]\n";
        calendar.merge(Calendar::from_toml_str(user, "user").expect("valid"));
        assert_eq!(
            lines(&calendar_checks(&calendar, &settings, day("2028-12-02"))),
            [
                (Mark::Fine, "holiday table: 2020-2026, 2029".to_owned()),
                (
                    Mark::Degraded,
                    "this year: 2028 NOT covered: working days are provisional (weekends and statutory holidays, no make-up working days); add the year with calendar_file".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn a_degraded_line_sets_exit_1_and_is_marked() {
        let mut report = Report {
            sections: vec![("Feed", vec![check("reachable", "yes")])],
        };
        assert_eq!(report.exit(), Exit::Ok);
        report.sections[0]
            .1
            .push(problem("this year", "2031 NOT covered"));
        assert_eq!(report.exit(), Exit::Warning);
        let text = written(&report);
        assert!(text.contains("!! this year  2031 NOT covered"), "{text}");
        assert!(
            text.ends_with("DEGRADED: see the lines marked !! (exit 1)\n"),
            "{text}"
        );
    }
}
