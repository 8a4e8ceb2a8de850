//! The config file: where it is found, how it is read into a [`Layer`], and the `[keys]`
//! entries' shape. Errors name the file and the line; the values' own checks are `value.rs`.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};

use super::{ConfigError, Layer};
use crate::small_file;

/// Largest config file read: a real one is a few KiB.
const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

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
    let text = small_file::read_text(path, MAX_CONFIG_BYTES).map_err(|e| ConfigError::Read {
        path: path.display().to_string(),
        source: e.into(),
    })?;
    parse_file(&text, &path.display().to_string())
}

/// Parses a config file's text; `label` names it in errors. A bad value's error names its key
/// (`poll_interval: expected a duration ..., got -5 (line 3)`).
pub fn parse_file(text: &str, label: &str) -> Result<Layer, ConfigError> {
    let fail = |key: String, e: toml::de::Error| ConfigError::File {
        path: label.to_owned(),
        message: key + &suggest(e.message()) + &location(text, e.span()),
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

/// serde's "unknown field `fed`, expected one of `feed`, ... (24 names)" as a person would
/// say it: "unknown key `fed`, did you mean `feed`?" when one key is close (at most a third of
/// its letters differ), else the names once. Other messages pass through.
fn suggest(message: &str) -> String {
    let Some(rest) = message.strip_prefix("unknown field `") else {
        return message.to_owned();
    };
    let Some((typed, _)) = rest.split_once('`') else {
        return message.to_owned();
    };
    let keys = super::settings::declared()
        .into_iter()
        .map(|d| d.key)
        .chain(std::iter::once("keys"));
    let closest = keys
        .map(|key| (edit_distance(typed, key), key))
        .min()
        .filter(|&(distance, key)| distance * 3 <= key.len().max(typed.len()));
    match closest {
        Some((_, key)) => format!("unknown key `{typed}`, did you mean `{key}`?"),
        None => format!("unknown key `{typed}` (the keys are listed in docs/configuration.md)"),
    }
}

/// Levenshtein distance over characters: the edits that turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
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
