//! The config file: where it is found, how it is read into a [`Layer`], and the `[keys]`
//! entries' shape. Errors name the file and the line; the values' own checks are `value.rs`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

use super::{ConfigError, Layer};

/// A `[keys]` entry: one key or a list of keys.
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl<'de> Deserialize<'de> for KeySpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Spec;
        impl<'de> Visitor<'de> for Spec {
            type Value = KeySpec;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key such as \"q\" or a list of keys such as [\"q\", \"ctrl+c\"]")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<KeySpec, E> {
                Ok(KeySpec::One(key.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeySpec, A::Error> {
                let mut keys = Vec::new();
                while let Some(key) = seq.next_element::<String>()? {
                    keys.push(key);
                }
                Ok(KeySpec::Many(keys))
            }
        }
        d.deserialize_any(Spec)
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

/// Parses a config file's text; `label` names it in errors. A bad value's error names its key
/// (`poll_interval: expected a duration ..., got -5 (line 3)`).
pub fn parse_file(text: &str, label: &str) -> Result<Layer, ConfigError> {
    let fail = |key: String, e: toml::de::Error| ConfigError::File {
        path: label.to_owned(),
        message: key + e.message() + &location(text, e.span()),
    };
    let document = toml::Deserializer::parse(text).map_err(|e| fail(String::new(), e))?;
    serde_path_to_error::deserialize(document).map_err(|e| {
        let key = match e.path().to_string() {
            path if path == "." || e.inner().message().contains(&format!("`{path}`")) => {
                String::new()
            }
            path => format!("{path}: "),
        };
        fail(key, e.into_inner())
    })
}

fn location(text: &str, span: Option<std::ops::Range<usize>>) -> String {
    span.map_or_else(String::new, |span| {
        let line = text
            .char_indices()
            .take_while(|&(at, _)| at < span.start)
            .filter(|&(_, c)| c == '\n')
            .count()
            + 1;
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
