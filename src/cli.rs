//! Command-line interface: flags and subcommands (clap derive). The contract for scripts:
//! flag names and exit codes are documented in README.md and only ever extended.

#![expect(
    clippy::doc_markdown,
    reason = "doc comments here are clap help text, shown verbatim to users"
)]

use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::appearance::{ColorChoice, Glyphs, TargetColors, Theme};
use crate::config::{Layer, Profile, parse_duration};
use crate::import::Encoding;
use crate::lang::Lang;
use crate::status::Check;

pub const EXAMPLES: &str = "\
Examples:
  investboard                                  live dashboard on the embedded demo feed
  investboard --feed https://host/feed.json    live dashboard on a real feed
  investboard --wall                           wall-screen mode: rotating views, large figures
  investboard --profile wall --redact          the visitor-facing wall: names and amounts hidden
  investboard --lang zh --theme light          Chinese labels (亿/万) on a light terminal
  NO_COLOR=1 investboard                       no colour codes at all (words and symbols stay)
  investboard --log-file /tmp/ib.log           log polls to a file (RUST_LOG=debug for more)
  investboard status                           one-shot summary; exit 0 ok, 1 warning, 2 critical, 3 unknown
  investboard status --format json --feed feed.json
  investboard status --check targets           exit 1 when a quarter metric is behind pace
  investboard status --format openmetrics      for node_exporter's textfile collector
  investboard check-feed feed.json             list every rejected record and warning
  investboard demo-feed --listen 127.0.0.1:8080
  investboard import 台账.xlsx --write feed.json   a ledger spreadsheet becomes the feed
  investboard report --feed feed.json --lang zh  the meeting brief in Markdown
  investboard report --format xlsx --output brief.xlsx
  investboard doctor                           what was detected and will be used; exit 0/1/3
  investboard completions bash > /etc/bash_completion.d/investboard
  investboard man > investboard.1";

