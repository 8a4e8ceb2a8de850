//! Settings, resolved in one place with the precedence CLI > environment > config file >
//! default. Every value remembers where it came from (for `doctor` and error messages).
//! Errors name the key and the file; the binary maps them to exit code 3 before any terminal
//! mode is entered.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::FixedOffset;
use serde::Deserialize;

use crate::appearance::{ColorChoice, ColorDepth, Theme};
use crate::lang::Lang;

/// A set of defaults for one use of the dashboard. A profile counts as setting the keys it
/// implies at its own precedence; a key set explicitly at the same or a higher precedence wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The command-room wall: wall mode, high-contrast theme (`redact` stays opt-in).
    Wall,
    /// An operator's terminal: no wall mode, nothing redacted.
    Operator,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Wall => "wall",
            Profile::Operator => "operator",
        }
    }

    pub fn parse(text: &str) -> Result<Profile, String> {
        match text.trim() {
            "wall" => Ok(Profile::Wall),
            "operator" => Ok(Profile::Operator),
            _ => Err(format!("unknown profile {text:?} (use wall or operator)")),
        }
    }

    #[expect(
        clippy::unnecessary_wraps,
        reason = "every implied key has the shape pick_profiled! expects"
    )]
    fn wall(self) -> Option<bool> {
        Some(self == Profile::Wall)
    }

    fn theme(self) -> Option<Theme> {
        (self == Profile::Wall).then_some(Theme::HighContrast)
    }

    fn redact(self) -> Option<bool> {
        (self == Profile::Operator).then_some(false)
    }
}

/// A `[keys]` entry: one key or a list of keys.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeySpec {
    One(String),
    Many(Vec<String>),
}

impl KeySpec {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            KeySpec::One(key) => vec![key],
            KeySpec::Many(keys) => keys,
        }
    }
}

/// Where a setting's value came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    Default,
    File,
    Environment,
    CommandLine,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Default => "default",
            Origin::File => "config file",
            Origin::Environment => "environment",
            Origin::CommandLine => "command line",
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("environment variable {name}: {message}")]
    Environment { name: String, message: String },
    #[error("{flag}: {message}")]
    Argument { flag: String, message: String },
}

/// One layer of settings as written by the user: every key optional. The config file is
/// parsed straight into this, so a misspelt key is an error naming it.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub feed: Option<String>,
    #[serde(default, with = "duration_text")]
    pub poll_interval: Option<Duration>,
    pub default_limit_working_days: Option<u32>,
    #[serde(default, with = "offset_text")]
    pub utc_offset: Option<FixedOffset>,
    #[serde(default, with = "duration_text")]
    pub warn_age: Option<Duration>,
    #[serde(default, with = "duration_text")]
    pub crit_age: Option<Duration>,
    pub token_file: Option<PathBuf>,
    pub calendar_file: Option<PathBuf>,
    #[serde(default, with = "duration_text")]
    pub connect_timeout: Option<Duration>,
    #[serde(default, with = "duration_text")]
    pub request_timeout: Option<Duration>,
    pub max_body_mb: Option<u64>,
    pub https_only: Option<bool>,
    pub wall: Option<bool>,
    #[serde(default, with = "duration_text")]
    pub rotate_interval: Option<Duration>,
    #[serde(default, with = "duration_text")]
    pub resume_rotation_after: Option<Duration>,
    #[serde(default, with = "duration_text")]
    pub highlight_new_for: Option<Duration>,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub color: Option<ColorChoice>,
    pub profile: Option<Profile>,
    pub redact: Option<bool>,
    pub log_file: Option<PathBuf>,
    /// Key bindings by command name (`[keys]` in the file only); checked by
    /// `app::keys::KeyMap::from_table`.
    pub keys: Option<BTreeMap<String, KeySpec>>,
}

