//! Key bindings: one table with a named entry per command, from which both the key mapping and
//! the help overlay are derived, so the two cannot drift. The defaults are [`BINDINGS`]; the
//! config file's `[keys]` table overrides them per command ([`KeyMap::from_table`]), parsed
//! from strings like `"ctrl+r"` and checked for keys bound twice. Mapping a key is a pure
//! function of the key map, the key and the input mode.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, Panel};

/// A key as the table names it. SHIFT is ignored when matching characters (an upper-case `G`
/// arrives with SHIFT set) and for Shift-Tab (`BackTab`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    fn matches(self, event: &KeyEvent) -> bool {
        let ignore = KeyModifiers::SHIFT;
        self.code == event.code
            && self.modifiers.difference(ignore) == event.modifiers.difference(ignore)
    }

    /// The key's name in the help overlay and the hint line.
    pub fn name(self) -> String {
        let base = match self.code {
            KeyCode::Tab => "Tab".to_owned(),
            KeyCode::BackTab => "Shift-Tab".to_owned(),
            KeyCode::Up => "Up".to_owned(),
            KeyCode::Down => "Down".to_owned(),
            KeyCode::PageUp => "PgUp".to_owned(),
            KeyCode::PageDown => "PgDn".to_owned(),
            KeyCode::Home => "Home".to_owned(),
            KeyCode::End => "End".to_owned(),
            KeyCode::Enter => "Enter".to_owned(),
            KeyCode::Esc => "Esc".to_owned(),
            KeyCode::Char(' ') => "Space".to_owned(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Left => "Left".to_owned(),
            KeyCode::Right => "Right".to_owned(),
            KeyCode::Backspace => "Backspace".to_owned(),
            KeyCode::Insert => "Insert".to_owned(),
            KeyCode::Delete => "Delete".to_owned(),
            other => format!("{other:?}"),
        };
        let mut name = if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        };
        if self.modifiers.contains(KeyModifiers::ALT) {
            name = format!("Alt-{name}");
        }
        name
    }

    /// Parses a key as the config file writes it: `"q"`, `"G"`, `"ctrl+r"`, `"alt+x"`,
    /// `"shift+tab"`, `"enter"`, `"f5"`, ... `None` when it names no key.
    pub fn parse(text: &str) -> Option<Key> {
        let mut rest = text;
        let mut modifiers = KeyModifiers::NONE;
        let mut shift = false;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl+") {
                modifiers |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt+") {
                modifiers |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift+") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                let c = if modifiers.contains(KeyModifiers::CONTROL) {
                    c.to_ascii_lowercase()
                } else if shift {
                    if !c.is_alphabetic() {
                        return None;
                    }
                    shift = false;
                    c.to_uppercase().next().unwrap_or(c)
                } else {
                    c
                };
                KeyCode::Char(c)
            }
            _ => named_key(&rest.to_ascii_lowercase())?,
        };
        let code = match (code, shift) {
            (KeyCode::Tab, true) => KeyCode::BackTab,
            // Shift is ignored when matching, so "shift+down" would silently mean "down".
            (_, true) => return None,
            (code, false) => code,
        };
        Some(Key { code, modifiers })
    }
}

