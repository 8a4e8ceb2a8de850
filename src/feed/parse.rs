//! Bytes to [`Snapshot`] in one pass over the document as its chunks arrive: each record is
//! read as the walk of the envelope reaches it and validated alone, so one bad record is
//! rejected with its place and reason while the rest of the feed is used, and each chunk is
//! freed once passed. A document that is not UTF-8 JSON, lacks `projects` or has another
//! `schema_version` is unusable as a whole.

mod document;
#[cfg(test)]
mod tests;
mod text;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use chrono::{DateTime, NaiveDate};
use hashbrown::HashTable;
use serde_json::value::RawValue;

use crate::domain::amount::Amount;
use crate::domain::date::parse_iso_date;
use crate::domain::model::{
    Approval, ApprovalStatus, Headquarters, Project, ProjectDetails, QuarterTarget, Rejection,
    Snapshot, Stage, Top500,
};
use crate::feed::body::Body;
use crate::feed::wire;
use crate::sanitize::{CompactText, SafeText};
use document::Projects;
use text::{Chunk, Text};

/// The only feed format this build reads.
pub const SCHEMA_VERSION: u64 = 1;

/// Why a whole document was refused. The last good data stays in use.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FeedError {
    /// Nothing but blanks: a publisher that wrote no file, or truncated it.
    #[error("feed file is empty (no JSON at all)")]
    Empty,
    /// An error page from a proxy or a wrong URL: say so rather than "expected value".
    #[error("feed looks like HTML, not JSON (a wrong URL, or a server's error page?)")]
    LooksLikeHtml,
    #[error("feed is not UTF-8: invalid byte at offset {offset}")]
    NotUtf8 { offset: usize },
    #[error("feed is not JSON: {message}")]
    NotJson { message: String },
    #[error("feed is not a JSON object at the top level")]
    NotAnObject,
    #[error("feed has no schema_version (expected {SCHEMA_VERSION})")]
    MissingSchemaVersion,
    #[error("feed schema_version {found} is not supported (this build reads {SCHEMA_VERSION})")]
    UnsupportedVersion { found: String },
    #[error("feed has no projects array")]
    MissingProjects,
    #[error("feed {field}: {message}")]
    WrongShape {
        field: &'static str,
        message: String,
    },
}

/// Parses and validates one document held whole (tests, an import, the demo feed).
pub fn parse_feed(bytes: &[u8]) -> Result<Snapshot, FeedError> {
    parse_chunks(std::iter::once(Chunk::Borrowed(bytes)))
}

/// Parses and validates a fetched body, freeing each of its chunks as soon as every record
/// in it is read: the body and the snapshot built from it never need to be held whole
/// together.
pub fn parse_body(body: Body) -> Result<Snapshot, FeedError> {
    parse_stream(body.into_chunks())
}

/// [`parse_body`] over chunks as they arrive (the dashboard's poller hands them over while the
/// body is still read): waits for each from `chunks`, frees each once read.
pub fn parse_stream(chunks: impl Iterator<Item = Vec<u8>>) -> Result<Snapshot, FeedError> {
    parse_chunks(chunks.map(Chunk::Owned))
}