/// The resolved settings every command runs with.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// URL, file path or `-`; `None` means the embedded demo feed.
    pub feed: Option<String>,
    pub poll_interval: Duration,
    pub default_limit_working_days: u32,
    pub utc_offset: FixedOffset,
    pub warn_age: Duration,
    pub crit_age: Duration,
    pub token_file: Option<PathBuf>,
    pub calendar_file: Option<PathBuf>,
    pub connect_timeout: Duration,
    pub request_timeout: Duration,
    pub max_body_bytes: u64,
    pub https_only: bool,
    pub wall: bool,
    pub rotate_interval: Duration,
    pub resume_rotation_after: Duration,
    pub highlight_new_for: Duration,
    /// `None`: from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub lang: Option<Lang>,
    pub theme: Theme,
    pub color: ColorChoice,
    pub profile: Option<Profile>,
    /// Hide investor and project names and per-project amounts on the dashboard.
    pub redact: bool,
    /// Where logs go; `None`: nowhere for the dashboard, stderr on request for one-shots.
    pub log_file: Option<PathBuf>,
    /// `[keys]` overrides by command name, as written.
    pub keys: BTreeMap<String, Vec<String>>,
    /// What the terminal can show, decided at start-up from `color` and the environment
    /// (`run::settings_and_calendar`); 16 colours until then.
    pub color_depth: ColorDepth,
    /// The config file read, if any.
    pub config_file: Option<PathBuf>,
    /// Where each key's value came from.
    pub origins: BTreeMap<&'static str, Origin>,
    /// Keys whose value the profile decided.
    pub from_profile: BTreeSet<&'static str>,
}

/// China Standard Time: the zone "today" is measured in unless configured otherwise.
pub fn china_standard_time() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset")
}

/// The highest-precedence layer that sets a key, and which one that was.
fn layered<T: Clone>(cli: &Option<T>, env: &Option<T>, file: &Option<T>) -> (Option<T>, Origin) {
    [
        (cli, Origin::CommandLine),
        (env, Origin::Environment),
        (file, Origin::File),
    ]
    .into_iter()
    .find_map(|(value, origin)| value.clone().map(|v| (Some(v), origin)))
    .unwrap_or((None, Origin::Default))
}

/// What a user gets with no flags, no `INVESTBOARD_*` variables and no config file.
impl Default for Settings {
    fn default() -> Self {
        Settings::resolve(Layer::default(), Layer::default(), Layer::default(), None)
    }
}

impl Settings {
    /// Merges the layers, highest precedence first.
    pub fn resolve(cli: Layer, env: Layer, file: Layer, config_file: Option<PathBuf>) -> Settings {
        let mut origins = BTreeMap::new();
        macro_rules! pick_optional {
            ($key:ident) => {{
                let (value, origin) = layered(&cli.$key, &env.$key, &file.$key);
                origins.insert(stringify!($key), origin);
                value
            }};
        }
        macro_rules! pick {
            ($key:ident, $default:expr) => {
                pick_optional!($key).unwrap_or($default)
            };
        }
        let profile = pick_optional!(profile);
        let profile_origin = origins.get("profile").copied().unwrap_or(Origin::Default);
        let mut from_profile = BTreeSet::new();
        // A key the profile implies, unless set at the profile's precedence or above.
        macro_rules! pick_profiled {
            ($key:ident, $default:expr) => {{
                let (value, origin) = layered(&cli.$key, &env.$key, &file.$key);
                match profile.and_then(Profile::$key) {
                    Some(implied) if origin < profile_origin => {
                        origins.insert(stringify!($key), profile_origin);
                        from_profile.insert(stringify!($key));
                        implied
                    }
                    _ => {
                        origins.insert(stringify!($key), origin);
                        value.unwrap_or($default)
                    }
                }
            }};
        }
        let keys = file
            .keys
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|(command, spec)| (command, spec.into_vec()))
            .collect();
        origins.insert(
            "keys",
            if file.keys.is_some() {
                Origin::File
            } else {
                Origin::Default
            },
        );
        Settings {
            feed: pick_optional!(feed),
            poll_interval: pick!(poll_interval, Duration::from_secs(10)),
            default_limit_working_days: pick!(default_limit_working_days, 9),
            utc_offset: pick!(utc_offset, china_standard_time()),
            warn_age: pick!(warn_age, Duration::from_secs(30 * 60)),
            crit_age: pick!(crit_age, Duration::from_secs(2 * 3600)),
            token_file: pick_optional!(token_file),
            calendar_file: pick_optional!(calendar_file),
            connect_timeout: pick!(connect_timeout, Duration::from_secs(5)),
            request_timeout: pick!(request_timeout, Duration::from_secs(20)),
            max_body_bytes: pick!(max_body_mb, 256) * 1024 * 1024,
            https_only: pick!(https_only, false),
            wall: pick_profiled!(wall, false),
            rotate_interval: pick!(rotate_interval, Duration::from_secs(20)),
            resume_rotation_after: pick!(resume_rotation_after, Duration::from_secs(60)),
            highlight_new_for: pick!(highlight_new_for, Duration::from_secs(5 * 60)),
            lang: pick_optional!(lang),
            theme: pick_profiled!(theme, Theme::Dark),
            color: pick!(color, ColorChoice::Auto),
            redact: pick_profiled!(redact, false),
            log_file: pick_optional!(log_file),
            profile,
            keys,
            color_depth: ColorDepth::Ansi16,
            config_file,
            origins,
            from_profile,
        }
    }

    /// Checks relations between values that no single key can check.
    pub fn validate(&self) -> Result<(), ConfigError> {
        let fail = |key: &str, message: &str| {
            let origin = self.origins.get(key).copied().unwrap_or(Origin::Default);
            let flag = format!("{key} (from {origin})");
            // A value from the file names the file, as every other config error does.
            Err(match (&self.config_file, origin) {
                (Some(path), Origin::File) => ConfigError::File {
                    path: path.display().to_string(),
                    message: format!("{flag}: {message}"),
                },
                _ => ConfigError::Argument {
                    flag,
                    message: message.to_owned(),
                },
            })
        };
        if self.poll_interval < Duration::from_millis(200) {
            return fail("poll_interval", "must be at least 200ms");
        }
        if self.crit_age < self.warn_age {
            return fail("crit_age", "must not be shorter than warn_age");
        }
        if self.rotate_interval < Duration::from_secs(1) {
            return fail("rotate_interval", "must be at least 1s");
        }
        if self.max_body_bytes == 0 {
            return fail("max_body_mb", "must be at least 1");
        }
        Ok(())
    }
}

