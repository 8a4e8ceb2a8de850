//! Feed format v1: whole-document errors and per-record rejections, each with its place.

use investboard::domain::amount::Amount;
use investboard::domain::model::{ApprovalStatus, Stage, Top500};
use investboard::feed::{FeedError, parse_feed};
use investboard::sanitize::SafeText;

fn project(fields: &str) -> String {
    format!(r#"{{"id":"P1","name":"Battery plant","amount_cny":100,"stage":"signed"{fields}}}"#)
}

fn doc(projects: &[String]) -> Vec<u8> {
    format!(
        r#"{{"schema_version":1,"projects":[{}]}}"#,
        projects.join(",")
    )
    .into_bytes()
}

fn only_rejection(projects: &[String]) -> String {
    let snapshot = parse_feed(&doc(projects)).expect("document is usable");
    assert_eq!(snapshot.rejected.len(), 1, "{:?}", snapshot.rejected);
    snapshot.rejected[0].to_string()
}

#[test]
fn the_feed_md_example_parses_fully() {
    let text = r#"{
      "schema_version": 1,
      "generated_at": "2022-03-31T17:00:00+08:00",
      "targets": [{"year": 2022, "quarter": 1, "signed_projects": 40,
                   "signed_amount_cny": 80000000000, "started_projects": 10}],
      "projects": [{
        "id": "WC-2022-0001", "name": "Desai Battery energy storage cell project",
        "investor": "Desai Battery", "district": "Wangcheng District",
        "zone": "Wangcheng Economic Development Zone", "chain": "Advanced energy storage materials",
        "source_region": "Greater Bay Area", "top500": ["fortune_global", "china", "china_private"],
        "headquarters": "corporate", "amount_cny": 7500000000, "stage": "started",
        "signed_on": "2022-01-20", "landed_on": "2022-01-25", "started_on": "2022-02-07",
        "operating_on": null,
        "approvals": [{"id": "A2", "item": "Construction permit",
          "department": "Housing and Urban-Rural Development Bureau",
          "submitted_on": "2022-01-27", "decided_on": null, "status": "pending",
          "limit_working_days": 9}]
      }]
    }"#;
    let snapshot = parse_feed(text.as_bytes()).expect("valid");
    assert!(snapshot.rejected.is_empty());
    assert_eq!(
        snapshot.generated_at.map(|t| t.to_rfc3339()).as_deref(),
        Some("2022-03-31T17:00:00+08:00")
    );
    let target = snapshot.target_for(2022, 1).expect("target");
    assert_eq!(target.signed_projects, Some(40));
    assert_eq!(
        target.signed_amount,
        Some(Amount::from_yuan(80_000_000_000))
    );
    let p = &snapshot.projects[0];
    assert_eq!(p.id.as_str(), "WC-2022-0001");
    assert_eq!(p.stage, Stage::Started);
    assert_eq!(
        p.top500(),
        [Top500::FortuneGlobal, Top500::China, Top500::ChinaPrivate]
    );
    assert_eq!(p.amount, Amount::from_yuan(7_500_000_000));
    assert_eq!(p.operating_on(), None);
    assert_eq!(p.approvals[0].status, ApprovalStatus::Pending);
    assert_eq!(p.approvals[0].limit_working_days, Some(9));
}

