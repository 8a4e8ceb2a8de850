//! Colours and text attributes in one place. In this domain red means success (on target), as
//! on the command room's own boards; green means falling behind (`target_colors =
//! "green-on-target"` swaps the two in `palette`). Colour never carries meaning alone: every
//! state also has a word or a symbol next to it.

use ratatui::style::{Color, Modifier, Style};

use crate::app::health::Freshness;
use crate::domain::aggregate::Progress;

/// Marks the selected row (besides reverse video, which `NO_COLOR` terminals may drop).
pub const SELECTED: &str = "▶";
/// Marks a signing that is new since the previous poll.
pub const NEW: &str = "+";
/// Marks a line that continues the row or field above (wrapped text): feed text that wraps
/// onto a line of its own never looks like a row of its own.
pub const CONTINUED: &str = "┆";

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

/// Figures and words of data that is STALE or OFFLINE: grey, whatever their state was.
pub fn not_live() -> Style {
    Style::new().fg(Color::DarkGray)
}

/// The line struck through OFFLINE figures.
pub fn strike() -> Style {
    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
}

/// The full-width banner of a wall whose data is STALE (OFFLINE: [`offline_banner`]).
pub fn stale_banner() -> Style {
    freshness(Freshness::Stale)
}

/// OFFLINE is stronger than STALE: white on red.
pub fn offline_banner() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD)
}

pub fn warning() -> Style {
    Style::new().fg(Color::Yellow)
}

pub fn stalled() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

/// An overdue approval by its level (the index into `STALLED_BUCKETS`: 1-5, 6-10, 11-20, >20
/// working days): each level looks different, in colour and, for a mono screen, in weight.
pub fn overdue(level: usize) -> Style {
    match level {
        0 => Style::new().fg(Color::Yellow),
        1 => stalled(),
        2 => Style::new()
            .fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        _ => Style::new()
            .fg(Color::Magenta)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aggregate::overdue_level;

    #[test]
    fn each_overdue_level_looks_different_even_without_colour() {
        let levels = [1, 6, 11, 21].map(|days| overdue_level(days).map(overdue));
        assert_eq!(overdue_level(0), None);
        assert_eq!(overdue_level(5), Some(0));
        assert_eq!(overdue_level(20), Some(2));
        assert_eq!(overdue_level(207), Some(3));
        for (i, a) in levels.iter().enumerate() {
            for b in &levels[i + 1..] {
                let (a, b) = (a.expect("overdue"), b.expect("overdue"));
                assert_ne!(a.add_modifier, b.add_modifier, "{a:?} and {b:?}");
            }
        }
    }
}
