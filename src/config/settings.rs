//! The settings, declared once each: a doc comment, a type, a default (or none, or one a
//! profile may imply), bounds and the command-line flag. From that one declaration come the
//! [`Layer`] field (file, environment, command line), the [`Settings`] field, its resolution
//! with its origin, its `INVESTBOARD_*` variable, its bounds check, its `doctor` row and its
//! line in the docs (checked by `config/tests.rs`). The flags themselves are clap's, in
//! `cli.rs`; a test checks each declared flag sets its key.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::time::Duration;

use chrono::FixedOffset;
use serde::Deserialize;

use super::declare::{Declared, Resolver, from_env, layered};
use super::value::{Value, within};
use super::{ConfigError, KeySpec, Origin, Profile, china_standard_time};
use crate::appearance::{ColorChoice, ColorDepth, Glyphs, TargetColors, Theme};
use crate::domain::freshness::AgeLimits;
use crate::domain::rejections::{RejectionLimits, Share};
use crate::lang::Lang;

const MINUTE: Duration = Duration::from_secs(60);
const HOUR: Duration = Duration::from_secs(3600);
const DAY: Duration = Duration::from_secs(86_400);
const MIB: u64 = 1024 * 1024;

/// What one declaration becomes, by its kind: `optional(unset text)` (no default; the field
/// is an `Option`), `plain(default)`, `profiled(default, implied by a profile)`.
macro_rules! by_kind {
    (@type optional $ty:ty) => { Option<$ty> };
    (@type $kind:ident $ty:ty) => { $ty };
    (@resolve optional $r:ident, $key:expr, $found:expr, $unset:expr) => {
        $r.optional($key, $found)
    };
    (@resolve plain $r:ident, $key:expr, $found:expr, $default:expr) => {
        $r.plain($key, $found, $default)
    };
    (@resolve profiled $r:ident, $key:expr, $found:expr, $default:expr, $implied:expr) => {
        $r.profiled($key, $found, $default, $implied)
    };
    (@show optional $value:expr, $unset:expr) => {
        $value.as_ref().map_or_else(|| $unset.to_owned(), Value::show)
    };
    (@show $kind:ident $value:expr, $default:expr $(, $implied:expr)?) => {
        Value::show(&$value)
    };
    (@default optional $ty:ty, $unset:expr) => { $unset.to_owned() };
    (@default $kind:ident $ty:ty, $default:expr $(, $implied:expr)?) => {
        <$ty as Value>::show(&$default)
    };
    (@bounds $ty:ty) => { None };
    (@bounds $ty:ty, $min:expr, $max:expr) => {
        Some((<$ty as Value>::show(&$min), <$ty as Value>::show(&$max)))
    };
    (@flag) => { None };
    (@flag $flag:literal) => { Some($flag) };
}

