//! The wall at the sizes of a command room's screens (160x45, 240x67, 320x90), in both
//! languages, with live data, with the feed failing (STALE) and failing for hours (OFFLINE):
//! the figures' size, the state words, the banner and the hatching, as snapshots.

use super::*;
use crate::lang::Lang;

/// The fixture on the wall in `lang`: fresh, or after the feed failed at 10:00:30 and the
/// clock reached `later` (10:01: STALE; 13:00, past `crit_age`: OFFLINE).
fn wall(lang: Lang, later: Option<&str>) -> App {
    let (mut app, start) = empty_app(true);
    app.settings.lang = lang;
    app.update(crate::testing::loaded(crate::testing::fixture(), NOW));
    if let Some(later) = later {
        app.update(failed(
            "HTTP 503 Service Unavailable",
            "2026-11-29T10:00:30+08:00",
            20,
        ));
        app.update(Action::Tick {
            now: at(later),
            at: start + Duration::from_secs(5),
        });
    }
    app
}

#[test]
fn the_wall_fresh_stale_and_offline_at_command_room_sizes() {
    let states = [
        ("fresh", None),
        ("stale", Some("2026-11-29T10:01:00+08:00")),
        ("offline", Some("2026-11-29T13:00:00+08:00")),
    ];
    for (lang, code) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        for (state, later) in states {
            let app = wall(lang, later);
            for (width, height) in [(160, 45), (240, 67), (320, 90)] {
                let shown = screen(&app, width, height);
                let word = match state {
                    "stale" => Some(if lang == Lang::En {
                        "STALE ·"
                    } else {
                        "过期 ·"
                    }),
                    "offline" => Some(if lang == Lang::En {
                        "OFFLINE ·"
                    } else {
                        "离线 ·"
                    }),
                    _ => None,
                };
                // The banner's sentence is there exactly when the data is not live.
                match word {
                    Some(word) => {
                        assert!(shown.contains(word), "{state} {width}x{height}\n{shown}");
                    }
                    // Fresh: no banner sentence ("FRESH · data …", "最新 · 数据…").
                    None => assert!(
                        !shown.contains("FRESH · data") && !shown.contains("最新 · 数据"),
                        "{shown}"
                    ),
                }
                insta::assert_snapshot!(format!("wall_{code}_{state}_{width}x{height}"), shown);
            }
        }
    }
}

/// OFFLINE is stronger than STALE: white on red rather than black on yellow, and the figures
/// struck through.
#[test]
fn the_offline_banner_is_red_and_the_stale_one_yellow() {
    let stale = buffer(&wall(Lang::En, Some("2026-11-29T10:01:00+08:00")), 240, 67);
    let offline = buffer(&wall(Lang::En, Some("2026-11-29T13:00:00+08:00")), 240, 67);
    // Row 2 is the banner's first row (under the title and the status row).
    assert_eq!(stale[(0, 2)].bg, Color::Yellow);
    assert_eq!(offline[(0, 2)].bg, Color::Red);
    assert_eq!(offline[(0, 2)].fg, Color::White);
    let fresh = buffer(&wall(Lang::En, None), 240, 67);
    assert_eq!(fresh[(0, 2)].bg, Color::Reset);
}
