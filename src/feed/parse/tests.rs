//! The chunked parse against itself and against hand-written expectations: every chunk size
//! (down to one byte, so every character, escape and token is cut somewhere) gives exactly
//! what the whole document gives, for good documents and broken ones; syntax errors are named
//! and placed as `serde_json` names and places them in the whole document.

use proptest::prelude::*;

use super::*;

/// The document in chunks of `size` bytes, borrowed and owned (both must agree).
fn in_chunks(bytes: &[u8], size: usize) -> Result<Snapshot, FeedError> {
    let borrowed = parse_chunks(bytes.chunks(size.max(1)).map(Chunk::Borrowed));
    let owned = parse_chunks(
        bytes
            .chunks(size.max(1))
            .map(|chunk| Chunk::Owned(chunk.to_vec())),
    );
    assert_eq!(borrowed, owned, "borrowed and owned chunks of {size} bytes");
    borrowed
}

/// The same document read whole, as a body of 1 MiB chunks, and in chunks of 1 to 7 bytes,
/// 64 and 4 KiB: all must agree. Returns the whole read.
fn agreed(bytes: &[u8]) -> Result<Snapshot, FeedError> {
    let whole = parse_feed(bytes);
    assert_eq!(
        parse_body(Body::from(bytes)),
        whole,
        "owned chunks of {:?}",
        String::from_utf8_lossy(bytes)
    );
    for size in (1..=7).chain([64, 4096]) {
        assert_eq!(
            in_chunks(bytes, size),
            whole,
            "chunks of {size} bytes of {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
    whole
}

/// What `serde_json` says of the whole document read as the envelope (records raw, unknown
/// fields ignored), where it is not JSON: how whole-document errors were always named.
fn serde_says(bytes: &[u8]) -> Option<String> {
    serde_json::from_slice::<Envelope<'_>>(bytes)
        .err()
        .filter(|e| !e.is_data())
        .map(|e| e.to_string())
}

#[derive(Debug, serde::Deserialize)]
struct Envelope<'a> {
    #[serde(default, borrow)]
    #[expect(dead_code, reason = "read for its errors only")]
    schema_version: Option<&'a RawValue>,
    #[serde(default, borrow)]
    #[expect(dead_code, reason = "read for its errors only")]
    generated_at: Option<&'a RawValue>,
    #[serde(default, borrow)]
    #[expect(dead_code, reason = "read for its errors only")]
    targets: Option<&'a RawValue>,
    #[serde(default, borrow)]
    #[expect(dead_code, reason = "read for its errors only")]
    projects: Option<&'a RawValue>,
}

const FEED: &str = r#"{"schema_version": 1, "generated_at": "2026-11-29T10:00:00+08:00",
 "targets": [{"year": 2026, "quarter": 4, "signed_projects": 3}],
 "projects": [
  {"id": "P1", "name": "储能电池产业园 \"一期\" \\ \u4e2d\ud83d\ude00", "amount_cny": 12.5, "stage": "signed",
   "signed_on": "2026-03-01", "district": "岳麓区",
   "approvals": [{"id": "A1", "submitted_on": "2026-03-02", "status": "pending", "item": "用地预审"}]},
  {"id": "P2", "name": "🚀 x", "amount_cny": 1e3, "stage": "bogus"},
  {"id": "P1", "name": "again", "amount_cny": 1, "stage": "signed"},
  [1, 2],
  {"id": 7, "name": "typed wrong", "amount_cny": 1, "stage": "signed"},
  {"id": "P3", "name": "数据中心", "amount_cny": 99999999999999.99, "stage": "landed", "unknown": {"deep": [1, {"x": "}]"}]}}
 ],
 "extra": "ignored ]}"}
"#;

#[test]
fn a_feed_cut_anywhere_reads_as_it_reads_whole() {
    let snapshot = agreed(FEED.as_bytes()).expect("usable");
    let ids: Vec<&str> = snapshot.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["P1", "P3"]);
    assert_eq!(
        snapshot.projects[0].name.as_str(),
        "储能电池产业园 \"一期\" \\ 中😀"
    );
    let rejected: Vec<(&str, &str)> = snapshot
        .rejected
        .iter()
        .map(|r| (r.record.as_str(), r.path.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            ("projects[1]", "projects[1].stage"),
            ("projects[2]", "projects[2].id"),
            ("projects[3]", "projects[3]"),
            ("projects[4]", "projects[4].id"),
        ]
    );
    assert_eq!(snapshot.targets.len(), 1);
    assert!(snapshot.generated_at.is_some());
    assert_eq!(snapshot.warnings, Vec::<String>::new());
}