#[derive(Debug, Parser)]
#[command(
    name = "investboard",
    version,
    about = "Terminal dashboard for a city's investment-promotion command room",
    long_about = "Polls a JSON feed of investment projects (signings, starts, approvals, quarterly \
targets) and shows live panels, or prints a one-shot status for scripts. With no feed configured it \
runs on an embedded, moving demo feed.",
    after_help = EXAMPLES
)]
pub struct Cli {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each bool is one clap switch"
)]
pub struct CommonArgs {
    /// Feed to read: an http(s) URL, a file path, or - for standard input [default: embedded demo]
    #[arg(long, global = true, value_name = "URL|PATH|-")]
    pub feed: Option<String>,
    /// Config file [default: $XDG_CONFIG_HOME/investboard/config.toml if present]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Freeze the clock at this RFC 3339 time (reproducible checks and demos)
    #[arg(long, global = true, value_name = "RFC3339", value_parser = parse_now)]
    pub now: Option<DateTime<FixedOffset>>,
    /// Poll interval for the dashboard, e.g. 5s or 1m
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub interval: Option<Duration>,
    /// Wall-screen mode: rotating views, large figures, no key hints
    #[arg(long, global = true)]
    pub wall: bool,
    /// Wall mode: close help, details, filters and selections and resume the rotation after
    /// this long without input, e.g. 60s
    #[arg(long, global = true, value_name = "DURATION", value_parser = parse_duration)]
    pub wall_idle_reset: Option<Duration>,
    /// A set of defaults: wall (wall mode, high-contrast) or operator (everything shown)
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub profile: Option<Profile>,
    /// Hide investor and project names and per-project amounts (visitor-facing wall)
    #[arg(long, global = true)]
    pub redact: bool,
    /// Labels: zh (亿/万) or en (bn/m) [default: from LC_ALL, LC_MESSAGES or LANG]
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub lang: Option<Lang>,
    /// Colour theme [default: dark]
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub theme: Option<Theme>,
    /// Colour: auto (NO_COLOR, COLORTERM, TERM decide), always or never [default: auto]
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub color: Option<ColorChoice>,
    /// Characters: unicode, or console (what the Linux console fonts carry) [default: console
    /// when TERM=linux]
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub glyphs: Option<Glyphs>,
    /// Mouse: clicks select panels and rows, the wheel scrolls [default: on; off with --profile wall]
    #[arg(long, global = true, overrides_with = "no_mouse")]
    pub mouse: bool,
    /// No mouse: the terminal's own text selection works as usual
    #[arg(long, global = true, overrides_with = "mouse")]
    pub no_mouse: bool,
    /// What red and green mean for targets: red-on-target (this domain's convention) or
    /// green-on-target [default: red-on-target]
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub target_colors: Option<TargetColors>,
    /// Write logs to this file (RUST_LOG sets the level; default info)
    #[arg(long, global = true, value_name = "PATH")]
    pub log_file: Option<PathBuf>,
    /// Log to stderr too (one-shot commands only; never while the dashboard is up)
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fetch the feed once, print a summary and exit with a monitoring-style code
    Status(StatusArgs),
    /// Validate a feed for its publisher: counts, rejected records, warnings
    CheckFeed(CheckFeedArgs),
    /// Serve or write the embedded demo feed
    DemoFeed(DemoFeedArgs),
    /// Turn a ledger spreadsheet (CSV, UTF-8 or GBK, or XLSX) into a feed
    Import(ImportArgs),
    /// Write the supervision meeting's brief: stalled approvals by department, signings,
    /// targets against pace, the pipeline (Markdown, CSV or XLSX)
    Report(ReportArgs),
    /// Say what was detected (terminal, colours, locale, config, feed, calendar) and what will be used
    Doctor,
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the manual page (roff)
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// OpenMetrics text (node_exporter's textfile collector, Prometheus)
    Openmetrics,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data older than this is a WARNING (exit 1), e.g. 30m
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub warn_age: Option<Duration>,
    /// Data older than this is CRITICAL (exit 2), e.g. 2h
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub crit_age: Option<Duration>,
    /// What sets the exit code (comma-separated); targets: a metric behind pace is a WARNING
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        value_name = "CHECKS",
        default_values_t = Check::DEFAULT,
        ignore_case = true
    )]
    pub check: Vec<Check>,
    /// Text form: at most this many lines after the summary line, then "… and N more"
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub max_lines: usize,
}

#[derive(Debug, Args)]
pub struct CheckFeedArgs {
    /// Feed to check: URL, path or - [default: --feed, the configured feed, or the demo]
    #[arg(value_name = "URL|PATH|-")]
    pub source: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("mode").required(true).args(["listen", "write"])))]
