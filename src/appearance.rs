//! How the dashboard looks on this terminal: the theme asked for, the colour depth the
//! terminal can show, decided from the environment (`NO_COLOR`, `COLORTERM`, `TERM`) and
//! `--color`, and the glyphs its font has (the Linux console's fonts lack braille, eighths and
//! quadrants). Pure functions of an environment getter, so `doctor` can say why. The mapping of
//! colours onto the screen is `ui::palette`.

use std::fmt;

/// The colour themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Theme {
    /// Dark background, the 16 ANSI colours.
    #[default]
    Dark,
    /// Light background: no white or yellow text.
    Light,
    /// Bright colours and bold, for wall screens seen from across the room.
    HighContrast,
    /// No colour at all: attributes (bold, reverse, underline) only.
    Mono,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::HighContrast => "high-contrast",
            Theme::Mono => "mono",
        }
    }
}

impl fmt::Display for Theme {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `--color`: detect, force on, or force off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn name(self) -> &'static str {
        match self {
            ColorChoice::Auto => "auto",
            ColorChoice::Always => "always",
            ColorChoice::Never => "never",
        }
    }
}

impl fmt::Display for ColorChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which characters the screen's font can draw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Glyphs {
    /// Any Unicode: a terminal emulator with fallback fonts.
    #[default]
    Unicode,
    /// Only what the standard Linux console fonts carry (`TERM=linux`): box drawing, full
    /// block and shades, Latin text; no braille, eighth blocks, quadrants or CJK.
    Console,
}

impl Glyphs {
    /// The glyph set for `chosen` (the `glyphs` setting) in this environment, and why:
    /// unset, the Linux console (`TERM=linux`) gets `console`.
    pub fn detect(
        chosen: Option<Glyphs>,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> (Glyphs, String) {
        if let Some(glyphs) = chosen {
            return (glyphs, format!("glyphs = {glyphs}"));
        }
        match env("TERM").as_deref() {
            Some("linux") => (Glyphs::Console, "TERM=linux: the console font".to_owned()),
            _ => (Glyphs::Unicode, "not the Linux console".to_owned()),
        }
    }
}

impl fmt::Display for Glyphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Glyphs::Unicode => "unicode",
            Glyphs::Console => "console",
        })
    }
}

/// How many colours the screen may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ColorDepth {
    /// No colour codes at all (`NO_COLOR`, `--color never`, `TERM=dumb`).
    None,
    /// The 16 ANSI colours: safe on every colour terminal, the Linux console included.
    Ansi16,
    /// xterm's 256-colour palette (`TERM=*-256color`).
    Ansi256,
    /// 24-bit colour (`COLORTERM=truecolor` or `24bit`).
    TrueColor,
}

impl ColorDepth {
    pub fn name(self) -> &'static str {
        match self {
            ColorDepth::None => "no colour",
            ColorDepth::Ansi16 => "16 colours",
            ColorDepth::Ansi256 => "256 colours",
            ColorDepth::TrueColor => "24-bit colour",
        }
    }

    /// The depth for `choice` in this environment, and why, in words for `doctor`.
    pub fn detect(
        choice: ColorChoice,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> (ColorDepth, String) {
        let no_color = env("NO_COLOR").filter(|v| !v.is_empty());
        let term = env("TERM").unwrap_or_default();
        let colorterm = env("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        match choice {
            ColorChoice::Never => return (ColorDepth::None, "--color never".to_owned()),
            ColorChoice::Auto if no_color.is_some() => {
                return (ColorDepth::None, "NO_COLOR is set".to_owned());
            }
            ColorChoice::Auto if term == "dumb" => {
                return (ColorDepth::None, "TERM=dumb".to_owned());
            }
            ColorChoice::Auto | ColorChoice::Always => {}
        }
        let forced = if choice == ColorChoice::Always {
            " (--color always)"
        } else {
            ""
        };
        if colorterm == "truecolor" || colorterm == "24bit" {
            (
                ColorDepth::TrueColor,
                format!("COLORTERM={colorterm}{forced}"),
            )
        } else if term.ends_with("256color") || term.contains("-256color") {
            (ColorDepth::Ansi256, format!("TERM={term}{forced}"))
        } else if term.is_empty() {
            (
                ColorDepth::Ansi16,
                format!("TERM unset: assuming 16 colours{forced}"),
            )
        } else {
            (
                ColorDepth::Ansi16,
                format!("TERM={term}: 16 colours{forced}"),
            )
        }
    }
}

/// Which colour says "on target" and which "behind".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum TargetColors {
    /// Red means on target, green behind: this domain's Chinese convention (red is success).
    #[default]
    RedOnTarget,
    /// Green means on target, red behind: for readers who take red as an alarm.
    GreenOnTarget,
}

impl fmt::Display for TargetColors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TargetColors::RedOnTarget => "red-on-target",
            TargetColors::GreenOnTarget => "green-on-target",
        })
    }
}

/// The theme, the depth it is drawn in, the glyphs it may use and the colour of the target
/// states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Appearance {
    pub theme: Theme,
    pub depth: ColorDepth,
    pub glyphs: Glyphs,
    pub targets: TargetColors,
}

impl Default for Appearance {
    /// The dark theme in 16 colours, any glyph, red on target: what the snapshots and most
    /// tests draw with.
    fn default() -> Self {
        Appearance {
            theme: Theme::Dark,
            depth: ColorDepth::Ansi16,
            glyphs: Glyphs::Unicode,
            targets: TargetColors::RedOnTarget,
        }
    }
}

impl Appearance {
    /// True when nothing but attributes may be drawn.
    pub fn is_colourless(self) -> bool {
        self.depth == ColorDepth::None || self.theme == Theme::Mono
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |key| {
            pairs
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn depth_follows_colorterm_then_term() {
        let detect = |pairs, choice| ColorDepth::detect(choice, &env(pairs)).0;
        let auto = ColorChoice::Auto;
        assert_eq!(
            detect(&[("COLORTERM", "truecolor")], auto),
            ColorDepth::TrueColor
        );
        assert_eq!(
            detect(&[("COLORTERM", "24bit")], auto),
            ColorDepth::TrueColor
        );
        assert_eq!(
            detect(&[("TERM", "xterm-256color")], auto),
            ColorDepth::Ansi256
        );
        assert_eq!(
            detect(&[("TERM", "screen-256color")], auto),
            ColorDepth::Ansi256
        );
        assert_eq!(detect(&[("TERM", "linux")], auto), ColorDepth::Ansi16);
        assert_eq!(detect(&[], auto), ColorDepth::Ansi16);
        assert_eq!(detect(&[("TERM", "dumb")], auto), ColorDepth::None);
    }

    #[test]
    fn no_color_means_none_unless_forced() {
        let pairs = &[("NO_COLOR", "1"), ("TERM", "xterm-256color")];
        let (depth, why) = ColorDepth::detect(ColorChoice::Auto, &env(pairs));
        assert_eq!(depth, ColorDepth::None);
        assert_eq!(why, "NO_COLOR is set");
        // An empty NO_COLOR does not count (no-color.org).
        let empty = &[("NO_COLOR", ""), ("TERM", "xterm-256color")];
        assert_eq!(
            ColorDepth::detect(ColorChoice::Auto, &env(empty)).0,
            ColorDepth::Ansi256
        );
        assert_eq!(
            ColorDepth::detect(ColorChoice::Always, &env(pairs)).0,
            ColorDepth::Ansi256
        );
        assert_eq!(
            ColorDepth::detect(ColorChoice::Never, &env(&[("COLORTERM", "truecolor")])).0,
            ColorDepth::None
        );
    }
}
