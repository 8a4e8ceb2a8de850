//! The Linux console (`TERM=linux`): every view, operator and wall, at every size the other
//! snapshots use, fresh, stale and offline, drawn with the console glyph set from the English
//! demo feed, uses only characters of the console fonts' list (`tests/data/console-glyphs.txt`,
//! read here on its own), and no cell is the `?` that stands in for a glyph nobody planned
//! for (the same screen in Unicode has as many `?` as the console's: the help key's).

use std::collections::HashSet;

use super::*;
use crate::appearance::{Appearance, Glyphs};
use crate::sanitize::CompactText;

/// The console fonts' characters, read from the committed list.
fn console_fonts() -> HashSet<char> {
    include_str!("../../../tests/data/console-glyphs.txt")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let code = line.strip_prefix("U+")?.split(' ').next()?;
            char::from_u32(u32::from_str_radix(code, 16).ok()?)
        })
        .collect()
}

/// The embedded demo feed as of [`NOW`], its text kept to the console's characters: what
/// the feed says is the feed's (the demo mixes in Chinese names, which no console font
/// draws); what is checked is what the dashboard draws around it.
fn demo_snapshot() -> crate::domain::model::Snapshot {
    use crate::sanitize::SafeText;
    let feed = crate::demo::DemoFeed::new(
        crate::demo::DEFAULT_SEED,
        at(NOW),
        crate::demo::DEFAULT_PROJECTS,
    );
    let mut snapshot =
        crate::feed::parse_feed(&feed.document_at(at(NOW))).expect("the demo feed parses");
    let fonts = console_fonts();
    let kept = |text: &str| {
        let kept: String = text.chars().filter(|c| fonts.contains(c)).collect();
        if kept.trim().is_empty() {
            "name".to_owned()
        } else {
            kept
        }
    };
    let keep = |text: &mut SafeText| *text = SafeText::new(&kept(text.as_str()));
    for project in &mut snapshot.projects {
        project.name = CompactText::new(&kept(project.name.as_str()));
        [
            &mut project.investor,
            &mut project.district,
            &mut project.chain,
        ]
        .into_iter()
        .flatten()
        .for_each(keep);
        if let Some(details) = project.details.as_mut() {
            [&mut details.zone, &mut details.source_region]
                .into_iter()
                .flatten()
                .for_each(keep);
        }
        for approval in &mut project.approvals {
            [&mut approval.item, &mut approval.department]
                .into_iter()
                .flatten()
                .for_each(keep);
        }
    }
    snapshot
}

fn console_app(wall: bool) -> (App, std::time::Instant) {
    let (mut app, start) = empty_app(wall);
    app.settings.appearance = Appearance {
        glyphs: Glyphs::Console,
        ..Appearance::default()
    };
    (app, start)
}

/// Every screen worth checking: the operator's panels, help, detail and filter, the wall's
/// views, and both after the feed failed (STALE) and failed for hours (OFFLINE).
fn screens() -> Vec<(String, App)> {
    let mut out = Vec::new();
    for wall in [false, true] {
        let (loading, _) = console_app(wall);
        out.push((format!("loading wall={wall}"), loading));
        let steps: Vec<(&str, Vec<KeyCode>)> = vec![
            ("1", vec![KeyCode::Char('1')]),
            ("2", vec![KeyCode::Char('2')]),
            ("3", vec![KeyCode::Char('3')]),
            ("detail", vec![KeyCode::Char('3'), KeyCode::Enter]),
            ("help", vec![KeyCode::Char('?')]),
            ("filter", vec![KeyCode::Char('/'), KeyCode::Char('a')]),
            ("rejected", vec![KeyCode::Char('e')]),
            ("trends", vec![KeyCode::Char('t')]),
            ("trends page 2", vec![KeyCode::Char('t'), KeyCode::Tab]),
            ("changes", vec![KeyCode::Char('c')]),
        ];
        for (name, codes) in steps {
            let (mut app, _) = console_app(wall);
            // An empty poll first: the feed's projects then fill the change log (and the
            // wall's "just in" strip).
            app.update(crate::testing::loaded(
                crate::domain::model::Snapshot::default(),
                NOW,
            ));
            app.update(crate::testing::loaded(demo_snapshot(), NOW));
            keys(&mut app, &codes);
            out.push((format!("{name} wall={wall}"), app));
        }
        for view in 0..6u64 {
            let (mut app, start) = console_app(wall);
            app.update(crate::testing::loaded(demo_snapshot(), NOW));
            // The rotation moves one view per tick.
            for step in 1..=view {
                app.update(Action::Tick {
                    now: at(NOW),
                    at: start + Duration::from_secs(20 * step),
                });
            }
            out.push((format!("view {view} wall={wall}"), app));
        }
        for (name, later) in [
            ("stale", "2026-11-29T10:01:00+08:00"),
            ("offline", "2026-11-29T14:00:00+08:00"),
        ] {
            let (mut app, start) = console_app(wall);
            app.update(crate::testing::loaded(demo_snapshot(), NOW));
            app.update(failed("HTTP 503", "2026-11-29T10:00:30+08:00", 20));
            app.update(Action::Tick {
                now: at(later),
                at: start + Duration::from_secs(60),
            });
            out.push((format!("{name} wall={wall}"), app));
        }
    }
    out
}

#[test]
fn every_view_on_the_console_uses_only_the_console_fonts_glyphs() {
    let fonts = console_fonts();
    assert!(fonts.len() > 500, "the list has {} characters", fonts.len());
    let sizes = [(80, 24), (200, 50), (160, 45), (240, 67), (320, 90)];
    for (name, mut app) in screens() {
        for (width, height) in sizes {
            let buf = buffer(&app, width, height);
            app.settings.appearance.glyphs = Glyphs::Unicode;
            let unicode = buffer(&app, width, height);
            app.settings.appearance.glyphs = Glyphs::Console;
            let questions =
                |buf: &Buffer| buf.content().iter().filter(|c| c.symbol() == "?").count();
            assert_eq!(
                questions(&buf),
                questions(&unicode),
                "{name} at {width}x{height}: a glyph fell back to '?'\n{}",
                text(&buf)
            );
            for (position, cell) in buf.content().iter().enumerate() {
                let (x, y) = buf.pos_of(position);
                for c in cell.symbol().chars() {
                    assert!(
                        fonts.contains(&c),
                        "{name} at {width}x{height}: {c:?} (U+{:04X}) at ({x}, {y})\n{}",
                        u32::from(c),
                        text(&buf)
                    );
                }
            }
        }
    }
}

/// The same screens in Unicode, for contrast: the feed's Chinese names and the wall's bands
/// are beyond the console fonts, which is why the console needs its own glyph set.
#[test]
fn the_unicode_set_draws_what_the_console_cannot() {
    let fonts = console_fonts();
    let app = crate::testing::loaded_app(false);
    let buf = buffer(&app, 200, 50);
    let beyond: HashSet<char> = buf
        .content()
        .iter()
        .flat_map(|cell| cell.symbol().chars())
        .filter(|c| !fonts.contains(c))
        .collect();
    assert!(beyond.contains(&'长'), "{beyond:?}");
    let mut console = crate::testing::loaded_app(false);
    console.settings.appearance.glyphs = Glyphs::Console;
    let text = text(&buffer(&console, 200, 50));
    assert!(!text.contains('长') && text.contains("??"), "{text}");
}
