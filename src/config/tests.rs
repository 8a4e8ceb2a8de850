//! Resolution, the layers' parsing, the bounds, and the checks that the docs, the shipped
//! config file and the command-line flags agree with the declarations.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Duration;

use super::*;
use crate::appearance::{ColorChoice, Theme};
use crate::lang::Lang;

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
    let settings = Settings::resolve(Layer::default(), Layer::default(), Layer::default(), None);
    assert_eq!(settings.feed, None);
    assert_eq!(settings.utc_offset.local_minus_utc(), 8 * 3600);
    assert_eq!(settings.default_limit_working_days, 9);
}

#[test]
fn a_misspelt_key_names_the_key_and_the_file() {
    let err = parse_file("pol_interval = \"5s\"\n", "my.toml").expect_err("unknown key");
    let message = err.to_string();
    assert_eq!(
        message,
        "my.toml: unknown key `pol_interval`, did you mean `poll_interval`? (line 1)"
    );
    let err = parse_file("fed = \"x.json\"\n", "c.toml").expect_err("unknown key");
    assert!(
        err.to_string()
            .starts_with("c.toml: unknown key `fed`, did you mean `feed`?"),
        "{err}"
    );
    let err = parse_file("weather = 1\n", "c.toml").expect_err("unknown key");
    assert!(
        err.to_string()
            .starts_with("c.toml: unknown key `weather` (the keys are listed"),
        "{err}"
    );
}