pub struct DemoFeedArgs {
    /// Serve the demo feed over HTTP (with ETag) on this address
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,
    /// Write one snapshot of the demo feed to this file (- for standard output)
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// Number of projects to generate
    #[arg(long, default_value_t = crate::demo::DEFAULT_PROJECTS)]
    pub projects: usize,
    /// Seed of the generator (same seed and time, same feed)
    #[arg(long, default_value_t = crate::demo::DEFAULT_SEED)]
    pub seed: u64,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The ledger: a CSV file or a workbook (XLSX, XLS, ODS); its other sheets may hold the
    /// approvals and the targets
    #[arg(value_name = "LEDGER")]
    pub ledger: PathBuf,
    /// Write the feed to this file, atomically (temporary file, then rename) [default: stdout]
    #[arg(long, value_name = "FILE")]
    pub write: Option<PathBuf>,
    /// TOML file naming the column of each field ([projects], [approvals], [targets])
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Text encoding of CSV files
    #[arg(long, value_enum, ignore_case = true, default_value_t = Encoding::Auto)]
    pub encoding: Encoding,
    /// The approvals table as its own file (instead of a sheet of the ledger)
    #[arg(long, value_name = "FILE")]
    pub approvals: Option<PathBuf>,
    /// The quarterly targets table as its own file (instead of a sheet of the ledger)
    #[arg(long, value_name = "FILE")]
    pub targets: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown: pastes into WeCom or DingTalk messages and documents
    Markdown,
    /// CSV, UTF-8 with a byte order mark (Excel opens it with the Chinese intact)
    Csv,
    /// An Excel workbook, one sheet per section (needs --output)
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Output format
    #[arg(long, value_enum, ignore_case = true, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Write the report to this file, atomically [default: stdout; xlsx needs a file]
    #[arg(long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The global flags that act in each subcommand, by clap id (the field name). The others are
/// still accepted there, so a script may pass the same flags to every command, but that
/// subcommand's `--help` leaves them out. A subcommand not listed takes them all: the dashboard
/// (no subcommand) and `doctor`, which shows every setting.
const ACTING_GLOBAL_FLAGS: &[(&str, &[&str])] = &[
    (
        "status",
        &["feed", "config", "now", "lang", "log_file", "verbose"],
    ),
    (
        "check-feed",
        &["feed", "config", "now", "lang", "log_file", "verbose"],
    ),
    // The feed it serves is generated (in the configured language and zone), not read.
    (
        "demo-feed",
        &["config", "now", "lang", "log_file", "verbose"],
    ),
    ("import", &["config", "now", "lang", "log_file", "verbose"]),
    (
        "report",
        &["feed", "config", "now", "lang", "log_file", "verbose"],
    ),
    // Generated from these definitions before any setting is read.
    ("completions", &[]),
    ("man", &[]),
];

fn parse_now(text: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(text)
        .map_err(|e| format!("not an RFC 3339 time ({e}); use e.g. 2022-03-31T17:00:00+08:00"))
}

impl Cli {
    /// The command line as parsed and as `--help`, the completions and the manual page show
    /// it: each subcommand's help lists only the global flags that act there.
    pub fn command() -> clap::Command {
        let mut command = <Cli as clap::CommandFactory>::command();
        let globals: Vec<clap::Arg> = command
            .get_arguments()
            .filter(|arg| arg.is_global_set())
            .cloned()
            .collect();
        // Building the command copies each global flag into every subcommand that does not
        // have it yet; a hidden copy put there first stays hidden, and parses as before.
        for &(name, acting) in ACTING_GLOBAL_FLAGS {
            command = command.mut_subcommand(name, |mut sub| {
                for arg in globals
                    .iter()
                    .filter(|arg| !acting.contains(&arg.get_id().as_str()))
                {
                    sub = sub.arg(arg.clone().hide(true));
                }
                sub
            });
        }
        command
    }

    /// Parses the arguments (the first is the program name) against [`Cli::command`].
    pub fn parse_args(
        args: impl IntoIterator<Item = impl Into<std::ffi::OsString> + Clone>,
    ) -> Result<Cli, clap::Error> {
        let mut command = Cli::command();
        let mut matches = command.try_get_matches_from_mut(args)?;
        <Cli as clap::FromArgMatches>::from_arg_matches_mut(&mut matches)
            .map_err(|e| e.format(&mut command))
    }

