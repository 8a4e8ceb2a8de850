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
use unicode_width::UnicodeWidthStr;

use crate::appearance::{ColorDepth, Glyphs};
use crate::config::{Origin, Settings};
use crate::domain::calendar::{Calendar, year_ranges};
use crate::exit::Exit;
use crate::feed::FeedProblem;
use crate::feed::open::open;
use crate::feed::source::{FeedSource, Fetched};
use crate::i18n::DoctorLabels;
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

/// Everything `doctor` found, in sections, and the language of its verdict.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub sections: Vec<(&'static str, Vec<Check>)>,
    pub lang: Lang,
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
            // Display width, so Chinese names (two columns a character) line up too.
            let width = checks.iter().map(|c| c.name.width()).max().unwrap_or(0);
            for check in checks {
                let mark = match check.mark {
                    Mark::Fine => "  ",
                    Mark::Notice => "! ",
                    Mark::Degraded => "!!",
                };
                let padding = " ".repeat(width.saturating_sub(check.name.width()));
                writeln!(out, "{mark} {}{padding}  {}", check.name, check.value)?;
            }
            writeln!(out)?;
        }
        let l = &self.lang.labels().doctor;
        let verdict = if self.degraded() {
            l.degraded
        } else if self.any(Mark::Notice) {
            l.ok_with_notices
        } else {
            l.ok
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
fn shown(l: &DoctorLabels, env: &dyn Fn(&str) -> Option<String>, name: &str) -> String {
    env(name).map_or_else(|| l.unset.to_owned(), |v| format!("{:?}", sanitize(&v)))
}

fn origin_name(l: &DoctorLabels, origin: Origin) -> &'static str {
    let index = match origin {
        Origin::Default => 0,
        Origin::File => 1,
        Origin::Environment => 2,
        Origin::CommandLine => 3,
    };
    l.origins[index]
}

fn depth_name(l: &DoctorLabels, depth: ColorDepth) -> &'static str {
    let index = match depth {
        ColorDepth::None => 0,
        ColorDepth::Ansi16 => 1,
        ColorDepth::Ansi256 => 2,
        ColorDepth::TrueColor => 3,
    };
    l.colour_depths[index]
}

fn terminal_checks(
    l: &DoctorLabels,
    env: &dyn Fn(&str) -> Option<String>,
    settings: &Settings,
) -> Vec<Check> {
    let mut checks = Vec::new();
    if crate::tui::stdout_is_terminal() {
        match crossterm::terminal::size() {
            Ok((w, h)) if w < crate::ui::MIN_WIDTH || h < crate::ui::MIN_HEIGHT => {
                checks.push(problem(
                    l.size,
                    (l.too_small)(w, h, crate::ui::MIN_WIDTH, crate::ui::MIN_HEIGHT),
                ));
            }
            Ok((w, h)) => checks.push(check(l.size, format!("{w}x{h}"))),
            Err(e) => checks.push(check(l.size, (l.size_unknown)(&e.to_string()))),
        }
    } else {
        checks.push(check(l.size, l.not_a_terminal));
    }
    for name in ["TERM", "COLORTERM", "NO_COLOR"] {
        checks.push(check(name, shown(l, env, name)));
    }
    let (depth, why) = ColorDepth::detect(settings.color, env);
    checks.push(check(
        l.colours,
        (l.colours_value)(
            depth_name(l, depth),
            &(l.phrase)(&why),
            settings.color.name(),
        ),
    ));
    let theme = if depth == ColorDepth::None {
        (l.theme_without_colour)(settings.theme.name())
    } else {
        settings.theme.to_string()
    };
    checks.push(check(l.theme, theme));
    let (glyphs, why) = Glyphs::detect(settings.glyphs, env);
    checks.push(check(
        l.glyphs,
        (l.glyphs_value)(&glyphs.to_string(), &(l.phrase)(&why)),
    ));
    checks
}

