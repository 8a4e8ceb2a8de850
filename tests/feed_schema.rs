//! The documented JSON Schema (docs/feed.schema.json) accepts the embedded demo feed and the
//! fixtures, and refuses documents the parser refuses as a whole.

use chrono::DateTime;
use investboard::demo::DemoFeed;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../docs/feed.schema.json")).expect("schema is JSON");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

fn errors(document: &serde_json::Value) -> Vec<String> {
    validator()
        .iter_errors(document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_demo_feed_matches_the_schema() {
    let now = DateTime::parse_from_rfc3339("2026-11-29T10:00:00+08:00").expect("time");
    let feed = DemoFeed::new(2026, now, 420);
    for later in [0, 3_600] {
        let at = now + chrono::Duration::seconds(later);
        let document: serde_json::Value =
            serde_json::from_slice(&feed.document_at(at)).expect("demo is JSON");
        assert_eq!(errors(&document), Vec::<String>::new());
    }
}

#[test]
fn the_fixtures_match_the_schema() {
    let document: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/hand_count.json")).expect("JSON");
    assert_eq!(errors(&document), Vec::<String>::new());
}

#[test]
fn the_schema_refuses_what_the_contract_refuses() {
    let bad = [
        r#"{"projects":[]}"#,
        r#"{"schema_version":2,"projects":[]}"#,
        r#"{"schema_version":1}"#,
        r#"{"schema_version":1,"projects":[{"id":"P","name":"n","amount_cny":-1,"stage":"signed"}]}"#,
        r#"{"schema_version":1,"projects":[{"id":"P","name":"n","amount_cny":1,"stage":"won"}]}"#,
        r#"{"schema_version":1,"projects":[{"id":"P","name":"n","amount_cny":1,"stage":"signed","signed_on":"2022/01/01"}]}"#,
        r#"{"schema_version":1,"projects":[{"id":"P","name":"n","amount_cny":1,"stage":"signed","approvals":[{"id":"A","status":"pending"}]}]}"#,
    ];
    for text in bad {
        let document: serde_json::Value = serde_json::from_str(text).expect("JSON");
        assert!(!errors(&document).is_empty(), "schema accepted {text}");
    }
}
