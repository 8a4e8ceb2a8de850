//! Settings, resolved in one place with the precedence CLI > environment > config file >
//! default. Every value remembers where it came from (for `doctor` and error messages).
//! Errors name the key and the file; the binary maps them to exit code 3 before any terminal
//! mode is entered. Knows nothing of terminals beyond the appearance choices, nor of HTTP.
//!
//! - `settings.rs`: the one declaration per setting, and what it generates;
//! - `declare.rs`: resolution with origins and profiles, environment names;
//! - `value.rs`: how each type of value is written, read and bounded;
//! - `file.rs`: finding and reading the config file; `profile.rs`: the profiles.

mod declare;
mod file;
mod profile;
mod settings;
mod value;

use std::fmt;

use chrono::FixedOffset;

pub use declare::{Declared, env_name};
pub use file::{KeySpec, locate, parse_file, read_file};
pub use profile::Profile;
pub use settings::{Layer, Settings, declared, env_layer};
pub use value::{format_duration, parse_duration, parse_offset};

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
    #[error("{path}: cannot read: {}", crate::small_file::describe_io(.source))]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("environment variable {name}: {message}")]
    Environment { name: String, message: String },
    #[error("{flag}: {message}")]
    Argument { flag: String, message: String },
}

/// China Standard Time: the zone "today" is measured in unless configured otherwise.
pub fn china_standard_time() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).expect("+08:00 is a valid offset")
}

#[cfg(test)]
mod tests;