#[test]
fn a_byte_order_mark_is_skipped_however_it_is_cut() {
    let with_bom = [&b"\xEF\xBB\xBF"[..], FEED.as_bytes()].concat();
    let snapshot = agreed(&with_bom).expect("usable");
    assert_eq!(snapshot.projects.len(), 2);
    assert_eq!(snapshot.warnings.len(), 1, "{:?}", snapshot.warnings);
    // Places are counted from after the mark, as before.
    let broken = [&b"\xEF\xBB\xBF"[..], b"{\"a\": x}"].concat();
    assert_eq!(
        agreed(&broken),
        Err(FeedError::NotJson {
            message: "expected value at line 1 column 7".to_owned()
        })
    );
}

#[test]
fn a_feed_cut_short_anywhere_is_not_json_where_it_ends() {
    let bytes = FEED.trim_end().as_bytes();
    for len in 1..bytes.len() {
        let Ok(prefix) = std::str::from_utf8(&bytes[..len]) else {
            assert!(matches!(
                agreed(&bytes[..len]),
                Err(FeedError::NotUtf8 { .. })
            ));
            continue;
        };
        let error = agreed(prefix.as_bytes()).expect_err("cut short");
        assert!(
            matches!(error, FeedError::NotJson { .. }),
            "{len}: {error:?}"
        );
        // "EOF while parsing ...", or "invalid number" for `12.` and the like.
        let message = error.to_string().replacen("feed is not JSON: ", "", 1);
        assert!(message.contains(" at line "), "{len}: {message}");
        assert_eq!(Some(message), serde_says(prefix.as_bytes()), "{len}");
    }
}

#[test]
fn syntax_errors_are_named_and_placed_as_serde_json_names_them() {
    let documents = [
        "{",
        "{\n\"projects\"",
        "{\"projects\" 1}",
        "{\"projects\":",
        "{\"schema_version\": 1",
        "{\"schema_version\": 1 2}",
        "{\"schema_version\": 1,",
        "{\"schema_version\": 1,}",
        "{\"schema_version\": 1, 2: 3}",
        "{1: 2}",
        "{} x",
        "{}\n\n  }",
        "{\"projects\": [",
        "{\"projects\": [{}",
        "{\"projects\": [{} {}]}",
        "{\"projects\": [{},]}",
        "{\"projects\": [{},",
        "{\"projects\": [{\"id\": tru}]}",
        "{\"projects\": [\n  {\"id\": \"P1\",\n   \"name\": \"a\nb\"}]}",
        "{\"projects\": [{\"id\": \"\\q\"}]}",
        "{\"targets\": [1, }",
        "{\"other\": {\"a\": [1 2]}}",
        "{\"projects\": []}\n\"more\"",
    ];
    for document in documents {
        let expected = serde_says(document.as_bytes()).expect("not JSON");
        assert_eq!(
            agreed(document.as_bytes()),
            Err(FeedError::NotJson { message: expected }),
            "{document:?}"
        );
    }
}

#[test]
fn a_field_given_twice_is_named_where_serde_names_it() {
    for document in [
        "{\"projects\": [], \"projects\": []}",
        "{\"projects\": null,\n \"projects\" : []}",
        "{\"schema_version\": 1, \"targets\": 2, \"targets\"}",
    ] {
        let serde = serde_json::from_str::<Envelope<'_>>(document)
            .expect_err("given twice")
            .to_string();
        assert_eq!(
            agreed(document.as_bytes()),
            Err(FeedError::WrongShape {
                field: "document",
                message: serde
            }),
            "{document:?}"
        );
    }
}

#[test]
fn whole_document_errors_keep_their_meaning_however_cut() {
    let cases: [(&[u8], FeedError); 9] = [
        (b"", FeedError::Empty),
        (b" \n\t ", FeedError::Empty),
        (b"\n <html>", FeedError::LooksLikeHtml),
        (b"[1, 2]", FeedError::NotAnObject),
        (b"{\"projects\": []}", FeedError::MissingSchemaVersion),
        (b"{\"schema_version\": 1}", FeedError::MissingProjects),
        (
            b"{\"schema_version\": 1, \"projects\": null}",
            FeedError::MissingProjects,
        ),
        (
            b"{\"schema_version\": 2, \"projects\": {}}",
            FeedError::UnsupportedVersion {
                found: "2".to_owned(),
            },
        ),
        (
            b"{\"schema_version\": 1, \"projects\": {\"a\": 1}}",
            FeedError::WrongShape {
                field: "projects",
                message: "invalid type: map, expected a sequence".to_owned(),
            },
        ),
    ];
    for (document, expected) in cases {
        assert_eq!(
            agreed(document),
            Err(expected),
            "{:?}",
            String::from_utf8_lossy(document)
        );
    }
    assert_eq!(
        agreed(b"\n\n  x"),
        Err(FeedError::NotJson {
            message: "expected value at line 3 column 3".to_owned()
        })
    );
}

