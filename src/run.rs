//! What the binary does: parse arguments, resolve settings, run one command, return its exit
//! code. Argument and config errors are reported here, before any terminal mode is entered,
//! with exit code 3 (monitoring "unknown").

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Utc};
use clap::Parser;

use crate::app::keys::KeyMap;
use crate::appearance::{ColorChoice, ColorDepth};
use crate::cli::{CheckFeedArgs, Cli, Command, DemoFeedArgs, Format, StatusArgs};
use crate::config::{self, Settings};
use crate::domain::aggregate::{AggregateOptions, aggregate};
use crate::domain::calendar::Calendar;
use crate::domain::model::Snapshot;
use crate::feed::parse_feed;
use crate::feed::source::{FeedSource, FetchOptions, Fetched, Fetcher, Secret};
use crate::i18n::Lang;
use crate::logging::{self, Sinks};
use crate::status::{AgeLimits, Level, assess};

/// Exit code for bad arguments or configuration (monitoring "unknown").
pub const EXIT_USAGE: u8 = 3;

/// Runs the program with these arguments (the first is the program name).
pub fn main_with(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // Generated from the clap definitions: no settings needed, so a broken config cannot
    // stop them.
    match &cli.command {
        Some(Command::Completions(args)) => return ExitCode::from(completions(args.shell)),
        Some(Command::Man) => return ExitCode::from(man_page()),
        _ => {}
    }
    let env = |key: &str| std::env::var(key).ok();
    let (settings, calendar) = match settings_and_calendar(&cli, &env) {
        Ok(pair) => pair,
        Err(message) => {
            eprintln!("investboard: {message}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let rust_log = env("RUST_LOG");
    let sinks = match cli.command {
        None => Sinks::dashboard(settings.log_file.as_deref()),
        Some(_) => Sinks::one_shot(
            settings.log_file.as_deref(),
            cli.common.verbose,
            rust_log.as_deref().is_some_and(|v| !v.is_empty()),
        ),
    };
    let filter = logging::filter(rust_log.as_deref(), cli.common.verbose);
    if let Err(message) = logging::init(sinks, filter) {
        eprintln!("investboard: {message}");
        return ExitCode::from(EXIT_USAGE);
    }
    tracing::debug!(
        config_file = ?settings.config_file,
        lang = %settings.lang.unwrap_or_default(),
        theme = %settings.theme,
        colours = settings.color_depth.name(),
        "settings resolved"
    );
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("investboard: cannot start the async runtime: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let code = runtime.block_on(async {
        match &cli.command {
            Some(Command::Status(args)) => status(&settings, &calendar, cli.common.now, args).await,
            Some(Command::CheckFeed(args)) => {
                check_feed(&settings, &calendar, cli.common.now, args).await
            }
            Some(Command::DemoFeed(args)) => demo_feed(cli.common.now, args).await,
            Some(Command::Doctor) => {
                crate::doctor::run(&settings, &calendar, cli.common.now, &env).await
            }
            Some(Command::Completions(_) | Command::Man) => 0,
            None => {
                if settings.color == ColorChoice::Always {
                    // crossterm drops colour codes under NO_COLOR by itself; --color always wins.
                    crossterm::style::Colored::set_ansi_color_disabled(false);
                }
                crate::dashboard::run(settings, calendar, cli.common.now).await
            }
        }
    });
    ExitCode::from(code)
}

/// Settings from every layer, checked, and the calendar with any user-supplied years.
pub fn settings_and_calendar(
    cli: &Cli,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(Settings, Calendar), String> {
    let config_file = config::locate(cli.common.config.as_deref(), env);
    let file_layer = match &config_file {
        Some(path) => config::read_file(path).map_err(|e| e.to_string())?,
        None => config::Layer::default(),
    };
    let env_layer = config::env_layer(env).map_err(|e| e.to_string())?;
    let mut settings = Settings::resolve(cli.layer(), env_layer, file_layer, config_file);
    settings.validate().map_err(|e| {
        // A value from the file: name the file, as for every other config error.
        match &settings.config_file {
            Some(path) if e.to_string().contains("(from config file)") => {
                format!("{}: {e}", path.display())
            }
            _ => e.to_string(),
        }
    })?;
    if let Err(e) = KeyMap::from_table(&settings.keys) {
        let file = settings
            .config_file
            .as_ref()
            .map_or_else(|| "config".to_owned(), |p| p.display().to_string());
        return Err(format!("{file}: [keys] {e}"));
    }
    // Decided here, from the environment, so the rest of the program sees one answer.
    settings.lang = Some(
        settings
            .lang
            .unwrap_or_else(|| Lang::from_environment(env).0),
    );
    settings.color_depth = ColorDepth::detect(settings.color, env).0;
    let mut calendar = Calendar::embedded();
    if let Some(path) = &settings.calendar_file {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        let extra = Calendar::from_toml_str(&text, &path.display().to_string())
            .map_err(|e| e.to_string())?;
        calendar.merge(extra);
    }
    Ok((settings, calendar))
}

/// The current time in the configured zone, or the frozen `--now`.
pub fn now_in_zone(
    settings: &Settings,
    frozen: Option<DateTime<FixedOffset>>,
) -> DateTime<FixedOffset> {
    frozen.map_or_else(
        || Utc::now().with_timezone(&settings.utc_offset),
        |now| now.with_timezone(&settings.utc_offset),
    )
}

pub fn aggregate_options(settings: &Settings) -> AggregateOptions {
    AggregateOptions {
        default_limit_working_days: settings.default_limit_working_days,
        ..AggregateOptions::default()
    }
}

/// Fetch options from settings, with the token from `INVESTBOARD_TOKEN` or the token file.
pub fn fetch_options(settings: &Settings) -> Result<FetchOptions, String> {
    let token = match Secret::from_env().map_err(|e| e.to_string())? {
        Some(token) => Some(token),
        None => settings
            .token_file
            .as_deref()
            .map(Secret::from_file)
            .transpose()
            .map_err(|e| e.to_string())?,
    };
    Ok(FetchOptions {
        connect_timeout: settings.connect_timeout,
        total_timeout: settings.request_timeout,
        max_body_bytes: settings.max_body_bytes,
        token,
        https_only: settings.https_only,
        ..FetchOptions::default()
    })
}

/// Where the feed comes from, as shown to users.
pub const DEMO_SOURCE_LABEL: &str = "embedded demo feed";

/// Fetches and parses the feed once. `Err` carries a one-line reason, safe to print.
async fn load_once(
    feed: Option<&str>,
    settings: &Settings,
    now: DateTime<FixedOffset>,
) -> Result<(String, Result<Snapshot, String>), String> {
    let Some(feed) = feed else {
        let demo = crate::demo::DemoFeed::new(
            crate::demo::DEFAULT_SEED,
            now,
            crate::demo::DEFAULT_PROJECTS,
        );
        let parsed = parse_feed(&demo.document_at(now)).map_err(|e| e.to_string());
        return Ok((DEMO_SOURCE_LABEL.to_owned(), parsed));
    };
    let source = FeedSource::parse(feed).map_err(|e| format!("--feed: {e}"))?;
    let label = source.display_redacted();
    let warning = source.plain_http_warning();
    let options = fetch_options(settings)?;
    // A client that cannot be built (https_only with an http URL, a token that is not a
    // header value) is a configuration error, found before any contact: exit 3, like the
    // dashboard.
    let mut fetcher = Fetcher::new(source, options).map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    let mut parsed = match fetcher.fetch().await {
        Ok(Fetched::Modified { body, .. }) => {
            tracing::info!(
                source = %label,
                bytes = body.len(),
                millis = started.elapsed().as_millis(),
                "feed fetched"
            );
            parse_feed(&body).map_err(|e| e.to_string())
        }
        Ok(Fetched::NotModified) => Err("the feed sent no data".to_owned()),
        Err(e) => Err(e.to_string()),
    };
    if let Err(error) = &parsed {
        tracing::warn!(
            source = %crate::sanitize::sanitize(&label),
            error = %crate::sanitize::sanitize(error),
            millis = started.elapsed().as_millis(),
            "feed unusable"
        );
    }
    if let (Ok(snapshot), Some(warning)) = (&mut parsed, warning) {
        snapshot.warnings.push(warning.to_owned());
    }
    Ok((label, parsed))
}

async fn status(
    settings: &Settings,
    calendar: &Calendar,
    frozen: Option<DateTime<FixedOffset>>,
    args: &StatusArgs,
) -> u8 {
    let now = now_in_zone(settings, frozen);
    let (source, parsed) = match load_once(settings.feed.as_deref(), settings, now).await {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("investboard: {message}");
            return Level::Unknown.exit_code();
        }
    };
    let summary = parsed.as_ref().ok().map(|snapshot| {
        aggregate(
            snapshot,
            now.date_naive(),
            calendar,
            &aggregate_options(settings),
        )
    });
    let feed = match (&parsed, &summary) {
        (Ok(snapshot), Some(summary)) => Ok((snapshot, summary)),
        (Err(e), _) => Err(e.clone()),
        (Ok(_), None) => Err("internal: no summary".to_owned()),
    };
    let limits = AgeLimits {
        warn: settings.warn_age,
        crit: settings.crit_age,
    };
    let report = assess(now, source, feed, limits);
    tracing::info!(level = report.level.word(), summary = %report.summary_line(), "status");
    let mut out = std::io::stdout().lock();
    let written = match args.format {
        Format::Text => report.write_text(&mut out, settings.lang.unwrap_or_default()),
        Format::Json => report.write_json(&mut out),
    };
    if let Err(e) = written.and_then(|()| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("investboard: cannot write the report: {e}");
    }
    report.level.exit_code()
}

async fn check_feed(
    settings: &Settings,
    calendar: &Calendar,
    frozen: Option<DateTime<FixedOffset>>,
    args: &CheckFeedArgs,
) -> u8 {
    let now = now_in_zone(settings, frozen);
    let feed = args.source.as_deref().or(settings.feed.as_deref());
    let (source, parsed) = match load_once(feed, settings, now).await {
        Ok(loaded) => loaded,
        Err(message) => {
            eprintln!("investboard: {message}");
            return EXIT_USAGE;
        }
    };
    let mut out = std::io::stdout().lock();
    match crate::check::write_report(&mut out, &source, &parsed, now.date_naive(), calendar) {
        Ok(code) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            if parsed.is_err() {
                crate::check::UNUSABLE
            } else {
                crate::check::CLEAN
            }
        }
        Err(e) => {
            eprintln!("investboard: cannot write the report: {e}");
            crate::check::UNUSABLE
        }
    }
}

async fn demo_feed(frozen: Option<DateTime<FixedOffset>>, args: &DemoFeedArgs) -> u8 {
    let zone = config::china_standard_time();
    let epoch = frozen.unwrap_or_else(|| Utc::now().with_timezone(&zone));
    let feed = crate::demo::DemoFeed::new(args.seed, epoch, args.projects);
    if let Some(path) = &args.write {
        return match write_demo(&feed, epoch, path) {
            Ok(()) => 0,
            // `demo-feed --write - | head` is fine: the reader had enough.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                eprintln!("investboard: {}: {e}", path.display());
                1
            }
        };
    }
    let Some(addr) = &args.listen else {
        return EXIT_USAGE;
    };
    let (listener, bound) = match crate::demo::server::bind(addr).await {
        Ok(pair) => pair,
        Err(e) => {
            eprintln!("investboard: cannot listen on {addr}: {e}");
            return 1;
        }
    };
    eprintln!("investboard: serving the demo feed on http://{bound}/ (Ctrl-C to stop)");
    let clock = move || match frozen {
        Some(now) => now,
        None => Utc::now().with_timezone(&zone),
    };
    tokio::select! {
        result = crate::demo::server::serve(listener, std::sync::Arc::new(feed), clock) => {
            if let Err(e) = result {
                eprintln!("investboard: demo server stopped: {e}");
                return 1;
            }
            0
        }
        () = crate::shutdown_signal() => 0,
    }
}

fn write_demo(
    feed: &crate::demo::DemoFeed,
    now: DateTime<FixedOffset>,
    path: &Path,
) -> std::io::Result<()> {
    if path == Path::new("-") {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        feed.write_document_at(now, &mut out)?;
        return out.flush();
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    feed.write_document_at(now, &mut out)?;
    out.flush()
}

fn completions(shell: clap_complete::Shell) -> u8 {
    let mut command = <Cli as clap::CommandFactory>::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut command, "investboard", &mut out);
    0
}

fn man_page() -> u8 {
    let command = <Cli as clap::CommandFactory>::command();
    let mut page = Vec::new();
    if let Err(e) = clap_mangen::Man::new(command).render(&mut page) {
        eprintln!("investboard: cannot render the manual page: {e}");
        return 1;
    }
    // clap_mangen opens with string definitions; the title line goes first, as man(7) shows.
    let text = String::from_utf8_lossy(&page);
    let (title, rest): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.starts_with(".TH "));
    let mut out = std::io::stdout().lock();
    let written = title
        .iter()
        .chain(&rest)
        .try_for_each(|line| writeln!(out, "{line}"));
    match written.and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("investboard: cannot write the manual page: {e}");
            1
        }
    }
}
