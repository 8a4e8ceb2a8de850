//! `investboard import` and `report` as an office uses them: the real binary on a realistic
//! Chinese ledger (five bad rows), its GBK copy and a workbook made here, and the brief read
//! back (Markdown snapshot, CSV, XLSX through calamine).

use std::path::Path;

use calamine::{Data, Reader as _};
use investboard::feed::parse_feed;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use support::cli::Run;

mod support;

const DATA: &str = "tests/data/office";
const NOW: &str = "2022-02-15T10:00:00+08:00";

/// The binary away from the user's config and locale (`support::cli`), in English unless a
/// test asks for `--lang zh`.
fn investboard(args: &[&str]) -> Run {
    support::cli::investboard(args, &[("LANG", "C.UTF-8")])
}

fn data(name: &str) -> String {
    format!("{DATA}/{name}")
}

fn import_ledger(ledger: &str, extra: &[&str]) -> Run {
    let ledger = data(ledger);
    let approvals = data("approvals-zh.csv");
    let targets = data("targets-zh.csv");
    let mut args = vec![
        "import",
        ledger.as_str(),
        "--approvals",
        approvals.as_str(),
        "--targets",
        targets.as_str(),
        "--now",
        NOW,
    ];
    args.extend_from_slice(extra);
    investboard(&args)
}

#[test]
fn the_ledger_imports_its_good_rows_and_names_each_bad_one() {
    let run = import_ledger("ledger-zh.csv", &["--lang", "en"]);
    assert_eq!(run.code, Some(1), "some rows rejected\n{}", run.stderr);
    let expected_lines = [
        "ledger-zh.csv row 10, 签约日期: invalid date \"2022-02-30\"",
        "ledger-zh.csv row 11, 投资额（亿元）: amount must not be negative: \"-3\"",
        "ledger-zh.csv row 12, 阶段: unknown stage \"规划中\"",
        "ledger-zh.csv row 13, 项目名称: required, but empty",
        "ledger-zh.csv row 14, 项目编号: duplicate id, first used in row 4",
        "approvals-zh.csv row 10, 项目编号: its project \"CS-2022-009\" was rejected",
        "approvals-zh.csv row 11, 项目编号: no project with id \"CS-2022-099\" in the ledger",
        "approvals-zh.csv row 12, 提交日期: invalid date \"2022-02-31\"",
    ];
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), expected_lines.len() + 1, "{}", run.stderr);
    for (line, expected) in lines.iter().zip(expected_lines) {
        assert!(
            line.starts_with(expected),
            "{line:?} should start {expected:?}"
        );
    }
    assert_eq!(
        lines.last().copied(),
        Some("imported 11 projects, 8 approvals, 2 targets from 29 rows; 8 rows rejected")
    );

    // The feed parses with no rejection, and is the expected one.
    let snapshot = parse_feed(run.stdout.as_bytes()).expect("the written feed parses");
    assert!(snapshot.rejected.is_empty(), "{:?}", snapshot.rejected);
    assert!(snapshot.warnings.is_empty(), "{:?}", snapshot.warnings);
    let expected = std::fs::read(data("expected-feed.json")).expect("expected feed");
    assert_eq!(
        snapshot,
        parse_feed(&expected).expect("expected feed parses")
    );
    let by_id = |id: &str| {
        snapshot
            .projects
            .iter()
            .find(|p| p.id.as_str() == id)
            .expect("imported")
    };
    // 120.5 亿, 8,000万 in a 亿 column, a serial-number date.
    assert_eq!(by_id("CS-2022-002").amount.exact_yuan(), "12050000000");
    assert_eq!(by_id("CS-2022-007").amount.exact_yuan(), "80000000");
    assert_eq!(
        by_id("CS-2022-006").signed_on.map(|d| d.to_string()),
        Some("2022-02-07".to_owned())
    );
    assert_eq!(by_id("CS-2022-001").approvals.len(), 2);
}

