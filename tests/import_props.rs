//! Whatever a ledger holds, the feed `import` writes parses with no rejection and holds exactly
//! the rows `import` accepted: cells drawn from valid values, near misses and hostile text.

use chrono::DateTime;
use investboard::feed::parse_feed;
use investboard::import::{Encoding, Mapping, Source, import};
use proptest::prelude::*;

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("2022-01-20".to_owned()),
        Just("2022年2月30日".to_owned()),
        Just("44581".to_owned()),
        Just("已开工".to_owned()),
        Just("规划中".to_owned()),
        Just("12.5".to_owned()),
        Just("-3".to_owned()),
        Just("8000万".to_owned()),
        Just("0.000000001".to_owned()),
        Just("X-1".to_owned()),
        Just("X-1 ".to_owned()),
        Just("X\u{1b}[31m-1".to_owned()),
        Just("世界500强、中国500强".to_owned()),
        Just("\"quoted, with comma\"".to_owned()),
        "[a-z0-9 ]{0,12}",
        "\\PC{0,8}",
    ]
}

fn csv_field(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_written_feed_holds_exactly_the_accepted_rows(
        rows in prop::collection::vec(prop::collection::vec(cell(), 7), 0..12)
    ) {
        let mut text = "项目编号,项目名称,投资额（亿元）,阶段,签约日期,开工日期,500强\n".to_owned();
        for row in &rows {
            let fields: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
            text.push_str(&fields.join(","));
            text.push('\n');
        }
        let now = DateTime::parse_from_rfc3339("2022-02-15T10:00:00+08:00").expect("a time");
        let imported = import(
            Source { name: "ledger.csv".to_owned(), bytes: text.into_bytes() },
            None,
            None,
            Encoding::Auto,
            &Mapping::default(),
            now,
        ).expect("a ledger with its columns is usable");
        let snapshot = parse_feed(&imported.document).expect("the feed parses");
        prop_assert!(snapshot.rejected.is_empty(), "{:?}", snapshot.rejected);
        prop_assert_eq!(snapshot.projects.len(), imported.records.projects.len());
        let rejected_rows: std::collections::BTreeSet<u32> =
            imported.records.problems.iter().map(|p| p.row).collect();
        prop_assert_eq!(snapshot.projects.len() + rejected_rows.len(), imported.records.rows);
    }
}
