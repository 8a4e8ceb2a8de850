//! Profiles: named sets of defaults for one use of the dashboard, and the keys each implies.
//! Resolution (`settings.rs`) applies them at their own precedence.

use crate::appearance::Theme;

/// A set of defaults for one use of the dashboard. A profile counts as setting the keys it
/// implies at its own precedence; a key set explicitly at the same or a higher precedence wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    /// The command-room wall: wall mode, high-contrast theme (`redact` stays opt-in).
    Wall,
    /// An operator's terminal: no wall mode, nothing redacted.
    Operator,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Wall => "wall",
            Profile::Operator => "operator",
        }
    }

    /// The value of `wall` this profile implies.
    #[expect(
        clippy::unnecessary_wraps,
        reason = "every implied key has the shape a profiled declaration expects"
    )]
    pub(super) fn wall(self) -> Option<bool> {
        Some(self == Profile::Wall)
    }

    /// The value of `theme` this profile implies, if any.
    pub(super) fn theme(self) -> Option<Theme> {
        (self == Profile::Wall).then_some(Theme::HighContrast)
    }

    /// The value of `mouse` this profile implies: off on the wall, where nobody clicks and a
    /// stray click must not move anything.
    #[expect(
        clippy::unnecessary_wraps,
        reason = "every implied key has the shape a profiled declaration expects"
    )]
    pub(super) fn mouse(self) -> Option<bool> {
        Some(self == Profile::Operator)
    }

    /// The value of `redact` this profile implies, if any.
    pub(super) fn redact(self) -> Option<bool> {
        (self == Profile::Operator).then_some(false)
    }
}