fn locale_checks(
    l: &DoctorLabels,
    env: &dyn Fn(&str) -> Option<String>,
    settings: &Settings,
) -> Vec<Check> {
    let mut checks: Vec<Check> = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .map(|name| check(name, shown(l, env, name)))
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
            (l.lang_from)(origin_name(l, origin)),
        )
    };
    let why = (l.phrase)(&why);
    checks.push(check(
        l.language,
        (l.language_value)(lang == Lang::Zh, &lang.to_string(), &why),
    ));
    checks
}

/// Every setting with its value and where it came from.
fn setting_checks(l: &DoctorLabels, settings: &Settings) -> Vec<Check> {
    let file = settings
        .config_file
        .as_ref()
        .map_or_else(|| l.no_config_file.to_owned(), |p| p.display().to_string());
    let mut checks = vec![check(l.config_file, file)];
    let keys = if settings.keys.is_empty() {
        l.default_keys.to_owned()
    } else {
        let names: Vec<&str> = settings.keys.keys().map(String::as_str).collect();
        (l.rebound)(&names.join(", "))
    };
    let mut values = settings.shown();
    // The setting key, not a translated word: it is what the config file and --help say.
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
        // Unset settings read "(unset)" and the like, written where they are declared.
        let value = if origin == Origin::Default {
            (l.phrase)(&value)
        } else {
            value
        };
        let via = if settings.from_profile.contains(name) {
            (l.via_profile)(settings.profile.map_or("?", |p| p.name()))
        } else {
            String::new()
        };
        checks.push(check(
            name,
            (l.setting_value)(&value, origin_name(l, origin), &via),
        ));
    }
    if std::env::var_os("INVESTBOARD_TOKEN").is_some_and(|t| !t.is_empty()) {
        checks.push(check(l.token, l.token_hidden));
    }
    checks
}

/// Fetches the feed once with the configured fetcher (the embedded demo when none is set),
/// reporting each step: the source, the token, the answer.
async fn feed_checks(l: &DoctorLabels, startup: &Startup) -> Vec<Check> {
    let started = Instant::now();
    let Some(feed) = startup.settings.feed.as_deref() else {
        let body = super::demo_document(startup);
        return vec![
            check(l.source, l.demo_source),
            parsed_check(l, startup.lang(), body.into(), started.elapsed()),
        ];
    };
    let source = match FeedSource::parse(feed) {
        Ok(source) => source,
        Err(e) => return vec![problem(l.source, sanitize(&e.to_string()))],
    };
    let mut checks = vec![check(l.source, source.display_redacted())];
    let options = match startup.fetch_options() {
        Ok(options) => options,
        Err(e) => {
            checks.push(problem(l.token, sanitize(&e.to_string())));
            return checks;
        }
    };
    let result = match open(source, options) {
        Ok(mut opened) => opened.fetcher.fetch().await,
        Err(e) => Err(e),
    };
    let lang = startup.lang();
    let elapsed = started.elapsed();
    match result {
        Ok(Fetched::Modified { body, .. }) => checks.push(parsed_check(l, lang, body, elapsed)),
        Ok(Fetched::NotModified) => {
            checks.push(problem(l.reachable, (l.no_data)(elapsed.as_millis())));
        }
        Err(e) => {
            tracing::warn!(error = %sanitize(&e.to_string()), "doctor: feed unreachable");
            let words = FeedProblem::from(&e);
            checks.push(problem(
                l.reachable,
                (l.unreachable)(elapsed.as_millis(), &sanitize(words.in_lang(lang))),
            ));
        }
    }
    checks
}

fn parsed_check(
    l: &DoctorLabels,
    lang: Lang,
    body: crate::feed::body::Body,
    elapsed: Duration,
) -> Check {
    let fetched = (l.fetched)(body.len(), elapsed.as_millis());
    match crate::feed::parse_body(body) {
        Ok(snapshot) => check(
            l.reachable,
            (l.parsed)(&fetched, snapshot.projects.len(), snapshot.rejected.len()),
        ),
        Err(e) => problem(
            l.reachable,
            (l.unusable)(&fetched, &sanitize(FeedProblem::from(&e).in_lang(lang))),
        ),
    }
}

