//! Property tests over a mutation corpus (`tests/corpus/`: demo feeds written with
//! `investboard demo-feed --projects N --write ... --now ...`, plus the hostile and hand-count
//! fixtures). Random mutations (truncation, flipped and inserted bytes, duplicate keys, values
//! of the wrong type, huge and odd numbers, nesting up to and past `serde_json`'s 128 limit, very
//! long and hostile strings) must never make `parse_feed` panic: it either refuses the
//! document with a clean one-line error, or returns a snapshot whose every string is
//! sanitized and whose records keep the contract's invariants.
//!
//! A second property draws feeds full of hostile strings at random terminal sizes: no panic,
//! and no cell holds a control, bidi or invisible character.

mod support;

use std::sync::Arc;
use std::time::Instant;

use investboard::app::Action;
use investboard::domain::amount::Amount;
use investboard::domain::model::Snapshot;
use investboard::feed::parse_feed;
use investboard::poll::FeedUpdate;
use investboard::sanitize::{MAX_FIELD_CHARS, SafeText, is_forbidden, sanitize};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde_json::Value;
use support::dash;

const SEEDS: [&str; 4] = [
    "tests/corpus/demo-20.json",
    "tests/corpus/demo-6-seed7.json",
    "tests/fixtures/hostile.json",
    "tests/fixtures/hand_count.json",
];

fn seeds() -> &'static [Value] {
    static SEEDS_PARSED: std::sync::OnceLock<Vec<Value>> = std::sync::OnceLock::new();
    SEEDS_PARSED.get_or_init(|| {
        SEEDS
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).expect("corpus seed");
                serde_json::from_str(&text).expect("seeds are valid JSON")
            })
            .collect()
    })
}

/// What replaces a value somewhere in the document (written as raw JSON text, so numbers
/// `serde_json` cannot hold and nesting it would refuse can be expressed).
#[derive(Clone, Debug)]
enum Replacement {
    Raw(String),
    Str(String),
    Nested(usize),
}

impl Replacement {
    fn json(&self) -> String {
        match self {
            Replacement::Raw(raw) => raw.clone(),
            Replacement::Str(s) => serde_json::to_string(s).expect("a string serializes"),
            Replacement::Nested(depth) => {
                format!("{}0{}", "[".repeat(*depth), "]".repeat(*depth))
            }
        }
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    /// Replace the `slot`-th value (any depth, in document order).
    Replace { slot: usize, with: Replacement },
    /// Give the `slot`-th object a duplicate of one of its keys.
    DuplicateKey { slot: usize, value: Replacement },
    /// Cut the text at this fraction of its length.
    Truncate { per_mille: u16 },
    /// XOR one byte.
    Flip { at: usize, mask: u8 },
    /// Insert raw bytes (invalid UTF-8, controls, quotes, brackets).
    Insert { at: usize, bytes: Vec<u8> },
}

fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\u{1b}]0;pwned\u{7}".to_owned()),
        Just("\u{1b}[2J\u{1b}[H".to_owned()),
        Just("\u{1b}]8;;http://evil.example/\u{1b}\\x\u{1b}]8;;\u{1b}\\".to_owned()),
        Just("\u{1b}Pq#0;2;0\u{1b}\\".to_owned()),
        Just("\u{9b}31m\u{9d}0;t\u{9c}".to_owned()),
        Just("\u{202e}\u{2066}\u{200b}\u{feff}\u{fe0f}\u{e0041}".to_owned()),
        Just("a\nb\r\nc\td\u{2028}e\u{85}".to_owned()),
        Just("长沙市岳麓区储能电池".to_owned()),
        Just("♻️👁️‍🗨️🔋".to_owned()),
        Just("\u{1b}".to_owned()),
        any::<String>(),
    ]
}

fn hostile_string() -> impl Strategy<Value = String> {
    proptest::collection::vec(hostile_piece(), 0..6).prop_map(|parts| parts.concat())
}

