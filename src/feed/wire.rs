//! Serde shapes of feed format version 1, tolerant on purpose: strings stay strings so the
//! validator can quote a bad date or stage back to the publisher with its place. Unknown fields
//! are ignored (serde's default); borrowed text avoids a copy per field. Records must be JSON
//! objects ([`Object`]). Knows nothing of the domain's rules, terminals or the network.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::value::MapAccessDeserializer;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// A record that must be a JSON object. serde's derived `Deserialize` also takes an array and
/// reads it positionally (`["P1", "name", ...]`), which the format does not allow: an array is
/// a bad record, rejected alone with its place like any other.
pub struct Object<T>(pub T);

/// How a record kind is named in "expected ..." messages (as serde's derived code names it).
pub trait Record {
    const EXPECTING: &'static str;
}

impl<'de, T: Deserialize<'de> + Record> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ObjectVisitor(PhantomData))
    }
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de> + Record> Visitor<'de> for ObjectVisitor<T> {
    type Value = Object<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(T::EXPECTING)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Object<T>, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Object)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<Object<T>, A::Error> {
        Err(de::Error::custom("must be a JSON object, not an array"))
    }
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
    pub approvals: Option<Vec<Object<Approval<'a>>>>,
}

impl Record for Project<'_> {
    const EXPECTING: &'static str = "struct Project";
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

impl Record for Approval<'_> {
    const EXPECTING: &'static str = "struct Approval";
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

impl Record for Target {
    const EXPECTING: &'static str = "struct Target";
}

/// Read on a failed record only, to name it by id in the rejection (an array has no id).
#[derive(Deserialize)]
pub struct IdOnly<'a> {
    #[serde(default, borrow)]
    pub id: Option<Cow<'a, str>>,
}

impl Record for IdOnly<'_> {
    const EXPECTING: &'static str = "struct IdOnly";
}
