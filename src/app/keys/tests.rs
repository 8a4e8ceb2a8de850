//! Tests of key parsing, the default bindings, `[keys]` overrides and their error messages.

use std::collections::BTreeMap;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use strum::IntoEnumIterator;

use super::*;
use crate::app::Panel;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn no_key_is_bound_twice() {
    let all: Vec<Key> = Command::iter()
        .flat_map(|c| c.default_keys().iter().copied())
        .collect();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a, b, "{} bound twice", a.name());
        }
    }
}

#[test]
fn every_default_key_gives_its_commands_action() {
    for command in Command::iter() {
        assert!(!command.default_keys().is_empty(), "{command:?} has no key");
        for key in command.default_keys() {
            let event = KeyEvent::new(key.code, key.modifiers);
            assert_eq!(
                action_for(InputMode::Normal, &event),
                Some(command.action()),
                "{} for {command:?}",
                key.name()
            );
        }
    }
}

#[test]
fn no_two_commands_do_the_same() {
    let all: Vec<Command> = Command::iter().collect();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            assert_ne!(a.action(), b.action(), "{a:?} and {b:?}");
        }
    }
}

#[test]
fn keys_map_to_actions() {
    let normal = InputMode::Normal;
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('j'))),
        Some(Action::Down)
    );
    assert_eq!(action_for(normal, &key(KeyCode::Down)), Some(Action::Down));
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('k'))),
        Some(Action::Up)
    );
    assert_eq!(action_for(normal, &key(KeyCode::Home)), Some(Action::First));
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(action_for(normal, &shift_g), Some(Action::Last));
    let back_tab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
    assert_eq!(action_for(normal, &back_tab), Some(Action::PrevPanel));
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('3'))),
        Some(Action::Focus(Panel::Stalled))
    );
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('r'))),
        Some(Action::Refresh)
    );
    assert_eq!(action_for(normal, &key(KeyCode::Char('z'))), None);
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(action_for(normal, &ctrl_c), Some(Action::Quit));
    assert_eq!(action_for(InputMode::Filter, &ctrl_c), Some(Action::Quit));
}

#[test]
fn filter_mode_types_instead_of_commanding() {
    let filter = InputMode::Filter;
    assert_eq!(
        action_for(filter, &key(KeyCode::Char('q'))),
        Some(Action::FilterInput('q'))
    );
    assert_eq!(
        action_for(filter, &key(KeyCode::Enter)),
        Some(Action::ApplyFilter)
    );
    assert_eq!(
        action_for(filter, &key(KeyCode::Esc)),
        Some(Action::CancelFilter)
    );
    assert_eq!(
        action_for(filter, &key(KeyCode::Backspace)),
        Some(Action::FilterBackspace)
    );
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    assert_eq!(
        action_for(filter, &ctrl('w')),
        Some(Action::FilterDeleteWord)
    );
    assert_eq!(
        action_for(filter, &ctrl('u')),
        Some(Action::FilterDeleteLine)
    );
    // Other control keys type nothing; Ctrl-C still quits.
    assert_eq!(action_for(filter, &ctrl('a')), None);
    assert_eq!(action_for(filter, &ctrl('c')), Some(Action::Quit));
}

#[test]
fn navigation_keys_sort_copy_export_and_the_rejected_view() {
    let normal = InputMode::Normal;
    let shifted = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::SHIFT);
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('s'))),
        Some(Action::CycleSort)
    );
    assert_eq!(action_for(normal, &shifted('S')), Some(Action::ReverseSort));
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('+'))),
        Some(Action::Expand)
    );
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('y'))),
        Some(Action::Copy)
    );
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('e'))),
        Some(Action::Export)
    );
    assert_eq!(
        action_for(normal, &key(KeyCode::Char('x'))),
        Some(Action::ToggleRejected)
    );
}

#[test]
fn key_release_is_ignored() {
    let mut release = key(KeyCode::Char('q'));
    release.kind = KeyEventKind::Release;
    assert_eq!(action_for(InputMode::Normal, &release), None);
}

#[test]
fn key_names_read_well() {
    let keys = KeyMap::default();
    assert_eq!(keys.key_names(Command::Quit), "q, Ctrl-C");
    assert_eq!(keys.key_name(Command::PrevPanel), "Shift-Tab");
}

fn table(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
    pairs
        .iter()
        .map(|(c, keys)| {
            (
                (*c).to_owned(),
                keys.iter().map(|k| (*k).to_owned()).collect(),
            )
        })
        .collect()
}