/// Reads a config file into a layer. Unknown keys are errors naming the key and the file.
pub fn read_file(path: &Path) -> Result<Layer, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })?;
    parse_file(&text, &path.display().to_string())
}

pub fn parse_file(text: &str, label: &str) -> Result<Layer, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::File {
        path: label.to_owned(),
        message: e.message().to_owned() + &location(text, e.span()),
    })
}

fn location(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    span.map_or_else(String::new, |span| {
        let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
        format!(" (line {line})")
    })
}

/// The config file to read: `--config`, else `$XDG_CONFIG_HOME/investboard/config.toml`, else
/// `~/.config/investboard/config.toml`, when it exists. An explicit path must exist.
pub fn locate(explicit: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    let base = env("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| env("HOME").map(|home| Path::new(&home).join(".config")))?;
    let path = base.join("investboard").join("config.toml");
    path.is_file().then_some(path)
}

/// The environment layer: `INVESTBOARD_FEED`, `INVESTBOARD_POLL_INTERVAL`, ...
pub fn env_layer(env: &dyn Fn(&str) -> Option<String>) -> Result<Layer, ConfigError> {
    let get = |key: &str| env(&format!("INVESTBOARD_{key}")).filter(|v| !v.is_empty());
    let fail = |key: &str, message: String| ConfigError::Environment {
        name: format!("INVESTBOARD_{key}"),
        message,
    };
    let duration = |key: &str| {
        get(key)
            .map(|v| parse_duration(&v).map_err(|m| fail(key, m)))
            .transpose()
    };
    let number = |key: &str| {
        get(key)
            .map(|v| {
                v.parse::<u64>()
                    .map_err(|_| fail(key, format!("not a whole number: {v:?}")))
            })
            .transpose()
    };
    let boolean = |key: &str| {
        get(key)
            .map(|v| match v.as_str() {
                "1" | "true" | "yes" => Ok(true),
                "0" | "false" | "no" => Ok(false),
                _ => Err(fail(key, format!("expected true or false, got {v:?}"))),
            })
            .transpose()
    };
    Ok(Layer {
        feed: get("FEED"),
        poll_interval: duration("POLL_INTERVAL")?,
        default_limit_working_days: number("DEFAULT_LIMIT_WORKING_DAYS")?
            .map(|n| {
                u32::try_from(n)
                    .map_err(|_| fail("DEFAULT_LIMIT_WORKING_DAYS", format!("too large: {n}")))
            })
            .transpose()?,
        utc_offset: get("UTC_OFFSET")
            .map(|v| parse_offset(&v).map_err(|m| fail("UTC_OFFSET", m)))
            .transpose()?,
        warn_age: duration("WARN_AGE")?,
        crit_age: duration("CRIT_AGE")?,
        token_file: get("TOKEN_FILE").map(PathBuf::from),
        calendar_file: get("CALENDAR_FILE").map(PathBuf::from),
        connect_timeout: duration("CONNECT_TIMEOUT")?,
        request_timeout: duration("REQUEST_TIMEOUT")?,
        max_body_mb: number("MAX_BODY_MB")?,
        https_only: boolean("HTTPS_ONLY")?,
        wall: boolean("WALL")?,
        rotate_interval: duration("ROTATE_INTERVAL")?,
        resume_rotation_after: duration("RESUME_ROTATION_AFTER")?,
        highlight_new_for: duration("HIGHLIGHT_NEW_FOR")?,
        lang: get("LANG")
            .map(|v| Lang::parse(&v).map_err(|m| fail("LANG", m)))
            .transpose()?,
        theme: get("THEME")
            .map(|v| Theme::parse(&v).map_err(|m| fail("THEME", m)))
            .transpose()?,
        color: get("COLOR")
            .map(|v| ColorChoice::parse(&v).map_err(|m| fail("COLOR", m)))
            .transpose()?,
        profile: get("PROFILE")
            .map(|v| Profile::parse(&v).map_err(|m| fail("PROFILE", m)))
            .transpose()?,
        redact: boolean("REDACT")?,
        log_file: get("LOG_FILE").map(PathBuf::from),
        keys: None,
    })
}

/// `500ms`, `30s`, `15m`, `2h`, `1d`, or a bare number of seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, unit) = text.split_at(split);
    let value: u64 = digits
        .parse()
        .map_err(|_| format!("invalid duration {text:?} (use e.g. 500ms, 30s, 15m, 2h, 1d)"))?;
    let millis = match unit.trim() {
        "ms" => Some(value),
        "" | "s" => value.checked_mul(1000),
        "m" | "min" => value.checked_mul(60_000),
        "h" => value.checked_mul(3_600_000),
        "d" => value.checked_mul(86_400_000),
        _ => None,
    };
    millis
        .map(Duration::from_millis)
        .ok_or_else(|| format!("invalid duration {text:?} (use e.g. 500ms, 30s, 15m, 2h, 1d)"))
}

