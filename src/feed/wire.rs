//! Serde shapes of feed format version 1, tolerant on purpose: strings stay strings so the
//! validator can quote a bad date or stage back to the publisher with its place. Unknown fields
//! are ignored (serde's default); borrowed text avoids a copy per field.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;

/// The document's outer shape. Records stay raw so each is parsed (and fails) alone.
#[derive(Deserialize)]
pub struct Envelope<'a> {
    #[serde(default, borrow)]
    pub schema_version: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub generated_at: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub targets: Option<&'a RawValue>,
    #[serde(default, borrow)]
    pub projects: Option<&'a RawValue>,
}

#[derive(Deserialize)]
pub struct Project<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    #[serde(default, borrow)]
    pub investor: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub district: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub zone: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub chain: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub source_region: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub top500: Option<Vec<Cow<'a, str>>>,
    #[serde(default, borrow)]
    pub headquarters: Option<Cow<'a, str>>,
    pub amount_cny: serde_json::Number,
    #[serde(borrow)]
    pub stage: Cow<'a, str>,
    #[serde(default, borrow)]
    pub signed_on: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub landed_on: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub started_on: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub operating_on: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub approvals: Option<Vec<Approval<'a>>>,
}

#[derive(Deserialize)]
pub struct Approval<'a> {
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    #[serde(default, borrow)]
    pub item: Option<Cow<'a, str>>,
    #[serde(default, borrow)]
    pub department: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub submitted_on: Cow<'a, str>,
    #[serde(default, borrow)]
    pub decided_on: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub status: Cow<'a, str>,
    #[serde(default)]
    pub limit_working_days: Option<u32>,
}

#[derive(Deserialize)]
pub struct Target {
    pub year: i32,
    pub quarter: u8,
    #[serde(default)]
    pub signed_projects: Option<u32>,
    #[serde(default)]
    pub signed_amount_cny: Option<serde_json::Number>,
    #[serde(default)]
    pub started_projects: Option<u32>,
}

/// Read on a failed record only, to name it by id in the rejection.
#[derive(Deserialize)]
pub struct IdOnly<'a> {
    #[serde(default, borrow)]
    pub id: Option<Cow<'a, str>>,
}