fn named_key(name: &str) -> Option<KeyCode> {
    Some(match name {
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "space" => KeyCode::Char(' '),
        "backspace" => KeyCode::Backspace,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" | "pgup" => KeyCode::PageUp,
        "pagedown" | "pgdn" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "insert" | "ins" => KeyCode::Insert,
        "delete" | "del" => KeyCode::Delete,
        f if f.starts_with('f') => match f[1..].parse::<u8>() {
            Ok(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
        _ => return None,
    })
}

/// Every command a key can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Command {
    Quit,
    NextPanel,
    PrevPanel,
    FocusSignings,
    FocusTargets,
    FocusStalled,
    Down,
    Up,
    PageDown,
    PageUp,
    First,
    Last,
    Open,
    Close,
    Filter,
    Sort,
    Refresh,
    HoldRotation,
    Help,
}

impl Command {
    pub const ALL: [Command; 19] = [
        Command::Quit,
        Command::NextPanel,
        Command::PrevPanel,
        Command::FocusSignings,
        Command::FocusTargets,
        Command::FocusStalled,
        Command::Down,
        Command::Up,
        Command::PageDown,
        Command::PageUp,
        Command::First,
        Command::Last,
        Command::Open,
        Command::Close,
        Command::Filter,
        Command::Sort,
        Command::Refresh,
        Command::HoldRotation,
        Command::Help,
    ];

    /// The command's name in the config file's `[keys]` table.
    pub fn name(self) -> &'static str {
        match self {
            Command::Quit => "quit",
            Command::NextPanel => "next_panel",
            Command::PrevPanel => "prev_panel",
            Command::FocusSignings => "focus_signings",
            Command::FocusTargets => "focus_targets",
            Command::FocusStalled => "focus_stalled",
            Command::Down => "down",
            Command::Up => "up",
            Command::PageDown => "page_down",
            Command::PageUp => "page_up",
            Command::First => "first",
            Command::Last => "last",
            Command::Open => "open",
            Command::Close => "close",
            Command::Filter => "filter",
            Command::Sort => "sort",
            Command::Refresh => "refresh",
            Command::HoldRotation => "hold",
            Command::Help => "help",
        }
    }

    fn named(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// One row of the default binding table. What a command is called is in `i18n`.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub command: Command,
    pub keys: &'static [Key],
}

/// The default bindings, in the order help lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        command: Command::NextPanel,
        keys: &[Key::plain(KeyCode::Tab)],
    },
    Binding {
        command: Command::PrevPanel,
        keys: &[Key::plain(KeyCode::BackTab)],
    },
    Binding {
        command: Command::FocusSignings,
        keys: &[Key::ch('1')],
    },
    Binding {
        command: Command::FocusTargets,
        keys: &[Key::ch('2')],
    },
    Binding {
        command: Command::FocusStalled,
        keys: &[Key::ch('3')],
    },
    Binding {
        command: Command::Down,
        keys: &[Key::ch('j'), Key::plain(KeyCode::Down)],
    },
    Binding {
        command: Command::Up,
        keys: &[Key::ch('k'), Key::plain(KeyCode::Up)],
    },
    Binding {
        command: Command::PageDown,
        keys: &[Key::plain(KeyCode::PageDown)],
    },
    Binding {
        command: Command::PageUp,
        keys: &[Key::plain(KeyCode::PageUp)],
    },
    Binding {
        command: Command::First,
        keys: &[Key::ch('g'), Key::plain(KeyCode::Home)],
    },
    Binding {
        command: Command::Last,
        keys: &[Key::ch('G'), Key::plain(KeyCode::End)],
    },
    Binding {
        command: Command::Open,
        keys: &[Key::plain(KeyCode::Enter)],
    },
    Binding {
        command: Command::Close,
        keys: &[Key::plain(KeyCode::Esc)],
    },
    Binding {
        command: Command::Filter,
        keys: &[Key::ch('/')],
    },
    Binding {
        command: Command::Sort,
        keys: &[Key::ch('s')],
    },
    Binding {
        command: Command::Refresh,
        keys: &[Key::ch('r')],
    },
    Binding {
        command: Command::HoldRotation,
        keys: &[Key::ch('p')],
    },
    Binding {
        command: Command::Help,
        keys: &[Key::ch('?')],
    },
    Binding {
        command: Command::Quit,
        keys: &[Key::ch('q'), Key::ctrl('c')],
    },
];

/// Ctrl-C quits whatever the bindings say: a way out that no config can take away.
const CTRL_C: Key = Key::ctrl('c');

/// Why a `[keys]` table was refused. Messages name the command and the key as written.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyConfigError {
    #[error("unknown command {0:?} (commands: {commands})", commands = command_names())]
    UnknownCommand(String),
    #[error(
        "{command} = {key:?}: unknown key name (use e.g. \"q\", \"G\", \"ctrl+r\", \"tab\", \"down\", \"f5\")"
    )]
    UnknownKey { command: String, key: String },
    #[error("{0}: no keys given")]
    Empty(String),
    #[error("{command}: key {key:?} listed twice")]
    Repeated { command: String, key: String },
    #[error("key {key:?} is bound to both {first} and {second}")]
    Duplicate {
        key: String,
        first: String,
        second: String,
    },
    #[error("{0} = \"ctrl+c\": Ctrl-C always quits and cannot be bound to another command")]
    Reserved(String),
}

fn command_names() -> String {
    Command::ALL.map(Command::name).join(", ")
}

/// The bindings in force: the defaults with the config file's overrides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<(Command, Vec<Key>)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bindings: BINDINGS
                .iter()
                .map(|b| (b.command, b.keys.to_vec()))
                .collect(),
        }
    }
}