/// Generates [`Layer`], [`Settings`] and the per-key code from the declarations below.
/// Bounds are inclusive and only for keys with a default (`within` compares the value).
macro_rules! declare_settings {
    ($(
        $(#[doc = $doc:literal])+
        $key:ident: $ty:ty, $kind:ident($($arg:expr),+)
            $(, within($min:expr, $max:expr))? $(, flag($flag:literal))?;
    )+) => {
        /// One layer of settings as written by the user: every key optional. The config file
        /// is parsed straight into this, so a misspelt key is an error naming it.
        #[derive(Clone, Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct Layer {
            $(
                $(#[doc = $doc])+
                #[serde(default, deserialize_with = "crate::config::value::optional")]
                pub $key: Option<$ty>,
            )+
            /// Key bindings by command name (`[keys]` in the file only); checked by
            /// `app::keys::KeyMap::from_table`.
            pub keys: Option<BTreeMap<String, KeySpec>>,
        }

        /// The resolved settings every command runs with.
        #[derive(Clone, Debug, PartialEq)]
        pub struct Settings {
            $(
                $(#[doc = $doc])+
                pub $key: by_kind!(@type $kind $ty),
            )+
            /// `max_body_mb` in bytes.
            pub max_body_bytes: u64,
            /// `[keys]` overrides by command name, as written.
            pub keys: BTreeMap<String, Vec<String>>,
            /// What the terminal can show, decided at start-up from `color` and the
            /// environment (`run::settings_and_calendar`); 16 colours until then.
            pub color_depth: ColorDepth,
            /// What the terminal's font can draw, decided at start-up from `glyphs` and `TERM`;
            /// any Unicode until then.
            pub glyph_set: Glyphs,
            /// The config file read, if any.
            pub config_file: Option<PathBuf>,
            /// Where each key's value came from.
            pub origins: BTreeMap<&'static str, Origin>,
            /// Keys whose value the profile decided.
            pub from_profile: BTreeSet<&'static str>,
        }

        impl Settings {
    /// The data-age thresholds that `status` and the dashboard both judge by.
    pub fn age_limits(&self) -> AgeLimits {
        AgeLimits {
            warn: self.warn_age,
            crit: self.crit_age,
        }
    }

    /// The rejected-record shares that `status` and the dashboard both judge by.
    pub fn rejection_limits(&self) -> RejectionLimits {
        RejectionLimits {
            warn: self.max_rejected_share,
            crit: self.crit_rejected_share,
        }
    }
}

impl Settings {
            /// Each declared key from its highest-precedence layer; the rest left empty.
            fn pick(cli: &Layer, env: &Layer, file: &Layer, r: &mut Resolver) -> Settings {
                Settings {
                    $($key: by_kind!(
                        @resolve $kind r,
                        stringify!($key),
                        layered(&cli.$key, &env.$key, &file.$key),
                        $($arg),+
                    ),)+
                    max_body_bytes: 0,
                    keys: BTreeMap::new(),
                    color_depth: ColorDepth::Ansi16,
                    glyph_set: Glyphs::Unicode,
                    config_file: None,
                    origins: BTreeMap::new(),
                    from_profile: BTreeSet::new(),
                }
            }

            /// Every declared key within its bounds.
            pub(super) fn check_bounds(&self) -> Result<(), ConfigError> {
                $($(
                    within(&self.$key, &$min, &$max)
                        .map_err(|message| self.invalid(stringify!($key), message))?;
                )?)+
                Ok(())
            }

            /// Every declared key and its value as the config file writes it, in order.
            pub fn shown(&self) -> Vec<(&'static str, String)> {
                vec![$(
                    (stringify!($key), by_kind!(@show $kind self.$key, $($arg),+)),
                )+]
            }
        }

        /// The environment layer: `INVESTBOARD_FEED`, `INVESTBOARD_POLL_INTERVAL`, ...
        pub fn env_layer(env: &dyn Fn(&str) -> Option<String>) -> Result<Layer, ConfigError> {
            Ok(Layer {
                $($key: from_env(env, stringify!($key))?,)+
                keys: None,
            })
        }

        /// Every setting as declared, in order.
        pub fn declared() -> Vec<Declared> {
            vec![$(
                Declared {
                    key: stringify!($key),
                    about: [$($doc),+].map(str::trim).join(" "),
                    flag: by_kind!(@flag $($flag)?),
                    default: by_kind!(@default $kind $ty, $($arg),+),
                    kind: <$ty as Value>::expected(),
                    bounds: by_kind!(@bounds $ty $(, $min, $max)?),
                },
            )+]
        }
    };
}

declare_settings! {
    /// The feed: an http(s) URL, a file path (re-read on every poll) or `-` (standard input).
    /// Unset: the embedded demo feed.
    feed: String, optional("(unset: the embedded demo feed)"), flag("--feed");
    /// How often the dashboard polls the feed.
    poll_interval: Duration, plain(Duration::from_secs(10)),
        within(Duration::from_millis(200), DAY), flag("--interval");
    /// Working-day limit for approvals that do not state their own.
    default_limit_working_days: u32, plain(9);
    /// The zone "today" is measured in (quarters, working days).
    utc_offset: FixedOffset, plain(china_standard_time());
    /// Data older than this is AGEING (`status`: WARNING, exit 1).
    warn_age: Duration, plain(30 * MINUTE), within(Duration::ZERO, 365 * DAY), flag("--warn-age");
    /// Data older than this is STALE (`status`: CRITICAL, exit 2); not shorter than `warn_age`.
    crit_age: Duration, plain(2 * HOUR), within(Duration::ZERO, 365 * DAY), flag("--crit-age");
    /// A share of rejected records above this degrades the feed (dashboard: DEGRADED;
    /// `status`: WARNING, exit 1), e.g. `1%` or `0.01`.
    max_rejected_share: Share, plain(Share::percent(1)), within(Share::NONE, Share::ALL);
    /// A share of rejected records above this is CRITICAL (`status`: exit 2); not below
    /// `max_rejected_share`.
    crit_rejected_share: Share, plain(Share::percent(20)), within(Share::NONE, Share::ALL);
    /// The file holding the feed's bearer token (first line); `INVESTBOARD_TOKEN` overrides it.
    token_file: PathBuf, optional("(unset)");
    /// Extra working-day calendar years, merged over the built-in table.
    calendar_file: PathBuf, optional("(unset)");
    /// How long connecting to the feed's server may take.
    connect_timeout: Duration, plain(Duration::from_secs(5)),
        within(Duration::from_millis(100), HOUR);
    /// How long one whole fetch of the feed may take. The feed is parsed while it is read, so
    /// this covers the parse too (about 0.3 s for 64 MB on a slow machine).
    request_timeout: Duration, plain(Duration::from_secs(20)),
        within(Duration::from_millis(100), DAY);
    /// Longest wait between polls while an http(s) feed keeps failing (the backoff's cap; a
    /// server's Retry-After may ask for more). A file feed is checked every `poll_interval`.
    max_backoff: Duration, plain(MINUTE), within(Duration::from_secs(1), DAY);
    /// The largest feed body accepted, in MiB (decoded bytes).
    max_body_mb: u64, plain(256), within(1, 4096);
    /// Refuse plain http:// feeds (and redirects to them).
    https_only: bool, plain(false);
    /// A set of defaults: `wall` or `operator`.
    profile: Profile, optional("(unset)"), flag("--profile");
    /// Wall-screen mode: rotating views, large figures, no key hints.
    wall: bool, profiled(false, Profile::wall), flag("--wall");
    /// Hide investor and project names and per-project amounts on the dashboard.
    redact: bool, profiled(false, Profile::redact), flag("--redact");
    /// How long each view stays up in wall mode.
    rotate_interval: Duration, plain(Duration::from_secs(20)),
        within(Duration::from_secs(1), DAY);
    /// After a key press holds the rotation, resume it after this long without input.
    resume_rotation_after: Duration, plain(MINUTE), within(Duration::ZERO, DAY);
    /// Wall mode: after this long without input, close what a passer-by opened (help, a
    /// detail, a filter, a selection, a pause) and resume the rotation.
    wall_idle_reset: Duration, plain(MINUTE), within(Duration::from_secs(1), DAY),
        flag("--wall-idle-reset");
    /// How long signings new since the previous poll stay highlighted.
    highlight_new_for: Duration, plain(5 * MINUTE), within(Duration::ZERO, DAY);
    /// The labels' language. Unset: from the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    lang: Lang, optional("(from the locale)"), flag("--lang");
    /// The colour theme.
    theme: Theme, profiled(Theme::Dark, Profile::theme), flag("--theme");
    /// Colour: `auto` (`NO_COLOR`, `COLORTERM` and `TERM` decide), `always` or `never`.
    color: ColorChoice, plain(ColorChoice::Auto), flag("--color");
    /// The characters drawn: `unicode`, or `console` (only what the Linux console's fonts
    /// carry; English labels unless `lang` is set). Unset: `console` when `TERM=linux`.
    glyphs: Glyphs, optional("(from TERM)"), flag("--glyphs");
    /// What red and green mean for targets: `red-on-target` (this domain's convention: red is
    /// success, green is behind) or `green-on-target` (red is behind). The mono theme says it
    /// in words and weights only.
    target_colors: TargetColors, plain(TargetColors::RedOnTarget), flag("--target-colors");
    /// Where logs go. Unset: nowhere for the dashboard, stderr on request for one-shots.
    log_file: PathBuf, optional("(unset)"), flag("--log-file");
    /// Mouse clicks select panels and rows, the wheel scrolls (`--no-mouse` turns it off, and
    /// with it the terminal's own text selection comes back).
    mouse: bool, profiled(true, Profile::mouse), flag("--mouse");
    /// Where `e` writes its CSV exports.
    export_dir: PathBuf, optional("(unset: the working directory)");
}

/// What a user gets with no flags, no `INVESTBOARD_*` variables and no config file.
impl Default for Settings {
    fn default() -> Self {
        Settings::resolve(Layer::default(), Layer::default(), Layer::default(), None)
    }
}

impl Settings {
    /// Merges the layers, highest precedence first. Values are checked by [`Settings::validate`].
    pub fn resolve(cli: Layer, env: Layer, file: Layer, config_file: Option<PathBuf>) -> Settings {
        let mut resolver = Resolver::new(layered(&cli.profile, &env.profile, &file.profile));
        let mut settings = Settings::pick(&cli, &env, &file, &mut resolver);
        // Saturates so that an absurd value reaches `validate` as an error, not an overflow.
        settings.max_body_bytes = settings.max_body_mb.saturating_mul(MIB);
        settings.keys = file
            .keys
            .clone()
            .unwrap_or_default()
            .into_iter()
            .map(|(command, spec)| (command, spec.into_vec()))
            .collect();
        let keys_origin = if file.keys.is_some() {
            Origin::File
        } else {
            Origin::Default
        };
        resolver.origins.insert("keys", keys_origin);
        settings.config_file = config_file;
        settings.origins = resolver.origins;
        settings.from_profile = resolver.from_profile;
        settings
    }

    /// Checks every value against its bounds, then relations that no single key can check.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.check_bounds()?;
        if self.crit_age < self.warn_age {
            return Err(self.invalid("crit_age", "must not be shorter than warn_age".to_owned()));
        }
        if self.crit_rejected_share < self.max_rejected_share {
            return Err(self.invalid(
                "crit_rejected_share",
                "must not be below max_rejected_share".to_owned(),
            ));
        }
        Ok(())
    }

    /// An error naming the key and where its value came from; a value from the file also
    /// names the file, as every other config error does.
    fn invalid(&self, key: &str, message: String) -> ConfigError {
        let origin = self.origins.get(key).copied().unwrap_or(Origin::Default);
        let flag = format!("{key} (from {origin})");
        match (&self.config_file, origin) {
            (Some(path), Origin::File) => ConfigError::File {
                path: path.display().to_string(),
                message: format!("{flag}: {message}"),
            },
            _ => ConfigError::Argument { flag, message },
        }
    }
}
