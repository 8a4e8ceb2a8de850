//! What every declared setting shares (the declarations themselves are `settings.rs`): its
//! environment variable, the pick of its value from the layers with the origin `doctor` shows
//! (profiles at their own precedence), and the description the docs are checked against.

use std::collections::{BTreeMap, BTreeSet};

use super::value::Value;
use super::{ConfigError, Origin, Profile};

/// The environment variable of a key: `INVESTBOARD_POLL_INTERVAL` for `poll_interval`.
pub fn env_name(key: &str) -> String {
    format!("INVESTBOARD_{}", key.to_ascii_uppercase())
}

/// One key from the environment; an empty variable counts as unset.
pub(super) fn from_env<T: Value>(
    env: &dyn Fn(&str) -> Option<String>,
    key: &str,
) -> Result<Option<T>, ConfigError> {
    let name = env_name(key);
    env(&name)
        .filter(|v| !v.is_empty())
        .map(|v| T::from_text(&v).map_err(|message| ConfigError::Environment { name, message }))
        .transpose()
}

/// The highest-precedence layer that sets a key, and which one that was.
pub(super) fn layered<T: Clone>(
    cli: &Option<T>,
    env: &Option<T>,
    file: &Option<T>,
) -> (Option<T>, Origin) {
    [
        (cli, Origin::CommandLine),
        (env, Origin::Environment),
        (file, Origin::File),
    ]
    .into_iter()
    .find_map(|(value, origin)| value.clone().map(|v| (Some(v), origin)))
    .unwrap_or((None, Origin::Default))
}

/// Decides each key's value from what the layers set, and records where it came from.
pub(super) struct Resolver {
    profile: Option<Profile>,
    profile_origin: Origin,
    pub origins: BTreeMap<&'static str, Origin>,
    /// Keys whose value the profile decided.
    pub from_profile: BTreeSet<&'static str>,
}

impl Resolver {
    /// `profile`: the profile in force and the layer that chose it.
    pub fn new((profile, profile_origin): (Option<Profile>, Origin)) -> Resolver {
        Resolver {
            profile,
            profile_origin,
            origins: BTreeMap::new(),
            from_profile: BTreeSet::new(),
        }
    }

    /// A key with no default: `None` when no layer sets it.
    pub fn optional<T>(
        &mut self,
        key: &'static str,
        (value, origin): (Option<T>, Origin),
    ) -> Option<T> {
        self.origins.insert(key, origin);
        value
    }

    pub fn plain<T>(&mut self, key: &'static str, found: (Option<T>, Origin), default: T) -> T {
        self.optional(key, found).unwrap_or(default)
    }

    /// A key the profile implies, unless set at the profile's precedence or above.
    pub fn profiled<T>(
        &mut self,
        key: &'static str,
        (value, origin): (Option<T>, Origin),
        default: T,
        implied: fn(Profile) -> Option<T>,
    ) -> T {
        match self.profile.and_then(implied) {
            Some(implied) if origin < self.profile_origin => {
                self.origins.insert(key, self.profile_origin);
                self.from_profile.insert(key);
                implied
            }
            _ => {
                self.origins.insert(key, origin);
                value.unwrap_or(default)
            }
        }
    }
}

/// One setting as declared: what the docs say of it is checked against this.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Declared {
    pub key: &'static str,
    /// The declaration's doc comment, on one line.
    pub about: String,
    /// The command-line flag that sets it, if any.
    pub flag: Option<&'static str>,
    /// The default, as the config file writes it (or what unset means).
    pub default: String,
    /// The kind of value, e.g. "a duration such as 30s or a whole number of seconds".
    pub kind: String,
    /// The smallest and largest value allowed, as the config file writes them.
    pub bounds: Option<(String, String)>,
}

impl Declared {
    pub fn env(&self) -> String {
        env_name(self.key)
    }

    /// The values allowed, in words: `200ms to 1d`, or the kind of value.
    pub fn allowed(&self) -> String {
        self.bounds
            .as_ref()
            .map_or_else(|| self.kind.clone(), |(min, max)| format!("{min} to {max}"))
    }
}
