//! Bytes per accepted project, on the two record shapes of issue 14 (the same records as
//! `scripts/gen-scale-feeds.py` writes): small records (id, name, amount, stage, a signing date
//! in one of four) and full ones (a Chinese name, district, zone, chain, three approvals).
//!
//! Measured as the process's resident memory (Linux `/proc/self/status`): `VmRSS` grown while
//! the parsed snapshot is held, over the document already in memory. Not with a counting
//! allocator: a `GlobalAlloc` needs unsafe code, which the crate forbids. Each shape is
//! measured in a fresh process (this bench runs itself again) that only reads the document
//! from a file, so no memory freed before the parse (the generator's strings, another parse)
//! can be reused unseen. The parse's transient peak (the id set, the label maps) is
//! what `scripts/status-e2e.sh --ratios` reads as peak RSS of the real commands; `VmHWM`
//! reset through `/proc/self/clear_refs` read the same as `VmRSS` here, so it is not shown.
//!
//! Goal: a small record costs at most 140 bytes held (about 272 before round three, computed
//! from the sizes; 152 after it, the investor kept in the struct for the filter's speed: see
//! docs/performance.md, "Round three: a compact project").
//!
//! `cargo bench --bench memory` (2,000,000 small records, 100,000 full ones; `-- --test`:
//! a tenth of that).

use std::process::Command;

use investboard::domain::model::{Approval, Project, ProjectDetails};
use investboard::feed::parse_feed;

const DOCUMENT_VARIABLE: &str = "INVESTBOARD_BENCH_MEMORY_DOCUMENT";
const SMALL_GOAL_BYTES: f64 = 140.0;

// The generator script's word lists (scripts/gen-scale-feeds.py), space-separated.
const STAGES: &str = "negotiating signed landed started operating cancelled";
const DISTRICTS: &str = "岳麓区 芙蓉区 天心区 开福区 雨花区 望城区 长沙县 浏阳市 宁乡市";
const ZONES: &str = "湘江新区 长沙经开区 高新区 临空经济示范区 金霞经开区";
const CHAINS: &str = "新能源 工程机械 电子信息 生物医药 新材料 汽车及零部件 文化创意 先进储能 \
                      航空航天 食品加工 现代物流 数字经济";
const ITEMS: &str = "用地预审 环评批复 施工许可 规划许可 能评审查 消防设计审查";
const DEPARTMENTS: &str =
    "自然资源和规划局 生态环境局 住房和城乡建设局 发展和改革委员会 应急管理局";
const NAMES: &str = "储能电池产业园 智能装备制造基地 生物医药研发中心 新材料产业园 数据中心 \
                     汽车零部件项目 冷链物流园 总部大楼";

/// The `i`th word of a list, cycling as the script's `LIST[i % len(LIST)]` does.
fn word(list: &str, i: usize) -> &str {
    let count = list.split_whitespace().count();
    list.split_whitespace().nth(i % count).unwrap_or_default()
}

/// A date of 2026 from a day number, as the generator script writes it.
fn date(day: usize) -> String {
    let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut day = day % 334;
    let mut month = 0;
    while day >= lengths[month] {
        day -= lengths[month];
        month += 1;
    }
    format!("2026-{:02}-{:02}", month + 1, day + 1)
}

