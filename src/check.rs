//! `check-feed`: a report for the feed's publisher. Counts, every rejected record with its
//! reason, and warnings about data that is valid but suspicious. Pure: formats to `impl Write`.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

use crate::domain::calendar::{Calendar, PROVISIONAL_RULE, year_ranges};
use crate::domain::model::{ApprovalStatus, Snapshot};
use crate::exit::Exit;
use crate::feed::FeedProblem;
use crate::lang::Lang;

/// Valid-but-suspicious findings, each naming the project and the dates involved.
pub fn warnings(snapshot: &Snapshot, today: NaiveDate, calendar: &Calendar) -> Vec<String> {
    let mut found = snapshot.warnings.clone();
    let mut uncovered = std::collections::BTreeSet::new();
    for project in &snapshot.projects {
        let id = &project.id;
        let milestones = [
            ("signed_on", project.signed_on),
            ("landed_on", project.landed_on()),
            ("started_on", project.started_on),
            ("operating_on", project.operating_on()),
        ];
        for (field, date) in milestones {
            if let Some(date) = date.filter(|d| *d > today) {
                found.push(format!("project {id}: {field} {date} is in the future"));
            }
        }
        if let (Some(started), Some(signed)) = (project.started_on, project.signed_on)
            && started < signed
        {
            found.push(format!(
                "project {id}: started_on {started} is before signed_on {signed}"
            ));
        }
        for approval in &project.approvals {
            let aid = &approval.id;
            if approval.submitted_on > today {
                found.push(format!(
                    "project {id} approval {aid}: submitted_on {} is in the future",
                    approval.submitted_on
                ));
            }
            if let Some(decided) = approval.decided_on {
                if decided < approval.submitted_on {
                    found.push(format!(
                        "project {id} approval {aid}: decided_on {decided} is before submitted_on {}",
                        approval.submitted_on
                    ));
                }
                if approval.status == ApprovalStatus::Pending {
                    found.push(format!(
                        "project {id} approval {aid}: pending but has decided_on {decided}"
                    ));
                }
            }
            if approval.status == ApprovalStatus::Pending {
                for year in calendar
                    .uncovered_years(approval.submitted_on, today.max(approval.submitted_on))
                {
                    uncovered.insert(year);
                }
            }
        }
    }
    if !calendar.covers_year(today.year()) {
        uncovered.insert(today.year());
    }
    if !uncovered.is_empty() {
        let years: Vec<i32> = uncovered.into_iter().collect();
        found.push(format!(
            "calendar: {} not in the holiday table; working days there are provisional ({PROVISIONAL_RULE})",
            year_ranges(&years)
        ));
    }
    found
}

/// The exit code of `check-feed`: [`Exit::Ok`] when nothing was rejected, [`Exit::Warning`]
/// when some records were, [`Exit::Critical`] when the feed is unusable.
pub fn verdict<E>(parsed: &Result<Snapshot, E>) -> Exit {
    match parsed {
        Err(_) => Exit::Critical,
        Ok(snapshot) if snapshot.rejected.is_empty() => Exit::Ok,
        Ok(_) => Exit::Warning,
    }
}

