//! The English label set.

use super::{
    CheckLabels, CommandLabels, CommonLabels, DetailLabels, DoctorLabels, DurationUnits,
    FigureLabels, FooterLabels, HeaderLabels, HelpLabels, Labels, ListLabels, MetricLabel,
    NavLabels, PanelLabels, StatusLabels, TargetLabels, TrendLabels, cmd, plural,
};
use crate::domain::calendar::{HOW_TO_ADD_A_YEAR, PROVISIONAL_RULE};

pub static EN: Labels = Labels {
    common: CommonLabels {
        units: DurationUnits {
            ms: "ms",
            s: "s",
            min: "min",
            h: "h",
            d: "d",
        },
        money_unit: "bn",
        signed_projects: MetricLabel {
            full: "Signed projects",
            short: "Signed",
        },
        signed_amount: MetricLabel {
            full: "Signed amount",
            short: "Amount",
        },
        started_projects: MetricLabel {
            full: "Started projects",
            short: "Started",
        },
        on_target: "ON TARGET",
        on_pace: "ON PACE",
        behind: "BEHIND",
        no_target: "NO TARGET",
        zero_target: "target 0",
        stalled_word: "STALLED",
    },
    header: HeaderLabels {
        app_title: "INVESTBOARD · investment promotion",
        app_title_short: "INVESTBOARD",
        quarter_days_left: |year, quarter, days| format!("Q{quarter} {year} · {days} days left"),
        waiting_first_feed: "waiting for the first feed",
        no_data: "no data",
        data_age: |age| format!("data {age} old"),
        checked_at: |time| format!("checked {time}"),
        feed_error: |message| format!("feed error: {message}"),
        retry_in: |wait| format!(" · retry in {wait}"),
        failures: |count| format!(" ({count} failures)"),
        checking: "checking…",
        checking_for: |elapsed| format!("checking… {elapsed}"),
        retry_now: " · retrying…",
        rejected_records: |count| plural(count, "rejected record", "rejected records"),
        calendar_uncovered: |years| {
            format!("calendar: {years} provisional (statutory holidays only)")
        },
        calendar_next_year: |year| format!("add {year} holidays: calendar_file"),
        degraded: "DEGRADED",
        rejected_share: |rejected, total, share| {
            format!("{rejected} of {total} records rejected ({share})")
        },
        rejected_hint: |key| format!(" · {key}: list"),
        no_rejections: "No record was rejected.",
        generated_ahead: |ahead| format!("generated_at {ahead} in the future: clock or zone wrong"),
        loading: "LOADING",
        fresh: "FRESH",
        ageing: "AGEING",
        stale: "STALE",
        offline: "OFFLINE",
    },
    figures: FigureLabels {
        stalled_approvals: "Stalled approvals",
        stalled_short: "Stalled",
        quarter: |quarter| format!("Q{quarter}"),
        no_data_word: "NO DATA",
        pace: |percent| format!("pace {percent}"),
        of_pending: |count| format!("of {count} pending"),
        stalled_of_pending: |stalled, pending| format!("{stalled} stalled of {pending} pending"),
        worst_overdue: |days| format!("worst +{days} d"),
        none_word: "NONE",
    },
    panels: PanelLabels {
        signings: "Signings",
        targets: "Targets",
        stalled: "Stalled approvals",
        overview: "Overview",
        shown_of: |shown, total| format!("{shown} of {total}"),
        sort: "sort",
        filter: "filter",
        sorting: "sorting…",
        filtering: "filtering…",
        waiting_first_feed_short: "waiting for the first feed…",
        no_data_because: |message| format!("no data: {message}"),
        too_small: |need_w, need_h, have_w, have_h| {
            format!("terminal too small (need {need_w}x{need_h}, have {have_w}x{have_h})")
        },
        too_small_short: |need_w, need_h| format!("need {need_w}x{need_h}"),
    },
    lists: ListLabels {
        sort_date: "date",
        sort_amount: "amount",
        sort_district: "district",
        sort_overdue: "overdue",
        sort_submitted: "submitted",
        sort_department: "department",
        col_signed_on: "Signed",
        col_project: "Project",
        col_investor: "Investor",
        col_district: "District",
        col_chain: "Chain",
        col_badges: "Badges",
        col_item: "Item",
        col_department: "Department",
        col_submitted: "Submitted",
        col_days_limit: "Days/limit",
        col_overdue: "Overdue",
        col_approval: "Approval",
        col_state: "State",
        col_days_decided: "Days / decided",
        no_signings: "no signings yet",
        no_signing_matches: "no signing matches the filter",
        no_stalled: "no approval is past its limit",
        no_stalled_matches: "no stalled approval matches the filter",
        overdue_buckets: "overdue",
        buckets_tail: |pending| format!(" working days · {pending} pending in all"),
        big_badge: "1bn+",
        top500_badge: "T500",
    },
    targets: TargetLabels {
        col_quarter: "Qtr",
        quarter_row: |quarter, current| {
            if current {
                format!("Q{quarter} now")
            } else {
                format!("Q{quarter}")
            }
        },
        ytd: "YTD",
        ytd_figures: |signed, amount, started| {
            format!("signed {signed} · {amount} bn · started {started}")
        },
        ytd_badges: |top500, big| format!("{top500} Top-500 · {big} of 1bn+"),
        col_pipeline: "Pipeline",
        col_signed_count: "Signed",
        col_amount_ytd: "bn YTD",
        by_district: "By district",
        by_chain: "By chain",
        more_rows: |count| format!("+{count} more"),
        unassigned: "(none)",
    },
    trends: TrendLabels {
        title: "Trends",
        burn_up: |year, quarter| format!("Q{quarter} {year} burn-up"),
        done: "done",
        target: "target",
        pace: "pace",
        today: "today",
        weekly: |year| format!("Signings per week, {year}"),
        weekly_tail: |this_week, four_weeks| {
            format!("{this_week} this week · {four_weeks} in the last 4 weeks")
        },
        by_department: "Stalled approvals by department",
        department_row: |stalled, worst| format!("{stalled} stalled · worst +{worst} d"),
        department_row_short: |stalled, worst| format!("{stalled} · +{worst} d"),
        no_stalled: "no approval is past its limit",
        pipeline: "Pipeline",
        median_to_start: |days| format!("median {days} d from signing to start"),
        median_over: |projects| format!("over {projects} started projects"),
        no_median: "no project started this year after a recorded signing",
        page: |page, pages, key| format!("{page}/{pages} · {key} next page"),
        changes: |count| format!("Changes ({count})"),
        just_in: "JUST IN",
        no_changes: "nothing has changed since the first poll",
        new_signing: |name, amount, district| {
            format!("new signing: {name} · {amount} · {district}")
        },
        stage_advanced: |name, from, to| format!("{name}: {from} → {to}"),
        newly_stalled: |name, item, department, overdue| {
            format!("stalled +{overdue} d: {name} · {item} · {department}")
        },
        decided: |name, item, status| format!("{status}: {name} · {item}"),
        cancelled: |name| format!("cancelled: {name}"),
        removed: |name| format!("no longer in the feed: {name}"),
    },
    footer: FooterLabels {
        filter_prompt: "filter: ",
        filter_keys: "Enter keep · Esc cancel · Ctrl-W word · Ctrl-U line",
        hold_badge: "HOLD",
        resume_key: |key| format!("{key} resume"),
        next_view: |wait| format!("next {wait}"),
        wall_overview: "overview",
        wall_signings: "signings",
        wall_targets: "targets",
        wall_stalled: "stalled",
        wall_trends: "trends",
        wall_pipeline: "pipeline",
    },
    help: HelpLabels {
        title: "Keys and legend",
        close: |help, close| format!("{help} or {close} close"),
        filter_note: |key| format!("{key} matches district, chain, name, investor and department."),
        wall_note: "Any key holds the rotation (HOLD); left alone, the wall resets and rotates.",
        scroll_note: |down, up| format!("{down}/{up} scroll"),
        legend_title: "Legend",
        legend_top500: "investor on a Top-500 list (Fortune Global, China, China private)",
        legend_big: "a project of 1 bn yuan or more",
        legend_new: "a signing new since the previous poll",
        legend_selected: "the selected row",
        legend_fresh: |warn| format!("data generated less than {warn} ago (warn_age)"),
        legend_ageing: |warn| format!("data generated more than {warn} ago"),
        legend_stale: |crit| format!("older than {crit} (crit_age), or the feed is failing"),
        legend_offline: |crit| format!("the feed is failing and nothing good came for {crit}"),
        legend_degraded: |share| format!("more than {share} of the records were rejected"),
        legend_days_limit: "working days elapsed / the approval's limit",
        legend_pace_word: "pace",
        legend_pace: "share of the quarter gone by; ON PACE: at least target x pace",
        legend_overdue: "working days overdue",
        colour_names: ["red", "yellow", "green", "grey"],
        legend_colours: |setting| format!("colours as set by target_colors = {setting}"),
    },
    commands: CommandLabels {
        quit: cmd("quit", Some("quit")),
        next_panel: cmd("next panel (wall: next view)", Some("panel")),
        prev_panel: cmd("previous panel", None),
        focus_signings: cmd("signings panel", None),
        focus_targets: cmd("targets panel", None),
        focus_stalled: cmd("stalled approvals panel", None),
        down: cmd("next row", Some("move")),
        up: cmd("previous row", None),
        page_down: cmd("page down", None),
        page_up: cmd("page up", None),
        first: cmd("first row", None),
        last: cmd("last row", None),
        open: cmd("open the project's detail", Some("open")),
        close: cmd("close · back · clear filter", None),
        filter: cmd("filter the list", Some("filter")),
        sort: cmd("sort by the next column", Some("sort")),
        sort_reverse: cmd("reverse the sort", Some("reverse")),
        expand: cmd("all rows of a breakdown", Some("all rows")),
        copy: cmd("copy the id (OSC 52)", Some("copy id")),
        export: cmd("export the list to CSV", Some("export")),
        refresh: cmd("poll the feed now", Some("refresh")),
        hold: cmd("hold/resume wall rotation", None),
        rejected: cmd("rejected records and why", None),
        trends: cmd("trends and pipeline", None),
        changes: cmd("what changed, newest first", None),
        help: cmd("this help", Some("help")),
    },
    detail: DetailLabels {
        field_id: "Id",
        field_stage: "Stage",
        field_investor: "Investor",
        field_amount: "Amount",
        field_district: "District",
        field_zone: "Zone",
        field_chain: "Chain",
        field_source: "Source",
        field_hq: "HQ",
        field_top500: "Top 500",
        milestones: "Milestones",
        days_between: |days| format!("+{days} d"),
        decided_on: |date| format!("on {date}"),
        approvals_none: "Approvals: none recorded",
        detail_keys: |close, down, up| format!("{close} close · {up}/{down} scroll"),
        stage_negotiating: "negotiating",
        stage_signed: "signed",
        stage_landed: "landed",
        stage_started: "started",
        stage_operating: "operating",
        stage_cancelled: "cancelled",
        approval_pending: "pending",
        approval_approved: "approved",
        approval_rejected: "rejected",
        approval_withdrawn: "withdrawn",
        hq_corporate: "corporate",
        hq_regional: "regional",
        hq_functional: "functional",
        top500_fortune_global: "Fortune Global 500",
        top500_china: "China Top 500",
        top500_china_private: "China Private Top 500",
        redacted: "***",
    },
    check: CheckLabels {
        title: |source, today| format!("check-feed {source} (today {today})"),
        unusable: |reason| format!("UNUSABLE: {reason}"),
        result_unusable: |exit| format!("result: feed unusable (exit {exit})"),
        usable: |generated_at| format!("usable: schema_version 1, generated_at {generated_at}"),
        not_given: "not given",
        counts: |projects, rejected, approvals, targets, rejected_targets| {
            format!(
                "projects: {projects} accepted, {rejected} rejected; approvals: {approvals}; targets: {targets} accepted, {rejected_targets} rejected"
            )
        },
        result: |rejected, warnings, exit| {
            format!("result: {rejected} rejected, {warnings} warnings (exit {exit})")
        },
    },
    status: StatusLabels {
        stalled_approvals: |count| plural(count, "stalled approval", "stalled approvals"),
        quarter_signed: |quarter, count, amount| format!("Q{quarter} signed {count}, {amount}"),
        started: |count| format!("started {count}"),
        data_age: |age| format!("data {age} old"),
        data_age_unknown: "data age unknown (no generated_at)",
        feed_unusable: |error| format!("feed unusable: {error}"),
        separator: "; ",
        feed: "Feed:",
        feed_detail: |generated, projects, rejected| {
            format!("({generated}; {projects} projects, {rejected} rejected)")
        },
        generated: |at| format!("generated {at}"),
        no_generated_at: "no generated_at",
        unusable_no_figures: "The feed could not be used; no figures are shown.",
        quarter: "Quarter:",
        quarter_detail: |year, quarter, elapsed, days_left| {
            format!("{year} Q{quarter}, {elapsed:.0}% elapsed, {days_left} days left")
        },
        year_to_date: |signed, amount, started| {
            format!("Year to date: {signed} signed, {amount}, {started} started")
        },
        calendar: |years| {
            format!(
                "Calendar: {years} not in the holiday table; working days are provisional (weekends and statutory holidays, no make-up working days)"
            )
        },
        calendar_next_year: |year| {
            format!(
                "Calendar: {year} not in the holiday table yet; when the State Council's notice is published, add the year with calendar_file (example in docs/configuration.md)"
            )
        },
        stalled_heading: |count| format!("Stalled approvals: {count}"),
        stalled_row: |submitted, elapsed, limit, overdue| {
            format!("submitted {submitted} {elapsed}/{limit} working days, overdue {overdue}")
        },
        rejected: "Rejected:",
        warning: "Warning:",
        data_ahead: |ahead| format!("data stamped {ahead} in the future"),
        and_more: |count| format!("… and {count} more"),
    },
    nav: NavLabels {
        sort_project: "project",
        sort_investor: "investor",
        sort_chain: "chain",
        sort_days: "days",
        sort_item: "item",
        by_department: "Stalled by dept.",
        col_stalled: "Stalled",
        col_worst: "Worst",
        no_department: "(none)",
        all_rows: "all rows",
        copied: |id| format!("copied {id} (OSC 52: needs terminal support)"),
        exported: |path| format!("wrote {path}"),
        export_failed: |why| format!("export failed: {why}"),
        export_missing: |dir| format!("{dir} does not exist (export_dir)"),
        export_denied: |dir| format!("no permission to write in {dir}"),
        export_full: |dir| format!("no space left in {dir}"),
        export_read_only: |dir| format!("{dir} is read-only"),
        export_not_a_directory: |dir| format!("{dir} is not a directory (export_dir)"),
        export_too_many: |dir| format!("1000 exports of this second already in {dir}"),
        csv_id: "Id",
        csv_amount: "Amount (yuan)",
        csv_working_days: "Working days",
        csv_limit: "Limit",
    },
    doctor: DoctorLabels {
        terminal: "Terminal",
        locale: "Locale",
        settings: "Settings (value, where it came from)",
        feed: "Feed",
        calendar: "Calendar",
        version: "version",
        size: "size",
        colours: "colours",
        theme: "theme",
        glyphs: "glyphs",
        language: "language",
        config_file: "config file",
        keys: "keys",
        token: "token",
        key_bindings: "key bindings",
        source: "source",
        reachable: "reachable",
        holiday_table: "holiday table",
        this_year: "this year",
        next_year: "next year",
        unset: "(unset)",
        too_small: |w, h, min_w, min_h| {
            format!("{w}x{h}: too small, the dashboard needs {min_w}x{min_h}")
        },
        size_unknown: |error| format!("unknown ({error})"),
        not_a_terminal: "stdout is not a terminal (the dashboard needs one; status does not)",
        colour_depths: ["no colour", "16 colours", "256 colours", "24-bit colour"],
        phrase: str::to_owned,
        colours_value: |depth, why, choice| format!("{depth} ({why}; --color {choice})"),
        glyphs_value: |glyphs, why| format!("{glyphs} ({why})"),
        theme_without_colour: |theme| {
            format!("{theme} (drawn without colour: words and symbols carry every state)")
        },
        language_value: |zh, lang, why| {
            let labels = if zh {
                "Chinese labels, amounts in 亿/万"
            } else {
                "English labels, amounts in bn/m"
            };
            format!("{lang}: {labels} ({why})")
        },
        lang_from: |origin| format!("lang from {origin}"),
        no_config_file: "none found (--config, $XDG_CONFIG_HOME/investboard/config.toml, ~/.config/investboard/config.toml)",
        default_keys: "defaults",
        rebound: |names| format!("defaults, with {names} rebound"),
        origins: ["default", "config file", "environment", "command line"],
        via_profile: |profile| format!(", via profile {profile}"),
        setting_value: |value, origin, via| format!("{value}  ({origin}{via})"),
        token_hidden: "from INVESTBOARD_TOKEN (not shown)",
        bindings_valid: "valid",
        demo_source: "embedded demo feed",
        no_data: |millis| format!("answered without data in {millis} ms"),
        unreachable: |millis, error| format!("NO after {millis} ms: {error}"),
        fetched: |bytes, millis| format!("yes, {bytes} bytes in {millis} ms"),
        parsed: |fetched, projects, rejected| {
            format!("{fetched}; {projects} projects, {rejected} rejected records")
        },
        unusable: |fetched, error| format!("{fetched}; but unusable: {error}"),
        no_years: "none",
        with_file: |path| format!(", with {path}"),
        year_covered: |year| format!("{year} covered"),
        year_not_covered: |year| {
            format!(
                "{year} NOT covered: working days are provisional ({PROVISIONAL_RULE}); add the year with calendar_file"
            )
        },
        next_year_missing: |year| {
            format!("{year} not in the holiday table yet: {HOW_TO_ADD_A_YEAR}")
        },
        degraded: "DEGRADED: see the lines marked !! (exit 1)",
        ok_with_notices: "OK: everything needed is usable (exit 0); see the lines marked !",
        ok: "OK: everything needed is usable (exit 0)",
    },
};