fn parse_chunks<'a>(chunks: impl Iterator<Item = Chunk<'a>>) -> Result<Snapshot, FeedError> {
    let mut text = Text::new(chunks)?;
    let mut validator = Validator::default();
    let fields = match document::read(&mut text, &mut validator) {
        Ok(fields) => fields,
        Err(error @ FeedError::NotUtf8 { .. }) => return Err(error),
        // A document that is not UTF-8 is reported as such, wherever the first bad byte is.
        Err(error) => {
            drop(validator);
            return Err(text
                .first_invalid_utf8()
                .map_or(error, |offset| FeedError::NotUtf8 { offset }));
        }
    };
    check_version(fields.schema_version.as_deref())?;
    match fields.projects {
        Projects::Absent => return Err(FeedError::MissingProjects),
        Projects::NotAnArray(error) => return Err(error),
        Projects::Read => {}
    }

    let mut snapshot = Snapshot::default();
    if text.bom() {
        snapshot
            .warnings
            .push("the feed starts with a UTF-8 byte order mark (BOM); it was ignored".to_owned());
    }
    if let Some(raw) = fields.generated_at {
        match serde_json::from_str::<Option<Cow<'_, str>>>(raw.get()) {
            Ok(None) => {}
            Ok(Some(stamp)) => match DateTime::parse_from_rfc3339(&stamp) {
                Ok(at) => snapshot.generated_at = Some(at),
                Err(_) => snapshot.warnings.push(format!(
                    "generated_at: invalid RFC 3339 timestamp {:?}; ignored",
                    crate::sanitize::sanitize(&stamp)
                )),
            },
            Err(e) => snapshot
                .warnings
                .push(format!("generated_at: {}; ignored", without_position(&e))),
        }
    }
    if let Some(raw) = fields.targets {
        parse_targets(&raw, &mut snapshot)?;
    }
    let Validator {
        accepted: mut projects,
        mut rejected,
        ..
    } = validator;
    // Records grew by doubling: give the unused tail back (a 2M-record feed's is large).
    projects.shrink_to_fit();
    snapshot.projects = projects;
    snapshot.rejected.append(&mut rejected);
    Ok(snapshot)
}

/// Why a document that does not start with `{` cannot be used, from its whole text.
fn not_an_object(text: &str) -> FeedError {
    let start = text.trim_start();
    if start.is_empty() {
        return FeedError::Empty;
    }
    if start.starts_with('<') {
        return FeedError::LooksLikeHtml;
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => FeedError::NotAnObject,
        Err(e) => FeedError::NotJson {
            message: e.to_string(),
        },
    }
}

fn check_version(version: Option<&RawValue>) -> Result<(), FeedError> {
    let version = version.ok_or(FeedError::MissingSchemaVersion)?;
    if version.get().trim() != SCHEMA_VERSION.to_string() {
        return Err(FeedError::UnsupportedVersion {
            found: crate::sanitize::sanitize(version.get()),
        });
    }
    Ok(())
}

fn parse_targets(raw: &RawValue, snapshot: &mut Snapshot) -> Result<(), FeedError> {
    let records: Option<Vec<&RawValue>> =
        serde_json::from_str(raw.get()).map_err(|e| FeedError::WrongShape {
            field: "targets",
            message: without_position(&e),
        })?;
    for (index, raw) in records.unwrap_or_default().into_iter().enumerate() {
        let record = format!("targets[{index}]");
        match parse_target(&record, raw, &snapshot.targets) {
            Ok(target) => snapshot.targets.push(target),
            Err((path, reason)) => snapshot.rejected.push(Rejection {
                record,
                id: None,
                path,
                reason,
            }),
        }
    }
    Ok(())
}

fn parse_target(
    record: &str,
    raw: &RawValue,
    accepted: &[QuarterTarget],
) -> Result<QuarterTarget, (String, String)> {
    let wire::Object(target): wire::Object<wire::Target> =
        deserialize_with_path(|| record.to_owned(), raw)?;
    if !(1..=4).contains(&target.quarter) {
        return Err((
            format!("{record}.quarter"),
            format!("quarter must be 1 to 4, got {}", target.quarter),
        ));
    }
    if !(1900..=9999).contains(&target.year) {
        return Err((
            format!("{record}.year"),
            format!("year out of range: {}", target.year),
        ));
    }
    if accepted
        .iter()
        .any(|t| t.year == target.year && t.quarter == target.quarter)
    {
        return Err((
            record.to_owned(),
            format!(
                "duplicate target for {} Q{}: an earlier target is used",
                target.year, target.quarter
            ),
        ));
    }
    let signed_amount = target
        .signed_amount_cny
        .as_ref()
        .map(|n| amount(n).map_err(|reason| (format!("{record}.signed_amount_cny"), reason)))
        .transpose()?;
    Ok(QuarterTarget {
        year: target.year,
        quarter: target.quarter,
        signed_projects: target.signed_projects,
        signed_amount,
        started_projects: target.started_projects,
    })
}

