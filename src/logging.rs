//! Logs through `tracing`: to the `log_file` when one is configured, to stderr only when a
//! one-shot command is asked to (`-v` or `RUST_LOG`), and never to the terminal while the
//! dashboard is up. `RUST_LOG` picks the level (an `EnvFilter`); the default is `info`, and
//! `-v` adds `debug` for investboard itself.
//!
//! Whatever is logged is already terminal-safe: feed text is `SafeText`, and error strings
//! pass through `sanitize::sanitize` at the call site.

use std::fs::{File, OpenOptions};
use std::path::Path;
use std::sync::Mutex;

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::writer::BoxMakeWriter;
use tracing_subscriber::layer::SubscriberExt as _;
use tracing_subscriber::util::SubscriberInitExt as _;

/// Where logs go for one run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sinks<'a> {
    pub file: Option<&'a Path>,
    pub stderr: bool,
}

impl<'a> Sinks<'a> {
    /// The dashboard owns the terminal: the file or nothing.
    pub fn dashboard(file: Option<&'a Path>) -> Sinks<'a> {
        Sinks {
            file,
            stderr: false,
        }
    }

    /// A one-shot command: the file if configured, and stderr when asked for.
    pub fn one_shot(file: Option<&'a Path>, verbose: bool, rust_log_set: bool) -> Sinks<'a> {
        Sinks {
            file,
            stderr: verbose || rust_log_set,
        }
    }
}

/// The filter: `RUST_LOG` when set and valid, else `info` (with `debug` for investboard when
/// verbose).
pub fn filter(rust_log: Option<&str>, verbose: bool) -> EnvFilter {
    let default = if verbose {
        "info,investboard=debug"
    } else {
        "info"
    };
    rust_log
        .filter(|v| !v.is_empty())
        .and_then(|v| EnvFilter::try_new(v).ok())
        .unwrap_or_else(|| EnvFilter::new(default))
}

fn open(path: &Path) -> Result<File, String> {
    crate::small_file::refuse_as_log(path)
        .map_err(|e| format!("log_file {}: {e}", path.display()))?;
    OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| format!("log_file {}: cannot open: {e}", path.display()))
}

/// Installs the global subscriber for this process. Nothing is installed when there is
/// nowhere to write. An unopenable log file is an error (a config error: exit 3).
pub fn init(sinks: Sinks<'_>, filter: EnvFilter) -> Result<(), String> {
    if sinks.file.is_none() && !sinks.stderr {
        return Ok(());
    }
    let file_layer = match sinks.file {
        Some(path) => {
            let file = Mutex::new(open(path)?);
            Some(
                tracing_subscriber::fmt::layer()
                    .with_writer(BoxMakeWriter::new(file))
                    .with_ansi(false),
            )
        }
        None => None,
    };
    let stderr_layer = sinks.stderr.then(|| {
        tracing_subscriber::fmt::layer()
            .with_writer(BoxMakeWriter::new(std::io::stderr))
            .with_ansi(false)
    });
    // A second init in one process (tests) keeps the first subscriber.
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(file_layer)
        .with(stderr_layer)
        .try_init();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sinks_never_include_stderr_for_the_dashboard() {
        let path = Path::new("/tmp/x.log");
        assert!(!Sinks::dashboard(Some(path)).stderr);
        assert!(!Sinks::dashboard(None).stderr);
        assert!(Sinks::one_shot(None, true, false).stderr);
        assert!(Sinks::one_shot(None, false, true).stderr);
        assert!(!Sinks::one_shot(Some(path), false, false).stderr);
    }

    #[test]
    fn filter_defaults_to_info() {
        assert_eq!(filter(None, false).to_string(), "info");
        assert_eq!(filter(Some(""), false).to_string(), "info");
        assert_eq!(filter(Some("debug"), false).to_string(), "debug");
        assert!(filter(None, true).to_string().contains("investboard=debug"));
    }
}