#[test]
fn a_byte_that_is_not_utf8_is_found_first_wherever_it_is() {
    let mut bytes = FEED.as_bytes().to_vec();
    // After a syntax error early on, and cut across a character.
    bytes[1] = b'x';
    let bad = FEED.find("数据中心").expect("there") + 1;
    bytes[bad] = b'A';
    assert_eq!(agreed(&bytes), Err(FeedError::NotUtf8 { offset: bad - 1 }));
    // A character cut off at the very end.
    let cut = [FEED.as_bytes(), "中".as_bytes()].concat();
    assert_eq!(
        agreed(&cut[..cut.len() - 1]),
        Err(FeedError::NotUtf8 { offset: FEED.len() })
    );
}

/// A feed of `n` records with text that crosses chunk boundaries in every way.
fn generated(n: usize) -> String {
    let records: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id": "P{i}", "name": "项目 {i} \"q\" \\ \u00e9 😀", "amount_cny": {i}.5, "stage": "signed", "district": "岳麓区", "approvals": [{{"id": "A{i}", "submitted_on": "2026-01-0{}", "status": "pending"}}]}}"#,
                i % 9 + 1
            )
        })
        .collect();
    format!(
        "{{\"schema_version\": 1,\n\"projects\": [\n{}\n]}}\n",
        records.join(",\n")
    )
}

#[derive(Clone, Debug)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
}

fn mutated(document: &[u8], mutation: &Mutation) -> Vec<u8> {
    let mut bytes = document.to_vec();
    let at = |i: usize| i % (bytes.len() + 1);
    match *mutation {
        Mutation::Truncate(i) => bytes.truncate(at(i)),
        Mutation::Flip(i, byte) => {
            let i = at(i).min(bytes.len().saturating_sub(1));
            if let Some(b) = bytes.get_mut(i) {
                *b = byte;
            }
        }
        Mutation::Insert(i, byte) => {
            let i = at(i);
            bytes.insert(i, byte);
        }
        Mutation::Delete(i, n) => {
            let i = at(i);
            let end = (i + n).min(bytes.len());
            bytes.drain(i..end);
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![
        Just(b'"'),
        Just(b'\\'),
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(b']'),
        Just(b','),
        Just(b':'),
        Just(b' '),
        Just(b'1'),
        Just(0xE4),
        Just(0x80),
        any::<u8>(),
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), byte.clone()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1..40_usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_chunking_reads_a_generated_feed_as_whole(n in 0..12_usize, size in 1..64_usize) {
        let document = generated(n);
        let whole = parse_feed(document.as_bytes());
        prop_assert_eq!(&in_chunks(document.as_bytes(), size), &whole);
        let whole = whole.expect("a generated feed is usable");
        prop_assert_eq!(whole.projects.len(), n);
        prop_assert!(whole.rejected.is_empty());
    }

    #[test]
    fn any_chunking_reads_a_mutated_feed_as_whole(
        n in 1..6_usize,
        mutations in proptest::collection::vec(mutation(), 1..4),
        size in 1..9_usize,
    ) {
        let mut document = generated(n).into_bytes();
        for m in &mutations {
            document = mutated(&document, m);
        }
        let whole = parse_feed(&document);
        prop_assert_eq!(&in_chunks(&document, size), &whole);
        prop_assert_eq!(&parse_body(Body::from(document.as_slice())), &whole);
        // Where serde_json finds an object is not JSON, so do we, at the same place.
        let object = document.trim_ascii_start().starts_with(b"{");
        match (serde_says(&document).filter(|_| object), &whole) {
            (Some(serde), Err(FeedError::NotJson { message })) => prop_assert_eq!(&serde, message),
            (None, Err(FeedError::NotJson { message })) if object => {
                prop_assert!(false, "serde_json reads it, we say {}", message);
            }
            _ => {}
        }
    }
}