#[test]
fn problems_are_in_chinese_with_lang_zh() {
    let run = import_ledger("ledger-zh.csv", &["--lang", "zh"]);
    assert!(
        run.stderr
            .contains("ledger-zh.csv 第 14 行，项目编号：编号重复，第 4 行已使用"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("已导入 11 个项目、8 项审批、2 条目标（共 29 行）；8 行未能导入")
    );
}

#[test]
fn a_gbk_ledger_reads_like_its_utf8_original() {
    let utf8 = import_ledger("ledger-zh.csv", &[]);
    let gbk = import_ledger("ledger-gbk.csv", &[]);
    assert_eq!(gbk.code, Some(1), "{}", gbk.stderr);
    assert!(gbk.stdout == utf8.stdout, "same feed from either encoding");
    // --encoding names the encoding of every CSV file: the ledger alone here.
    let alone = |ledger: &str, encoding: &str| {
        investboard(&[
            "import",
            &data(ledger),
            "--now",
            NOW,
            "--encoding",
            encoding,
        ])
    };
    let forced = alone("ledger-gbk.csv", "gbk");
    assert_eq!(forced.code, Some(1), "{}", forced.stderr);
    assert!(forced.stdout == alone("ledger-zh.csv", "utf-8").stdout);
    let wrong = alone("ledger-gbk.csv", "utf-8");
    assert_eq!(wrong.code, Some(2), "{}", wrong.stderr);
    assert!(wrong.stderr.contains("not valid UTF-8"), "{}", wrong.stderr);
}

#[test]
fn write_replaces_the_file_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let feed = dir.path().join("feed.json");
    std::fs::write(&feed, "old").expect("write");
    let path = feed.to_string_lossy().into_owned();
    let run = import_ledger("ledger-zh.csv", &["--write", &path]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "the feed went to the file");
    let snapshot = parse_feed(&std::fs::read(&feed).expect("written")).expect("parses");
    assert_eq!(snapshot.projects.len(), 11);
    let entries = std::fs::read_dir(dir.path()).expect("list").count();
    assert_eq!(entries, 1, "no temporary file left behind");
    let unwritable = import_ledger("ledger-zh.csv", &["--write", "/nonexistent-dir/feed.json"]);
    assert_eq!(unwritable.code, Some(2), "{}", unwritable.stderr);
}

#[test]
fn unusable_ledgers_and_bad_mappings_have_their_exit_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let no_name = dir.path().join("no-name.csv");
    std::fs::write(&no_name, "项目编号,投资额（亿元）,阶段\nX-1,3,签约\n").expect("write");
    let run = investboard(&["import", &no_name.to_string_lossy()]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("no column for projects.name"),
        "{}",
        run.stderr
    );

    let mapping = dir.path().join("mapping.toml");
    std::fs::write(&mapping, "[projects]\nname = \"项目编号\"\n").expect("write");
    let mapped = investboard(&[
        "import",
        &no_name.to_string_lossy(),
        "--mapping",
        &mapping.to_string_lossy(),
        "--now",
        NOW,
    ]);
    assert_eq!(
        mapped.code,
        Some(0),
        "the mapping names the column: {}",
        mapped.stderr
    );

    std::fs::write(&mapping, "[projects]\ntitle = \"名称\"\n").expect("write");
    let bad = investboard(&[
        "import",
        &no_name.to_string_lossy(),
        "--mapping",
        &mapping.to_string_lossy(),
    ]);
    assert_eq!(bad.code, Some(3), "{}", bad.stderr);
    assert!(
        bad.stderr.contains("title: no such field"),
        "{}",
        bad.stderr
    );

    let missing = investboard(&["import", "/nonexistent/ledger.csv"]);
    assert_eq!(missing.code, Some(2), "{}", missing.stderr);
}

