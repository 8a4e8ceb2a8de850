//! How one setting's value is written: parsed from the environment's text (and the flags'),
//! read from the config file, and shown by `doctor` and the docs; and the check of a value
//! against its bounds. Knows nothing of which settings exist (`settings.rs` declares them).
//!
//! Enumerations have one rule everywhere: their names are case-insensitive (`ZH`, `zh` and
//! `Zh` are one language) in the file, the environment and on the command line.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use chrono::FixedOffset;
use clap::ValueEnum;
use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::Profile;
use crate::appearance::{ColorChoice, Glyphs, TargetColors, Theme};
use crate::domain::rejections::Share;
use crate::lang::Lang;

/// A type a setting can hold.
pub trait Value: Clone + Sized {
    /// What a written value looks like, for messages and the docs.
    fn expected() -> String;
    /// Parses an environment variable's value.
    fn from_text(text: &str) -> Result<Self, String>;
    /// Reads the value of the config file's key.
    fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
    /// The value as the config file writes it.
    fn show(&self) -> String;
}

/// `deserialize_with` for every `Layer` field: a key present in the file is `Some`.
pub fn optional<'de, D: Deserializer<'de>, T: Value>(d: D) -> Result<Option<T>, D::Error> {
    T::from_file(d).map(Some)
}

/// Checks `value` against inclusive bounds; the message quotes the bound and the value.
pub fn within<T: Value + PartialOrd>(value: &T, min: &T, max: &T) -> Result<(), String> {
    if value < min {
        Err(format!(
            "must be at least {}, got {}",
            min.show(),
            value.show()
        ))
    } else if value > max {
        Err(format!(
            "must be at most {}, got {}",
            max.show(),
            value.show()
        ))
    } else {
        Ok(())
    }
}

/// The message for a file value of the wrong kind: "expected ..., got -5".
fn got<E: de::Error>(expected: &str, value: impl fmt::Display) -> E {
    E::custom(format!("expected {expected}, got {value}"))
}

const DURATION: &str = "a duration such as 30s or a whole number of seconds";

impl Value for Duration {
    fn expected() -> String {
        DURATION.to_owned()
    }

    fn from_text(text: &str) -> Result<Self, String> {
        parse_duration(text)
    }

    fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Written;
        impl Visitor<'_> for Written {
            type Value = Duration;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(DURATION)
            }
            fn visit_u64<E: de::Error>(self, secs: u64) -> Result<Duration, E> {
                Ok(Duration::from_secs(secs))
            }
            fn visit_i64<E: de::Error>(self, secs: i64) -> Result<Duration, E> {
                u64::try_from(secs)
                    .map(Duration::from_secs)
                    .map_err(|_| got(DURATION, secs))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Duration, E> {
                Err(got(DURATION, value))
            }
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Duration, E> {
                Err(got(DURATION, value))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Duration, E> {
                parse_duration(text).map_err(E::custom)
            }
        }
        d.deserialize_any(Written)
    }

    fn show(&self) -> String {
        format_duration(*self)
    }
}

/// Reads a whole number up to `max` from the file.
struct Whole(u64);

impl Whole {
    fn expected(&self) -> String {
        if self.0 == u64::MAX {
            "a whole number".to_owned()
        } else {
            format!("a whole number from 0 to {}", self.0)
        }
    }

    fn check<E: de::Error>(&self, value: u64) -> Result<u64, E> {
        if value <= self.0 {
            Ok(value)
        } else {
            Err(got(&self.expected(), value))
        }
    }
}

impl Visitor<'_> for Whole {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.expected())
    }
    fn visit_u64<E: de::Error>(self, value: u64) -> Result<u64, E> {
        self.check(value)
    }
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<u64, E> {
        u64::try_from(value)
            .map_err(|_| got(&self.expected(), value))
            .and_then(|v| self.check(v))
    }
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<u64, E> {
        Err(got(&self.expected(), value))
    }
    fn visit_bool<E: de::Error>(self, value: bool) -> Result<u64, E> {
        Err(got(&self.expected(), value))
    }
    fn visit_str<E: de::Error>(self, text: &str) -> Result<u64, E> {
        Err(got(&self.expected(), format_args!("{text:?}")))
    }
}

fn whole_from_text(text: &str) -> Result<u64, String> {
    text.parse::<u64>()
        .map_err(|_| format!("not a whole number: {text:?}"))
}

impl Value for u64 {
    fn expected() -> String {
        Whole(u64::MAX).expected()
    }

    fn from_text(text: &str) -> Result<Self, String> {
        whole_from_text(text)
    }

    fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(Whole(u64::MAX))
    }

    fn show(&self) -> String {
        self.to_string()
    }
}

impl Value for u32 {
    fn expected() -> String {
        Whole(u64::from(u32::MAX)).expected()
    }