/// `+08:00`, `-05:30`, `Z`.
pub fn parse_offset(text: &str) -> Result<FixedOffset, String> {
    let bad = || format!("invalid UTC offset {text:?} (use e.g. +08:00)");
    if text == "Z" || text == "UTC" {
        return FixedOffset::east_opt(0).ok_or_else(bad);
    }
    let (sign, rest) = match text.as_bytes().first() {
        Some(b'+') => (1, &text[1..]),
        Some(b'-') => (-1, &text[1..]),
        _ => return Err(bad()),
    };
    let (hours, minutes) = rest.split_once(':').ok_or_else(bad)?;
    let hours: i32 = hours.parse().map_err(|_| bad())?;
    let minutes: i32 = minutes.parse().map_err(|_| bad())?;
    if hours > 14 || minutes > 59 || hours < 0 || minutes < 0 {
        return Err(bad());
    }
    FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60)).ok_or_else(bad)
}

/// Renders a duration the way the config file writes it.
pub fn format_duration(duration: Duration) -> String {
    let millis = duration.as_millis();
    match millis {
        m if m % 86_400_000 == 0 && m > 0 => format!("{}d", m / 86_400_000),
        m if m % 3_600_000 == 0 && m > 0 => format!("{}h", m / 3_600_000),
        m if m % 60_000 == 0 && m > 0 => format!("{}m", m / 60_000),
        m if m % 1000 == 0 => format!("{}s", m / 1000),
        m => format!("{m}ms"),
    }
}

mod duration_text {
    use std::time::Duration;

    use serde::{Deserialize, Deserializer};

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Text {
        Seconds(u64),
        Written(String),
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
        match Option::<Text>::deserialize(d)? {
            None => Ok(None),
            Some(Text::Seconds(s)) => Ok(Some(Duration::from_secs(s))),
            Some(Text::Written(text)) => super::parse_duration(&text)
                .map(Some)
                .map_err(serde::de::Error::custom),
        }
    }
}