/// A workbook as an office keeps it: projects with date cells and numbers, approvals and
/// targets on named sheets, and a notes sheet that is none of them.
fn write_workbook(path: &Path) {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let day = |y, m, d| ExcelDateTime::from_ymd(y, m, d).expect("a real day");
    let projects = workbook.add_worksheet();
    projects.set_name("项目台账").expect("name");
    for (column, header) in (0u16..).zip([
        "项目编号",
        "项目名称",
        "所属区县",
        "投资额（万元）",
        "阶段",
        "签约日期",
        "开工日期",
    ]) {
        projects.write_string(0, column, header).expect("header");
    }
    projects.write_string(1, 0, "X-1").expect("cell");
    projects.write_string(1, 1, "电池材料项目").expect("cell");
    projects.write_string(1, 2, "望城区").expect("cell");
    projects.write_number(1, 3, 350_000.5).expect("cell");
    projects.write_string(1, 4, "已开工").expect("cell");
    projects
        .write_datetime_with_format(1, 5, day(2022, 1, 20), &date)
        .expect("cell");
    projects
        .write_datetime_with_format(1, 6, day(2022, 2, 7), &date)
        .expect("cell");
    projects.write_string(2, 0, "X-2").expect("cell");
    projects.write_string(2, 1, "显示面板项目").expect("cell");
    projects.write_number(2, 3, 80_000).expect("cell");
    projects.write_string(2, 4, "签约").expect("cell");
    // A date typed as a serial number in a General cell.
    projects.write_number(2, 5, 44_571).expect("cell");
    projects.write_string(3, 0, "X-3").expect("cell");
    projects.write_string(3, 1, "坏金额项目").expect("cell");
    projects.write_string(3, 3, "约三亿").expect("cell");
    projects.write_string(3, 4, "签约").expect("cell");

    let notes = workbook.add_worksheet();
    notes.set_name("说明").expect("name");
    notes
        .write_string(0, 0, "填表说明：金额单位为万元")
        .expect("cell");

    let approvals = workbook.add_worksheet();
    approvals.set_name("审批").expect("name");
    for (column, header) in (0u16..).zip(["项目编号", "审批事项", "审批部门", "提交日期", "状态"])
    {
        approvals.write_string(0, column, header).expect("header");
    }
    approvals.write_string(1, 0, "X-1").expect("cell");
    approvals.write_string(1, 1, "施工许可").expect("cell");
    approvals
        .write_string(1, 2, "市住房和城乡建设局")
        .expect("cell");
    approvals
        .write_datetime_with_format(1, 3, day(2022, 1, 27), &date)
        .expect("cell");
    approvals.write_string(1, 4, "办理中").expect("cell");

    let targets = workbook.add_worksheet();
    targets.set_name("目标").expect("name");
    for (column, header) in (0u16..).zip(["年度", "季度", "签约项目数", "签约金额（亿元）"])
    {
        targets.write_string(0, column, header).expect("header");
    }
    targets.write_number(1, 0, 2022).expect("cell");
    targets.write_number(1, 1, 1).expect("cell");
    targets.write_number(1, 2, 10).expect("cell");
    targets.write_number(1, 3, 12.35).expect("cell");
    workbook.save(path).expect("workbook saved");
}

#[test]
fn an_xlsx_ledger_with_its_approvals_and_targets_sheets_imports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ledger = dir.path().join("台账.xlsx");
    write_workbook(&ledger);
    let run = investboard(&[
        "import",
        &ledger.to_string_lossy(),
        "--now",
        NOW,
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("台账.xlsx:项目台账 row 4, 投资额（万元）: not an amount: \"约三亿\""),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("台账.xlsx:说明: not a projects, approvals or targets table")
    );
    let snapshot = parse_feed(run.stdout.as_bytes()).expect("parses");
    assert!(snapshot.rejected.is_empty(), "{:?}", snapshot.rejected);
    let ids: Vec<&str> = snapshot.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["X-1", "X-2"]);
    let first = &snapshot.projects[0];
    // 350000.5 万元 exactly, date cells as days.
    assert_eq!(first.amount.exact_yuan(), "3500005000");
    assert_eq!(
        first.signed_on.map(|d| d.to_string()).as_deref(),
        Some("2022-01-20")
    );
    assert_eq!(
        first.started_on.map(|d| d.to_string()).as_deref(),
        Some("2022-02-07")
    );
    assert_eq!(first.approvals.len(), 1);
    assert_eq!(first.approvals[0].submitted_on.to_string(), "2022-01-27");
    assert_eq!(
        snapshot.projects[1]
            .signed_on
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-01-10")
    );
    let target = snapshot.target_for(2022, 1).expect("Q1 target");
    assert_eq!(target.signed_projects, Some(10));
    assert_eq!(
        target
            .signed_amount
            .map(investboard::domain::amount::Amount::exact_yuan)
            .as_deref(),
        Some("1235000000")
    );
}

fn report(args: &[&str]) -> Run {
    let feed = data("expected-feed.json");
    let mut all = vec!["report", "--feed", feed.as_str(), "--now", NOW];
    all.extend_from_slice(args);
    investboard(&all)
}

