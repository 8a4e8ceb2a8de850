//! `investboard doctor`: what was detected and what will be used, for the person setting up a
//! wall screen or an SSH session. Exit 0 when all is usable, 1 when something is degraded
//! (feed unreachable or unusable, calendar not covering this year, terminal too small); config
//! errors never get here (exit 3 in `run`).
//!
//! Gathering ([`run`]) does IO; the report ([`Report::write`]) is pure text to an `impl Write`.

use std::io::{self, Write};
use std::time::{Duration, Instant};

use chrono::{DateTime, Datelike, FixedOffset};

use crate::app::keys::KeyMap;
use crate::appearance::ColorDepth;
use crate::config::{Origin, Settings};
use crate::domain::calendar::Calendar;
use crate::feed::source::{FeedSource, Fetched, Fetcher};
use crate::i18n::Lang;
use crate::sanitize::sanitize;

/// One line of the report: what, what was found, and whether it is a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    pub name: &'static str,
    pub value: String,
    pub degraded: bool,
}

/// Everything `doctor` found, in sections.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub sections: Vec<(&'static str, Vec<Check>)>,
}

impl Report {
    pub fn degraded(&self) -> bool {
        self.sections
            .iter()
            .flat_map(|(_, checks)| checks)
            .any(|c| c.degraded)
    }

    pub fn exit_code(&self) -> u8 {
        u8::from(self.degraded())
    }

    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        for (title, checks) in &self.sections {
            writeln!(out, "{title}")?;
            let width = checks.iter().map(|c| c.name.len()).max().unwrap_or(0);
            for check in checks {
                let mark = if check.degraded { "!!" } else { "  " };
                writeln!(out, "{mark} {:<width$}  {}", check.name, check.value)?;
            }
            writeln!(out)?;
        }
        let verdict = if self.degraded() {
            "DEGRADED: see the lines marked !! (exit 1)"
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
        degraded: false,
    }
}

fn problem(name: &'static str, value: impl Into<String>) -> Check {
    Check {
        name,
        value: value.into(),
        degraded: true,
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

/// Fetches the feed once with the configured fetcher (the embedded demo when none is set).
async fn feed_checks(settings: &Settings, now: DateTime<FixedOffset>) -> Vec<Check> {
    let started = Instant::now();
    let Some(feed) = settings.feed.as_deref() else {
        let demo = crate::demo::DemoFeed::new(
            crate::demo::DEFAULT_SEED,
            now,
            crate::demo::DEFAULT_PROJECTS,
        );
        let body = demo.document_at(now);
        return vec![
            check("source", crate::run::DEMO_SOURCE_LABEL),
            parsed_check(&body, started.elapsed()),
        ];
    };
    let source = match FeedSource::parse(feed) {
        Ok(source) => source,
        Err(e) => return vec![problem("source", sanitize(&e.to_string()))],
    };
    let mut checks = vec![check("source", source.display_redacted())];
    let options = match crate::run::fetch_options(settings) {
        Ok(options) => options,
        Err(e) => {
            checks.push(problem("token", sanitize(&e)));
            return checks;
        }
    };
    let result = match Fetcher::new(source, options) {
        Ok(mut fetcher) => fetcher.fetch().await.map_err(|e| e.to_string()),
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

fn calendar_checks(calendar: &Calendar, settings: &Settings, year: i32) -> Vec<Check> {
    let covered = calendar.covered_years();
    let range = match (covered.first(), covered.last()) {
        (Some(first), Some(last)) => format!("{first}-{last}"),
        _ => "none".to_owned(),
    };
    let extra = settings
        .calendar_file
        .as_ref()
        .map_or_else(String::new, |p| format!(", with {}", p.display()));
    let mut checks = vec![check("holiday table", format!("{range}{extra}"))];
    if calendar.covers_year(year) {
        checks.push(check("this year", format!("{year} covered")));
    } else {
        checks.push(problem(
            "this year",
            format!(
                "{year} NOT covered: working days counted Monday-Friday; add the year with calendar_file"
            ),
        ));
    }
    checks
}

/// Gathers the report and writes it to stdout; returns the exit code.
pub async fn run(
    settings: &Settings,
    calendar: &Calendar,
    frozen: Option<DateTime<FixedOffset>>,
    env: &dyn Fn(&str) -> Option<String>,
) -> u8 {
    let now = crate::run::now_in_zone(settings, frozen);
    let keys = match KeyMap::from_table(&settings.keys) {
        Ok(_) => check("key bindings", "valid"),
        Err(e) => problem("key bindings", e.to_string()),
    };
    let mut settings_section = setting_checks(settings);
    settings_section.push(keys);
    let report = Report {
        sections: vec![
            (
                "investboard",
                vec![check("version", env!("CARGO_PKG_VERSION"))],
            ),
            ("Terminal", terminal_checks(env, settings)),
            ("Locale", locale_checks(env, settings)),
            ("Settings (value, where it came from)", settings_section),
            ("Feed", feed_checks(settings, now).await),
            ("Calendar", calendar_checks(calendar, settings, now.year())),
        ],
    };
    let mut out = io::stdout().lock();
    if let Err(e) = report.write(&mut out).and_then(|()| out.flush())
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("investboard: cannot write the report: {e}");
    }
    report.exit_code()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_degraded_line_sets_exit_1_and_is_marked() {
        let mut report = Report {
            sections: vec![("Feed", vec![check("reachable", "yes")])],
        };
        assert_eq!(report.exit_code(), 0);
        report.sections[0]
            .1
            .push(problem("this year", "2031 NOT covered"));
        assert_eq!(report.exit_code(), 1);
        let mut out = Vec::new();
        report.write(&mut out).expect("written");
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("!! this year  2031 NOT covered"), "{text}");
        assert!(
            text.ends_with("DEGRADED: see the lines marked !! (exit 1)\n"),
            "{text}"
        );
    }
}
