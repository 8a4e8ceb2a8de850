//! 中文标签。The Chinese label set (simplified characters, the command room's own terms).

use super::{
    CheckLabels, CommandLabels, CommonLabels, DetailLabels, DoctorLabels, DurationUnits,
    FigureLabels, FooterLabels, HeaderLabels, HelpLabels, Labels, ListLabels, MetricLabel,
    NavLabels, PanelLabels, StatusLabels, TargetLabels, TrendLabels, cmd,
};

const QUARTERS: [&str; 4] = ["一", "二", "三", "四"];

fn quarter_name(quarter: u8) -> String {
    QUARTERS
        .get(usize::from(quarter).wrapping_sub(1))
        .map_or_else(|| format!("Q{quarter}"), |q| format!("{q}季度"))
}

pub static ZH: Labels = Labels {
    common: CommonLabels {
        units: DurationUnits {
            ms: "毫秒",
            s: "秒",
            min: "分钟",
            h: "小时",
            d: "天",
        },
        money_unit: "亿",
        signed_projects: MetricLabel {
            full: "签约项目",
            short: "签约",
        },
        signed_amount: MetricLabel {
            full: "签约金额",
            short: "金额",
        },
        started_projects: MetricLabel {
            full: "开工项目",
            short: "开工",
        },
        on_target: "已达标",
        on_pace: "进度正常",
        behind: "落后",
        no_target: "无目标",
        zero_target: "目标为 0",
        stalled_word: "超期",
    },
    header: HeaderLabels {
        app_title: "INVESTBOARD · 招商引资指挥室",
        app_title_short: "INVESTBOARD",
        quarter_days_left: |year, quarter, days| {
            format!("{year}年{} · 剩余 {days} 天", quarter_name(quarter))
        },
        waiting_first_feed: "等待首次数据",
        no_data: "无数据",
        data_age: |age| format!("数据生成于 {age}前"),
        checked_at: |time| format!("检查于 {time}"),
        feed_error: |message| format!("数据源错误：{message}"),
        retry_in: |wait| format!(" · {wait}后重试"),
        failures: |count| format!("（连续失败 {count} 次）"),
        checking: "正在检查…",
        checking_for: |elapsed| format!("正在检查… {elapsed}"),
        retry_now: " · 正在重试…",
        rejected_records: |count| format!("{count} 条记录被拒"),
        calendar_uncovered: |years| format!("日历：{years} 年为暂定（仅法定节假日）"),
        calendar_next_year: |year| format!("请添加 {year} 年节假日：calendar_file"),
        degraded: "数据降级",
        rejected_share: |rejected, total, share| {
            format!("{total} 条记录中 {rejected} 条被拒（{share}）")
        },
        rejected_hint: |key| format!(" · 按 {key} 查看"),
        no_rejections: "没有被拒的记录。",
        generated_ahead: |ahead| format!("数据时间超前 {ahead}（时钟或时区有误）"),
        loading: "加载中",
        fresh: "最新",
        ageing: "偏旧",
        stale: "过期",
        offline: "离线",
    },
    figures: FigureLabels {
        stalled_approvals: "超期审批",
        stalled_short: "超期",
        quarter: quarter_name,
        no_data_word: "无数据",
        pace: |percent| format!("时序 {percent}"),
        of_pending: |count| format!("项，共 {count} 项在批"),
        stalled_of_pending: |stalled, pending| format!("{stalled} 项超期，共 {pending} 项在批"),
        worst_overdue: |days| format!("最长超 {days} 天"),
        none_word: "无",
    },
    panels: PanelLabels {
        signings: "签约",
        targets: "目标",
        stalled: "超期审批",
        overview: "总览",
        shown_of: |shown, total| format!("{shown}/{total}"),
        sort: "排序",
        filter: "筛选",
        sorting: "排序中…",
        filtering: "筛选中…",
        waiting_first_feed_short: "等待首次数据…",
        no_data_because: |message| format!("无数据：{message}"),
        too_small: |need_w, need_h, have_w, have_h| {
            format!("终端太小（至少 {need_w}x{need_h}，当前 {have_w}x{have_h}）")
        },
        too_small_short: |need_w, need_h| format!("终端至少 {need_w}x{need_h}"),
    },
    lists: ListLabels {
        sort_date: "日期",
        sort_amount: "金额",
        sort_district: "区县",
        sort_overdue: "超期",
        sort_submitted: "提交",
        sort_department: "部门",
        col_signed_on: "签约日期",
        col_project: "项目",
        col_investor: "投资方",
        col_district: "区县",
        col_chain: "产业链",
        col_badges: "标记",
        col_item: "事项",
        col_department: "部门",
        col_submitted: "提交日期",
        col_days_limit: "天数/时限",
        col_overdue: "超期",
        col_approval: "审批",
        col_state: "状态",
        col_days_decided: "天数/办结",
        no_signings: "暂无签约",
        no_signing_matches: "没有符合筛选的签约",
        no_stalled: "没有超过时限的审批",
        no_stalled_matches: "没有符合筛选的超期审批",
        overdue_buckets: "超期",
        buckets_tail: |pending| format!(" 个工作日 · 共 {pending} 项在批"),
        big_badge: "10亿+",
        top500_badge: "500强",
    },
    targets: TargetLabels {
        col_quarter: "季度",
        // As the header names quarters (2026年四季度); the current one is drawn bold and
        // carries the pace marker.
        quarter_row: |quarter, _current| quarter_name(quarter),
        ytd: "年累计",
        ytd_figures: |signed, amount, started| {
            format!("签约 {signed} · {amount} 亿 · 开工 {started}")
        },
        ytd_badges: |top500, big| format!("500强 {top500} 个 · 10亿+ {big} 个"),
        col_pipeline: "项目数",
        col_signed_count: "签约",
        col_amount_ytd: "年累计亿",
        by_district: "按区县",
        by_chain: "按产业链",
        more_rows: |count| format!("另有 {count} 项"),
        unassigned: "（未填）",
    },
    trends: TrendLabels {
        title: "趋势",
        burn_up: |year, quarter| format!("{year}年{}累计进度", quarter_name(quarter)),
        done: "完成",
        target: "目标",
        pace: "进度线",
        today: "今天",
        weekly: |year| format!("{year}年每周签约"),
        weekly_tail: |this_week, four_weeks| {
            format!("本周 {this_week} 个 · 近 4 周 {four_weeks} 个")
        },
        by_department: "各部门超期审批",
        department_row: |stalled, worst| format!("超期 {stalled} 项 · 最长超 {worst} 个工作日"),
        department_row_short: |stalled, worst| format!("{stalled} 项 · 超 {worst} 工作日"),
        no_stalled: "没有超期审批",
        pipeline: "项目流",
        median_to_start: |days| format!("签约到开工中位数 {days} 天"),
        median_over: |projects| format!("按 {projects} 个已开工项目计"),
        no_median: "今年没有记录签约日期的开工项目",
        page: |page, pages, key| format!("{page}/{pages} · {key} 下一页"),
        changes: |count| format!("最新变化（{count}）"),
        just_in: "最新",
        no_changes: "首次读取以来没有变化",
        new_signing: |name, amount, district| format!("新签约：{name} · {amount} · {district}"),
        stage_advanced: |name, from, to| format!("{name}：{from} → {to}"),
        newly_stalled: |name, item, department, overdue| {
            format!("超期 {overdue} 个工作日：{name} · {item} · {department}")
        },
        decided: |name, item, status| format!("{status}：{name} · {item}"),
        cancelled: |name| format!("已取消：{name}"),
        removed: |name| format!("已从数据源移除：{name}"),
    },
    footer: FooterLabels {
        filter_prompt: "筛选：",
        filter_keys: "Enter 确认 · Esc 取消 · Ctrl-W 删词 · Ctrl-U 清空",
        hold_badge: "暂停",
        resume_key: |key| format!("{key} 继续"),
        next_view: |wait| format!("{wait}后换页"),
        wall_overview: "总览",
        wall_signings: "签约",
        wall_targets: "目标",
        wall_stalled: "超期审批",
        wall_trends: "趋势",
        wall_pipeline: "项目流",
    },
    help: HelpLabels {
        title: "按键与图例",
        close: |help, close| format!("{help} 或 {close} 关闭"),
        filter_note: |key| format!("{key} 按区县、产业链、项目名称、投资方和部门筛选。"),
        wall_note: "任意键暂停轮播（暂停）；无人操作时大屏自动复位并继续轮播。",
        scroll_note: |down, up| format!("{down}/{up} 滚动"),
        legend_title: "图例",
        legend_top500: "投资方属世界500强、中国500强或中国民营500强",
        legend_big: "投资额 10 亿元及以上的项目",
        legend_new: "上次轮询以来新增的签约",
        legend_selected: "当前选中的行",
        legend_fresh: |warn| format!("数据生成不到 {warn}（warn_age）"),
        legend_ageing: |warn| format!("数据生成已超过 {warn}"),
        legend_stale: |crit| format!("数据生成已超过 {crit}（crit_age），或数据源出错"),
        legend_offline: |crit| format!("数据源出错，且 {crit}内没有有效数据"),
        legend_degraded: |share| format!("被拒记录超过 {share}"),
        legend_days_limit: "已用工作日 / 该审批的时限（工作日）",
        legend_pace_word: "时序",
        legend_pace: "本季度已过去的比例；进度正常：完成量不低于 目标 × 时序",
        legend_overdue: "超期工作日，每级样式不同",
        colour_names: ["红", "黄", "绿", "灰"],
        legend_colours: |setting| format!("颜色按 target_colors = {setting} 设置"),
    },
    commands: CommandLabels {
        quit: cmd("退出", Some("退出")),
        next_panel: cmd("下一个面板（大屏：下一视图）", Some("面板")),
        prev_panel: cmd("上一个面板", None),
        focus_signings: cmd("签约面板", None),
        focus_targets: cmd("目标面板", None),
        focus_stalled: cmd("超期审批面板", None),
        down: cmd("下一行", Some("移动")),
        up: cmd("上一行", None),
        page_down: cmd("下一页", None),
        page_up: cmd("上一页", None),
        first: cmd("第一行", None),
        last: cmd("最后一行", None),
        open: cmd("打开项目详情", Some("打开")),
        close: cmd("关闭 · 返回 · 清除筛选", None),
        filter: cmd("筛选列表", Some("筛选")),
        sort: cmd("按下一列排序", Some("排序")),
        sort_reverse: cmd("反向排序", Some("反向")),
        expand: cmd("展开所选分项的全部行", Some("全部")),
        copy: cmd("复制编号（OSC 52）", Some("复制编号")),
        export: cmd("将当前列表导出为 CSV", Some("导出")),
        refresh: cmd("立即拉取数据", Some("刷新")),
        hold: cmd("暂停/继续大屏轮播", None),
        rejected: cmd("被拒记录及原因", None),
        trends: cmd("趋势与项目流", None),
        changes: cmd("最新变化（新的在前）", None),
        help: cmd("本帮助", Some("帮助")),
    },
    detail: DetailLabels {
        field_id: "编号",
        field_stage: "阶段",
        field_investor: "投资方",
        field_amount: "金额",
        field_district: "区县",
        field_zone: "园区",
        field_chain: "产业链",
        field_source: "来源地",
        field_hq: "总部类型",
        field_top500: "500强",
        milestones: "里程碑",
        days_between: |days| format!("+{days} 天"),
        decided_on: |date| format!("{date} 办结"),
        approvals_none: "审批：无记录",
        detail_keys: |close, down, up| format!("{close} 关闭 · {up}/{down} 滚动"),
        stage_negotiating: "洽谈",
        stage_signed: "签约",
        stage_landed: "落地",
        stage_started: "开工",
        stage_operating: "投产",
        stage_cancelled: "取消",
        approval_pending: "在批",
        approval_approved: "已批",
        approval_rejected: "驳回",
        approval_withdrawn: "撤回",
        hq_corporate: "企业总部",
        hq_regional: "区域总部",
        hq_functional: "功能性总部",
        top500_fortune_global: "世界500强",
        top500_china: "中国500强",
        top500_china_private: "中国民营500强",
        redacted: "***",
    },
    check: CheckLabels {
        title: |source, today| format!("check-feed {source}（今天 {today}）"),
        unusable: |reason| format!("不可用：{reason}"),
        result_unusable: |exit| format!("结果：数据源不可用（退出码 {exit}）"),
        usable: |generated_at| format!("可用：schema_version 1，generated_at {generated_at}"),
        not_given: "未提供",
        counts: |projects, rejected, approvals, targets, rejected_targets| {
            format!(
                "项目：接受 {projects} 个，被拒 {rejected} 个；审批：{approvals} 项；目标：接受 {targets} 条，被拒 {rejected_targets} 条"
            )
        },
        result: |rejected, warnings, exit| {
            format!("结果：被拒 {rejected} 条，警告 {warnings} 条（退出码 {exit}）")
        },
    },
    status: StatusLabels {
        stalled_approvals: |count| format!("{count} 项审批超期"),
        quarter_signed: |quarter, count, amount| {
            format!("{} 签约 {count} 个，{amount}", quarter_name(quarter))
        },
        started: |count| format!("开工 {count} 个"),
        data_age: |age| format!("数据生成于 {age}前"),
        data_age_unknown: "数据时间未知（无 generated_at）",
        feed_unusable: |error| format!("数据源不可用：{error}"),
        separator: "；",
        feed: "数据源：",
        feed_detail: |generated, projects, rejected| {
            format!("（{generated}；{projects} 个项目，{rejected} 条被拒）")
        },
        generated: |at| format!("生成于 {at}"),
        no_generated_at: "无 generated_at",
        unusable_no_figures: "数据源无法使用，不显示数字。",
        quarter: "季度：",
        quarter_detail: |year, quarter, elapsed, days_left| {
            format!(
                "{year}年{}，已过 {elapsed:.0}%，剩余 {days_left} 天",
                quarter_name(quarter)
            )
        },
        year_to_date: |signed, amount, started| {
            format!("年累计：签约 {signed} 个，{amount}，开工 {started} 个")
        },
        calendar: |years| {
            format!("日历：{years} 年不在节假日表中，工作日为暂定（周末与法定节假日，无调休上班）")
        },
        calendar_next_year: |year| {
            format!(
                "日历：{year} 年尚未录入节假日表；国务院办公厅通知发布后，用 calendar_file 添加该年（示例见 docs/configuration.md）"
            )
        },
        stalled_heading: |count| format!("超期审批：{count} 项"),
        stalled_row: |submitted, elapsed, limit, overdue| {
            format!("{submitted} 提交 {elapsed}/{limit} 个工作日，超期 {overdue} 个工作日")
        },
        rejected: "被拒：",
        warning: "警告：",
        data_ahead: |ahead| format!("数据时间超前 {ahead}（时钟或时区有误）"),
        and_more: |count| format!("…… 另有 {count} 行"),
    },
    nav: NavLabels {
        sort_project: "项目",
        sort_investor: "投资方",
        sort_chain: "产业链",
        sort_days: "用时",
        sort_item: "事项",
        by_department: "超期按部门",
        col_stalled: "超期数",
        col_worst: "最久",
        no_department: "（未填）",
        all_rows: "全部行",
        copied: |id| format!("已复制 {id}（OSC 52：需终端支持）"),
        exported: |path| format!("已写入 {path}"),
        export_failed: |why| format!("导出失败：{why}"),
        export_missing: |dir| format!("目录 {dir} 不存在（export_dir）"),
        export_denied: |dir| format!("无权写入 {dir}"),
        export_full: |dir| format!("{dir} 所在磁盘已满"),
        export_read_only: |dir| format!("{dir} 只读"),
        export_not_a_directory: |dir| format!("{dir} 不是目录（export_dir）"),
        export_too_many: |dir| format!("{dir} 中本秒已有 1000 个导出文件"),
        csv_id: "编号",
        csv_amount: "金额（元）",
        csv_working_days: "已用工作日",
        csv_limit: "时限",
    },
    doctor: DoctorLabels {
        terminal: "终端",
        locale: "语言环境",
        settings: "设置（取值，来源）",
        feed: "数据源",
        calendar: "工作日历",
        version: "版本",
        size: "尺寸",
        colours: "颜色",
        theme: "主题",
        glyphs: "字符",
        language: "语言",
        config_file: "配置文件",
        keys: "按键",
        token: "令牌",
        key_bindings: "按键绑定",
        source: "来源",
        reachable: "可访问",
        holiday_table: "节假日表",
        this_year: "今年",
        next_year: "明年",
        unset: "（未设置）",
        too_small: |w, h, min_w, min_h| format!("{w}x{h}：太小，看板至少需要 {min_w}x{min_h}"),
        size_unknown: |error| format!("未知（{error}）"),
        not_a_terminal: "标准输出不是终端（看板需要终端；status 不需要）",
        colour_depths: ["无颜色", "16 色", "256 色", "24 位真彩色"],
        phrase: |text| {
            text.replace(
                "(unset: the embedded demo feed)",
                "（未设置：内置演示数据）",
            )
            .replace("(unset: the working directory)", "（未设置：当前工作目录）")
            .replace("(unset)", "（未设置）")
            .replace("(from the locale)", "（取自语言环境）")
            .replace("(from TERM)", "（取自 TERM）")
            .replace("NO_COLOR is set", "已设置 NO_COLOR")
            .replace("TERM unset: assuming 16 colours", "未设置 TERM：按 16 色")
            .replace(": 16 colours", "：16 色")
            .replace(": the console font", "：控制台字体")
            .replace("not the Linux console", "不是 Linux 控制台")
            .replace(
                "no LC_ALL, LC_MESSAGES or LANG set",
                "LC_ALL、LC_MESSAGES、LANG 均未设置",
            )
            .replace(" (--color always)", "（--color always）")
        },
        colours_value: |depth, why, choice| format!("{depth}（{why}；--color {choice}）"),
        glyphs_value: |glyphs, why| format!("{glyphs}（{why}）"),
        theme_without_colour: |theme| format!("{theme}（无颜色绘制：每种状态都有文字和符号）"),
        language_value: |zh, lang, why| {
            let labels = if zh {
                "中文标签，金额单位 亿/万"
            } else {
                "英文标签，金额单位 bn/m"
            };
            format!("{lang}：{labels}（{why}）")
        },
        lang_from: |origin| format!("lang 来自{origin}"),
        no_config_file: "未找到（--config、$XDG_CONFIG_HOME/investboard/config.toml、~/.config/investboard/config.toml）",
        default_keys: "默认",
        rebound: |names| format!("默认，已改绑 {names}"),
        origins: ["默认", "配置文件", "环境变量", "命令行"],
        via_profile: |profile| format!("，经由 profile {profile}"),
        setting_value: |value, origin, via| format!("{value}  （{origin}{via}）"),
        token_hidden: "来自 INVESTBOARD_TOKEN（不显示）",
        bindings_valid: "有效",
        demo_source: "内置演示数据",
        no_data: |millis| format!("{millis} ms 内应答但无数据"),
        unreachable: |millis, error| format!("否，{millis} ms 后失败：{error}"),
        fetched: |bytes, millis| format!("是，{millis} ms 内收到 {bytes} 字节"),
        parsed: |fetched, projects, rejected| {
            format!("{fetched}；项目 {projects} 个，被拒记录 {rejected} 条")
        },
        unusable: |fetched, error| format!("{fetched}；但不可用：{error}"),
        no_years: "无",
        with_file: |path| format!("，另加 {path}"),
        year_covered: |year| format!("{year} 年已覆盖"),
        year_not_covered: |year| {
            format!(
                "{year} 年未覆盖：工作日为临时计算（只算周末和法定节假日，不含调休上班日）；请用 calendar_file 添加该年"
            )
        },
        next_year_missing: |year| {
            format!(
                "{year} 年尚未列入节假日表：国务院通知发布后，用 calendar_file 添加该年（示例见 docs/configuration.md）"
            )
        },
        degraded: "降级：见标 !! 的行（退出码 1）",
        ok_with_notices: "正常：所需各项均可用（退出码 0）；见标 ! 的行",
        ok: "正常：所需各项均可用（退出码 0）",
    },
};
