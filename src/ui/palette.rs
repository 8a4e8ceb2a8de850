//! Themes as palettes. Panels draw with the colour roles of `theme` (the dark theme in the 16
//! ANSI colours: red = on target, green = behind, yellow = pace and warnings, cyan = focus and
//! fresh, dark grey = secondary text); once per frame [`apply`] maps every cell to the chosen
//! theme at the terminal's colour depth, red and green swapped first for `green-on-target`. So a panel never needs to know the theme, and no
//! theme can forget a role.
//!
//! Without colour (`NO_COLOR`, `--color never`, the mono theme) every colour is removed; cells
//! that had a background (badges such as STALE and HOLD) are drawn reversed instead. Every
//! state still has its word or symbol, so nothing is lost with the colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::appearance::{Appearance, ColorDepth, TargetColors, Theme};

/// Maps the frame in `area` to `appearance`.
pub fn apply(appearance: Appearance, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    let colours_only = Appearance {
        glyphs: Appearance::default().glyphs,
        ..appearance
    };
    if colours_only == Appearance::default() {
        return;
    }
    let colourless = appearance.is_colourless();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let cell = &mut buf[(x, y)];
            cell.fg = target_role(appearance.targets, cell.fg);
            if colourless {
                if cell.bg != Color::Reset {
                    cell.modifier.insert(Modifier::REVERSED);
                }
                cell.fg = Color::Reset;
                cell.bg = Color::Reset;
                continue;
            }
            let fg = foreground(appearance, cell.fg);
            let bg = background(appearance, cell.bg);
            if appearance.theme == Theme::HighContrast && cell.fg != Color::Reset {
                cell.modifier.insert(Modifier::BOLD);
            }
            cell.fg = fg;
            cell.bg = bg;
        }
    }
}

/// Red and green are the target states' roles only (on target and behind, in text, bars and
/// block digits): `green-on-target` swaps them.
fn target_role(targets: TargetColors, role: Color) -> Color {
    match (targets, role) {
        (TargetColors::GreenOnTarget, Color::Red) => Color::Green,
        (TargetColors::GreenOnTarget, Color::Green) => Color::Red,
        (_, role) => role,
    }
}

/// A role's colour as text in `appearance`.
pub fn foreground(appearance: Appearance, role: Color) -> Color {
    match appearance.theme {
        Theme::Dark => role,
        Theme::Mono => Color::Reset,
        Theme::HighContrast => match role {
            Color::Red => Color::LightRed,
            Color::Green => Color::LightGreen,
            Color::Yellow => Color::LightYellow,
            Color::Cyan => Color::LightCyan,
            Color::Magenta => Color::LightMagenta,
            // Secondary text stays readable from across the room.
            Color::DarkGray => Color::Gray,
            other => other,
        },
        Theme::Light => light(appearance.depth, role),
    }
}

/// On a light background: no white or yellow text; darker tones where the depth allows.
fn light(depth: ColorDepth, role: Color) -> Color {
    match depth {
        ColorDepth::TrueColor => match role {
            Color::Red => Color::Rgb(190, 0, 0),
            Color::Green => Color::Rgb(0, 120, 0),
            Color::Yellow => Color::Rgb(150, 90, 0),
            Color::Cyan => Color::Rgb(0, 90, 170),
            Color::DarkGray => Color::Rgb(100, 100, 100),
            Color::White => Color::Black,
            other => other,
        },
        ColorDepth::Ansi256 => match role {
            Color::Red => Color::Indexed(124),
            Color::Green => Color::Indexed(28),
            Color::Yellow => Color::Indexed(130),
            Color::Cyan => Color::Indexed(25),
            Color::DarkGray => Color::Indexed(242),
            Color::White => Color::Black,
            other => other,
        },
        ColorDepth::Ansi16 | ColorDepth::None => match role {
            Color::Yellow | Color::Cyan => Color::Blue,
            Color::White => Color::Black,
            other => other,
        },
    }
}

/// A role's colour as a background: badges keep their colour (black text on it) in every
/// colour theme; high contrast brightens it.
fn background(appearance: Appearance, role: Color) -> Color {
    match (appearance.theme, role) {
        (Theme::HighContrast, Color::Yellow) => Color::LightYellow,
        (Theme::HighContrast, Color::Magenta) => Color::LightMagenta,
        (Theme::Mono, _) => Color::Reset,
        (_, other) => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_ansi16(color: Color) -> bool {
        !matches!(color, Color::Rgb(..) | Color::Indexed(_))
    }

    #[test]
    fn sixteen_colour_terminals_get_only_ansi_colours() {
        let roles = [
            Color::Red,
            Color::Green,
            Color::Yellow,
            Color::Cyan,
            Color::DarkGray,
            Color::White,
            Color::Black,
            Color::Magenta,
        ];
        for theme in [Theme::Dark, Theme::Light, Theme::HighContrast, Theme::Mono] {
            let appearance = Appearance {
                theme,
                depth: ColorDepth::Ansi16,
                ..Appearance::default()
            };
            for role in roles {
                assert!(
                    is_ansi16(foreground(appearance, role)),
                    "{theme:?} {role:?}"
                );
                assert!(
                    is_ansi16(background(appearance, role)),
                    "{theme:?} {role:?}"
                );
            }
        }
    }

    #[test]
    fn green_on_target_swaps_the_target_colours_only_and_mono_stays_colourless() {
        use crate::domain::aggregate::Progress;
        use crate::ui::theme;
        use ratatui::text::Span;
        use ratatui::widgets::Widget;
        let states = [
            Progress::OnTarget,
            Progress::OnPace,
            Progress::Behind,
            Progress::NoTarget,
        ];
        let drawn = |appearance: Appearance| {
            let mut buf = Buffer::empty(Rect::new(0, 0, 4, 1));
            for (x, progress) in (0u16..).zip(states) {
                Span::styled("x", theme::progress(progress))
                    .render(Rect::new(x, 0, 1, 1), &mut buf);
            }
            apply(appearance, buf.area, &mut buf);
            (0..4).map(|x| buf[(x, 0)].fg).collect::<Vec<_>>()
        };
        let red = drawn(Appearance::default());
        assert_eq!(red[..3], [Color::Red, Color::Yellow, Color::Green]);
        let green = Appearance {
            targets: TargetColors::GreenOnTarget,
            ..Appearance::default()
        };
        let swapped = drawn(green);
        assert_eq!(swapped[..3], [Color::Green, Color::Yellow, Color::Red]);
        assert_eq!(red[3], swapped[3], "NO TARGET keeps its grey");
        let bright = drawn(Appearance {
            theme: Theme::HighContrast,
            ..green
        });
        assert_eq!(
            bright[..3],
            [Color::LightGreen, Color::LightYellow, Color::LightRed]
        );
        let mono = drawn(Appearance {
            theme: Theme::Mono,
            ..green
        });
        assert!(mono.iter().all(|&c| c == Color::Reset), "{mono:?}");
    }

    #[test]
    fn light_theme_has_no_white_or_yellow_text() {
        for depth in [
            ColorDepth::Ansi16,
            ColorDepth::Ansi256,
            ColorDepth::TrueColor,
        ] {
            let light = Appearance {
                theme: Theme::Light,
                depth,
                ..Appearance::default()
            };
            for role in [Color::White, Color::Yellow] {
                let c = foreground(light, role);
                assert!(
                    !matches!(c, Color::White | Color::Yellow | Color::LightYellow),
                    "{depth:?} {role:?} -> {c:?}"
                );
            }
        }
    }
}
