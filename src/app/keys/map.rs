//! The bindings in force: every command's default keys with the config file's `[keys]`
//! overrides, checked for unknown names, unparseable keys and keys bound twice; and the pure
//! mapping from a key event (in an input mode) to an action. Knows nothing of drawing.

use std::collections::BTreeMap;
use std::iter;
use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use strum::IntoEnumIterator;

use super::{Command, Key};
use crate::app::Action;

/// Ctrl-C quits whatever the bindings say: a way out that no config can take away.
pub(super) const CTRL_C: Key = Key::ctrl('c');

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

/// The config names the unknown-command message offers: `quit` first (the message has always
/// led with it, and `tests/broken_configs/keys_unknown_command.toml` pins that), then the rest
/// in help order.
fn command_names() -> String {
    let rest = Command::iter().filter(|c| *c != Command::Quit);
    iter::once(Command::Quit)
        .chain(rest)
        .map(<&str>::from)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The bindings in force: the defaults with the config file's overrides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyMap {
    bindings: Vec<(Command, Vec<Key>)>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            bindings: Command::iter()
                .map(|c| (c, c.default_keys().to_vec()))
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
            let command: Command = name
                .parse()
                .map_err(|_| KeyConfigError::UnknownCommand(name.clone()))?;
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
            let name: &str = command.into();
            if written.contains_key(&command) {
                name.to_owned()
            } else {
                format!("{name} (its default; rebind it too)")
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
    fn command_for(&self, event: &KeyEvent) -> Option<Command> {
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
            let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
            // Line editing as in a shell: Ctrl-W a word, Ctrl-U the line.
            return match event.code {
                KeyCode::Enter => Some(Action::ApplyFilter),
                KeyCode::Esc => Some(Action::CancelFilter),
                KeyCode::Backspace => Some(Action::FilterBackspace),
                KeyCode::Char('w' | 'W') if ctrl => Some(Action::FilterDeleteWord),
                KeyCode::Char('u' | 'U') if ctrl => Some(Action::FilterDeleteLine),
                KeyCode::Char(c) if !ctrl => Some(Action::FilterInput(c)),
                _ => None,
            };
        }
        Some(self.command_for(event)?.action())
    }
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