#[test]
fn the_markdown_brief_in_chinese() {
    let run = report(&["--lang", "zh"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    insta::assert_snapshot!("report_markdown_zh", run.stdout);
}

#[test]
fn the_markdown_brief_in_english() {
    let run = report(&["--lang", "en", "--format", "markdown"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    insta::assert_snapshot!("report_markdown_en", run.stdout);
}

#[test]
fn the_brief_has_the_figures_status_has() {
    let status = investboard(&[
        "status",
        "--format",
        "json",
        "--feed",
        &data("expected-feed.json"),
        "--now",
        NOW,
    ]);
    let json: serde_json::Value = serde_json::from_str(&status.stdout).expect("status JSON");
    let stalled = json["stalled_approvals"].as_array().map_or(0, Vec::len);
    let quarter_signed = json["quarter"]["signed_projects"]
        .as_u64()
        .unwrap_or_default();
    let brief = report(&["--lang", "en"]).stdout;
    assert!(
        brief.contains(&format!("{stalled} stalled approvals in 3 departments")),
        "{brief}"
    );
    assert!(
        brief.contains(&format!(
            "2022 Q1 to date: {quarter_signed} projects, 36.14 bn"
        )),
        "{brief}"
    );
    assert_eq!(stalled, 5);
    assert_eq!(quarter_signed, 8);
}

#[test]
fn the_csv_brief_starts_with_a_bom_and_keeps_every_section() {
    let run = report(&["--lang", "zh", "--format", "csv"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stdout.starts_with('\u{feff}'), "UTF-8 BOM first");
    let text = run.stdout;
    for title in [
        "超期审批（按部门）",
        "本周签约",
        "本季度签约",
        "目标进度",
        "项目推进",
    ] {
        assert!(
            text.contains(&format!("\r\n{title}\r\n")),
            "{title} in\n{text}"
        );
    }
    assert!(text.contains(
        "市住房和城乡建设局,先进电池材料项目 (CS-2022-014),施工许可,2022-01-11,22/5,17\r\n"
    ));
}

#[test]
fn the_xlsx_brief_reads_back_one_sheet_per_section() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = dir.path().join("brief.xlsx");
    let run = report(&[
        "--lang",
        "zh",
        "--format",
        "xlsx",
        "--output",
        &output.to_string_lossy(),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&output).expect("an xlsx");
    assert_eq!(
        workbook.sheet_names(),
        [
            "概况",
            "超期审批（按部门）",
            "本周签约",
            "本季度签约",
            "目标进度",
            "项目推进"
        ]
    );
    let stalled = workbook
        .worksheet_range("超期审批（按部门）")
        .expect("sheet");
    assert_eq!(
        stalled.get_value((0, 0)),
        Some(&Data::String("超期审批（按部门）".into()))
    );
    assert_eq!(
        stalled.get_value((3, 0)),
        Some(&Data::String("部门".into()))
    );
    assert_eq!(
        stalled.get_value((4, 0)),
        Some(&Data::String("市住房和城乡建设局".into()))
    );
    assert_eq!(
        stalled.get_value((4, 5)),
        Some(&Data::Float(17.0)),
        "overdue as a number"
    );
    let pipeline = workbook.worksheet_range("项目推进").expect("sheet");
    assert_eq!(
        pipeline.get_value((4, 0)),
        Some(&Data::String("洽谈".into()))
    );
    assert_eq!(pipeline.get_value((4, 1)), Some(&Data::Float(1.0)));
    assert_eq!(pipeline.get_value((5, 2)), Some(&Data::Float(175.0)));

    let english = dir.path().join("brief-en.xlsx");
    let run = report(&[
        "--lang",
        "en",
        "--format",
        "xlsx",
        "--output",
        &english.to_string_lossy(),
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&english).expect("an xlsx");
    assert_eq!(workbook.sheet_names()[1], "Stalled approvals by department");
    let targets = workbook
        .worksheet_range("Targets against pace")
        .expect("sheet");
    assert_eq!(
        targets.get_value((3, 0)),
        Some(&Data::String("Metric".into()))
    );
}

#[test]
fn xlsx_needs_an_output_file_and_a_bad_feed_is_critical() {
    let run = report(&["--format", "xlsx"]);
    assert_eq!(run.code, Some(3), "{}", run.stderr);
    let bad = investboard(&["report", "--feed", "Cargo.toml", "--now", NOW]);
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
}