fn replacement() -> impl Strategy<Value = Replacement> {
    prop_oneof![
        // Wrong types and odd numbers.
        prop_oneof![
            Just("null"),
            Just("true"),
            Just("[]"),
            Just("{}"),
            Just("\"\""),
            Just("0"),
            Just("-1"),
            Just("-0"),
            Just("1.5"),
            Just("1e400"),
            Just("-1e400"),
            Just("1.0e-400"),
            Just("18446744073709551616"),
            Just("123456789012345678901234567890"),
            Just("9007199254740993"),
            Just("\"NaN\""),
            Just("\"2022-02-30\""),
            Just("\"\\ud800\""),
            Just("{\"id\":\"x\",\"id\":\"y\"}"),
        ]
        .prop_map(|raw| Replacement::Raw(raw.to_owned())),
        hostile_string().prop_map(Replacement::Str),
        (
            1usize..100_000,
            prop::sample::select(vec!['x', '长', '\u{1b}', '🔋'])
        )
            .prop_map(|(n, c)| Replacement::Str(std::iter::repeat_n(c, n).collect())),
        // Up to and well past serde_json's recursion limit of 128.
        prop_oneof![1usize..140, 120usize..140, 500usize..3000].prop_map(Replacement::Nested),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), replacement()).prop_map(|(slot, with)| Mutation::Replace { slot, with }),
        2 => (any::<usize>(), replacement())
            .prop_map(|(slot, value)| Mutation::DuplicateKey { slot, value }),
        1 => (0u16..1000).prop_map(|per_mille| Mutation::Truncate { per_mille }),
        1 => (any::<usize>(), 1u8..=255).prop_map(|(at, mask)| Mutation::Flip { at, mask }),
        1 => (any::<usize>(), proptest::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
    ]
}

const MARK: &str = "\u{0}MUTANT\u{0}";

/// Counts values (or only objects) in document order.
fn slots(value: &Value, objects_only: bool) -> usize {
    let own = usize::from(!objects_only || value.is_object());
    own + match value {
        Value::Array(items) => items.iter().map(|v| slots(v, objects_only)).sum(),
        Value::Object(map) => map.values().map(|v| slots(v, objects_only)).sum(),
        _ => 0,
    }
}

/// Visits values in document order; `f` returns true to stop.
fn nth_mut(
    value: &mut Value,
    n: &mut usize,
    objects_only: bool,
    f: &mut dyn FnMut(&mut Value),
) -> bool {
    if !objects_only || value.is_object() {
        if *n == 0 {
            f(value);
            return true;
        }
        *n -= 1;
    }
    match value {
        Value::Array(items) => items.iter_mut().any(|v| nth_mut(v, n, objects_only, f)),
        Value::Object(map) => map.values_mut().any(|v| nth_mut(v, n, objects_only, f)),
        _ => false,
    }
}

fn apply(document: &mut Value, text: &mut Vec<u8>, mutation: &Mutation) {
    match mutation {
        Mutation::Replace { slot, with } => {
            let mut n = slot % slots(document, false);
            nth_mut(document, &mut n, false, &mut |v| {
                *v = Value::String(MARK.into());
            });
            let marked = serde_json::to_string(document).expect("serializes");
            *document = Value::Null;
            *text = marked
                .replacen(&serde_json::to_string(MARK).expect("mark"), &with.json(), 1)
                .into_bytes();
        }
        Mutation::DuplicateKey { slot, value } => {
            let objects = slots(document, true);
            if objects == 0 {
                return;
            }
            let mut n = slot % objects;
            let mut key = None;
            nth_mut(document, &mut n, true, &mut |v| {
                if let Value::Object(map) = v {
                    key = map.keys().next().cloned();
                    map.insert(MARK.into(), Value::Null);
                }
            });
            let marked = serde_json::to_string(document).expect("serializes");
            *document = Value::Null;
            let key = serde_json::to_string(&key.unwrap_or_else(|| "id".into())).expect("key");
            let pair = format!("{}:null", serde_json::to_string(MARK).expect("mark"));
            *text = marked
                .replacen(&pair, &format!("{key}:{}", value.json()), 1)
                .into_bytes();
        }
        Mutation::Truncate { per_mille } => {
            let cut = text.len() * usize::from(*per_mille) / 1000;
            text.truncate(cut);
        }
        Mutation::Flip { at, mask } => {
            if !text.is_empty() {
                let i = at % text.len();
                text[i] ^= mask;
            }
        }
        Mutation::Insert { at, bytes } => {
            let i = at % (text.len() + 1);
            text.splice(i..i, bytes.iter().copied());
        }
    }
}

/// The document after the mutations: structural ones work on the JSON while it still is
/// JSON, byte ones on the text.
fn mutate(seed: &Value, mutations: &[Mutation]) -> Vec<u8> {
    let mut document = seed.clone();
    let mut text = serde_json::to_vec(&document).expect("serializes");
    for mutation in mutations {
        let structural = matches!(
            mutation,
            Mutation::Replace { .. } | Mutation::DuplicateKey { .. }
        );
        if structural {
            if document.is_null() {
                // An earlier mutation left raw text: continue from it if it is still JSON.
                match serde_json::from_slice::<Value>(&text) {
                    Ok(v) => document = v,
                    Err(_) => continue,
                }
            }
            apply(&mut document, &mut text, mutation);
        } else {
            document = Value::Null;
            apply(&mut document, &mut text, mutation);
        }
    }
    text
}

