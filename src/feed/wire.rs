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
use serde_json::value::RawValue;

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

/// The envelope read in one pass over the document: each element of `projects` is read as an
/// `R` and handed to the callback with its index as soon as it is reached, without a second
/// pass over the array to collect them first. `R` is either a record's typed shape (one pass,
/// but the first record serde cannot read fails the whole read) or `&RawValue` (each record
/// then parsed, and failing, alone). Stricter than [`Envelope`]: a `projects` that is not an
/// array, or a field given twice, fails the whole read, and the caller then asks [`Envelope`]
/// for the exact reason.
pub struct StreamedEnvelope<R, F> {
    record: F,
    shape: PhantomData<fn() -> R>,
}

impl<R, F> StreamedEnvelope<R, F> {
    pub fn new(record: F) -> Self {
        StreamedEnvelope {
            record,
            shape: PhantomData,
        }
    }
}

/// What [`StreamedEnvelope`] keeps of the document besides the records.
#[derive(Default)]
pub struct EnvelopeFields<'a> {
    pub schema_version: Option<&'a RawValue>,
    pub generated_at: Option<&'a RawValue>,
    pub targets: Option<&'a RawValue>,
    /// `projects` was present (and an array: anything else fails the read).
    pub has_projects: bool,
}

impl<'de, R: Deserialize<'de>, F: FnMut(usize, R)> de::DeserializeSeed<'de>
    for StreamedEnvelope<R, F>
{
    type Value = EnvelopeFields<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, R: Deserialize<'de>, F: FnMut(usize, R)> Visitor<'de> for StreamedEnvelope<R, F> {
    type Value = EnvelopeFields<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("struct Envelope")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = EnvelopeFields::default();
        // Given twice is an error even when the first was `null`, as in the derived `Envelope`.
        let mut seen = [false; 3];
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            let slot = match &*key {
                "schema_version" => 0,
                "generated_at" => 1,
                "targets" => 2,
                "projects" => {
                    if fields.has_projects {
                        return Err(de::Error::custom("duplicate field `projects`"));
                    }
                    map.next_value_seed(Records::<R, F>(&mut self.record, PhantomData))?;
                    fields.has_projects = true;
                    continue;
                }
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                    continue;
                }
            };
            // `null` reads as absent, as `Option` fields of `Envelope` do.
            let value: Option<&'de RawValue> = map.next_value()?;
            if std::mem::replace(&mut seen[slot], true) {
                return Err(de::Error::custom("duplicate field"));
            }
            *match slot {
                0 => &mut fields.schema_version,
                1 => &mut fields.generated_at,
                _ => &mut fields.targets,
            } = value;
        }
        Ok(fields)
    }
}

/// The `projects` array, each element read as an `R` and handed on with its index.
struct Records<'f, R, F>(&'f mut F, PhantomData<fn() -> R>);

impl<'de, R: Deserialize<'de>, F: FnMut(usize, R)> de::DeserializeSeed<'de> for Records<'_, R, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, R: Deserialize<'de>, F: FnMut(usize, R)> Visitor<'de> for Records<'_, R, F> {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(record) = seq.next_element::<R>()? {
            (self.0)(index, record);
            index += 1;
        }
        Ok(())
    }
}
