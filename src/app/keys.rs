//! Key bindings: one table with a named entry per command, from which both the key mapping and
//! the help overlay are derived, so the two cannot drift. Mapping a key is a pure function of
//! the key and the input mode.

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
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// Every command a key can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// One row of the binding table.
#[derive(Clone, Copy, Debug)]
pub struct Binding {
    pub command: Command,
    pub keys: &'static [Key],
    pub description: &'static str,
    /// Shown in the one-line hint bar when `Some` (short text).
    pub hint: Option<&'static str>,
}

impl Binding {
    /// The keys as the help overlay lists them: `q, Ctrl-C`.
    pub fn key_names(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.name())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The binding table: the single source for key mapping, help and hints.
pub const BINDINGS: &[Binding] = &[
    Binding {
        command: Command::NextPanel,
        keys: &[Key::plain(KeyCode::Tab)],
        description: "next panel (wall: next view)",
        hint: Some("panel"),
    },
    Binding {
        command: Command::PrevPanel,
        keys: &[Key::plain(KeyCode::BackTab)],
        description: "previous panel",
        hint: None,
    },
    Binding {
        command: Command::FocusSignings,
        keys: &[Key::ch('1')],
        description: "signings panel",
        hint: None,
    },
    Binding {
        command: Command::FocusTargets,
        keys: &[Key::ch('2')],
        description: "targets panel",
        hint: None,
    },
    Binding {
        command: Command::FocusStalled,
        keys: &[Key::ch('3')],
        description: "stalled approvals panel",
        hint: None,
    },
    Binding {
        command: Command::Down,
        keys: &[Key::ch('j'), Key::plain(KeyCode::Down)],
        description: "next row",
        hint: Some("move"),
    },
    Binding {
        command: Command::Up,
        keys: &[Key::ch('k'), Key::plain(KeyCode::Up)],
        description: "previous row",
        hint: None,
    },
    Binding {
        command: Command::PageDown,
        keys: &[Key::plain(KeyCode::PageDown)],
        description: "page down",
        hint: None,
    },
    Binding {
        command: Command::PageUp,
        keys: &[Key::plain(KeyCode::PageUp)],
        description: "page up",
        hint: None,
    },
    Binding {
        command: Command::First,
        keys: &[Key::ch('g'), Key::plain(KeyCode::Home)],
        description: "first row",
        hint: None,
    },
    Binding {
        command: Command::Last,
        keys: &[Key::ch('G'), Key::plain(KeyCode::End)],
        description: "last row",
        hint: None,
    },
    Binding {
        command: Command::Open,
        keys: &[Key::plain(KeyCode::Enter)],
        description: "open the project's detail",
        hint: Some("open"),
    },
    Binding {
        command: Command::Close,
        keys: &[Key::plain(KeyCode::Esc)],
        description: "close; clear the filter",
        hint: None,
    },
    Binding {
        command: Command::Filter,
        keys: &[Key::ch('/')],
        description: "filter the list",
        hint: Some("filter"),
    },
    Binding {
        command: Command::Sort,
        keys: &[Key::ch('s')],
        description: "cycle the sort order",
        hint: Some("sort"),
    },
    Binding {
        command: Command::Refresh,
        keys: &[Key::ch('r')],
        description: "poll the feed now",
        hint: Some("refresh"),
    },
    Binding {
        command: Command::HoldRotation,
        keys: &[Key::ch('p')],
        description: "hold/resume wall rotation",
        hint: None,
    },
    Binding {
        command: Command::Help,
        keys: &[Key::ch('?')],
        description: "this help",
        hint: Some("help"),
    },
    Binding {
        command: Command::Quit,
        keys: &[Key::ch('q'), Key::ctrl('c')],
        description: "quit",
        hint: Some("quit"),
    },
];

/// The command bound to a key, if any.
pub fn command_for(event: &KeyEvent) -> Option<Command> {
    BINDINGS
        .iter()
        .find(|binding| binding.keys.iter().any(|key| key.matches(event)))
        .map(|binding| binding.command)
}

/// How keys are read right now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputMode {
    /// Keys are commands.
    Normal,
    /// Keys edit the focused list's filter.
    Filter,
}

/// Maps a key to an action: the only place that knows what a key does.
pub fn action_for(mode: InputMode, event: &KeyEvent) -> Option<Action> {
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
    let action = match command_for(event)? {
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
    };
    Some(action)
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
        let quit = BINDINGS
            .iter()
            .find(|b| b.command == Command::Quit)
            .map(Binding::key_names);
        assert_eq!(quit.as_deref(), Some("q, Ctrl-C"));
    }
}
