use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, FixedOffset, NaiveDate, TimeDelta};
use serde_json::Value;

use super::{DEFAULT_PROJECTS, DEFAULT_SEED, DemoFeed};

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).expect("test timestamp")
}

fn epoch() -> DateTime<FixedOffset> {
    at("2026-11-29T10:00:00+08:00")
}

fn default_feed() -> DemoFeed {
    DemoFeed::new(DEFAULT_SEED, epoch(), DEFAULT_PROJECTS)
}

fn parse(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).expect("the document is JSON")
}

/// The document without `generated_at`: what the revision must track.
fn data(feed: &DemoFeed, now: DateTime<FixedOffset>) -> Value {
    let mut doc = parse(&feed.document_at(now));
    doc.as_object_mut().expect("object").remove("generated_at");
    doc
}

fn date(v: &Value) -> Option<NaiveDate> {
    v.as_str()
        .map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("YYYY-MM-DD date"))
}

fn today(now: DateTime<FixedOffset>) -> NaiveDate {
    now.with_timezone(&super::CST).date_naive()
}

/// Checks every rule of feed format v1 (FEED.md) plus the demo's own consistency rules.
fn assert_valid(doc: &Value, now: DateTime<FixedOffset>) {
    assert_eq!(doc["schema_version"], 1);
    // `data()` strips generated_at; where it is present it must be `now` in UTC+8.
    if let Some(generated) = doc.get("generated_at") {
        let generated = at(generated.as_str().expect("generated_at"));
        assert_eq!(generated.offset().local_minus_utc(), 8 * 3600);
        assert!((generated - now).num_seconds().abs() <= 1);
    }
    let today = today(now);
    let projects = doc["projects"].as_array().expect("projects array");
    let mut ids = HashSet::new();
    for p in projects {
        let id = p["id"].as_str().expect("id");
        assert!(
            !id.is_empty() && ids.insert(id.to_owned()),
            "duplicate id {id}"
        );
        assert!(!p["name"].as_str().expect("name").is_empty());
        assert!(p["amount_cny"].is_u64(), "{p}");
        let stage = p["stage"].as_str().expect("stage");
        assert!(
            [
                "negotiating",
                "signed",
                "landed",
                "started",
                "operating",
                "cancelled"
            ]
            .contains(&stage),
            "{stage}"
        );
        for key in ["investor", "district", "chain", "source_region"] {
            assert!(
                p[key].as_str().is_some_and(|s| !s.is_empty()),
                "{key} in {p}"
            );
        }
        if let Some(tags) = p.get("top500") {
            for tag in tags.as_array().expect("top500 array") {
                assert!(
                    ["fortune_global", "china", "china_private"]
                        .contains(&tag.as_str().expect("tag"))
                );
            }
        }
        if let Some(hq) = p.get("headquarters") {
            assert!(["corporate", "regional", "functional"].contains(&hq.as_str().expect("hq")));
        }
        let milestones =
            ["signed_on", "landed_on", "started_on", "operating_on"].map(|k| date(&p[k]));
        assert!(milestones.iter().flatten().all(|d| *d <= today), "{p}");
        let reached = milestones.iter().take_while(|m| m.is_some()).count();
        assert!(
            milestones[reached..].iter().all(Option::is_none),
            "gap in milestones: {p}"
        );
        let dated: Vec<NaiveDate> = milestones.iter().flatten().copied().collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{p}");
        if stage != "cancelled" {
            let expected = ["negotiating", "signed", "landed", "started", "operating"][reached];
            assert_eq!(stage, expected, "{p}");
        }
        let mut approval_ids = HashSet::new();
        for a in p["approvals"].as_array().expect("approvals") {
            assert!(approval_ids.insert(a["id"].as_str().expect("approval id").to_owned()));
            let submitted = date(&a["submitted_on"]).expect("submitted_on");
            assert!(
                submitted <= today && milestones[0].is_some_and(|s| s <= submitted),
                "{p}"
            );
            let status = a["status"].as_str().expect("status");
            assert!(["pending", "approved", "rejected", "withdrawn"].contains(&status));
            let decided = date(&a["decided_on"]);
            assert_eq!(decided.is_none(), status == "pending", "{a}");
            assert!(decided.is_none_or(|d| submitted <= d && d <= today));
            if let Some(limit) = a.get("limit_working_days") {
                assert!(limit.is_u64());
            }
            for key in ["item", "department"] {
                assert!(a[key].as_str().is_some_and(|s| !s.is_empty()));
            }
            // Construction starts once every approval applied for is decided: a started or
            // operating project never shows its filing (or anything else) pending.
            if let Some(started) = milestones[2] {
                assert!(
                    decided.is_some_and(|d| d <= started),
                    "decided after the start, or pending: {a} in {p}"
                );
            }
        }
    }
}