#[test]
fn whole_document_errors_are_clear() {
    assert!(matches!(
        parse_feed(b"not json"),
        Err(FeedError::NotJson { .. })
    ));
    assert!(matches!(
        parse_feed(br#"{"schema_version":1,"projects":["#),
        Err(FeedError::NotJson { .. })
    ));
    assert_eq!(parse_feed(b"[1,2]"), Err(FeedError::NotAnObject));
    assert_eq!(
        parse_feed(br#"{"projects":[]}"#),
        Err(FeedError::MissingSchemaVersion)
    );
    assert_eq!(
        parse_feed(br#"{"schema_version":2,"projects":[]}"#),
        Err(FeedError::UnsupportedVersion { found: "2".into() })
    );
    assert_eq!(
        parse_feed(br#"{"schema_version":1}"#),
        Err(FeedError::MissingProjects)
    );
    let err = parse_feed(br#"{"schema_version":1,"projects":{}}"#).expect_err("wrong shape");
    assert_eq!(
        err.to_string(),
        "feed projects: invalid type: map, expected a sequence"
    );
    let err =
        parse_feed(b"{\"schema_version\":1,\"projects\":[],\"x\":\"\xff\"}").expect_err("utf8");
    assert_eq!(err, FeedError::NotUtf8 { offset: 39 });
    assert_eq!(
        err.to_string(),
        "feed is not UTF-8: invalid byte at offset 39"
    );
}

#[test]
fn an_empty_projects_array_is_valid() {
    let snapshot = parse_feed(br#"{"schema_version":1,"projects":[]}"#).expect("valid");
    assert!(snapshot.projects.is_empty() && snapshot.rejected.is_empty());
}

#[test]
fn unknown_fields_are_ignored_everywhere() {
    let p = project(
        r#","colour":"red","approvals":[{"id":"A","status":"pending","submitted_on":"2022-01-01","extra":{"deep":[1]}}]"#,
    );
    let text = format!(r#"{{"schema_version":1,"publisher":"x","projects":[{p}]}}"#);
    let snapshot = parse_feed(text.as_bytes()).expect("valid");
    assert_eq!(snapshot.projects.len(), 1);
    assert!(snapshot.rejected.is_empty());
}

#[test]
fn each_bad_record_is_rejected_alone_with_its_place() {
    let cases: Vec<(String, &str)> = vec![
        (
            r#"{"name":"x","amount_cny":1,"stage":"signed"}"#.into(),
            "projects[0]: missing field `id`",
        ),
        (
            r#"{"id":"","name":"x","amount_cny":1,"stage":"signed"}"#.into(),
            "projects[0].id: must not be empty",
        ),
        (
            r#"{"id":"P","name":" ","amount_cny":1,"stage":"signed"}"#.into(),
            "projects[0].name: must not be empty (id P)",
        ),
        (
            r#"{"id":"P","name":null,"amount_cny":1,"stage":"signed"}"#.into(),
            "projects[0].name: invalid type: null, expected a string (id P)",
        ),
        (
            r#"{"id":7,"name":"x","amount_cny":1,"stage":"signed"}"#.into(),
            "projects[0].id: invalid type: integer `7`, expected a string",
        ),
        (
            project(r#","stage":"won""#).replace(r#""stage":"signed","#, ""),
            "projects[0].stage: unknown stage \"won\" (expected one of negotiating, signed, landed, started, operating, cancelled) (id P1)",
        ),
        (
            project("").replace("100", "-5"),
            "projects[0].amount_cny: amount must not be negative, got -5 (id P1)",
        ),
        (
            project("").replace("100", "\"100\""),
            "projects[0].amount_cny: invalid type: string \"100\", expected a JSON number (id P1)",
        ),
        (
            project("").replace("100", "1e400"),
            // The text as `serde_json` keeps it (exponent sign made explicit).
            "projects[0].amount_cny: amount 1e+400 is too large to keep exactly (the most is about 3.4e30 yuan) (id P1)",
        ),
        (
            project(r#","signed_on":"2022-02-30""#),
            "projects[0].signed_on: invalid date \"2022-02-30\" (id P1)",
        ),
        (
            project(r#","started_on":"2022/02/03""#),
            "projects[0].started_on: invalid date \"2022/02/03\" (id P1)",
        ),
        (
            project(r#","top500":["fortune"]"#),
            "projects[0].top500[0]: unknown value \"fortune\" (expected fortune_global, china or china_private) (id P1)",
        ),
        (
            project(r#","headquarters":"global""#),
            "projects[0].headquarters: unknown value \"global\" (expected corporate, regional or functional) (id P1)",
        ),
        (
            project(
                r#","approvals":[{"id":"A1","status":"pending","submitted_on":"2022-01-02"},{"id":"A2","status":"pending","submitted_on":"2022-02-30"}]"#,
            ),
            "projects[0].approvals[1].submitted_on: invalid date \"2022-02-30\" (id P1)",
        ),
        (
            project(r#","approvals":[{"id":"A1","status":"late","submitted_on":"2022-01-02"}]"#),
            "projects[0].approvals[0].status: unknown status \"late\" (expected pending, approved, rejected or withdrawn) (id P1)",
        ),
        (
            project(r#","approvals":[{"id":"A1","status":"pending"}]"#),
            "projects[0].approvals[0]: missing field `submitted_on` (id P1)",
        ),
        (
            project(
                r#","approvals":[{"id":"A1","status":"pending","submitted_on":"2022-01-02","limit_working_days":-1}]"#,
            ),
            "projects[0].approvals[0].limit_working_days: invalid value: integer `-1`, expected u32 (id P1)",
        ),
        (
            project(
                r#","approvals":[{"id":"A1","status":"pending","submitted_on":"2022-01-02"},{"id":"A1","status":"approved","submitted_on":"2022-01-02"}]"#,
            ),
            "projects[0].approvals[1].id: duplicate approval id \"A1\" in this project (id P1)",
        ),
        (
            project(r#","name":"again""#),
            "projects[0]: duplicate field `name` (id P1)",
        ),
        (
            "42".into(),
            "projects[0]: invalid type: integer `42`, expected struct Project",
        ),
    ];
    for (bad, expected) in cases {
        let good = project("").replace("P1", "GOOD");
        let snapshot = parse_feed(&doc(&[bad.clone(), good])).expect("document usable");
        assert_eq!(
            snapshot.projects.len(),
            1,
            "the good record survives next to {bad}"
        );
        assert_eq!(snapshot.projects[0].id.as_str(), "GOOD");
        assert_eq!(snapshot.rejected.len(), 1, "{bad}");
        assert_eq!(snapshot.rejected[0].to_string(), expected, "for {bad}");
    }
}

/// FEED.md: amounts are read from the number's own text and kept exact, with no upper bound
/// short of what can be held (about 3.4e30 yuan); a fraction finer than 10^-8 yuan is refused
/// with its reason, never rounded.
#[test]
fn amounts_are_read_exactly_from_their_text() {
    let cases = [
        ("99999999999999.99", "99999999999999.99"),
        ("0.1", "0.1"),
        ("0.001", "0.001"),
        ("0.00000001", "0.00000001"),
        ("1.5e9", "1500000000"),
        ("1.5E+9", "1500000000"),
        ("25e-2", "0.25"),
        ("9007199254740993", "9007199254740993"),
        ("13000001500002003.40", "13000001500002003.4"),
        ("1000000000000001", "1000000000000001"),
        ("1e20", "100000000000000000000"),
        ("-0", "0"),
    ];
    for (text, exact) in cases {
        let snapshot = parse_feed(&doc(&[project("").replace("100", text)])).expect("usable");
        assert!(
            snapshot.rejected.is_empty(),
            "{text}: {:?}",
            snapshot.rejected
        );
        assert_eq!(snapshot.projects[0].amount.exact_yuan(), exact, "{text}");
    }
    assert_eq!(
        only_rejection(&[project("").replace("100", "0.000000001")]),
        "projects[0].amount_cny: amount 0.000000001 has a fraction finer than 0.00000001 yuan, the smallest unit kept (refused rather than rounded) (id P1)"
    );
    assert_eq!(
        only_rejection(&[project("").replace("100", "0.30000000000000004")]),
        "projects[0].amount_cny: amount 0.30000000000000004 has a fraction finer than 0.00000001 yuan, the smallest unit kept (refused rather than rounded) (id P1)"
    );
}

#[test]
fn target_amounts_are_exact_and_unbounded_too() {
    let text = r#"{"schema_version":1,"projects":[],"targets":[
        {"year":2022,"quarter":1,"signed_amount_cny":2000000000000000.5},
        {"year":2022,"quarter":2,"signed_amount_cny":8e10},
        {"year":2022,"quarter":3,"signed_amount_cny":0.123456789}]}"#;
    let snapshot = parse_feed(text.as_bytes()).expect("usable");
    let target = |q| {
        snapshot
            .target_for(2022, q)
            .and_then(|t| t.signed_amount)
            .map(Amount::exact_yuan)
    };
    assert_eq!(target(1).as_deref(), Some("2000000000000000.5"));
    assert_eq!(target(2).as_deref(), Some("80000000000"));
    assert_eq!(target(3), None);
    let reasons: Vec<String> = snapshot.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "targets[2].signed_amount_cny: amount 0.123456789 has a fraction finer than 0.00000001 yuan, the smallest unit kept (refused rather than rounded)"
        ]
    );
}

#[test]
fn a_duplicate_id_rejects_the_later_record() {
    let first = project("");
    let second = project("").replace("Battery plant", "Second");
    let snapshot = parse_feed(&doc(&[first, second])).expect("usable");
    assert_eq!(snapshot.projects.len(), 1);
    assert_eq!(snapshot.projects[0].name.as_str(), "Battery plant");
    assert_eq!(
        snapshot.rejected[0].to_string(),
        "projects[1].id: duplicate id \"P1\" (id P1)"
    );
}

/// A project with very many approvals (a feed generator gone wrong, or a real megaproject):
/// every one is kept, and a duplicate far down the list is still found, by its place.
#[test]
fn a_duplicate_among_many_approvals_is_found_by_its_place() {
    let approvals: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"id":"A{i}","status":"pending","submitted_on":"2022-01-02"}}"#))
        .collect();
    let many = project(&format!(r#","approvals":[{}]"#, approvals.join(",")));
    let snapshot = parse_feed(&doc(&[many])).expect("usable");
    assert_eq!(snapshot.projects[0].approvals.len(), 20_000);
    let with_duplicate = project(&format!(
        r#","approvals":[{},{{"id":"A7","status":"approved","submitted_on":"2022-01-02"}}]"#,
        approvals.join(",")
    ));
    assert_eq!(
        only_rejection(&[with_duplicate]),
        "projects[0].approvals[20000].id: duplicate approval id \"A7\" in this project (id P1)"
    );
}

#[test]
fn path_names_the_record_index() {
    let records: Vec<String> = (0..13)
        .map(|i| {
            let date = if i == 12 { "2022-02-30" } else { "2022-01-27" };
            project(&format!(
                r#","approvals":[{{"id":"A1","status":"approved","submitted_on":"2022-01-01"}},{{"id":"A2","status":"pending","submitted_on":"{date}"}}]"#
            ))
            .replace("P1", &format!("P{i}"))
        })
        .collect();
    assert_eq!(
        only_rejection(&records),
        "projects[12].approvals[1].submitted_on: invalid date \"2022-02-30\" (id P12)"
    );
}

#[test]
fn bad_targets_are_rejected_alone() {
    let text = r#"{"schema_version":1,"projects":[],"targets":[
        {"year":2022,"quarter":1,"signed_projects":40},
        {"year":2022,"quarter":5},
        {"year":2022,"quarter":1,"signed_projects":99},
        {"year":2022,"quarter":2,"signed_amount_cny":-3}]}"#;
    let snapshot = parse_feed(text.as_bytes()).expect("usable");
    assert_eq!(snapshot.targets.len(), 1);
    assert_eq!(snapshot.targets[0].signed_projects, Some(40));
    let reasons: Vec<String> = snapshot.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "targets[1].quarter: quarter must be 1 to 4, got 5",
            "targets[2]: duplicate target for 2022 Q1: an earlier target is used",
            "targets[3].signed_amount_cny: amount must not be negative, got -3",
        ]
    );
}

#[test]
fn an_unreadable_generated_at_is_a_warning_not_a_loss() {
    let text = r#"{"schema_version":1,"generated_at":"yesterday","projects":[]}"#;
    let snapshot = parse_feed(text.as_bytes()).expect("usable");
    assert_eq!(snapshot.generated_at, None);
    assert_eq!(
        snapshot.warnings,
        ["generated_at: invalid RFC 3339 timestamp \"yesterday\"; ignored"]
    );
}

#[test]
fn feed_text_is_sanitized_at_the_edge() {
    let p =
        project(r#","investor":"Evil\u001b]0;pwned\u0007 Corp\nFAKE","district":"长沙\u202e县""#);
    let snapshot = parse_feed(&doc(&[p])).expect("usable");
    let project = &snapshot.projects[0];
    assert_eq!(
        project.investor.as_ref().map(SafeText::as_str),
        Some("Evil Corp FAKE")
    );
    assert_eq!(
        project.district.as_ref().map(SafeText::as_str),
        Some("长沙县")
    );
}

/// serde's derived `Deserialize` reads a struct from an array positionally; each of these arrays
/// would be a complete record that way (a project's 11 leading fields, an approval's 6, a
/// target's 3), so only the "records are objects" rule rejects them.
#[test]
fn records_written_as_arrays_are_rejected_alone() {
    let text = r#"{"schema_version":1,
      "targets":[[2022,1,40],{"year":2022,"quarter":2,"signed_projects":5}],
      "projects":[
        ["P0","Battery plant",null,null,null,null,null,null,null,100,"signed"],
        {"id":"P1","name":"Battery plant","amount_cny":100,"stage":"signed","approvals":[
          {"id":"A1","status":"pending","submitted_on":"2022-01-02"},
          ["A2",null,null,"2022-01-03",null,"pending"]]},
        {"id":"P2","name":"Battery plant","amount_cny":100,"stage":"signed"}]}"#;
    let snapshot = parse_feed(text.as_bytes()).expect("usable");
    let reasons: Vec<String> = snapshot.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "targets[0]: must be a JSON object, not an array",
            "projects[0]: must be a JSON object, not an array",
            "projects[1].approvals[1]: must be a JSON object, not an array (id P1)",
        ]
    );
    let ids: Vec<&str> = snapshot.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["P2"]);
    assert_eq!(snapshot.targets.len(), 1);
    assert_eq!(snapshot.targets[0].quarter, 2);
}

#[test]
fn ids_equal_after_sanitising_are_duplicates() {
    // A zero-width space and an escape sequence vanish when the id is made terminal-safe, so
    // every screen would show three projects called "P1".
    let hidden = project("").replace("\"P1\"", "\"P1\\u200b\"");
    let escaped = project("").replace("\"P1\"", "\"P\\u001b[1m1\"");
    let snapshot = parse_feed(&doc(&[project(""), hidden, escaped])).expect("usable");
    assert_eq!(snapshot.projects.len(), 1);
    let reasons: Vec<String> = snapshot.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "projects[1].id: duplicate id \"P1\" (id P1)",
            "projects[2].id: duplicate id \"P1\" (id P1)",
        ]
    );
}

/// The id set holds places in the accepted list, not ids: a duplicate is found after the set
/// has grown (and rehashed) many times, long ids too, and an id whose record was rejected is
/// free for a later record.
#[test]
fn duplicates_are_found_among_thousands_and_a_rejected_records_id_stays_free() {
    let record = |id: &str, stage: &str| {
        format!(r#"{{"id":"{id}","name":"n","amount_cny":1,"stage":"{stage}"}}"#)
    };
    let long = "长沙-2026-储能电池产业园-0001";
    let mut records: Vec<String> = (0..5000)
        .map(|i| record(&format!("P{i}"), "signed"))
        .collect();
    records.push(record(long, "signed"));
    records.push(record("Q1", "unknown"));
    records.push(record("Q1", "signed"));
    records.push(record("P0", "signed"));
    records.push(record("P4999", "signed"));
    records.push(record(long, "signed"));
    let snapshot = parse_feed(&doc(&records)).expect("usable");
    assert_eq!(snapshot.projects.len(), 5002);
    assert_eq!(snapshot.projects[5001].id.as_str(), "Q1");
    let reasons: Vec<String> = snapshot
        .rejected
        .iter()
        .map(|r| format!("{}: {}", r.path, r.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            "projects[5001].stage: unknown stage \"unknown\" (expected one of negotiating, signed, landed, started, operating, cancelled)".to_owned(),
            "projects[5003].id: duplicate id \"P0\"".to_owned(),
            "projects[5004].id: duplicate id \"P4999\"".to_owned(),
            format!("projects[5005].id: duplicate id {long:?}"),
        ]
    );
}

#[test]
fn a_byte_order_mark_is_accepted_with_a_warning() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(doc(&[project("")]));
    let snapshot = parse_feed(&bytes).expect("a BOM does not make the feed unusable");
    assert_eq!(snapshot.projects.len(), 1);
    assert_eq!(
        snapshot.warnings,
        ["the feed starts with a UTF-8 byte order mark (BOM); it was ignored"]
    );
    // Only at the start: a BOM anywhere else is not JSON.
    let mut inside = doc(&[project("")]);
    inside.splice(1..1, "\u{feff}".bytes());
    assert!(matches!(
        parse_feed(&inside),
        Err(FeedError::NotJson { .. })
    ));
}

/// The records are validated while the envelope is read, in one pass; what the document looks
/// like around them (field order, nulls, repeats, escaped keys) decides as it did in two.
#[test]
fn the_one_pass_read_decides_whole_documents_as_two_passes_did() {
    let record = r#"{"id":"P1","name":"n","amount_cny":1,"stage":"signed"}"#;
    let bad_target = r#"{"year":2026,"quarter":9}"#;
    // Projects before the version and the targets: target rejections still come first.
    let snapshot = parse_feed(
        format!(
            r#"{{"projects":[{record},{{"id":""}}],"targets":[{bad_target}],"schema_version":1}}"#
        )
        .as_bytes(),
    )
    .expect("usable");
    assert_eq!(snapshot.projects.len(), 1);
    let places: Vec<&str> = snapshot
        .rejected
        .iter()
        .map(|r| r.record.as_str())
        .collect();
    assert_eq!(places, ["targets[0]", "projects[1]"]);
    // An escaped key names the same field.
    let escaped = format!(r#"{{"schema_version":1,"proj\u0065cts":[{record}]}}"#);
    assert_eq!(
        parse_feed(escaped.as_bytes()).map(|s| s.projects.len()),
        Ok(1)
    );

    assert_eq!(
        parse_feed(br#"{"schema_version":1,"projects":null}"#),
        Err(FeedError::MissingProjects)
    );
    assert_eq!(
        parse_feed(br#"{"projects":{},"schema_version":2}"#),
        Err(FeedError::UnsupportedVersion { found: "2".into() })
    );
    for (document, message) in [
        (
            r#"{"schema_version":1,"schema_version":1,"projects":[]}"#,
            "duplicate field `schema_version`",
        ),
        (
            r#"{"schema_version":1,"projects":[],"projects":[]}"#,
            "duplicate field `projects`",
        ),
        (
            r#"{"schema_version":1,"generated_at":null,"generated_at":null,"projects":[]}"#,
            "duplicate field `generated_at`",
        ),
    ] {
        let err = parse_feed(document.as_bytes()).expect_err(document);
        assert!(
            matches!(&err, FeedError::WrongShape { field: "document", message: m } if m.starts_with(message)),
            "{document}: {err}"
        );
    }
    assert!(matches!(
        parse_feed(br#"{"schema_version":1,"projects":[]} x"#),
        Err(FeedError::NotJson { .. })
    ));
    assert!(matches!(
        parse_feed(br#"{"schema_version":1,"projects":[{"id":"P1"} {}]}"#),
        Err(FeedError::NotJson { .. })
    ));
}

/// A record serde cannot read stops the one typed pass; the raw reading that follows rejects
/// that record alone, with its place, and keeps the records on either side of it.
#[test]
fn a_record_serde_cannot_read_is_rejected_alone_after_the_typed_pass_stops() {
    let good = |id: &str| format!(r#"{{"id":"{id}","name":"n","amount_cny":1,"stage":"signed"}}"#);
    let bad = r#"{"id":"P2","name":"n","amount_cny":"lots","stage":"signed"}"#.to_owned();
    let snapshot = parse_feed(&doc(&[good("P1"), bad, good("P3"), good("P1")])).expect("usable");
    let ids: Vec<&str> = snapshot.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["P1", "P3"]);
    let rejections: Vec<String> = snapshot.rejected.iter().map(ToString::to_string).collect();
    assert_eq!(rejections.len(), 2, "{rejections:?}");
    assert!(
        rejections[0].starts_with("projects[1].amount_cny: invalid type: string \"lots\""),
        "{rejections:?}"
    );
    assert!(rejections[0].ends_with("(id P2)"), "{rejections:?}");
    assert_eq!(
        rejections[1], "projects[3].id: duplicate id \"P1\" (id P1)",
        "{rejections:?}"
    );
}