fn assert_safe_line(what: &str, text: &str) {
    assert!(
        !text.chars().any(|c| c.is_control() || is_forbidden(c)),
        "{what}: {text:?}"
    );
}

fn assert_sanitized(what: &str, s: &str) {
    assert!(!s.chars().any(is_forbidden), "{what}: {s:?}");
    assert!(
        s.chars().count() <= MAX_FIELD_CHARS,
        "{what}: {} chars",
        s.chars().count()
    );
    assert_eq!(sanitize(s), s, "{what}: not a fixed point of sanitize");
}

fn label(text: Option<&SafeText>) -> Option<&str> {
    text.map(SafeText::as_str)
}

/// Every string of an accepted snapshot is sanitized; the records keep the contract.
fn assert_snapshot_safe(snapshot: &Snapshot) {
    let mut ids = std::collections::HashSet::new();
    for p in &snapshot.projects {
        assert!(!p.id.is_empty() && !p.name.is_empty());
        assert!(ids.insert(p.id.clone()), "duplicate id {:?}", p.id);
        // Kept exactly: its exact text reads back as the same amount (no cap: FEED.md sets none).
        assert_eq!(Amount::from_decimal(&p.amount.exact_yuan()), Ok(p.amount));
        for (field, text) in [
            ("id", Some(p.id.as_str())),
            ("name", Some(p.name.as_str())),
            ("investor", label(p.investor.as_ref())),
            ("district", label(p.district.as_ref())),
            ("zone", label(p.zone())),
            ("chain", label(p.chain.as_ref())),
            ("source_region", label(p.source_region())),
        ] {
            if let Some(text) = text {
                assert_sanitized(field, text);
            }
        }
        let mut approval_ids = std::collections::HashSet::new();
        for a in &p.approvals {
            assert!(approval_ids.insert(a.id.clone()));
            assert_sanitized("approval id", a.id.as_str());
            for text in [a.item.as_ref(), a.department.as_ref()]
                .into_iter()
                .flatten()
            {
                assert_sanitized("approval text", text.as_str());
            }
        }
    }
    for r in &snapshot.rejected {
        assert_safe_line("rejection", &r.to_string());
        assert_safe_line("rejected record", &r.record);
    }
    for w in &snapshot.warnings {
        assert_safe_line("warning", w);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_feeds_never_panic_and_only_sanitized_text_gets_through(
        seed in 0usize..SEEDS.len(),
        mutations in proptest::collection::vec(mutation(), 1..4),
    ) {
        let bytes = mutate(&seeds()[seed], &mutations);
        match parse_feed(&bytes) {
            Ok(snapshot) => assert_snapshot_safe(&snapshot),
            Err(error) => assert_safe_line("feed error", &error.to_string()),
        }
    }
}

#[test]
fn the_corpus_seeds_parse_cleanly() {
    for (path, seed) in SEEDS.iter().zip(seeds()) {
        let snapshot = parse_feed(&serde_json::to_vec(seed).expect("serializes"))
            .unwrap_or_else(|e| unreachable!("{path}: {e}"));
        assert!(!snapshot.projects.is_empty(), "{path}");
        assert_snapshot_safe(&snapshot);
    }
}

/// Every record of every seed (project, approval, target), rewritten as an array of its values,
/// is rejected alone with its own path, whatever its fields; the rest of the seed is unchanged.
#[test]
fn every_corpus_record_written_as_an_array_is_rejected_alone() {
    fn arrayify(record: &mut Value) {
        let values = record
            .as_object()
            .expect("corpus records are objects")
            .values()
            .cloned()
            .collect();
        *record = Value::Array(values);
    }
    /// `record` is the dropped record (`projects[3]` for its approvals too), `path` the place.
    fn check(seed: &Value, record: &str, path: &str, edit: impl FnOnce(&mut Value)) {
        let baseline = parse_feed(&serde_json::to_vec(seed).expect("serializes")).expect("seed");
        let mut document = seed.clone();
        edit(&mut document);
        let snapshot =
            parse_feed(&serde_json::to_vec(&document).expect("serializes")).expect("usable");
        let of = |s: &Snapshot, this: bool| -> Vec<String> {
            s.rejected
                .iter()
                .filter(|r| (r.record == record) == this)
                .map(ToString::to_string)
                .collect()
        };
        let own = of(&snapshot, true);
        assert_eq!(own.len(), 1, "{path}: {own:?}");
        assert!(
            own[0].starts_with(&format!("{path}: must be a JSON object, not an array")),
            "{path}: {}",
            own[0]
        );
        assert_eq!(of(&snapshot, false), of(&baseline, false), "{path}");
        let was_accepted = usize::from(of(&baseline, true).is_empty());
        let (kept, before) = if record.starts_with("projects") {
            (snapshot.projects.len(), baseline.projects.len())
        } else {
            (snapshot.targets.len(), baseline.targets.len())
        };
        assert_eq!(kept + was_accepted, before, "{path}");
    }
    let mut checked = [0usize; 3];
    for seed in seeds() {
        let projects = seed["projects"].as_array().map_or(0, Vec::len);
        for i in 0..projects {
            let record = format!("projects[{i}]");
            check(seed, &record, &record, |d| {
                arrayify(&mut d["projects"][i]);
            });
            checked[0] += 1;
            let approvals = seed["projects"][i]["approvals"]
                .as_array()
                .map_or(0, Vec::len);
            for j in 0..approvals {
                check(seed, &record, &format!("{record}.approvals[{j}]"), |d| {
                    arrayify(&mut d["projects"][i]["approvals"][j]);
                });
                checked[1] += 1;
            }
        }
        for t in 0..seed["targets"].as_array().map_or(0, Vec::len) {
            let record = format!("targets[{t}]");
            check(seed, &record, &record, |d| {
                arrayify(&mut d["targets"][t]);
            });
            checked[2] += 1;
        }
    }
    assert!(
        checked.iter().all(|n| *n > 0),
        "each kind checked: {checked:?}"
    );
}

#[test]
fn nesting_far_past_the_limit_is_refused_not_a_stack_overflow() {
    for depth in [127, 128, 129, 10_000, 200_000] {
        let nested = format!("{}0{}", "[".repeat(depth), "]".repeat(depth));
        for document in [
            format!(
                r#"{{"schema_version":1,"projects":[{{"id":"P","name":{nested},"amount_cny":1,"stage":"signed"}}]}}"#
            ),
            format!(r#"{{"schema_version":1,"extra":{nested},"projects":[]}}"#),
            nested.clone(),
        ] {
            match parse_feed(document.as_bytes()) {
                Ok(snapshot) => assert_snapshot_safe(&snapshot),
                Err(error) => assert_safe_line("feed error", &error.to_string()),
            }
        }
    }
}

/// A feed whose every text field is one of `texts` (cycled), as a publisher would write it.
fn feed_with(texts: &[String], projects: usize) -> Vec<u8> {
    let text = |i: usize| texts[i % texts.len()].clone();
    let records: Vec<Value> = (0..projects)
        .map(|i| {
            serde_json::json!({
                "id": format!("{}-{i}", text(i)),
                "name": format!("n{i} {}", text(i + 1)),
                "investor": text(i + 2),
                "district": text(i + 3),
                "zone": text(i + 4),
                "chain": text(i + 5),
                "source_region": text(i + 6),
                "amount_cny": 100_000_000 * (i + 1),
                "stage": "started",
                "signed_on": format!("2026-{:02}-{:02}", 1 + i % 11, 1 + i % 28),
                "started_on": "2026-11-02",
                "approvals": [{
                    "id": text(i + 7),
                    "item": text(i + 8),
                    "department": text(i + 9),
                    "submitted_on": "2026-10-01",
                    "status": "pending",
                }],
            })
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "schema_version": 1,
        "generated_at": dash::BASE,
        "targets": [{"year": 2026, "quarter": 4, "signed_projects": 3}],
        "projects": records,
    }))
    .expect("serializes")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn hostile_text_draws_at_any_size_without_panic_or_unsafe_cells(
        texts in proptest::collection::vec(hostile_string(), 1..6),
        projects in 1usize..12,
        width in 0u16..=300,
        height in 0u16..=120,
        wall in any::<bool>(),
        open_detail in any::<bool>(),
    ) {
        let snapshot = parse_feed(&feed_with(&texts, projects)).expect("usable");
        let mut settings = dash::default_settings();
        settings.wall = wall;
        let mut app = investboard::app::App::new(
            investboard::app::AppSettings::from_settings(&settings),
            investboard::domain::calendar::Calendar::embedded(),
            investboard::domain::aggregate::AggregateOptions::default(),
            dash::at(dash::BASE),
            Instant::now(),
        );
        app.update(Action::Feed(FeedUpdate::Loaded {
            snapshot: Arc::new(snapshot),
            received_at: dash::at(dash::BASE),
        }));
        if open_detail {
            app.update(Action::Open);
        }
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        investboard::ui::draw(&app, area, &mut buf);
        for cell in buf.content() {
            prop_assert!(
                !cell.symbol().chars().any(|c| c.is_control() || is_forbidden(c)),
                "cell {:?}", cell.symbol()
            );
        }
    }
}
