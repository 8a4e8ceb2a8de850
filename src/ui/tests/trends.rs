//! The trend views and the change log on whole screens: the operator's overlays (`t`, `c`) at
//! 80x24 and 200x50, the wall's trends and pipeline views with the "just in" strip at 160x45,
//! 240x67 and 320x90, in both languages.

use super::*;
use crate::lang::Lang;
use crate::testing::app_with_changes;

const LANGS: [(Lang, &str); 2] = [(Lang::En, "en"), (Lang::Zh, "zh")];

fn operator(lang: Lang) -> App {
    let (mut app, _) = app_with_changes(false);
    app.settings.lang = lang;
    app
}

#[test]
fn operator_trends_and_changes_in_both_languages() {
    for (lang, name) in LANGS {
        let mut app = operator(lang);
        keys(&mut app, &[KeyCode::Char('t')]);
        for (width, height) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(
                format!("trends_{name}_{width}x{height}"),
                screen(&app, width, height)
            );
        }
        // A small screen shows one page at a time; Tab turns to the pipeline.
        keys(&mut app, &[KeyCode::Tab]);
        insta::assert_snapshot!(format!("trends_{name}_80x24_page_2"), screen(&app, 80, 24));
        keys(&mut app, &[KeyCode::Esc, KeyCode::Char('c')]);
        for (width, height) in [(80, 24), (200, 50)] {
            insta::assert_snapshot!(
                format!("changes_{name}_{width}x{height}"),
                screen(&app, width, height)
            );
        }
    }
}

#[test]
fn wall_trends_and_pipeline_views_with_the_just_in_strip() {
    for (lang, name) in LANGS {
        let (mut app, start) = app_with_changes(true);
        app.settings.lang = lang;
        let views = [(WallView::Trends, 4), (WallView::Pipeline, 5)];
        let mut step = 0;
        for (view, at_step) in views {
            // One view per interval, one step at a time.
            while step < at_step {
                step += 1;
                app.update(Action::Tick {
                    now: at(NOW),
                    at: start + Duration::from_secs(20 * step),
                });
            }
            assert_eq!(app.wall_view(), Some(view));
            for (width, height) in [(160, 45), (240, 67), (320, 90)] {
                insta::assert_snapshot!(
                    format!("wall_{name}_{width}x{height}_{view:?}").to_lowercase(),
                    screen(&app, width, height)
                );
            }
        }
    }
}

#[test]
fn before_any_data_the_trend_views_say_they_wait() {
    let (mut app, _) = empty_app(false);
    keys(&mut app, &[KeyCode::Char('t')]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("waiting for the first feed"), "{shown}");
    keys(&mut app, &[KeyCode::Esc, KeyCode::Char('c')]);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("nothing has changed since the first poll"),
        "{shown}"
    );
}
