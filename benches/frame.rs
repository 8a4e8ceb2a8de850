//! One full frame of the dashboard at 240x67 with a loaded feed (goal: under 1 ms), at 1k, 10k
//! and 100k projects (goal: flat, the frame's work must not depend on the feed's size).
//!
//! `cargo bench --bench frame`. Two measures per size: `ui::draw` into a fresh buffer (the
//! view's own work), and `Terminal::draw` on a `TestBackend` (view, diff against the previous
//! frame and backend writes, what the event loop pays per redraw).
//!
//! Then the input path (`filter_keystroke`, `sort_key`) at 100k demo projects and at the shape
//! of `scripts/gen-scale-feeds.py`'s 2,000,000 small records (333,333 signings; 200,000
//! records under `--test`): what a key costs the event loop (the key alone: bounded, the list
//! work left goes on in slices) and what the work costs in all.

mod support;

use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::BenchmarkId;
use investboard::app::{Action, App};
use investboard::feed::parse_feed;
use investboard::poll::FeedUpdate;
use investboard::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use support::{Ratio, epoch, interleaved};

const WIDTH: u16 = 240;
const HEIGHT: u16 = 67;
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// An app as the dashboard holds it after the first poll of the feed, at the feed's epoch.
fn loaded_app(projects: usize, wall: bool) -> App {
    let snapshot = parse_feed(&support::demo_document(projects)).expect("the demo feed parses");
    let mut app = support::empty_app(wall);
    app.update(Action::Feed(FeedUpdate::Loaded {
        snapshot: Arc::new(snapshot),
        received_at: epoch(),
    }));
    app.finish_work();
    app
}

/// The app holding `records` small records as `scripts/gen-scale-feeds.py` writes them
/// (id, name, amount, stage; one in four signed), its lists ordered.
fn small_records_app(records: usize) -> App {
    const STAGES: [&str; 6] = [
        "negotiating",
        "signed",
        "landed",
        "started",
        "operating",
        "cancelled",
    ];
    let mut document = format!(
        "{{\"schema_version\":1,\"generated_at\":\"{}\",\"projects\":[\n",
        support::EPOCH
    );
    for i in 0..records {
        let signed = if i % 4 == 1 {
            let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date")
                + chrono::Days::new((i % 330) as u64);
            format!(",\"signed_on\":\"{day}\"")
        } else {
            String::new()
        };
        let separator = if i + 1 < records { ",\n" } else { "\n" };
        let _ = write!(
            document,
            "{{\"id\":\"S{i:07}\",\"name\":\"P{i:07}\",\"amount_cny\":{},\"stage\":\"{}\"{signed}}}{separator}",
            (i % 97 + 1) * 1000,
            STAGES[i % 6]
        );
    }
    document.push_str("]}\n");
    let snapshot = parse_feed(document.as_bytes()).expect("the small records parse");
    let mut app = support::empty_app(false);
    app.update(Action::Feed(FeedUpdate::Loaded {
        snapshot: Arc::new(snapshot),
        received_at: epoch(),
    }));
    app.finish_work();
    app
}

/// The input path on one app: the keys alone, and the work they leave, to its end.
fn input_path(c: &mut criterion::Criterion, label: &str, mut app: App) {
    let mut group = c.benchmark_group("filter_keystroke");
    app.update(Action::StartFilter);
    group.bench_function(
        BenchmarkId::new("key: type then delete a letter", label),
        |b| {
            b.iter(|| {
                app.update(black_box(Action::FilterInput('9')));
                app.update(black_box(Action::FilterBackspace));
            });
        },
    );
    group.bench_function(
        BenchmarkId::new("type a letter, searched to the end, then delete it", label),
        |b| {
            b.iter(|| {
                app.update(black_box(Action::FilterInput('9')));
                app.finish_work();
                app.update(black_box(Action::FilterBackspace));
            });
        },
    );
    app.update(Action::FilterInput('9'));
    app.finish_work();
    group.bench_function(
        BenchmarkId::new(
            "one more letter on a kept result, searched to the end",
            label,
        ),
        |b| {
            b.iter(|| {
                app.update(black_box(Action::FilterInput('1')));
                app.finish_work();
                app.update(black_box(Action::FilterBackspace));
            });
        },
    );
    app.update(Action::FilterDeleteLine);
    app.update(Action::ApplyFilter);
    app.finish_work();
    group.finish();
    let mut group = c.benchmark_group("sort_key");
    group.bench_function(BenchmarkId::new("key: s", label), |b| {
        b.iter(|| app.update(black_box(Action::CycleSort)));
    });
    group.bench_function(BenchmarkId::new("one slice of the sort", label), |b| {
        b.iter(|| {
            if !app.has_work() {
                app.update(Action::CycleSort);
            }
            app.update(black_box(Action::Advance));
        });
    });
    group.bench_function(BenchmarkId::new("s, sorted to the end", label), |b| {
        b.iter(|| {
            app.update(black_box(Action::CycleSort));
            app.finish_work();
        });
    });
    group.finish();
}