/// Chinese characters (CJK unified ideographs) in `text`.
fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn the_text_follows_the_language_and_nothing_else_does() {
    use crate::lang::Lang;
    let en = DemoFeed::new(DEFAULT_SEED, epoch(), DEFAULT_PROJECTS);
    let zh = DemoFeed::new(DEFAULT_SEED, epoch(), DEFAULT_PROJECTS).in_lang(Lang::Zh);
    let (en, zh) = (data(&en, epoch()), data(&zh, epoch()));
    assert_valid(&zh, epoch());
    let districts = super::catalog::words::DISTRICT_ZH;
    let text_keys = ["name", "investor", "district", "chain", "source_region"];
    let en_projects = en["projects"].as_array().expect("projects");
    let zh_projects = zh["projects"].as_array().expect("projects");
    assert_eq!(en_projects.len(), zh_projects.len());
    for (e, z) in en_projects.iter().zip(zh_projects) {
        for key in [
            "id",
            "amount_cny",
            "stage",
            "signed_on",
            "started_on",
            "top500",
        ] {
            assert_eq!(e[key], z[key], "{key}: {e} / {z}");
        }
        for key in text_keys {
            let (e, z) = (
                e[key].as_str().expect("text"),
                z[key].as_str().expect("text"),
            );
            assert!(!has_cjk(e), "{key} in English: {e}");
            assert!(has_cjk(z), "{key} in Chinese: {z}");
        }
        assert!(
            districts.contains(&z["district"].as_str().expect("district")),
            "{z}"
        );
        if let Some(zone) = z["zone"].as_str() {
            assert!(has_cjk(zone), "{zone}");
        }
        let approvals = e["approvals"].as_array().into_iter().flatten();
        for (a, b) in approvals.zip(z["approvals"].as_array().into_iter().flatten()) {
            assert_eq!(a["status"], b["status"]);
            for key in ["item", "department"] {
                assert!(!has_cjk(a[key].as_str().expect("text")), "{a}");
                assert!(has_cjk(b[key].as_str().expect("text")), "{b}");
            }
        }
    }
    // A Chinese operator typing 浏阳 finds the Liuyang projects.
    let liuyang = |projects: &[Value], name: &str| {
        projects
            .iter()
            .filter(|p| p["district"].as_str() == Some(name))
            .count()
    };
    assert_eq!(
        liuyang(zh_projects, "浏阳市"),
        liuyang(en_projects, "Liuyang City")
    );
    assert!(liuyang(zh_projects, "浏阳市") > 0);
}

#[test]
fn generated_pipelines_are_plausible_over_many_seeds_and_moments() {
    use crate::lang::Lang;
    for seed in 0..12 {
        let lang = if seed % 2 == 0 { Lang::En } else { Lang::Zh };
        let feed = DemoFeed::new(seed, epoch(), 150).in_lang(lang);
        for hours in [-24 * 200, -24 * 30, 0, 1, 24 * 7, 24 * 60] {
            let now = epoch() + TimeDelta::hours(hours);
            // `assert_valid`: dates in order (signed <= landed <= started <= operating), the
            // stage matching them, approvals after the signing, none pending once started.
            assert_valid(&data(&feed, now), now);
        }
    }
}

