//! Colours and text attributes in one place. In this domain red means success (on target), as
//! on the command room's own boards; green means falling behind. Colour never carries meaning
//! alone: every state also has a word or a symbol next to it.

use ratatui::style::{Color, Modifier, Style};

use crate::app::health::Freshness;
use crate::domain::aggregate::Progress;

/// Marks the selected row (besides reverse video, which `NO_COLOR` terminals may drop).
pub const SELECTED: &str = "▶";
/// Marks a signing that is new since the previous poll.
pub const NEW: &str = "+";

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn column_header() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn selected_row(focused: bool) -> Style {
    if focused {
        Style::new().add_modifier(Modifier::REVERSED)
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

pub fn new_row() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn focused_border() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn progress(progress: Progress) -> Style {
    match progress {
        Progress::OnTarget => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Progress::OnPace => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        Progress::Behind => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        Progress::NoTarget => dim(),
    }
}

pub fn freshness(freshness: Freshness) -> Style {
    match freshness {
        Freshness::Loading => dim().add_modifier(Modifier::BOLD),
        Freshness::Fresh => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
        Freshness::Ageing => Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        Freshness::Stale => Style::new()
            .fg(Color::Black)
            .bg(Color::Yellow)
            .add_modifier(Modifier::BOLD),
        Freshness::Offline => Style::new()
            .fg(Color::White)
            .bg(Color::Magenta)
            .add_modifier(Modifier::BOLD),
    }
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn stalled() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn hold_badge() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn bar_filled(progress: Progress) -> Style {
    match progress {
        Progress::NoTarget => dim(),
        other => Style::new().fg(self::progress(other).fg.unwrap_or(Color::Reset)),
    }
}

pub fn pace_marker() -> Style {
    Style::new().fg(Color::White).add_modifier(Modifier::BOLD)
}