#[test]
fn key_strings_parse() {
    let parse = |t: &str| Key::parse(t);
    assert_eq!(parse("q"), Some(Key::ch('q')));
    assert_eq!(parse("G"), Some(Key::ch('G')));
    assert_eq!(parse("shift+g"), Some(Key::ch('G')));
    assert_eq!(parse("ctrl+r"), Some(Key::ctrl('r')));
    assert_eq!(parse("Ctrl+R"), Some(Key::ctrl('r')));
    assert_eq!(parse("tab"), Some(Key::plain(KeyCode::Tab)));
    assert_eq!(parse("shift+tab"), Some(Key::plain(KeyCode::BackTab)));
    assert_eq!(parse("PageDown"), Some(Key::plain(KeyCode::PageDown)));
    assert_eq!(parse("f5"), Some(Key::plain(KeyCode::F(5))));
    assert_eq!(parse("+"), Some(Key::ch('+')));
    assert_eq!(parse("space").map(Key::name).as_deref(), Some("Space"));
    assert_eq!(parse("alt+x").map(Key::name).as_deref(), Some("Alt-x"));
    for bad in [
        "",
        "ctrl+",
        "f13",
        "shift+down",
        "shift+1",
        "nope",
        "\u{1b}",
    ] {
        assert_eq!(parse(bad), None, "{bad:?}");
    }
}

#[test]
fn overrides_replace_only_their_command() {
    let keys = KeyMap::from_table(&table(&[("refresh", &["ctrl+r", "f5"]), ("quit", &["z"])]))
        .expect("valid");
    assert_eq!(keys.key_names(Command::Refresh), "Ctrl-R, F5");
    // Ctrl-C stays on quit.
    assert_eq!(keys.key_names(Command::Quit), "z, Ctrl-C");
    assert_eq!(keys.key_names(Command::Help), "?");
    let f5 = KeyEvent::new(KeyCode::F(5), KeyModifiers::NONE);
    assert_eq!(
        keys.action_for(InputMode::Normal, &f5),
        Some(Action::Refresh)
    );
    let r = KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE);
    assert_eq!(keys.action_for(InputMode::Normal, &r), None);
}

#[test]
fn bad_tables_are_refused_with_their_names() {
    let err = |pairs: &[(&str, &[&str])]| {
        KeyMap::from_table(&table(pairs))
            .expect_err("refused")
            .to_string()
    };
    assert_eq!(
        err(&[("quitt", &["q"])]),
        "unknown command \"quitt\" (commands: quit, next_panel, prev_panel, focus_signings, \
         focus_targets, focus_stalled, down, up, page_down, page_up, first, last, open, close, \
         filter, sort, sort_reverse, expand, copy, export, refresh, hold, rejected, trends, changes, help)"
    );
    assert_eq!(
        err(&[("help", &["hyper+h"])]),
        "help = \"hyper+h\": unknown key name (use e.g. \"q\", \"G\", \"ctrl+r\", \"tab\", \"down\", \"f5\")"
    );
    assert_eq!(err(&[("help", &[])]), "help: no keys given");
    assert_eq!(
        err(&[("quit", &["j"])]),
        "key \"j\" is bound to both down (its default; rebind it too) and quit"
    );
    assert_eq!(
        err(&[("quit", &["z"]), ("help", &["z"])]),
        "key \"z\" is bound to both help and quit"
    );
    assert_eq!(
        err(&[("sort", &["s", "s"])]),
        "sort: key \"s\" listed twice"
    );
    assert_eq!(
        err(&[("refresh", &["ctrl+c"])]),
        "refresh = \"ctrl+c\": Ctrl-C always quits and cannot be bound to another command"
    );
    // Swapping two keys is fine when both are rebound, and the swap takes effect.
    let swapped = KeyMap::from_table(&table(&[("down", &["k"]), ("up", &["j"])])).expect("valid");
    let normal = InputMode::Normal;
    let k = key(KeyCode::Char('k'));
    let j = key(KeyCode::Char('j'));
    assert_eq!(swapped.action_for(normal, &k), Some(Action::Down));
    assert_eq!(swapped.action_for(normal, &j), Some(Action::Up));
}

#[test]
fn the_shipped_config_states_every_default_binding() {
    let text = include_str!("../../../config/investboard.toml");
    let layer = crate::config::parse_file(text, "config/investboard.toml").expect("parses");
    let keys: BTreeMap<String, Vec<String>> = layer
        .keys
        .expect("a [keys] table")
        .into_iter()
        .map(|(c, spec)| (c, spec.into_vec()))
        .collect();
    for command in Command::iter() {
        let name: &str = command.into();
        assert!(keys.contains_key(name), "{name} undocumented");
    }
    assert_eq!(KeyMap::from_table(&keys), Ok(KeyMap::default()));
}
