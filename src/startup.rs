//! Everything a command needs that is decided once, before any work: the settings from every
//! layer (checked), the working-day calendar with any user-supplied years, the key bindings,
//! the clock, the language and the colour depth. Errors are typed and found before the
//! terminal enters raw mode; every one of them means exit 3.
//!
//! Depends on configuration, the domain and the feed's option types; knows nothing of the
//! terminal or of any command.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::app::keys::{KeyConfigError, KeyMap};
use crate::appearance::{ColorDepth, Glyphs};
use crate::cli::Cli;
use crate::clock::Clock;
use crate::config::{self, ConfigError, Settings};
use crate::domain::aggregate::AggregateOptions;
use crate::domain::calendar::{Calendar, CalendarError};
use crate::feed::open::{OpenedFeed, open};
use crate::feed::source::{FeedSource, FetchError, FetchOptions, Secret, SourceError};
use crate::lang::Lang;
use crate::small_file::{self, SmallFileError};

/// Largest calendar file read: a year of holidays is under a KiB.
const MAX_CALENDAR_BYTES: u64 = 1024 * 1024;

/// Why the program cannot start: a mistake in the arguments, the environment or a file.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{file}: [keys] {source}")]
    Keys {
        /// The config file, or "config" when the bindings came from nowhere else.
        file: String,
        source: KeyConfigError,
    },
    #[error("{path}: cannot read: {source}")]
    CalendarRead {
        path: String,
        source: SmallFileError,
    },
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// The feed address (`--feed`, `INVESTBOARD_FEED`, `feed =`) or the token.
    #[error("{0}")]
    Source(#[from] SourceError),
    #[error("--feed: {0}")]
    Address(SourceError),
    /// The feed's client cannot be built (`https_only` with an http URL, a token that is not a
    /// header value): found before any contact.
    #[error(transparent)]
    Client(#[from] FetchError),
}

/// What every command starts from.
#[derive(Debug)]
pub struct Startup {
    /// Final: `lang` and `color_depth` are decided here, from the environment.
    pub settings: Settings,
    pub calendar: Calendar,
    pub keys: KeyMap,
    /// The system clock in the configured zone, or the moment frozen by `--now`.
    pub clock: Clock,
}

impl Startup {
    /// Resolves the settings (flags > environment > file > defaults), checks them, and reads
    /// the calendar file. `env` stands in for the process environment.
    pub fn resolve(
        cli: &Cli,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Startup, StartupError> {
        let config_file = config::locate(cli.common.config.as_deref(), env);
        let file_layer = match &config_file {
            Some(path) => config::read_file(path)?,
            None => config::Layer::default(),
        };
        let env_layer = config::env_layer(env)?;
        let mut settings = Settings::resolve(cli.layer(), env_layer, file_layer, config_file);
        settings.validate()?;
        let keys = KeyMap::from_table(&settings.keys).map_err(|source| StartupError::Keys {
            file: settings
                .config_file
                .as_ref()
                .map_or_else(|| "config".to_owned(), |p| p.display().to_string()),
            source,
        })?;
        settings.glyph_set = Glyphs::detect(settings.glyphs, env).0;
        // The console fonts cannot draw Chinese: English unless a language was asked for.
        settings.lang = Some(settings.lang.unwrap_or_else(|| match settings.glyph_set {
            Glyphs::Console => Lang::En,
            Glyphs::Unicode => Lang::from_environment(env).0,
        }));
        settings.color_depth = ColorDepth::detect(settings.color, env).0;
        let calendar = match &settings.calendar_file {
            Some(path) => with_calendar_file(path)?,
            None => Calendar::embedded(),
        };
        let clock = match cli.common.now {
            Some(now) => Clock::Frozen(now.with_timezone(&settings.utc_offset)),
            None => Clock::System(settings.utc_offset),
        };
        Ok(Startup {
            settings,
            calendar,
            keys,
            clock,
        })
    }

    /// The language every command speaks (decided in [`Startup::resolve`]).
    pub fn lang(&self) -> Lang {
        self.settings.lang.unwrap_or_default()
    }

    /// The current time in the configured zone, or the frozen `--now`.
    pub fn now(&self) -> DateTime<FixedOffset> {
        self.clock.now()
    }

    /// The moment frozen by `--now`, if any.
    pub fn frozen(&self) -> Option<DateTime<FixedOffset>> {
        match self.clock {
            Clock::Frozen(at) => Some(at),
            Clock::System(_) => None,
        }
    }

    pub fn aggregate_options(&self) -> AggregateOptions {
        AggregateOptions {
            default_limit_working_days: self.settings.default_limit_working_days,
            ..AggregateOptions::default()
        }
    }

    /// Fetch options from the settings, with the token from `INVESTBOARD_TOKEN` or the token
    /// file (read now, so a bad one is a start-up error).
    pub fn fetch_options(&self) -> Result<FetchOptions, StartupError> {
        let token = match Secret::from_env()? {
            Some(token) => Some(token),
            None => self
                .settings
                .token_file
                .as_deref()
                .map(Secret::from_file)
                .transpose()?,
        };
        Ok(FetchOptions {
            connect_timeout: self.settings.connect_timeout,
            total_timeout: self.settings.request_timeout,
            max_body_bytes: self.settings.max_body_bytes,
            token,
            https_only: self.settings.https_only,
            ..FetchOptions::default()
        })
    }

    /// Opens `feed` (a URL, a path or `-`) with the configured options.
    pub fn open_feed(&self, feed: &str) -> Result<OpenedFeed, StartupError> {
        let source = FeedSource::parse(feed).map_err(StartupError::Address)?;
        Ok(open(source, self.fetch_options()?)?)
    }
}

/// The embedded calendar with the years of a user's calendar file added.
fn with_calendar_file(path: &Path) -> Result<Calendar, StartupError> {
    let text = small_file::read_text(path, MAX_CALENDAR_BYTES).map_err(|source| {
        StartupError::CalendarRead {
            path: path.display().to_string(),
            source,
        }
    })?;
    let mut calendar = Calendar::embedded();
    calendar.merge(Calendar::from_toml_str(&text, &path.display().to_string())?);
    Ok(calendar)
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    use super::*;

    /// The settings for `args` in an environment of `pairs`.
    fn startup(args: &[&str], pairs: &'static [(&'static str, &'static str)]) -> Settings {
        let cli = Cli::try_parse_from(args).expect("valid arguments");
        let env = move |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        };
        Startup::resolve(&cli, &env).expect("resolves").settings
    }

    #[test]
    fn the_linux_console_gets_its_glyphs_and_english_unless_told_otherwise() {
        let zh_console = &[("TERM", "linux"), ("LANG", "zh_CN.UTF-8")];
        let s = startup(&["investboard"], zh_console);
        assert_eq!((s.glyph_set, s.lang), (Glyphs::Console, Some(Lang::En)));
        // Chinese asked for explicitly is Chinese, drawn as the console can.
        let s = startup(&["investboard", "--lang", "zh"], zh_console);
        assert_eq!((s.glyph_set, s.lang), (Glyphs::Console, Some(Lang::Zh)));
        let s = startup(&["investboard", "--glyphs", "unicode"], zh_console);
        assert_eq!((s.glyph_set, s.lang), (Glyphs::Unicode, Some(Lang::Zh)));
        let xterm = &[("TERM", "xterm-256color"), ("LANG", "zh_CN.UTF-8")];
        let s = startup(&["investboard"], xterm);
        assert_eq!((s.glyph_set, s.lang), (Glyphs::Unicode, Some(Lang::Zh)));
        let s = startup(&["investboard", "--glyphs", "console"], xterm);
        assert_eq!((s.glyph_set, s.lang), (Glyphs::Console, Some(Lang::En)));
    }
}