#[test]
fn same_inputs_give_the_same_bytes() {
    let (a, b) = (default_feed(), default_feed());
    for now in [
        epoch(),
        epoch() + TimeDelta::seconds(37),
        epoch() - TimeDelta::days(40),
    ] {
        assert_eq!(a.document_at(now), b.document_at(now));
        assert_eq!(a.revision_at(now), b.revision_at(now));
    }
    let other = DemoFeed::new(DEFAULT_SEED + 1, epoch(), DEFAULT_PROJECTS);
    assert_ne!(a.document_at(epoch()), other.document_at(epoch()));
}

#[test]
fn write_document_at_streams_the_same_document() {
    let feed = default_feed();
    let mut streamed = Vec::new();
    feed.write_document_at(epoch(), &mut streamed)
        .expect("write to memory");
    assert_eq!(streamed, feed.document_at(epoch()));
}

#[test]
fn the_document_at_the_epoch_is_valid_feed_v1_with_the_requested_size() {
    let feed = default_feed();
    let doc = parse(&feed.document_at(epoch()));
    assert_valid(&doc, epoch());
    assert_eq!(
        doc["projects"].as_array().map(Vec::len),
        Some(DEFAULT_PROJECTS)
    );
    assert_eq!(doc["generated_at"], "2026-11-29T10:00:00+08:00");
    let districts: HashSet<&str> = doc["projects"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["district"].as_str())
        .collect();
    assert_eq!(districts.len(), 9, "{districts:?}");
    let chains: HashSet<&str> = doc["projects"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["chain"].as_str())
        .collect();
    assert!(chains.len() >= 12, "{chains:?}");
}