mod offset_text {
    use chrono::FixedOffset;
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<FixedOffset>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|text| super::parse_offset(&text).map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_in_every_written_form() {
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("30"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert_eq!(parse_duration("1d"), Ok(Duration::from_secs(86_400)));
        assert!(parse_duration("soon").is_err());
        assert!(parse_duration("5 weeks").is_err());
        assert!(parse_duration("99999999999999999999d").is_err());
        assert_eq!(format_duration(Duration::from_secs(900)), "15m");
        assert_eq!(format_duration(Duration::from_millis(1500)), "1500ms");
    }

    #[test]
    fn offsets_parse() {
        assert_eq!(
            parse_offset("+08:00").map(|o| o.local_minus_utc()),
            Ok(28_800)
        );
        assert_eq!(
            parse_offset("-05:30").map(|o| o.local_minus_utc()),
            Ok(-19_800)
        );
        assert!(parse_offset("08:00").is_err());
        assert!(parse_offset("+25:00").is_err());
    }

    #[test]
    fn precedence_is_cli_then_env_then_file_then_default() {
        let file = Layer {
            feed: Some("file.json".into()),
            poll_interval: Some(Duration::from_secs(30)),
            warn_age: Some(Duration::from_secs(60)),
            ..Layer::default()
        };
        let env = Layer {
            feed: Some("env.json".into()),
            poll_interval: Some(Duration::from_secs(20)),
            ..Layer::default()
        };
        let cli = Layer {
            feed: Some("cli.json".into()),
            ..Layer::default()
        };
        let settings = Settings::resolve(cli, env, file, None);
        assert_eq!(settings.feed.as_deref(), Some("cli.json"));
        assert_eq!(settings.poll_interval, Duration::from_secs(20));
        assert_eq!(settings.warn_age, Duration::from_secs(60));
        assert_eq!(settings.crit_age, Duration::from_secs(7200));
        assert_eq!(settings.origins["feed"], Origin::CommandLine);
        assert_eq!(settings.origins["poll_interval"], Origin::Environment);
        assert_eq!(settings.origins["warn_age"], Origin::File);
        assert_eq!(settings.origins["crit_age"], Origin::Default);
    }

    #[test]
    fn no_feed_anywhere_means_the_demo() {
        let settings =
            Settings::resolve(Layer::default(), Layer::default(), Layer::default(), None);
        assert_eq!(settings.feed, None);
        assert_eq!(settings.utc_offset.local_minus_utc(), 8 * 3600);
        assert_eq!(settings.default_limit_working_days, 9);
    }

    #[test]
    fn a_misspelt_key_names_the_key_and_the_file() {
        let err = parse_file("pol_interval = \"5s\"\n", "my.toml").expect_err("unknown key");
        let message = err.to_string();
        assert!(
            message.starts_with("my.toml: unknown field `pol_interval`"),
            "{message}"
        );
        assert!(message.ends_with("(line 1)"), "{message}");
    }

    #[test]
    fn bad_values_in_the_file_are_errors() {
        let err = parse_file("warn_age = \"soon\"", "c.toml").expect_err("bad duration");
        assert!(
            err.to_string().contains("invalid duration \"soon\""),
            "{err}"
        );
        let err = parse_file("utc_offset = \"CST\"", "c.toml").expect_err("bad offset");
        assert!(err.to_string().contains("invalid UTC offset"), "{err}");
    }

    #[test]
    fn the_environment_layer_reads_investboard_variables() {
        let env = |key: &str| match key {
            "INVESTBOARD_FEED" => Some("https://x/feed".to_owned()),
            "INVESTBOARD_WARN_AGE" => Some("5m".to_owned()),
            "INVESTBOARD_HTTPS_ONLY" => Some("yes".to_owned()),
            _ => None,
        };
        let layer = env_layer(&env).expect("valid");
        assert_eq!(layer.feed.as_deref(), Some("https://x/feed"));
        assert_eq!(layer.warn_age, Some(Duration::from_secs(300)));
        assert_eq!(layer.https_only, Some(true));
        let bad = |key: &str| (key == "INVESTBOARD_CRIT_AGE").then(|| "later".to_owned());
        let err = env_layer(&bad).expect_err("bad");
        assert!(
            err.to_string()
                .starts_with("environment variable INVESTBOARD_CRIT_AGE"),
            "{err}"
        );
    }

    #[test]
    fn shipped_config_file_parses_and_states_the_defaults() {
        let text = include_str!("../config/investboard.toml");
        let layer = parse_file(text, "config/investboard.toml").expect("shipped config parses");
        let from_file = Settings::resolve(Layer::default(), Layer::default(), layer, None);
        let defaults =
            Settings::resolve(Layer::default(), Layer::default(), Layer::default(), None);
        // `[keys]` states every default binding; `app::keys` checks they are the defaults.
        let strip = |s: Settings| Settings {
            origins: BTreeMap::new(),
            keys: BTreeMap::new(),
            ..s
        };
        assert_eq!(
            strip(from_file),
            strip(defaults),
            "config/investboard.toml must document the defaults"
        );
    }

    #[test]
    fn a_profile_sets_its_keys_at_its_own_precedence() {
        let file = Layer {
            profile: Some(Profile::Wall),
            ..Layer::default()
        };
        let settings = Settings::resolve(Layer::default(), Layer::default(), file, None);
        assert!(settings.wall);
        assert_eq!(settings.theme, Theme::HighContrast);
        assert!(!settings.redact, "redaction stays opt-in");
        assert_eq!(settings.origins["wall"], Origin::File);
        assert!(settings.from_profile.contains("wall"));
        // The same layer setting the key explicitly wins over the profile...
        let file = Layer {
            profile: Some(Profile::Wall),
            theme: Some(Theme::Mono),
            ..Layer::default()
        };
        let settings = Settings::resolve(Layer::default(), Layer::default(), file, None);
        assert_eq!(settings.theme, Theme::Mono);
        assert!(!settings.from_profile.contains("theme"));
        // ...and a profile from a higher layer wins over a key from a lower one.
        let file = Layer {
            wall: Some(false),
            redact: Some(true),
            ..Layer::default()
        };
        let cli = Layer {
            profile: Some(Profile::Wall),
            ..Layer::default()
        };
        let settings = Settings::resolve(cli, Layer::default(), file.clone(), None);
        assert!(settings.wall);
        assert!(settings.redact, "the wall profile does not touch redact");
        let cli = Layer {
            profile: Some(Profile::Operator),
            ..Layer::default()
        };
        let settings = Settings::resolve(cli, Layer::default(), file, None);
        assert!(!settings.wall);
        assert!(!settings.redact, "the operator profile shows everything");
        assert_eq!(settings.origins["redact"], Origin::CommandLine);
    }

    #[test]
    fn the_environment_layer_reads_the_operator_keys() {
        let env = |key: &str| match key {
            "INVESTBOARD_LANG" => Some("zh".to_owned()),
            "INVESTBOARD_THEME" => Some("light".to_owned()),
            "INVESTBOARD_COLOR" => Some("never".to_owned()),
            "INVESTBOARD_PROFILE" => Some("wall".to_owned()),
            "INVESTBOARD_REDACT" => Some("true".to_owned()),
            "INVESTBOARD_LOG_FILE" => Some("/var/log/ib.log".to_owned()),
            _ => None,
        };
        let layer = env_layer(&env).expect("valid");
        assert_eq!(layer.lang, Some(Lang::Zh));
        assert_eq!(layer.theme, Some(Theme::Light));
        assert_eq!(layer.color, Some(ColorChoice::Never));
        assert_eq!(layer.profile, Some(Profile::Wall));
        assert_eq!(layer.redact, Some(true));
        assert_eq!(layer.log_file, Some(PathBuf::from("/var/log/ib.log")));
        let bad = |key: &str| (key == "INVESTBOARD_THEME").then(|| "neon".to_owned());
        let err = env_layer(&bad).expect_err("bad theme");
        assert!(
            err.to_string()
                .starts_with("environment variable INVESTBOARD_THEME: unknown theme \"neon\""),
            "{err}"
        );
    }

    #[test]
    fn relations_between_values_are_checked() {
        let layer = Layer {
            warn_age: Some(Duration::from_secs(600)),
            crit_age: Some(Duration::from_secs(60)),
            ..Layer::default()
        };
        let settings = Settings::resolve(layer, Layer::default(), Layer::default(), None);
        let err = settings.validate().expect_err("crit < warn");
        assert_eq!(
            err.to_string(),
            "crit_age (from command line): must not be shorter than warn_age"
        );
    }
}