#[test]
fn io_errors_read_as_people_talk() {
    use std::io::{Error, ErrorKind};
    let words = |kind| crate::small_file::describe_io(&Error::from(kind));
    assert_eq!(words(ErrorKind::NotFound), "no such file");
    assert_eq!(words(ErrorKind::AddrInUse), "address already in use");
    assert_eq!(words(ErrorKind::StorageFull), "disk full");
    let raw = crate::small_file::describe_io(&Error::from_raw_os_error(2));
    assert!(!raw.contains("os error"), "{raw}");
    let err = super::file::read_file(std::path::Path::new("/nonexistent-investboard.toml"))
        .expect_err("missing");
    assert_eq!(
        err.to_string(),
        "/nonexistent-investboard.toml: cannot read: no such file"
    );
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
    let text = include_str!("../../config/investboard.toml");
    let layer = parse_file(text, "config/investboard.toml").expect("shipped config parses");
    let from_file = Settings::resolve(Layer::default(), Layer::default(), layer, None);
    let defaults = Settings::resolve(Layer::default(), Layer::default(), Layer::default(), None);
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

/// The environment with one variable set.
fn one_var(name: String, value: String) -> impl Fn(&str) -> Option<String> {
    move |key: &str| (key == name).then(|| value.clone())
}

/// Settings with one key set in the environment, as written.
fn with_env(key: &str, text: &str) -> Result<Settings, ConfigError> {
    let env = env_layer(&one_var(env_name(key), text.to_owned()))?;
    Ok(Settings::resolve(
        Layer::default(),
        env,
        Layer::default(),
        None,
    ))
}

/// The value one step below (`up` false) or above a bound, as written; `None` below zero.
fn beside(bound: &str, whole: bool, up: bool) -> Option<String> {
    if whole {
        let n: u64 = bound.parse().expect("a whole-number bound");
        let n = if up {
            n.checked_add(1)
        } else {
            n.checked_sub(1)
        };
        return n.map(|n| n.to_string());
    }
    if let Some(percent) = bound.strip_suffix('%') {
        // Shares step by a hundredth of a percent; bounds are whole percentages.
        let bp = percent.parse::<u64>().expect("a whole-percent bound") * 100;
        let bp = if up {
            bp.checked_add(1)
        } else {
            bp.checked_sub(1)
        };
        return bp.map(|bp| format!("{}.{:02}%", bp / 100, bp % 100));
    }
    let d = parse_duration(bound).expect("a duration bound");
    let step = Duration::from_millis(1);
    let d = if up {
        d.checked_add(step)
    } else {
        d.checked_sub(step)
    };
    d.map(format_duration)
}

#[test]
fn every_bound_is_inclusive_and_a_value_past_it_is_an_error_naming_the_key() {
    let mut bounded = 0;
    for setting in declared() {
        let Some((min, max)) = &setting.bounds else {
            continue;
        };
        bounded += 1;
        let whole = setting.kind.starts_with("a whole number");
        for inside in [min, max] {
            let settings = with_env(setting.key, inside).expect("parses");
            assert!(
                settings.check_bounds().is_ok(),
                "{} = {inside}",
                setting.key
            );
        }
        for (bound, up, word) in [(min, false, "least"), (max, true, "most")] {
            let Some(outside) = beside(bound, whole, up) else {
                continue;
            };
            let settings = with_env(setting.key, &outside).expect("parses");
            let err = settings.validate().expect_err(&outside);
            assert_eq!(
                err.to_string(),
                format!(
                    "{} (from environment): must be at {word} {bound}, got {outside}",
                    setting.key
                )
            );
        }
    }
    assert!(bounded >= 9, "every duration and size is bounded");
}

#[test]
fn values_that_used_to_kill_are_config_errors() {
    let err = with_env("max_body_mb", "17592186044416")
        .expect("parses")
        .validate()
        .expect_err("overflowing size");
    assert_eq!(
        err.to_string(),
        "max_body_mb (from environment): must be at most 4096, got 17592186044416"
    );
    let file = parse_file("rotate_interval = 9223372036854775807", "c.toml").expect("parses");
    let settings = Settings::resolve(Layer::default(), Layer::default(), file, None);
    assert!(settings.validate().is_err());
    let cli = Layer {
        poll_interval: Some(parse_duration("200000000d").expect("a duration")),
        ..Layer::default()
    };
    let settings = Settings::resolve(cli, Layer::default(), Layer::default(), None);
    assert_eq!(
        settings.validate().expect_err("far too long").to_string(),
        "poll_interval (from command line): must be at most 1d, got 200000000d"
    );
    let file = parse_file("request_timeout = 0", "c.toml").expect("parses");
    let settings = Settings::resolve(Layer::default(), Layer::default(), file, None);
    assert_eq!(
        settings.validate().expect_err("no time at all").to_string(),
        "request_timeout (from config file): must be at least 100ms, got 0s"
    );
}

#[test]
fn a_value_of_the_wrong_kind_in_the_file_names_the_key_and_what_was_expected() {
    for (text, message) in [
        (
            "poll_interval = -5",
            "poll_interval: expected a duration such as 30s or a whole number of seconds, got -5",
        ),
        (
            "\nwarn_age = 1.5",
            "warn_age: expected a duration such as 30s or a whole number of seconds, got 1.5",
        ),
        (
            "max_body_mb = \"256\"",
            "max_body_mb: expected a whole number, got \"256\"",
        ),
        (
            "default_limit_working_days = -1",
            "default_limit_working_days: expected a whole number from 0 to 4294967295, got -1",
        ),
        (
            "[keys]\nquit = 5",
            "keys.quit: invalid type: integer `5`, expected a key such as \"q\" or a list of keys",
        ),
    ] {
        let err = parse_file(text, "c.toml").expect_err(text).to_string();
        assert!(err.starts_with(&format!("c.toml: {message}")), "{err}");
        let line = text.lines().count();
        assert!(err.ends_with(&format!("(line {line})")), "{err}");
    }
}

#[test]
fn names_are_case_insensitive_in_the_file_the_environment_and_on_the_command_line() {
    use clap::Parser as _;

    let file = parse_file(
        "lang = \"ZH\"\ntheme = \"High-Contrast\"\ncolor = \"NEVER\"\nprofile = \"Wall\"",
        "c.toml",
    )
    .expect("names in any case");
    let env = |key: &str| {
        let value = match key {
            "INVESTBOARD_LANG" => "Zh",
            "INVESTBOARD_THEME" => "HIGH-CONTRAST",
            "INVESTBOARD_COLOR" => "Never",
            "INVESTBOARD_PROFILE" => "WALL",
            _ => return None,
        };
        Some(value.to_owned())
    };
    let env = env_layer(&env).expect("names in any case");
    let cli = crate::cli::Cli::try_parse_from([
        "investboard",
        "--lang",
        "zH",
        "--theme",
        "High-contrast",
        "--color",
        "NeVeR",
        "--profile",
        "wAlL",
    ])
    .expect("names in any case")
    .layer();
    for layer in [file, env, cli] {
        assert_eq!(layer.lang, Some(Lang::Zh));
        assert_eq!(layer.theme, Some(Theme::HighContrast));
        assert_eq!(layer.color, Some(ColorChoice::Never));
        assert_eq!(layer.profile, Some(Profile::Wall));
    }
    let err = with_env("lang", "fr").expect_err("no such language");
    assert_eq!(
        err.to_string(),
        "environment variable INVESTBOARD_LANG: unknown language \"fr\" (use en or zh)"
    );
}

#[test]
fn every_default_reads_back_from_its_written_form() {
    let defaults = Settings::default();
    for setting in declared() {
        if defaults.origins[setting.key] != Origin::Default || setting.default.starts_with('(') {
            continue;
        }
        let settings = with_env(setting.key, &setting.default).expect("the default parses");
        assert_eq!(
            settings.shown(),
            defaults.shown(),
            "{} = {}",
            setting.key,
            setting.default
        );
        assert_eq!(settings.origins[setting.key], Origin::Environment);
    }
}

#[test]
fn every_declared_flag_sets_its_key_and_every_setting_flag_is_declared() {
    use clap::Parser as _;

    let declared = declared();
    for setting in declared.iter().filter(|s| s.flag.is_some()) {
        let flag = setting.flag.unwrap_or_default();
        let value = match setting.kind.as_str() {
            "true or false" => None,
            "text" => Some("feed.json".to_owned()),
            "a file path" => Some("/nonexistent/investboard".to_owned()),
            kind => Some(kind.strip_prefix("one of ").map_or_else(
                || setting.default.clone(),
                |names| {
                    names
                        .split([',', ' '])
                        .next()
                        .unwrap_or_default()
                        .to_owned()
                },
            )),
        };
        // A global flag, else one of `status`.
        let parsed = [vec!["investboard"], vec!["investboard", "status"]]
            .into_iter()
            .find_map(|mut args| {
                args.push(flag);
                args.extend(value.as_deref());
                crate::cli::Cli::try_parse_from(args).ok()
            });
        assert!(parsed.is_some(), "{flag} {value:?} does not parse");
        let Some(cli) = parsed else { continue };
        let settings = Settings::resolve(cli.layer(), Layer::default(), Layer::default(), None);
        assert_eq!(
            settings.origins[setting.key],
            Origin::CommandLine,
            "{flag} must set {}",
            setting.key
        );
    }
    let command = crate::cli::Cli::command();
    let status = command
        .find_subcommand("status")
        .expect("a status subcommand");
    // How one `status` run reports, not settings: `--check` and `--max-lines` choose what a
    // monitoring service asks of this one invocation.
    let not_settings = [
        "config",
        "now",
        "verbose",
        "format",
        "check",
        "max-lines",
        "help",
        "version",
    ];
    for arg in command.get_arguments().chain(status.get_arguments()) {
        let Some(long) = arg.get_long() else {
            continue;
        };
        // `--no-mouse` is the negation of the declared `--mouse`.
        let setting = long.strip_prefix("no-").unwrap_or(long);
        assert!(
            not_settings.contains(&long)
                || declared
                    .iter()
                    .any(|s| s.flag == Some(&format!("--{setting}"))),
            "--{long} sets a setting: declare its flag in config/settings.rs"
        );
    }
}

/// The settings table of `docs/configuration.md`, as the declarations write it.
fn settings_table() -> String {
    let mut table = String::from("| key | environment | flag | default | allowed | what it is |\n");
    table.push_str("|---|---|---|---|---|---|\n");
    for s in declared() {
        let flag = s.flag.map(|f| format!("`{f}`")).unwrap_or_default();
        let default = if s.default.starts_with('(') {
            s.default.clone()
        } else {
            format!("`{}`", s.default)
        };
        let _ = writeln!(
            table,
            "| `{}` | `{}` | {flag} | {default} | {} | {} |",
            s.key,
            s.env(),
            s.allowed(),
            s.about
        );
    }
    table
}

#[test]
fn the_docs_table_states_every_setting_as_declared() {
    let docs = include_str!("../../docs/configuration.md");
    let table = settings_table();
    assert!(
        docs.contains(&table),
        "docs/configuration.md must hold the settings table as declared; paste:\n{table}"
    );
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains("docs/configuration.md"),
        "README links the settings table"
    );
}

#[test]
fn the_shipped_config_file_lists_every_setting_with_its_bounds() {
    let text = include_str!("../../config/investboard.toml");
    for setting in declared() {
        let line = text.lines().find(|line| {
            let line = line.trim_start_matches("# ");
            line.starts_with(&format!("{} = ", setting.key))
        });
        assert!(
            line.is_some(),
            "{} missing from config/investboard.toml",
            setting.key
        );
        let line = line.unwrap_or_default();
        if setting.bounds.is_some() {
            let allowed = format!("# {}", setting.allowed());
            assert!(
                line.ends_with(&allowed),
                "{line:?} must end with {allowed:?}"
            );
        }
    }
}