fn calendar_checks(
    l: &DoctorLabels,
    calendar: &Calendar,
    settings: &Settings,
    today: NaiveDate,
) -> Vec<Check> {
    let covered = calendar.covered_years();
    let range = if covered.is_empty() {
        l.no_years.to_owned()
    } else {
        year_ranges(&covered)
    };
    let extra = settings
        .calendar_file
        .as_ref()
        .map_or_else(String::new, |p| (l.with_file)(&p.display().to_string()));
    let mut checks = vec![check(l.holiday_table, format!("{range}{extra}"))];
    let year = today.year();
    if calendar.covers_year(year) {
        checks.push(check(l.this_year, (l.year_covered)(year)));
    } else {
        checks.push(problem(l.this_year, (l.year_not_covered)(year)));
    }
    if let Some(next) = calendar.next_year_uncovered(today) {
        checks.push(notice(l.next_year, (l.next_year_missing)(next)));
    }
    checks
}

/// Gathers the report and writes it to stdout; returns the exit code.
pub async fn run(startup: &Startup, env: &dyn Fn(&str) -> Option<String>) -> Exit {
    let settings = &startup.settings;
    let now = startup.now();
    let lang = startup.lang();
    let l = &lang.labels().doctor;
    let mut settings_section = setting_checks(l, settings);
    // Bindings that do not parse stop every command at start-up; these are the ones in force.
    settings_section.push(check(l.key_bindings, l.bindings_valid));
    let report = Report {
        sections: vec![
            (
                "investboard",
                vec![check(l.version, env!("CARGO_PKG_VERSION"))],
            ),
            (l.terminal, terminal_checks(l, env, settings)),
            (l.locale, locale_checks(l, env, settings)),
            (l.settings, settings_section),
            (l.feed, feed_checks(l, startup).await),
            (
                l.calendar,
                calendar_checks(l, &startup.calendar, settings, now.date_naive()),
            ),
        ],
        lang,
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

    fn en() -> &'static DoctorLabels {
        &Lang::En.labels().doctor
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
            lines(&calendar_checks(
                en(),
                &calendar,
                &settings,
                day("2026-10-31")
            )),
            [
                (Mark::Fine, "holiday table: 2020-2026".to_owned()),
                (Mark::Fine, "this year: 2026 covered".to_owned()),
            ]
        );
        let november = calendar_checks(en(), &calendar, &settings, day("2026-11-01"));
        assert_eq!(
            lines(&november)[2],
            (
                Mark::Notice,
                "next year: 2027 not in the holiday table yet: when the State Council's notice is published, add the year with calendar_file (example in docs/configuration.md)".to_owned()
            )
        );
        let report = Report {
            sections: vec![("Calendar", november)],
            lang: Lang::En,
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
            lines(&calendar_checks(en(), &calendar, &settings, day("2028-12-02"))),
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
            lang: Lang::En,
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

    const DEMO_LIKE_FEED: &[u8] =
        br#"{"schema_version": 1, "generated_at": "2026-12-02T09:00:00+08:00", "projects": []}"#;

    /// A report built from every section that does no IO, with as many lines as a test can
    /// reach: `NO_COLOR` set, no locale, a calendar missing this year and next, an unusable feed.
    fn report_in(lang: Lang) -> Report {
        let l = &lang.labels().doctor;
        let settings = Settings::default();
        let env = |name: &str| (name == "NO_COLOR").then(|| "1".to_owned());
        let calendar = Calendar::embedded();
        let feed = vec![
            check(l.source, l.demo_source),
            // Parse errors are the feed's own words, shared with the dashboard: a valid feed here.
            parsed_check(l, lang, DEMO_LIKE_FEED.into(), Duration::from_millis(3)),
            problem(l.reachable, (l.unusable)("", "")),
            problem(l.reachable, (l.unreachable)(5, "")),
            problem(l.reachable, (l.no_data)(5)),
        ];
        let mut setting_lines = setting_checks(l, &settings);
        setting_lines.push(check(l.token, l.token_hidden));
        setting_lines.push(check(l.keys, (l.rebound)("quit")));
        setting_lines.push(check(l.key_bindings, l.bindings_valid));
        let mut terminal = terminal_checks(l, &env, &settings);
        terminal.push(problem(l.size, (l.too_small)(40, 10, 60, 16)));
        terminal.push(check(l.size, (l.size_unknown)("")));
        terminal.push(check(l.size, l.not_a_terminal));
        terminal.push(check(l.theme, (l.theme_without_colour)("dark")));
        Report {
            sections: vec![
                ("investboard", vec![check(l.version, "1.0.0")]),
                (l.terminal, terminal),
                (l.locale, locale_checks(l, &|_| None, &settings)),
                (l.settings, setting_lines),
                (l.feed, feed),
                (
                    l.calendar,
                    calendar_checks(l, &calendar, &settings, day("2028-11-02")),
                ),
            ],
            lang,
        }
    }

    /// `80x24`, a terminal size.
    fn is_size(word: &str) -> bool {
        word.split_once('x').is_some_and(|(w, h)| {
            [w, h]
                .iter()
                .all(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
        })
    }

    #[test]
    fn the_chinese_report_has_no_english_words_but_names_paths_keys_and_units() {
        let settings = Settings::default();
        // What a person types or searches for stays as typed: setting keys and their values,
        // environment variables, flags, paths, units and the product's own names.
        let mut allowed: Vec<String> = settings
            .shown()
            .into_iter()
            .flat_map(|(key, value)| {
                let value = if value.starts_with('(') {
                    String::new()
                } else {
                    value
                };
                [key.to_owned(), value]
            })
            .collect();
        allowed.extend(
            [
                "investboard",
                "TERM",
                "COLORTERM",
                "NO_COLOR",
                "LC_ALL",
                "LC_MESSAGES",
                "LANG",
                "INVESTBOARD_TOKEN",
                "XDG_CONFIG_HOME",
                "config",
                "toml",
                "docs",
                "configuration",
                "md",
                "color",
                "auto",
                "unicode",
                "en",
                "zh",
                "bn",
                "m",
                "ms",
                "x",
                "status",
                "profile",
                "schema_version",
                "quit",
                "Linux",
                "keys",
            ]
            .map(str::to_owned),
        );
        let report = report_in(Lang::Zh);
        assert!(report.degraded());
        let text = written(&report);
        let english: Vec<&str> = text
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
            .filter(|word| !is_size(word))
            .filter(|word| {
                !allowed
                    .iter()
                    .any(|a| a.split(['-', ' ']).any(|p| p == *word))
            })
            .collect();
        assert!(english.is_empty(), "English words {english:?} in\n{text}");
        assert!(
            text.contains("\n   颜色       无颜色（已设置 NO_COLOR；--color auto）\n"),
            "{text}"
        );
        assert!(text.contains("!! 今年"), "{text}");
        assert!(text.ends_with("降级：见标 !! 的行（退出码 1）\n"), "{text}");
    }

    #[test]
    fn chinese_names_line_up_by_display_width() {
        let report = Report {
            sections: vec![(
                "数据源",
                vec![check("来源", "a"), check("可访问", "b"), check("TERM", "c")],
            )],
            lang: Lang::Zh,
        };
        let text = written(&report);
        assert!(
            text.starts_with("数据源\n   来源    a\n   可访问  b\n   TERM    c\n"),
            "{text}"
        );
    }

    #[test]
    fn the_english_report_keeps_its_words() {
        let text = written(&report_in(Lang::En));
        for line in [
            "   colours    no colour (NO_COLOR is set; --color auto)\n",
            "   glyphs     unicode (not the Linux console)\n",
            "!! size       40x10: too small, the dashboard needs 60x16\n",
            "   language     en: English labels, amounts in bn/m (no LC_ALL, LC_MESSAGES or LANG set)\n",
            "   keys                        defaults  (default)\n",
            "   feed                        (unset: the embedded demo feed)  (default)\n",
            "DEGRADED: see the lines marked !! (exit 1)\n",
        ] {
            assert!(text.contains(line), "{line:?} not in\n{text}");
        }
    }
}
