//! What the binary does: parse the arguments, resolve everything decided once ([`Startup`]),
//! start logging and the async runtime, and hand over to one command. Argument and
//! configuration errors are reported here, before any terminal mode is entered, with exit 3
//! (monitoring "unknown").

use std::ffi::OsString;
use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use crate::cli::{Cli, Command};
use crate::command;
use crate::exit::Exit;
use crate::logging::{self, Sinks};
use crate::startup::Startup;

/// Runs the program with these arguments (the first is the program name).
pub fn main_with(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::parse_args(args) {
        Ok(cli) => cli,
        Err(e) => {
            let exit = if e.use_stderr() {
                Exit::Usage
            } else {
                Exit::Ok
            };
            let _ = e.print();
            return exit.into();
        }
    };
    // Generated from the clap definitions: no settings needed, so a broken config cannot
    // stop them.
    match &cli.command {
        Some(Command::Completions(args)) => {
            return command::reference::completions(args.shell).into();
        }
        Some(Command::Man) => return command::reference::man_page().into(),
        // Refused rather than silently ignored: a script asking for a redacted status would
        // otherwise print names it meant to hide. A profile that implies redact still works
        // (it is about the dashboard).
        Some(Command::Status(_)) if cli.common.redact => {
            let _ = writeln!(
                std::io::stderr(),
                "investboard: --redact: status is never redacted (its names and amounts are for \
                 monitoring); --redact hides them on the dashboard only"
            );
            return Exit::Usage.into();
        }
        _ => {}
    }
    let env = |key: &str| std::env::var(key).ok();
    let startup = match Startup::resolve(&cli, &env) {
        Ok(startup) => startup,
        Err(error) => {
            command::report_startup_error(&error);
            return Exit::Usage.into();
        }
    };
    if let Err(message) = start_logging(&cli, &startup, &env) {
        let _ = writeln!(std::io::stderr(), "investboard: {message}");
        return Exit::Usage.into();
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            command::report_io_error("cannot start the async runtime", &e);
            return Exit::Usage.into();
        }
    };
    let exit = runtime.block_on(async {
        match &cli.command {
            Some(Command::Status(args)) => command::status::run(&startup, args).await,
            Some(Command::CheckFeed(args)) => command::check_feed::run(&startup, args).await,
            Some(Command::DemoFeed(args)) => command::demo_feed::run(&startup, args).await,
            Some(Command::Import(args)) => command::import::run(&startup, args),
            Some(Command::Report(args)) => command::report::run(&startup, args).await,
            Some(Command::Doctor) => command::doctor::run(&startup, &env).await,
            Some(Command::Completions(_) | Command::Man) => Exit::Ok,
            None => command::dashboard::run(startup).await,
        }
    });
    // A read stuck on a FIFO, a hung mount or a silent DNS server holds a blocking thread
    // that no deadline reaches; the runtime would wait for it for ever. The answer is
    // already decided: leave.
    runtime.shutdown_timeout(SHUTDOWN_GRACE);
    exit.into()
}

/// How long the end of a command waits for blocking work still in flight.
const SHUTDOWN_GRACE: Duration = Duration::from_millis(200);

/// Logs to the file (and, for one-shot commands with `-v` or `RUST_LOG`, to stderr); the
/// dashboard never logs to the terminal it draws on.
fn start_logging(
    cli: &Cli,
    startup: &Startup,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(), String> {
    let settings = &startup.settings;
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
    logging::init(sinks, filter)?;
    tracing::debug!(
        config_file = ?settings.config_file,
        lang = %startup.lang(),
        theme = %settings.theme,
        colours = settings.color_depth.name(),
        "settings resolved"
    );
    Ok(())
}