    /// The command line's settings layer (highest precedence).
    pub fn layer(&self) -> Layer {
        let (warn_age, crit_age) = match &self.command {
            Some(Command::Status(args)) => (args.warn_age, args.crit_age),
            _ => (None, None),
        };
        Layer {
            feed: self.common.feed.clone(),
            poll_interval: self.common.interval,
            warn_age,
            crit_age,
            wall: self.common.wall.then_some(true),
            wall_idle_reset: self.common.wall_idle_reset,
            profile: self.common.profile,
            redact: self.common.redact.then_some(true),
            lang: self.common.lang,
            theme: self.common.theme,
            color: self.common.color,
            glyphs: self.common.glyphs,
            target_colors: self.common.target_colors,
            log_file: self.common.log_file.clone(),
            mouse: match (self.common.mouse, self.common.no_mouse) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            ..Layer::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flags a help text lists: the first column of its option lines.
    fn listed_flags(help: &str) -> Vec<String> {
        help.lines()
            .map(str::trim_start)
            .filter(|line| line.starts_with('-'))
            .flat_map(|line| {
                line.split_whitespace()
                    .map(|token| token.trim_end_matches(','))
                    .take_while(|token| token.starts_with('-'))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    fn global_flags() -> Vec<(String, String)> {
        Cli::command()
            .get_arguments()
            .filter(|arg| arg.is_global_set())
            .map(|arg| {
                let long = arg.get_long().expect("every global flag is long");
                (arg.get_id().to_string(), format!("--{long}"))
            })
            .collect()
    }

    fn help_of(subcommand: &str) -> String {
        let error = Cli::parse_args(["investboard", subcommand, "--help"]).expect_err("help");
        assert_eq!(error.kind(), clap::error::ErrorKind::DisplayHelp);
        error.to_string()
    }

    #[test]
    fn each_subcommand_help_lists_the_global_flags_acting_there_and_no_other() {
        let globals = global_flags();
        assert!(globals.len() >= 17, "{globals:?}");
        let names: Vec<String> = Cli::command()
            .get_subcommands()
            .map(|sub| sub.get_name().to_owned())
            .collect();
        for name in &names {
            let listed = listed_flags(&help_of(name));
            let acting = ACTING_GLOBAL_FLAGS
                .iter()
                .find(|(sub, _)| sub == name)
                .map(|(_, acting)| *acting);
            for (id, flag) in &globals {
                let acts = acting.is_none_or(|acting| acting.contains(&id.as_str()));
                assert_eq!(
                    listed.contains(flag),
                    acts,
                    "{name} --help and {flag}: listed {listed:?}"
                );
            }
        }
        // The table names only subcommands and flags that exist.
        for (sub, acting) in ACTING_GLOBAL_FLAGS {
            assert!(names.iter().any(|n| n == sub), "{sub}");
            for id in *acting {
                assert!(globals.iter().any(|(g, _)| g == id), "{sub}: {id}");
            }
        }
    }

    #[test]
    fn the_examples_of_the_review_are_gone() {
        let status = listed_flags(&help_of("status"));
        for hidden in [
            "--wall",
            "--interval",
            "--redact",
            "--theme",
            "--color",
            "--mouse",
        ] {
            assert!(!status.iter().any(|f| f == hidden), "status lists {hidden}");
        }
        assert!(status.iter().any(|f| f == "--feed") && status.iter().any(|f| f == "--warn-age"));
        let demo = listed_flags(&help_of("demo-feed"));
        assert!(
            !demo.iter().any(|f| f == "--feed" || f == "--profile"),
            "{demo:?}"
        );
        let check = listed_flags(&help_of("check-feed"));
        assert!(!check.iter().any(|f| f == "--interval"), "{check:?}");
        let doctor = listed_flags(&help_of("doctor"));
        assert!(doctor.iter().any(|f| f == "--interval"), "{doctor:?}");
    }

    #[test]
    fn a_hidden_flag_is_still_accepted_and_still_sets_its_value() {
        let cli = Cli::parse_args([
            "investboard",
            "demo-feed",
            "--write",
            "-",
            "--feed",
            "f.json",
            "--profile",
            "wall",
            "--interval",
            "5s",
            "--wall",
            "--mouse",
        ])
        .expect("accepted as before");
        assert_eq!(cli.common.feed.as_deref(), Some("f.json"));
        assert_eq!(cli.common.profile, Some(Profile::Wall));
        assert_eq!(cli.common.interval, Some(Duration::from_secs(5)));
        assert!(cli.common.wall && cli.common.mouse);
        for (_, flag) in global_flags() {
            for sub in ["status", "check-feed", "report", "man"] {
                let error = Cli::parse_args(["investboard", sub, &flag]).err();
                assert!(
                    !error.is_some_and(|e| e.kind() == clap::error::ErrorKind::UnknownArgument),
                    "{sub} {flag} refused"
                );
            }
        }
    }
}