fn area() -> Rect {
    Rect::new(0, 0, WIDTH, HEIGHT)
}

/// The view alone: every cell of a fresh buffer drawn from what `App` holds.
fn draw(app: &App, buf: &mut Buffer) {
    buf.reset();
    ui::draw(app, area(), buf);
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("test terminal")
}

/// The feed sizes to measure: [`SIZES`], or the comma-separated list in
/// `INVESTBOARD_BENCH_PROJECTS` (e.g. `1000` for a quick run under callgrind).
fn sizes() -> Vec<usize> {
    std::env::var("INVESTBOARD_BENCH_PROJECTS").map_or_else(
        |_| SIZES.to_vec(),
        |list| {
            list.split(',')
                .filter_map(|n| n.trim().parse().ok())
                .collect()
        },
    )
}

fn main() {
    let apps: Vec<(usize, App, App)> = sizes()
        .into_iter()
        .map(|n| (n, loaded_app(n, false), loaded_app(n, true)))
        .collect();
    let mut c = support::criterion(Duration::from_secs(3));
    let mut group = c.benchmark_group("frame_240x67");
    for (n, app, wall) in &apps {
        let mut buf = Buffer::empty(area());
        group.bench_with_input(BenchmarkId::new("ui::draw", n), app, |b, app| {
            b.iter(|| draw(black_box(app), &mut buf));
        });
        group.bench_with_input(BenchmarkId::new("ui::draw wall", n), wall, |b, app| {
            b.iter(|| draw(black_box(app), &mut buf));
        });
        let mut term = terminal();
        group.bench_with_input(BenchmarkId::new("Terminal::draw", n), app, |b, app| {
            b.iter(|| {
                term.draw(|frame| ui::render(black_box(app), frame))
                    .expect("draw")
                    .area
            });
        });
    }
    group.finish();
    if let Some((n, _, _)) = apps.iter().max_by_key(|(n, _, _)| *n) {
        input_path(&mut c, &format!("{n} demo projects"), loaded_app(*n, false));
    }
    let small = if support::quick() { 200_000 } else { 2_000_000 };
    input_path(
        &mut c,
        &format!("{small} small records"),
        small_records_app(small),
    );
    c.final_summary();
    if support::listing() || support::profiling() || apps.len() < 2 {
        return;
    }

    let (_, small, small_wall) = &apps[0];
    let mut ratios: Vec<Ratio> = Vec::new();
    let mut base_buf = Buffer::empty(area());
    let mut buf = Buffer::empty(area());
    for (n, app, wall) in &apps[1..] {
        ratios.push(interleaved(
            &format!("ui::draw {n} projects / 1000 projects"),
            15,
            200,
            Some(1.2),
            || draw(small, &mut base_buf),
            || draw(app, &mut buf),
        ));
        ratios.push(interleaved(
            &format!("ui::draw wall {n} projects / 1000 projects"),
            15,
            200,
            Some(1.2),
            || draw(small_wall, &mut base_buf),
            || draw(wall, &mut buf),
        ));
        let (mut base_term, mut term) = (terminal(), terminal());
        ratios.push(interleaved(
            &format!("Terminal::draw {n} projects / 1000 projects"),
            15,
            200,
            Some(1.2),
            || {
                base_term
                    .draw(|frame| ui::render(small, frame))
                    .expect("draw")
                    .area
            },
            || {
                term.draw(|frame| ui::render(app, frame))
                    .expect("draw")
                    .area
            },
        ));
    }
    support::summary(
        "frame: ratios to the same frame with 1000 projects (flatness)",
        &ratios,
    );
    for ratio in ratios
        .iter()
        .filter(|r| r.label.starts_with("ui::draw 100000"))
    {
        let met = if ratio.candidate < Duration::from_millis(1) {
            "met"
        } else {
            "MISSED"
        };
        println!(
            "absolute  one frame at {WIDTH}x{HEIGHT}, 100000 projects: {} (goal < 1 ms: {met})",
            support::human(ratio.candidate)
        );
    }
}