    fn from_text(text: &str) -> Result<Self, String> {
        let n = whole_from_text(text)?;
        u32::try_from(n).map_err(|_| format!("too large: {n}"))
    }

    fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = d.deserialize_any(Whole(u64::from(u32::MAX)))?;
        u32::try_from(n).map_err(|_| got(&Self::expected(), n))
    }

    fn show(&self) -> String {
        self.to_string()
    }
}

impl Value for bool {
    fn expected() -> String {
        "true or false".to_owned()
    }

    /// The environment also takes `1`/`0` and `yes`/`no`; the file takes TOML booleans.
    fn from_text(text: &str) -> Result<Self, String> {
        match text {
            "1" | "true" | "yes" => Ok(true),
            "0" | "false" | "no" => Ok(false),
            _ => Err(format!("expected true or false, got {text:?}")),
        }
    }

    fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        bool::deserialize(d)
    }

    fn show(&self) -> String {
        self.to_string()
    }
}

const SHARE: &str = "a share such as 1%, 0.5% or 0.01";

impl Value for Share {
    fn expected() -> String {
        SHARE.to_owned()
    }

    fn from_text(text: &str) -> Result<Self, String> {
        Share::parse(text)
    }

    /// A string as the environment takes it, or a TOML number as a fraction (`0.01`).
    fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Written;
        impl Visitor<'_> for Written {
            type Value = Share;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(SHARE)
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Share, E> {
                Share::parse(&value.to_string()).map_err(|_| got(SHARE, value))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Share, E> {
                u64::try_from(value)
                    .map_err(|_| got(SHARE, value))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Share, E> {
                Share::from_fraction(value).ok_or_else(|| got(SHARE, value))
            }
            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Share, E> {
                Err(got(SHARE, value))
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Share, E> {
                Share::parse(text).map_err(E::custom)
            }
        }
        d.deserialize_any(Written)
    }

    fn show(&self) -> String {
        self.to_string()
    }
}

/// Text and paths: taken as written.
macro_rules! as_written {
    ($ty:ty, $expected:literal, $show:expr) => {
        impl Value for $ty {
            fn expected() -> String {
                $expected.to_owned()
            }

            fn from_text(text: &str) -> Result<Self, String> {
                Ok(<$ty>::from(text))
            }

            fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$ty>::deserialize(d)
            }

            fn show(&self) -> String {
                $show(self)
            }
        }
    };
}

as_written!(String, "text", String::clone);
as_written!(PathBuf, "a file path", |path: &PathBuf| path
    .display()
    .to_string());

impl Value for FixedOffset {
    fn expected() -> String {
        "a UTC offset such as +08:00".to_owned()
    }

    fn from_text(text: &str) -> Result<Self, String> {
        parse_offset(text)
    }

    fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_offset(&String::deserialize(d)?).map_err(de::Error::custom)
    }

    fn show(&self) -> String {
        self.to_string()
    }
}

/// The names of an enumeration's values, as written.
fn names<T: ValueEnum>() -> Vec<String> {
    T::value_variants()
        .iter()
        .filter_map(ValueEnum::to_possible_value)
        .map(|v| v.get_name().to_owned())
        .collect()
}

/// `a, b or c`.
fn or_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The one rule for enumerations: a name, ignoring case and surrounding blanks.
fn parse_name<T: ValueEnum>(text: &str) -> Option<T> {
    T::from_str(text.trim(), true).ok()
}

/// Implements [`Value`] for a `clap::ValueEnum`; `$noun` names it in the environment's errors.
macro_rules! enum_value {
    ($ty:ty, $noun:literal) => {
        impl Value for $ty {
            fn expected() -> String {
                format!("one of {}", names::<$ty>().join(", "))
            }

            fn from_text(text: &str) -> Result<Self, String> {
                parse_name(text).ok_or_else(|| {
                    let names = or_list(&names::<$ty>());
                    format!("unknown {} {text:?} (use {names})", $noun)
                })
            }

            fn from_file<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                parse_name(&text).ok_or_else(|| unknown_variant(&text, &names::<$ty>()))
            }

            fn show(&self) -> String {
                self.to_possible_value()
                    .map(|v| v.get_name().to_owned())
                    .unwrap_or_default()
            }
        }
    };
}

enum_value!(Lang, "language");
enum_value!(Theme, "theme");
enum_value!(ColorChoice, "colour choice");
enum_value!(TargetColors, "target colour mapping");
enum_value!(Profile, "profile");
enum_value!(Glyphs, "glyph set");

/// serde's wording for an unknown name, which the config file's errors have always used.
fn unknown_variant<E: de::Error>(text: &str, names: &[String]) -> E {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let expected = match quoted.as_slice() {
        [] => "there are no variants".to_owned(),
        [one] => format!("expected {one}"),
        [a, b] => format!("expected {a} or {b}"),
        all => format!("expected one of {}", all.join(", ")),
    };
    E::custom(format!("unknown variant `{text}`, {expected}"))
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
