//! The report's own words in English and Chinese: section titles, column headers and notes.
//! Words the dashboard shares (stages, progress, metric names, units) come from `i18n`; these
//! are only the report's, one struct per language so a missing label does not compile.

use crate::lang::Lang;

pub struct ReportLabels {
    pub title: fn(date: &str) -> String,
    pub overview: &'static str,
    pub feed_line: fn(source: &str, generated: &str, projects: usize, rejected: usize) -> String,
    pub not_stamped: &'static str,
    pub rejected_note: fn(rejected: usize) -> String,
    pub provisional_note: fn(years: &str) -> String,
    pub quarter_line: fn(year: i32, quarter: u8, elapsed: &str, days_left: u32) -> String,
    pub stalled_title: &'static str,
    pub stalled_note: fn(stalled: usize, departments: usize, pending: u32) -> String,
    pub none: &'static str,
    pub department: &'static str,
    pub project: &'static str,
    pub item: &'static str,
    pub submitted: &'static str,
    pub days_of_limit: &'static str,
    pub overdue: &'static str,
    pub week_title: &'static str,
    pub week_note: fn(from: &str, to: &str, count: usize, amount: &str) -> String,
    pub quarter_title: &'static str,
    pub quarter_note: fn(year: i32, quarter: u8, count: u32, amount: &str) -> String,
    pub signed_on: &'static str,
    pub investor: &'static str,
    pub district: &'static str,
    pub chain: &'static str,
    pub amount: &'static str,
    pub targets_title: &'static str,
    pub metric: &'static str,
    pub actual: &'static str,
    pub target: &'static str,
    pub share: &'static str,
    pub pace: &'static str,
    pub progress: &'static str,
    pub pipeline_title: &'static str,
    pub stage: &'static str,
    pub projects: &'static str,
    pub median_note: fn(days: &str, measured: u32) -> String,
    pub no_median: &'static str,
}

pub fn labels(lang: Lang) -> &'static ReportLabels {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

fn plural(count: u64) -> &'static str {
    if count == 1 { "project" } else { "projects" }
}

static EN: ReportLabels = ReportLabels {
    title: |date| format!("Investment promotion brief, {date}"),
    overview: "Overview",
    feed_line: |source, generated, projects, rejected| {
        format!("Feed: {source} (generated {generated}; {projects} projects, {rejected} rejected)")
    },
    not_stamped: "time not stated",
    rejected_note: |rejected| {
        format!(
            "{rejected} records of the feed were rejected: the figures leave them out (investboard check-feed lists them)"
        )
    },
    provisional_note: |years| {
        format!(
            "Working days in {years} are counted on the provisional calendar (weekends and statutory holidays)"
        )
    },
    quarter_line: |year, quarter, elapsed, days_left| {
        format!("Quarter: {year} Q{quarter}, {elapsed} elapsed, {days_left} days left")
    },
    stalled_title: "Stalled approvals by department",
    stalled_note: |stalled, departments, pending| {
        format!(
            "{stalled} stalled approvals in {departments} departments ({pending} pending in all)"
        )
    },
    none: "None.",
    department: "Department",
    project: "Project",
    item: "Item",
    submitted: "Submitted",
    days_of_limit: "Working days/limit",
    overdue: "Overdue (working days)",
    week_title: "Signings this week",
    week_note: |from, to, count, amount| {
        format!("{from} to {to}: {count} {}, {amount}", plural(count as u64))
    },
    quarter_title: "Signings this quarter",
    quarter_note: |year, quarter, count, amount| {
        format!(
            "{year} Q{quarter} to date: {count} {}, {amount}",
            plural(u64::from(count))
        )
    },
    signed_on: "Signed",
    investor: "Investor",
    district: "District",
    chain: "Chain",
    amount: "Amount",
    targets_title: "Targets against pace",
    metric: "Metric",
    actual: "Actual",
    target: "Target",
    share: "Share of target",
    pace: "Pace (share expected by today)",
    progress: "Progress",
    pipeline_title: "Pipeline",
    stage: "Stage",
    projects: "Projects",
    median_note: |days, measured| {
        format!(
            "Median {days} days from signing to construction start ({measured} projects started)"
        )
    },
    no_median: "No project has both a signing and a start date yet.",
};

static ZH: ReportLabels = ReportLabels {
    title: |date| format!("招商引资工作简报（{date}）"),
    overview: "概况",
    feed_line: |source, generated, projects, rejected| {
        format!("数据源：{source}（生成于 {generated}；{projects} 个项目，{rejected} 条被拒）")
    },
    not_stamped: "未注明时间",
    rejected_note: |rejected| {
        format!(
            "数据中有 {rejected} 条记录被拒，以下数字不含这些记录（investboard check-feed 可列出）"
        )
    },
    provisional_note: |years| format!("{years} 年的工作日按暂定日历计算（周末及法定节假日）"),
    quarter_line: |year, quarter, elapsed, days_left| {
        format!("本季度：{year} 年第 {quarter} 季度，已过 {elapsed}，剩余 {days_left} 天")
    },
    stalled_title: "超期审批（按部门）",
    stalled_note: |stalled, departments, pending| {
        format!("{departments} 个部门共 {stalled} 项审批超期（在办审批共 {pending} 项）")
    },
    none: "无。",
    department: "部门",
    project: "项目",
    item: "审批事项",
    submitted: "提交日期",
    days_of_limit: "已用/时限（工作日）",
    overdue: "超期（工作日）",
    week_title: "本周签约",
    week_note: |from, to, count, amount| format!("{from} 至 {to}：{count} 个项目，{amount}"),
    quarter_title: "本季度签约",
    quarter_note: |year, quarter, count, amount| {
        format!("{year} 年第 {quarter} 季度至今：{count} 个项目，{amount}")
    },
    signed_on: "签约日期",
    investor: "投资方",
    district: "区县",
    chain: "产业链",
    amount: "投资额",
    targets_title: "目标进度",
    metric: "指标",
    actual: "完成",
    target: "目标",
    share: "完成率",
    pace: "时序进度",
    progress: "状态",
    pipeline_title: "项目推进",
    stage: "阶段",
    projects: "项目数",
    median_note: |days, measured| {
        format!("从签约到开工的中位数为 {days} 天（{measured} 个已开工项目）")
    },
    no_median: "尚无同时有签约和开工日期的项目。",
};