static DEFAULT_KEYS: LazyLock<KeyMap> = LazyLock::new(KeyMap::default);

impl KeyMap {
    /// The defaults overridden by `table` (command name -> keys as written). Every command
    /// named must exist, every key must parse, and no key may end up on two commands.
    pub fn from_table(table: &BTreeMap<String, Vec<String>>) -> Result<KeyMap, KeyConfigError> {
        let mut map = KeyMap::default();
        let mut written: BTreeMap<Command, Vec<String>> = BTreeMap::new();
        for (name, keys) in table {
            let command =
                Command::named(name).ok_or_else(|| KeyConfigError::UnknownCommand(name.clone()))?;
            if keys.is_empty() {
                return Err(KeyConfigError::Empty(name.clone()));
            }
            let mut parsed: Vec<Key> = Vec::new();
            for text in keys {
                let key = Key::parse(text).ok_or_else(|| KeyConfigError::UnknownKey {
                    command: name.clone(),
                    key: text.clone(),
                })?;
                if key == CTRL_C && command != Command::Quit {
                    return Err(KeyConfigError::Reserved(name.clone()));
                }
                if parsed.contains(&key) {
                    return Err(KeyConfigError::Repeated {
                        command: name.clone(),
                        key: text.clone(),
                    });
                }
                parsed.push(key);
            }
            if command == Command::Quit && !parsed.contains(&CTRL_C) {
                parsed.push(CTRL_C);
            }
            written.insert(command, keys.clone());
            if let Some(slot) = map.bindings.iter_mut().find(|(c, _)| *c == command) {
                slot.1 = parsed;
            }
        }
        map.check_duplicates(&written)?;
        Ok(map)
    }

    fn check_duplicates(
        &self,
        written: &BTreeMap<Command, Vec<String>>,
    ) -> Result<(), KeyConfigError> {
        let describe = |command: Command| {
            if written.contains_key(&command) {
                command.name().to_owned()
            } else {
                format!("{} (its default; rebind it too)", command.name())
            }
        };
        let all: Vec<(Command, Key)> = self
            .bindings
            .iter()
            .flat_map(|(c, keys)| keys.iter().map(move |k| (*c, *k)))
            .collect();
        for (i, (first, key)) in all.iter().enumerate() {
            if let Some((second, _)) = all[i + 1..].iter().find(|(_, k)| k == key) {
                // Name the key as the user wrote it when they did.
                let text = [first, second]
                    .iter()
                    .filter_map(|c| written.get(c))
                    .flatten()
                    .find(|t| Key::parse(t) == Some(*key))
                    .cloned()
                    .unwrap_or_else(|| key.name());
                return Err(KeyConfigError::Duplicate {
                    key: text,
                    first: describe(*first),
                    second: describe(*second),
                });
            }
        }
        Ok(())
    }

    /// Commands with their keys, in the order help lists them.
    pub fn iter(&self) -> impl Iterator<Item = (Command, &[Key])> {
        self.bindings.iter().map(|(c, k)| (*c, k.as_slice()))
    }

    pub fn keys(&self, command: Command) -> &[Key] {
        self.bindings
            .iter()
            .find(|(c, _)| *c == command)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// The keys as the help overlay lists them: `q, Ctrl-C`.
    pub fn key_names(&self, command: Command) -> String {
        self.keys(command)
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The first key's name, for hints: `?`.
    pub fn key_name(&self, command: Command) -> String {
        self.keys(command)
            .first()
            .map(|k| k.name())
            .unwrap_or_default()
    }

    /// The command bound to a key, if any.
    pub fn command_for(&self, event: &KeyEvent) -> Option<Command> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.iter().any(|key| key.matches(event)))
            .map(|(command, _)| *command)
    }

    /// Maps a key to an action: the only place that knows what a key does.
    pub fn action_for(&self, mode: InputMode, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        if event.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(event.code, KeyCode::Char('c' | 'C'))
        {
            return Some(Action::Quit);
        }
        if mode == InputMode::Filter {
            return match event.code {
                KeyCode::Enter => Some(Action::ApplyFilter),
                KeyCode::Esc => Some(Action::ClearFilter),
                KeyCode::Backspace => Some(Action::FilterBackspace),
                KeyCode::Char(c) if !event.modifiers.contains(KeyModifiers::CONTROL) => {
                    Some(Action::FilterInput(c))
                }
                _ => None,
            };
        }
        Some(action_of(self.command_for(event)?))
    }
}

