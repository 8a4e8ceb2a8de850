//! Key commands: [`Command`] is the one registry of what a key can do. Each variant carries its
//! config name (derived), its default keys ([`Command::default_keys`]) and its action
//! ([`Command::action`]), both exhaustive `match`es, so adding a command is one variant plus
//! those two arms and its labels, all checked by the compiler. Help lists the commands in
//! declaration order. The config file's `[keys]` table overrides the defaults per command
//! ([`KeyMap::from_table`], in `map`); keys are parsed and named in `key`. Depends on
//! crossterm's key types and `app`'s `Action`; knows nothing of drawing.

mod key;
mod map;
#[cfg(test)]
mod tests;

use crossterm::event::KeyCode;
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::app::{Action, Panel};

pub use key::Key;
pub use map::{InputMode, KeyConfigError, KeyMap, action_for};

/// Every command a key can give, in the order help lists them. The config file's `[keys]` table
/// names each in snake case (`next_panel`); `IntoStaticStr`/`EnumString` give that name.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, EnumIter, IntoStaticStr, EnumString,
)]
#[strum(serialize_all = "snake_case")]
pub enum Command {
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
    /// The sort's other direction.
    SortReverse,
    /// All rows of the selected breakdown (`+N more`).
    Expand,
    /// The selected project's id to the clipboard (OSC 52).
    Copy,
    /// The focused list, as filtered and sorted, to a CSV file.
    Export,
    Refresh,
    #[strum(serialize = "hold")]
    HoldRotation,
    /// The records the feed's publisher sent and the validator refused, with the reasons.
    Rejected,
    /// Burn-ups, signings per week, stalled approvals by department, the pipeline.
    Trends,
    /// What each new snapshot changed, newest first.
    Changes,
    Help,
    Quit,
}

impl Command {
    /// The keys bound to the command when the config file does not rebind it.
    pub const fn default_keys(self) -> &'static [Key] {
        match self {
            Command::NextPanel => const { &[Key::plain(KeyCode::Tab)] },
            Command::PrevPanel => const { &[Key::plain(KeyCode::BackTab)] },
            Command::FocusSignings => const { &[Key::ch('1')] },
            Command::FocusTargets => const { &[Key::ch('2')] },
            Command::FocusStalled => const { &[Key::ch('3')] },
            Command::Down => const { &[Key::ch('j'), Key::plain(KeyCode::Down)] },
            Command::Up => const { &[Key::ch('k'), Key::plain(KeyCode::Up)] },
            Command::PageDown => const { &[Key::plain(KeyCode::PageDown)] },
            Command::PageUp => const { &[Key::plain(KeyCode::PageUp)] },
            Command::First => const { &[Key::ch('g'), Key::plain(KeyCode::Home)] },
            Command::Last => const { &[Key::ch('G'), Key::plain(KeyCode::End)] },
            Command::Open => const { &[Key::plain(KeyCode::Enter)] },
            Command::Close => const { &[Key::plain(KeyCode::Esc)] },
            Command::Filter => const { &[Key::ch('/')] },
            Command::Sort => const { &[Key::ch('s')] },
            Command::SortReverse => const { &[Key::ch('S')] },
            Command::Expand => const { &[Key::ch('+')] },
            Command::Copy => const { &[Key::ch('y')] },
            Command::Export => const { &[Key::ch('e')] },
            Command::Refresh => const { &[Key::ch('r')] },
            Command::HoldRotation => const { &[Key::ch('p')] },
            Command::Rejected => const { &[Key::ch('x')] },
            Command::Trends => const { &[Key::ch('t')] },
            Command::Changes => const { &[Key::ch('c')] },
            Command::Help => const { &[Key::ch('?')] },
            Command::Quit => const { &[Key::ch('q'), map::CTRL_C] },
        }
    }

    /// What the command does: the only place that knows.
    pub const fn action(self) -> Action {
        match self {
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
            Command::SortReverse => Action::ReverseSort,
            Command::Expand => Action::Expand,
            Command::Copy => Action::Copy,
            Command::Export => Action::Export,
            Command::Refresh => Action::Refresh,
            Command::HoldRotation => Action::ToggleHold,
            Command::Rejected => Action::ToggleRejected,
            Command::Trends => Action::ToggleTrends,
            Command::Changes => Action::ToggleChanges,
            Command::Help => Action::ToggleHelp,
            Command::Quit => Action::Quit,
        }
    }
}