/// Deserializes one record. Only when that fails is it read again with its path tracked, to
/// turn serde's error into `(path, reason)` with the record prefix: tracking every record's
/// path cost a tenth of the parse.
fn deserialize_with_path<'a, T: serde::Deserialize<'a>>(
    record: impl FnOnce() -> String,
    raw: &'a RawValue,
) -> Result<T, (String, String)> {
    serde_json::from_str(raw.get()).map_err(|first: serde_json::Error| {
        let mut deserializer = serde_json::Deserializer::from_str(raw.get());
        let record = record();
        match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
            Err(e) => {
                let inner = e.path().to_string();
                let path = if inner == "." || inner.is_empty() {
                    record
                } else if inner.starts_with('[') {
                    format!("{record}{inner}")
                } else {
                    format!("{record}.{inner}")
                };
                (path, without_position(e.inner()))
            }
            // The same reader on the same text fails the same way; kept total all the same.
            Ok(_) => (record, without_position(&first)),
        }
    })
}

/// `serde_json` appends "at line 1 column 52" relative to the record; the path says more.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_owned(),
        None => message,
    }
}

/// An amount from the number's own text (`serde_json`'s `arbitrary_precision` keeps it), so
/// `99999999999999.99` or a sum past 2^53 stays exact: never through a float.
fn amount(number: &serde_json::Number) -> Result<Amount, String> {
    Amount::from_decimal(number.as_str()).map_err(|e| e.to_string())
}

type RecordResult<T> = Result<T, Box<Rejection>>;

/// How many distinct approval ids are shared between projects.
const SHARED_APPROVAL_IDS: usize = 1024;

/// Up to this many approvals in a project, duplicates are found by a scan of the earlier ones.
const FEW_APPROVALS: usize = 16;

/// The hasher of the validator's sets and maps: ids and labels come from the feed, so it is
/// keyed (seeded at random per process), but far cheaper than std's `SipHash` on short keys.
type Hasher = foldhash::fast::RandomState;

/// Validates projects one at a time and keeps them; finds duplicate ids and shares the text
/// of repeated labels (districts, chains, departments) between records.
#[derive(Default)]
struct Validator {
    accepted: Vec<Project>,
    /// The accepted projects' ids as every output shows them (sanitized: `P1` and
    /// `P1\u{200b}` are the same project), each slot the index of its project in `accepted`:
    /// 4 bytes a slot where a copy of the id took 24 (the set is 2^22 slots at 2M projects).
    seen_ids: HashTable<u32>,
    ids_hasher: Hasher,
    rejected: Vec<Rejection>,
    labels: HashMap<String, SafeText, Hasher>,
    /// Approval ids are unique only within their project, so most feeds repeat `A1`, `A2`...
    /// in every project: shared like labels (a tenth of a 100k feed's memory), but only the
    /// first [`SHARED_APPROVAL_IDS`], so globally unique ids cannot grow the map with the feed.
    approval_ids: HashMap<String, SafeText, Hasher>,
}

impl Validator {
    /// Keeps an accepted project (its id taken from now on) or a rejection.
    fn keep(&mut self, result: RecordResult<Project>) {
        match result {
            Ok(project) => self.accept(project),
            Err(rejection) => self.rejected.push(*rejection),
        }
    }

    fn project(&mut self, index: usize, raw: &RawValue) -> RecordResult<Project> {
        let wire::Object::<wire::Project<'_>>(wire) =
            deserialize_with_path(|| record_name(index), raw).map_err(|(path, reason)| {
                let id = serde_json::from_str::<wire::Object<wire::IdOnly<'_>>>(raw.get())
                    .ok()
                    .and_then(|wire::Object(only)| only.id)
                    .map(|id| SafeText::new(&id));
                Box::new(Rejection {
                    record: record_name(index),
                    id,
                    path,
                    reason,
                })
            })?;
        self.project_from_wire(index, wire)
    }