#[test]
fn every_quarter_of_the_year_has_a_target_and_the_current_one_is_near_but_not_met_exactly() {
    let doc = parse(&default_feed().document_at(epoch()));
    let targets = doc["targets"].as_array().expect("targets");
    let quarters: Vec<(i64, i64)> = targets
        .iter()
        .map(|t| {
            (
                t["year"].as_i64().unwrap_or(0),
                t["quarter"].as_i64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(quarters, [(2026, 1), (2026, 2), (2026, 3), (2026, 4)]);
    let q4 = &targets[3];
    let in_q4 = |d: Option<NaiveDate>| {
        d.is_some_and(|d| d >= NaiveDate::from_ymd_opt(2026, 10, 1).expect("date"))
    };
    let live = doc["projects"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|p| p["stage"] != "cancelled");
    let (mut signed, mut amount, mut started) = (0_u64, 0_u64, 0_u64);
    for p in live {
        if in_q4(date(&p["signed_on"])) {
            signed += 1;
            amount += p["amount_cny"].as_u64().unwrap_or(0);
        }
        started += u64::from(in_q4(date(&p["started_on"])));
    }
    // 60 of 92 days of the quarter have passed: compare with the pace.
    // Per mille of the pace: actual / (target * 60 / 92).
    let pace = |actual: u64, target: &Value| {
        let target = u128::from(target.as_u64().expect("target"));
        assert_ne!(u128::from(actual), target);
        u128::from(actual) * 92 * 1000 / (target * 60)
    };
    for (ratio, what) in [
        (pace(signed, &q4["signed_projects"]), "signed projects"),
        (pace(amount, &q4["signed_amount_cny"]), "signed amount"),
        (pace(started, &q4["started_projects"]), "started projects"),
    ] {
        assert!(
            (800..1200).contains(&ratio),
            "{what}: {ratio} per mille of pace"
        );
    }
}

#[test]
fn signing_ceremonies_sign_batches_in_one_district_on_one_day() {
    let doc = parse(&default_feed().document_at(epoch()));
    let mut batches: BTreeMap<(String, String), (usize, u64)> = BTreeMap::new();
    for p in doc["projects"].as_array().into_iter().flatten() {
        if let (Some(day), Some(district)) = (p["signed_on"].as_str(), p["district"].as_str()) {
            let entry = batches
                .entry((day.to_owned(), district.to_owned()))
                .or_default();
            entry.0 += 1;
            entry.1 += p["amount_cny"].as_u64().unwrap_or(0);
        }
    }
    let ceremonies = batches.values().filter(|(count, _)| *count >= 10).count();
    assert!(ceremonies >= 3, "{ceremonies} ceremonies");
    assert!(
        batches
            .values()
            .any(|(count, amount)| *count >= 15 && *amount >= 10_000_000_000)
    );
}

#[test]
fn the_mix_is_realistic() {
    let doc = parse(&default_feed().document_at(epoch()));
    let projects = doc["projects"].as_array().expect("projects");
    let share = |f: &dyn Fn(&Value) -> bool| {
        projects.iter().filter(|p| f(p)).count() * 100 / projects.len()
    };
    assert!((6..=14).contains(&share(&|p| p["amount_cny"].as_u64() >= Some(1_000_000_000))));
    assert!((10..=20).contains(&share(&|p| p.get("top500").is_some())));
    // Each language names every project in its own script (see the language test); the
    // investors still come from home and abroad.
    let abroad = [
        "Europe",
        "North America",
        "Japan and Korea",
        "Southeast Asia",
        "Hong Kong, Macao and Taiwan",
    ];
    let from_abroad = share(&|p| abroad.contains(&p["source_region"].as_str().unwrap_or("")));
    assert!(
        (10..=60).contains(&from_abroad),
        "{from_abroad}% from abroad"
    );
    let count = |stage: &str| projects.iter().filter(|p| p["stage"] == stage).count();
    assert!((1..=20).contains(&count("negotiating")));
    assert!((1..=25).contains(&count("cancelled")));
    let statuses: HashSet<&str> = projects
        .iter()
        .flat_map(|p| p["approvals"].as_array().into_iter().flatten())
        .filter_map(|a| a["status"].as_str())
        .collect();
    assert_eq!(statuses.len(), 4, "{statuses:?}");
    for stage in ["signed", "landed", "started", "operating"] {
        assert!(count(stage) >= 10, "{stage}: {}", count(stage));
    }
}

#[test]
fn some_pending_approvals_are_weeks_old_at_the_epoch_and_stay_pending() {
    let feed = default_feed();
    let old_pending = |now: DateTime<FixedOffset>| -> HashSet<(String, String)> {
        let doc = parse(&feed.document_at(now));
        let mut found = HashSet::new();
        for p in doc["projects"].as_array().into_iter().flatten() {
            for a in p["approvals"].as_array().into_iter().flatten() {
                let submitted = date(&a["submitted_on"]).expect("submitted_on");
                if a["status"] == "pending" && (today(epoch()) - submitted).num_days() > 30 {
                    found.insert((p["id"].to_string(), a["id"].to_string()));
                }
            }
        }
        found
    };
    let at_epoch = old_pending(epoch());
    assert!(
        at_epoch.len() >= 3,
        "{} old pending approvals",
        at_epoch.len()
    );
    let later = old_pending(epoch() + TimeDelta::hours(2));
    assert!(at_epoch.iter().filter(|k| later.contains(*k)).count() >= 3);
}

#[test]
fn the_feed_moves_after_the_epoch_and_the_revision_tracks_every_change() {
    let feed = default_feed();
    assert!(feed.revision_at(epoch() + TimeDelta::seconds(60)) > feed.revision_at(epoch()));
    assert_ne!(
        data(&feed, epoch()),
        data(&feed, epoch() + TimeDelta::seconds(60))
    );
    let mut previous = (feed.revision_at(epoch()), data(&feed, epoch()));
    for step in 1..=120 {
        let now = epoch() + TimeDelta::milliseconds(step * 1500);
        let current = (feed.revision_at(now), data(&feed, now));
        assert!(current.0 >= previous.0, "revision went back at {now}");
        assert_eq!(
            current.0 == previous.0,
            current.1 == previous.1,
            "revision and data disagree at {now}"
        );
        assert_valid(&current.1, now);
        previous = current;
    }
}

#[test]
fn events_arrive_every_few_seconds_and_not_before_their_time() {
    let feed = default_feed();
    let (mut now, mut events) = (epoch(), 0);
    let end = epoch() + TimeDelta::minutes(10);
    while let Some(next) = feed.next_event_after(now).filter(|&n| n <= end) {
        assert!(next > now);
        let before = next - TimeDelta::microseconds(1);
        assert_eq!(
            feed.revision_at(before),
            feed.revision_at(now),
            "an event between {now} and {next}"
        );
        assert!(feed.revision_at(next) > feed.revision_at(before));
        assert_ne!(data(&feed, before), data(&feed, next));
        (now, events) = (next, events + 1);
    }
    // About one every 4 s: 150 in 10 minutes, give or take the pipeline's own rhythm.
    assert!(
        (75..=300).contains(&events),
        "{events} events in 10 minutes"
    );
}

#[test]
fn live_events_are_dated_on_the_day_they_happen() {
    let feed = default_feed();
    let now = epoch() + TimeDelta::minutes(30);
    let doc = data(&feed, now);
    assert_valid(&doc, now);
    let projects = doc["projects"].as_array().expect("projects");
    assert!(
        projects.len() > DEFAULT_PROJECTS,
        "new signings after the epoch"
    );
    assert!(
        projects[DEFAULT_PROJECTS..]
            .iter()
            .all(|p| p["signed_on"].is_null() || p["signed_on"] == "2026-11-29")
    );
}

#[test]
fn a_document_before_the_epoch_shows_the_pipeline_as_it_was() {
    let feed = default_feed();
    let then = at("2026-06-30T18:00:00+08:00");
    let doc = data(&feed, then);
    assert_valid(&doc, then);
    let count = doc["projects"].as_array().map_or(0, Vec::len);
    assert!(
        (150..350).contains(&count),
        "{count} projects by the end of June"
    );
    assert!(feed.revision_at(then) < feed.revision_at(epoch()));
    assert_eq!(
        data(&feed, at("2025-12-01T00:00:00+08:00"))["projects"],
        Value::Array(vec![])
    );
}

#[test]
fn unusual_epochs_and_sizes_still_give_valid_moving_feeds() {
    for (epoch, projects) in [
        ("2026-01-02T08:00:00+08:00", 420),
        ("2026-03-02T09:10:00+08:00", 420),
        ("2026-07-15T23:30:00+08:00", 60),
        ("2026-07-15T12:00:00Z", 420),
        ("2026-12-31T17:59:00+08:00", 5),
        ("2026-05-03T10:00:00+08:00", 1),
        ("2026-05-03T10:00:00+08:00", 0),
    ] {
        let epoch = at(epoch);
        let feed = DemoFeed::new(7, epoch, projects);
        let doc = data(&feed, epoch);
        assert_valid(&doc, epoch);
        assert_eq!(
            doc["projects"].as_array().map(Vec::len),
            Some(projects),
            "{epoch}"
        );
        let later = epoch + TimeDelta::minutes(10);
        assert_valid(&data(&feed, later), later);
        if projects >= 5 {
            assert!(
                feed.revision_at(later) > feed.revision_at(epoch),
                "{epoch} {projects}"
            );
        } else if projects == 0 {
            assert_eq!(feed.next_event_after(epoch), None);
        }
    }
}

#[test]
fn ten_thousand_projects_carry_about_three_approvals_each() {
    let feed = DemoFeed::new(DEFAULT_SEED, epoch(), 10_000);
    let doc = parse(&feed.document_at(epoch()));
    let projects = doc["projects"].as_array().expect("projects");
    assert_eq!(projects.len(), 10_000);
    let approvals: usize = projects
        .iter()
        .map(|p| p["approvals"].as_array().map_or(0, Vec::len))
        .sum();
    assert!(
        (25_000..=35_000).contains(&approvals),
        "{approvals} approvals"
    );
    let ids: HashSet<&str> = projects.iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(ids.len(), 10_000);
}

#[test]
fn the_live_pipeline_stops_at_its_horizon() {
    let feed = DemoFeed::new(DEFAULT_SEED, epoch(), 60);
    let horizon = epoch() + TimeDelta::from_std(super::LIVE_HORIZON).expect("a week");
    let just_before = horizon - TimeDelta::hours(1);
    assert!(feed.revision_at(just_before) > feed.revision_at(epoch() + TimeDelta::days(6)));
    assert_eq!(
        feed.revision_at(horizon),
        feed.revision_at(horizon + TimeDelta::days(400))
    );
    assert_eq!(feed.next_event_after(horizon), None);
    let far = horizon + TimeDelta::days(4000);
    assert_eq!(data(&feed, far), data(&feed, horizon));
}