fn small_record(i: usize) -> String {
    let signed = if i % 4 == 1 {
        format!(r#","signed_on":"{}""#, date(i % 330))
    } else {
        String::new()
    };
    format!(
        r#"{{"id":"S{i:07}","name":"P{i:07}","amount_cny":{},"stage":"{}"{signed}}}"#,
        (i % 97 + 1) * 1000,
        word(STAGES, i)
    )
}

fn full_record(i: usize) -> String {
    let stage = word(STAGES, i);
    let mut fields = vec![
        format!(r#""id":"CS-2026-{i:06}""#),
        format!(r#""name":"长沙{}{i}号""#, word(NAMES, i)),
        format!(r#""district":"{}""#, word(DISTRICTS, i)),
        format!(r#""zone":"{}""#, word(ZONES, i)),
        format!(r#""chain":"{}""#, word(CHAINS, i)),
        format!(r#""amount_cny":{}"#, (i % 997 + 1) * 3_000_000),
        format!(r#""stage":"{stage}""#),
    ];
    if i.is_multiple_of(7) {
        fields.push(r#""top500":["fortune_global"]"#.to_owned());
    }
    if stage != "negotiating" {
        fields.push(format!(r#""signed_on":"{}""#, date(i % 330)));
    }
    if matches!(stage, "started" | "operating") {
        fields.push(format!(r#""started_on":"{}""#, date(i % 330 + 3)));
    }
    let approvals: Vec<String> = (0..3)
        .map(|k| {
            let n = i * 3 + k;
            let pending = n % 11 < 3;
            let status = match (pending, n % 11 < 10) {
                (true, _) => "pending",
                (false, true) => "approved",
                (false, false) => "withdrawn",
            };
            let decided = if pending {
                String::new()
            } else {
                format!(r#","decided_on":"{}""#, date(n % 300 + 5))
            };
            format!(
                r#"{{"id":"A{}","item":"{}","department":"{}","submitted_on":"{}"{decided},"status":"{status}"}}"#,
                k + 1,
                word(ITEMS, n),
                word(DEPARTMENTS, n),
                date(n % 300)
            )
        })
        .collect();
    fields.push(format!(r#""approvals":[{}]"#, approvals.join(",")));
    format!("{{{}}}", fields.join(","))
}

/// Writes one record of a shape from its number.
type Record = fn(usize) -> String;

fn document(count: usize, record: Record) -> Vec<u8> {
    let records: Vec<String> = (0..count).map(record).collect();
    format!(
        r#"{{"schema_version":1,"generated_at":"2026-11-29T10:00:00+08:00","projects":[{}]}}"#,
        records.join(",\n")
    )
    .into_bytes()
}

/// A `kB` field of `/proc/self/status`, in bytes.
fn status_bytes(field: &str) -> usize {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux /proc");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|rest| rest.trim().trim_end_matches(" kB").parse::<usize>().ok())
        .map(|kib| kib * 1024)
        .expect("a kB field")
}

fn quick() -> bool {
    std::env::args().any(|a| a == "--test")
}

/// In the child process: parse the document, print `projects held_bytes document_bytes`.
fn measure(path: &str) {
    let bytes = std::fs::read(path).expect("the parent wrote the document");
    let before = status_bytes("VmRSS");
    let snapshot = parse_feed(&bytes).expect("the generated feed parses");
    let held = status_bytes("VmRSS").saturating_sub(before);
    assert!(snapshot.rejected.is_empty(), "every record accepted");
    println!("{} {held} {}", snapshot.projects.len(), bytes.len());
}

#[expect(clippy::cast_precision_loss, reason = "bytes per project, for display")]
fn main() {
    if let Ok(path) = std::env::var(DOCUMENT_VARIABLE) {
        measure(&path);
        return;
    }
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    println!(
        "size_of: Project {} bytes, ProjectDetails {}, Approval {}",
        size_of::<Project>(),
        size_of::<ProjectDetails>(),
        size_of::<Approval>()
    );
    println!();
    println!("== memory: resident bytes per accepted project (the document not counted) ==");
    let scale = if quick() { 10 } else { 1 };
    let shapes: [(&str, usize, Record); 2] = [
        ("small", 2_000_000 / scale, small_record),
        ("full", 100_000 / scale, full_record),
    ];
    for (shape, count, record) in shapes {
        let path = std::env::temp_dir().join(format!(
            "investboard-bench-memory-{shape}-{}.json",
            std::process::id()
        ));
        std::fs::write(&path, document(count, record)).expect("a temporary file");
        let output = Command::new(std::env::current_exe().expect("this bench"))
            .env(DOCUMENT_VARIABLE, &path)
            .output()
            .expect("the bench runs itself");
        std::fs::remove_file(&path).expect("the temporary file goes");
        assert!(output.status.success(), "{output:?}");
        let line = String::from_utf8_lossy(&output.stdout);
        let figures: Vec<usize> = line
            .split_whitespace()
            .filter_map(|f| f.parse().ok())
            .collect();
        assert_eq!(figures.len(), 3, "unexpected output {line:?}");
        let (count, held, document) = (figures[0], figures[1], figures[2]);
        let per = |bytes: usize| bytes as f64 / count as f64;
        let goal = match shape {
            "small" if per(held) <= SMALL_GOAL_BYTES => {
                format!("goal <= {SMALL_GOAL_BYTES} bytes: met")
            }
            "small" => format!("goal <= {SMALL_GOAL_BYTES} bytes: MISSED"),
            _ => String::new(),
        };
        println!(
            "bytes  {shape:<5} records ({count}, document {:.1} MB): {:.0} per project held, \
             {:.2}x the document  {goal}",
            document as f64 / 1e6,
            per(held),
            held as f64 / document as f64,
        );
    }
}