    fn project_from_wire(
        &mut self,
        index: usize,
        wire: wire::Project<'_>,
    ) -> RecordResult<Project> {
        // Named only when rejected: most records never need their name.
        let record = || record_name(index);
        let reject = |path: String, reason: String, id: Option<SafeText>| {
            Box::new(Rejection {
                record: record(),
                id,
                path,
                reason,
            })
        };
        let id = CompactText::new(&wire.id);
        let field = |name: &str| format!("{}.{name}", record());
        let fail = |name: &str, why: String| reject(field(name), why, Some(id.to_safe_text()));

        if id.is_empty() {
            return Err(fail("id", "must not be empty".to_owned()));
        }
        if self.is_seen(&id) {
            return Err(fail("id", format!("duplicate id {:?}", id.as_str())));
        }
        let name = CompactText::new(&wire.name);
        if name.is_empty() {
            return Err(fail("name", "must not be empty".to_owned()));
        }
        let stage = Stage::parse(&wire.stage).ok_or_else(|| {
            fail(
                "stage",
                format!(
                    "unknown stage {:?} (expected one of negotiating, signed, landed, started, operating, cancelled)",
                    crate::sanitize::sanitize(&wire.stage)
                ),
            )
        })?;
        let amount = amount(&wire.amount_cny).map_err(|reason| fail("amount_cny", reason))?;
        let date = |name: &str, value: Option<&Cow<'_, str>>| -> RecordResult<Option<NaiveDate>> {
            value
                .map(|text| parse_iso_date(text).ok_or_else(|| fail(name, invalid_date(text))))
                .transpose()
        };
        let signed_on = date("signed_on", wire.signed_on.as_ref())?;
        let landed_on = date("landed_on", wire.landed_on.as_ref())?;
        let started_on = date("started_on", wire.started_on.as_ref())?;
        let operating_on = date("operating_on", wire.operating_on.as_ref())?;

        let top500 = top500_kinds(wire.top500.as_deref().unwrap_or_default())
            .map_err(|(place, reason)| fail(&place, reason))?;
        let headquarters = wire
            .headquarters
            .as_deref()
            .map(headquarters)
            .transpose()
            .map_err(|reason| fail("headquarters", reason))?;

        let count = wire.approvals.as_ref().map_or(0, Vec::len);
        let mut approvals = Vec::with_capacity(count);
        // A set, not a scan of the approvals so far, once there are many: one project may
        // carry 100,000 of them. Most carry a handful, where a scan is cheaper than a set.
        let mut approval_ids = (count > FEW_APPROVALS)
            .then(|| HashSet::with_capacity_and_hasher(count, Hasher::default()));
        for (i, wire::Object(approval)) in wire.approvals.iter().flatten().enumerate() {
            let place = || format!("approvals[{i}]");
            let approval = self.approval(approval).map_err(|(name, reason)| {
                let path = if name.is_empty() {
                    place()
                } else {
                    format!("{}.{name}", place())
                };
                fail(&path, reason)
            })?;
            let duplicate = match &mut approval_ids {
                Some(ids) => !ids.insert(approval.id.clone()),
                None => approvals.iter().any(|a: &Approval| a.id == approval.id),
            };
            if duplicate {
                return Err(fail(
                    &format!("{}.id", place()),
                    format!(
                        "duplicate approval id {:?} in this project",
                        approval.id.as_str()
                    ),
                ));
            }
            approvals.push(approval);
        }