/// Writes the report and returns its [`verdict`].
pub fn write_report(
    out: &mut impl Write,
    source: &str,
    parsed: &Result<Snapshot, FeedProblem>,
    today: NaiveDate,
    calendar: &Calendar,
    lang: Lang,
) -> io::Result<Exit> {
    let l = &lang.labels().check;
    writeln!(out, "{}", (l.title)(source, &today.to_string()))?;
    let snapshot = match parsed {
        Ok(snapshot) => snapshot,
        Err(error) => {
            let reason = crate::sanitize::sanitize(error.in_lang(lang));
            writeln!(out, "{}", (l.unusable)(&reason))?;
            writeln!(out, "{}", (l.result_unusable)(Exit::Critical.code()))?;
            return Ok(Exit::Critical);
        }
    };
    let approvals: usize = snapshot.projects.iter().map(|p| p.approvals.len()).sum();
    let rejected_projects = snapshot
        .rejected
        .iter()
        .filter(|r| r.record.starts_with("projects"))
        .count();
    let generated_at = snapshot
        .generated_at
        .map_or_else(|| l.not_given.to_owned(), |t| t.to_rfc3339());
    writeln!(out, "{}", (l.usable)(&generated_at))?;
    writeln!(
        out,
        "{}",
        (l.counts)(
            snapshot.projects.len(),
            rejected_projects,
            approvals,
            snapshot.targets.len(),
            snapshot.rejected.len() - rejected_projects
        )
    )?;
    for rejection in &snapshot.rejected {
        writeln!(out, "REJECTED {rejection}")?;
    }
    let warnings = warnings(snapshot, today, calendar);
    for warning in &warnings {
        writeln!(out, "WARNING  {warning}")?;
    }
    let exit = verdict(parsed);
    writeln!(
        out,
        "{}",
        (l.result)(snapshot.rejected.len(), warnings.len(), exit.code())
    )?;
    Ok(exit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::parse_feed;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    #[test]
    fn suspicious_dates_are_warned_about() {
        let text = r#"{"schema_version":1,"projects":[
          {"id":"P","name":"n","amount_cny":1,"stage":"started","signed_on":"2022-03-01","started_on":"2022-02-01",
           "approvals":[{"id":"A","status":"pending","submitted_on":"2022-02-10","decided_on":"2022-02-01"}]},
          {"id":"Q","name":"n","amount_cny":1,"stage":"signed","signed_on":"2022-04-01"}]}"#;
        let snapshot = parse_feed(text.as_bytes()).expect("usable");
        let found = warnings(&snapshot, day("2022-03-15"), &Calendar::embedded());
        assert_eq!(
            found,
            [
                "project P: started_on 2022-02-01 is before signed_on 2022-03-01",
                "project P approval A: decided_on 2022-02-01 is before submitted_on 2022-02-10",
                "project P approval A: pending but has decided_on 2022-02-01",
                "project Q: signed_on 2022-04-01 is in the future",
            ]
        );
        let found = warnings(&snapshot, day("2027-05-01"), &Calendar::embedded());
        assert_eq!(
            found.last().map(String::as_str),
            Some(
                "calendar: 2027 not in the holiday table; working days there are provisional (weekends and statutory holidays, no make-up working days)"
            )
        );
    }

    #[test]
    fn uncovered_years_are_one_line_of_ranges() {
        let text = r#"{"schema_version":1,"projects":[
          {"id":"P","name":"n","amount_cny":1,"stage":"signed","approvals":[
            {"id":"A","status":"pending","submitted_on":"2017-06-01"},
            {"id":"B","status":"pending","submitted_on":"2031-06-01"}]}]}"#;
        let snapshot = parse_feed(text.as_bytes()).expect("usable");
        let found = warnings(&snapshot, day("2033-03-01"), &Calendar::embedded());
        let calendar: Vec<&String> = found.iter().filter(|w| w.starts_with("calendar")).collect();
        assert_eq!(
            calendar,
            [
                "calendar: 2017-2019, 2027-2033 not in the holiday table; working days there are provisional (weekends and statutory holidays, no make-up working days)"
            ]
        );
    }

    #[test]
    fn the_report_names_an_array_record_and_a_byte_order_mark() {
        let text = "\u{feff}{\"schema_version\":1,\"projects\":[[\"P\",\"n\",null,null,null,null,null,null,null,1,\"signed\"]]}";
        let parsed = parse_feed(text.as_bytes()).map_err(|e| FeedProblem::from(&e));
        let mut out = Vec::new();
        let exit = write_report(
            &mut out,
            "x",
            &parsed,
            day("2022-03-15"),
            &Calendar::embedded(),
            Lang::En,
        );
        assert_eq!(exit.ok(), Some(Exit::Warning));
        let text = String::from_utf8(out).unwrap_or_default();
        for line in [
            "REJECTED projects[0]: must be a JSON object, not an array\n",
            "WARNING  the feed starts with a UTF-8 byte order mark (BOM); it was ignored\n",
        ] {
            assert!(text.contains(line), "{line:?} missing from:\n{text}");
        }
    }

    #[test]
    fn report_exit_codes() {
        let calendar = Calendar::embedded();
        let today = day("2022-03-15");
        let clean =
            parse_feed(br#"{"schema_version":1,"projects":[]}"#).map_err(|e| FeedProblem::from(&e));
        let mut out = Vec::new();
        assert_eq!(
            write_report(&mut out, "x", &clean, today, &calendar, Lang::En).ok(),
            Some(Exit::Ok)
        );
        let rejected = parse_feed(br#"{"schema_version":1,"projects":[{"id":"P"}]}"#)
            .map_err(|e| FeedProblem::from(&e));
        let mut out = Vec::new();
        assert_eq!(
            write_report(&mut out, "x", &rejected, today, &calendar, Lang::En).ok(),
            Some(Exit::Warning)
        );
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(
            text.contains("REJECTED projects[0]: missing field `name` (id P)"),
            "{text}"
        );
        let unusable = parse_feed(b"").map_err(|e| FeedProblem::from(&e));
        let mut out = Vec::new();
        assert_eq!(
            write_report(&mut out, "x", &unusable, today, &calendar, Lang::En).ok(),
            Some(Exit::Critical)
        );
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.contains("UNUSABLE: feed file is empty"), "{text}");
        let mut out = Vec::new();
        write_report(&mut out, "x", &unusable, today, &calendar, Lang::Zh).ok();
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(
            text,
            "check-feed x（今天 2022-03-15）\n不可用：文件为空（不是 JSON）\n结果：数据源不可用（退出码 2）\n"
        );
        let mut out = Vec::new();
        write_report(&mut out, "x", &rejected, today, &calendar, Lang::Zh).ok();
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(
            text.contains("项目：接受 0 个，被拒 1 个；审批：0 项；目标：接受 0 条，被拒 0 条"),
            "{text}"
        );
        assert!(
            text.contains("结果：被拒 1 条，警告 0 条（退出码 1）"),
            "{text}"
        );
    }
}