/// The command bound to a key by default, if any.
pub fn command_for(event: &KeyEvent) -> Option<Command> {
    DEFAULT_KEYS.command_for(event)
}

/// How keys are read right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputMode {
    /// Keys are commands.
    Normal,
    /// Keys edit the focused list's filter.
    Filter,
}

/// Maps a key to an action with the default bindings (tests and examples).
pub fn action_for(mode: InputMode, event: &KeyEvent) -> Option<Action> {
    DEFAULT_KEYS.action_for(mode, event)
}

fn action_of(command: Command) -> Action {
    match command {
        Command::Quit => Action::Quit,
        Command::NextPanel => Action::NextPanel,
        Command::PrevPanel => Action::PrevPanel,
        Command::FocusSignings => Action::Focus(Panel::Signings),
        Command::FocusTargets => Action::Focus(Panel::Targets),
        Command::FocusStalled => Action::Focus(Panel::Stalled),
        Command::Down => Action::Down,
        Command::Up => Action::Up,
        Command::PageDown => Action::PageDown,
        Command::PageUp => Action::PageUp,
        Command::First => Action::First,
        Command::Last => Action::Last,
        Command::Open => Action::Open,
        Command::Close => Action::Close,
        Command::Filter => Action::StartFilter,
        Command::Sort => Action::CycleSort,
        Command::Refresh => Action::Refresh,
        Command::HoldRotation => Action::ToggleHold,
        Command::Help => Action::ToggleHelp,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn no_key_is_bound_twice() {
        let all: Vec<Key> = BINDINGS
            .iter()
            .flat_map(|b| b.keys.iter().copied())
            .collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b, "{} bound twice", a.name());
            }
        }
    }

    #[test]
    fn every_command_has_a_binding() {
        use Command as C;
        for command in [
            C::Quit,
            C::NextPanel,
            C::PrevPanel,
            C::FocusSignings,
            C::FocusTargets,
            C::FocusStalled,
            C::Down,
            C::Up,
            C::PageDown,
            C::PageUp,
            C::First,
            C::Last,
            C::Open,
            C::Close,
            C::Filter,
            C::Sort,
            C::Refresh,
            C::HoldRotation,
            C::Help,
        ] {
            assert!(BINDINGS.iter().any(|b| b.command == command), "{command:?}");
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
        assert_eq!(action_for(normal, &key(KeyCode::Char('x'))), None);
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
            Some(Action::ClearFilter)
        );
        assert_eq!(
            action_for(filter, &key(KeyCode::Backspace)),
            Some(Action::FilterBackspace)
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
        let keys = KeyMap::from_table(&table(&[("refresh", &["ctrl+r", "f5"]), ("quit", &["x"])]))
            .expect("valid");
        assert_eq!(keys.key_names(Command::Refresh), "Ctrl-R, F5");
        // Ctrl-C stays on quit.
        assert_eq!(keys.key_names(Command::Quit), "x, Ctrl-C");
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
        assert!(
            err(&[("quitt", &["q"])]).starts_with("unknown command \"quitt\" (commands: quit, ")
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
            err(&[("quit", &["x"]), ("help", &["x"])]),
            "key \"x\" is bound to both help and quit"
        );
        assert_eq!(
            err(&[("sort", &["s", "s"])]),
            "sort: key \"s\" listed twice"
        );
        assert_eq!(
            err(&[("refresh", &["ctrl+c"])]),
            "refresh = \"ctrl+c\": Ctrl-C always quits and cannot be bound to another command"
        );
        // Swapping two keys is fine when both are rebound, and takes effect.
        let swapped = KeyMap::from_table(&table(&[("down", &["k"]), ("up", &["j"])])).expect("ok");
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(swapped.command_for(&key('k')), Some(Command::Down));
        assert_eq!(swapped.command_for(&key('j')), Some(Command::Up));
    }

    #[test]
    fn the_shipped_config_states_every_default_binding() {
        let text = include_str!("../../config/investboard.toml");
        let layer = crate::config::parse_file(text, "config/investboard.toml").expect("parses");
        let keys: BTreeMap<String, Vec<String>> = layer
            .keys
            .expect("a [keys] table")
            .into_iter()
            .map(|(c, spec)| (c, spec.into_vec()))
            .collect();
        for command in Command::ALL {
            assert!(
                keys.contains_key(command.name()),
                "{} undocumented",
                command.name()
            );
        }
        assert_eq!(KeyMap::from_table(&keys), Ok(KeyMap::default()));
    }
}