        Ok(Project {
            id,
            name,
            investor: wire.investor.as_deref().and_then(non_empty),
            district: self.label(wire.district.as_deref()),
            chain: self.label(wire.chain.as_deref()),
            amount,
            stage,
            signed_on,
            started_on,
            approvals: approvals.into_boxed_slice(),
            details: None,
        }
        .with_details(ProjectDetails {
            zone: self.label(wire.zone.as_deref()),
            source_region: self.label(wire.source_region.as_deref()),
            top500,
            headquarters,
            landed_on,
            operating_on,
        }))
    }

    fn is_seen(&self, id: &CompactText) -> bool {
        let hash = self.ids_hasher.hash_one(id);
        let accepted = &self.accepted;
        self.seen_ids
            .find(hash, |&i| {
                accepted.get(i as usize).is_some_and(|p| p.id == *id)
            })
            .is_some()
    }

    /// Keeps a project [`Validator::project_from_wire`] accepted; its id is taken from now on.
    fn accept(&mut self, project: Project) {
        let accepted = &self.accepted;
        let hasher = &self.ids_hasher;
        let Ok(index) = u32::try_from(accepted.len()) else {
            // Unreachable under any body cap (a project takes tens of bytes); refused, not lost.
            return self.rejected.push(Rejection {
                record: record_name(accepted.len() + self.rejected.len()),
                id: Some(project.id.to_safe_text()),
                path: "projects".to_owned(),
                reason: "more projects than this build can hold".to_owned(),
            });
        };
        self.seen_ids
            .insert_unique(hasher.hash_one(&project.id), index, |&i| {
                accepted
                    .get(i as usize)
                    .map_or(0, |p| hasher.hash_one(&p.id))
            });
        self.accepted.push(project);
    }

    fn approval(&mut self, wire: &wire::Approval<'_>) -> Result<Approval, (&'static str, String)> {
        let id = self.approval_id(&wire.id);
        if id.is_empty() {
            return Err(("id", "must not be empty".to_owned()));
        }
        let status = ApprovalStatus::parse(&wire.status).ok_or_else(|| {
            (
                "status",
                format!(
                    "unknown status {:?} (expected pending, approved, rejected or withdrawn)",
                    crate::sanitize::sanitize(&wire.status)
                ),
            )
        })?;
        let submitted_on = parse_iso_date(&wire.submitted_on)
            .ok_or_else(|| ("submitted_on", invalid_date(&wire.submitted_on)))?;
        let decided_on = wire
            .decided_on
            .as_ref()
            .map(|text| parse_iso_date(text).ok_or_else(|| ("decided_on", invalid_date(text))))
            .transpose()?;
        Ok(Approval {
            id,
            item: self.label(wire.item.as_deref()),
            department: self.label(wire.department.as_deref()),
            submitted_on,
            decided_on,
            status,
            limit_working_days: wire.limit_working_days,
        })
    }

    fn approval_id(&mut self, raw: &str) -> SafeText {
        if let Some(shared) = self.approval_ids.get(raw) {
            return shared.clone();
        }
        let id = SafeText::new(raw);
        if self.approval_ids.len() < SHARED_APPROVAL_IDS {
            self.approval_ids.insert(raw.to_owned(), id.clone());
        }
        id
    }

    fn label(&mut self, raw: Option<&str>) -> Option<SafeText> {
        let raw = raw?;
        if let Some(shared) = self.labels.get(raw) {
            return (!shared.is_empty()).then(|| shared.clone());
        }
        let text = SafeText::new(raw);
        self.labels.insert(raw.to_owned(), text.clone());
        (!text.is_empty()).then_some(text)
    }
}

fn record_name(index: usize) -> String {
    format!("projects[{index}]")
}

fn top500_kinds(values: &[Cow<'_, str>]) -> Result<Box<[Top500]>, (String, String)> {
    let mut kinds = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let kind = Top500::parse(value).ok_or_else(|| {
            (
                format!("top500[{i}]"),
                format!(
                    "unknown value {:?} (expected fortune_global, china or china_private)",
                    crate::sanitize::sanitize(value)
                ),
            )
        })?;
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    Ok(kinds.into_boxed_slice())
}

fn headquarters(value: &str) -> Result<Headquarters, String> {
    Headquarters::parse(value).ok_or_else(|| {
        format!(
            "unknown value {:?} (expected corporate, regional or functional)",
            crate::sanitize::sanitize(value)
        )
    })
}

fn non_empty(raw: &str) -> Option<SafeText> {
    let text = SafeText::new(raw);
    (!text.is_empty()).then_some(text)
}

fn invalid_date(text: &str) -> String {
    format!("invalid date {:?}", crate::sanitize::sanitize(text))
}
