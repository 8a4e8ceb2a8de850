//! The document's outer object, read as its text arrives: the envelope's keys, each element of
//! `projects` handed to the validator as soon as it is read (and its chunk freed once passed),
//! the other values kept raw for the caller. Syntax errors are named and placed as
//! `serde_json` names and places them when reading the whole document.

use serde_json::value::RawValue;

use super::text::{Attempt, Chunk, Text, one};
use super::{FeedError, Validator, wire};

/// What the envelope holds besides the records, which went to the validator.
#[derive(Default)]
pub(super) struct Fields {
    pub(super) schema_version: Option<Box<RawValue>>,
    pub(super) generated_at: Option<Box<RawValue>>,
    pub(super) targets: Option<Box<RawValue>>,
    pub(super) projects: Projects,
}

#[derive(Default)]
pub(super) enum Projects {
    /// Not there, or `null`.
    #[default]
    Absent,
    /// An array, read record by record.
    Read,
    /// Something else: why it is not an array, reported once the version is known good.
    NotAnArray(FeedError),
}

/// The envelope's fields, in the order of [`NAMES`].
#[derive(Clone, Copy)]
enum Key {
    SchemaVersion,
    GeneratedAt,
    Targets,
    Projects,
    Other,
}

const NAMES: [&str; 4] = ["schema_version", "generated_at", "targets", "projects"];

impl Key {
    fn of(name: &str) -> Key {
        match name {
            "schema_version" => Key::SchemaVersion,
            "generated_at" => Key::GeneratedAt,
            "targets" => Key::Targets,
            "projects" => Key::Projects,
            _ => Key::Other,
        }
    }
}

/// Reads the whole document; the records go to `validator`. A document that does not start
/// with `{` is named by [`super::not_an_object`] from its whole text.
pub(super) fn read<'a, I: Iterator<Item = Chunk<'a>>>(
    text: &mut Text<'a, I>,
    validator: &mut Validator,
) -> Result<Fields, FeedError> {
    if text.peek()? != Some(b'{') {
        return Err(super::not_an_object(&text.rest_from_start()?));
    }
    text.bump();
    let mut fields = Fields::default();
    let mut seen = [false; NAMES.len()];
    match text.peek()? {
        None => return Err(text.eof("EOF while parsing an object")),
        Some(b'}') => text.bump(),
        Some(b'"') => loop {
            let key = text
                .value(|t, more| one::<std::borrow::Cow<'_, str>>(t, more).map(|k| Key::of(&k)))?;
            let next = text.peek()?;
            if let Some(slot) = seen.get_mut(key as usize)
                && std::mem::replace(slot, true)
            {
                // serde places it after the whitespace, and after a `}` it then consumes.
                let (line, column) = text.here();
                let column = column + usize::from(next == Some(b'}'));
                return Err(FeedError::WrongShape {
                    field: "document",
                    message: format!(
                        "duplicate field `{}` at line {line} column {column}",
                        NAMES[key as usize]
                    ),
                });
            }
            match next {
                None => return Err(text.eof("EOF while parsing an object")),
                Some(b':') => text.bump(),
                Some(_) => return Err(text.unexpected("expected `:`")),
            }
            match text.peek()? {
                None => return Err(text.eof("EOF while parsing a value")),
                Some(b'[') if matches!(key, Key::Projects) => {
                    text.bump();
                    read_records(text, validator)?;
                    fields.projects = Projects::Read;
                }
                Some(_) => read_field(text, key, &mut fields)?,
            }
            match text.peek()? {
                None => return Err(text.eof("EOF while parsing an object")),
                Some(b',') => text.bump(),
                Some(b'}') => {
                    text.bump();
                    break;
                }
                Some(_) => return Err(text.unexpected("expected `,` or `}`")),
            }
            match text.peek()? {
                None => return Err(text.eof("EOF while parsing a value")),
                Some(b'"') => {}
                Some(b'}') => return Err(text.unexpected("trailing comma")),
                Some(_) => return Err(text.unexpected("key must be a string")),
            }
        },
        Some(_) => return Err(text.unexpected("key must be a string")),
    }
    if text.peek()?.is_some() {
        return Err(text.unexpected("trailing characters"));
    }
    Ok(fields)
}

/// A field's value other than a `projects` array: kept raw (`null` reads as absent, as for
/// an optional field), or checked as JSON and dropped when the field is not one of ours.
fn read_field<'a, I: Iterator<Item = Chunk<'a>>>(
    text: &mut Text<'a, I>,
    key: Key,
    fields: &mut Fields,
) -> Result<(), FeedError> {
    let slot = match key {
        Key::SchemaVersion => &mut fields.schema_version,
        Key::GeneratedAt => &mut fields.generated_at,
        Key::Targets => &mut fields.targets,
        Key::Projects => {
            let raw = text.value(|t, more| one::<&RawValue>(t, more).map(RawValue::to_owned))?;
            if raw.get() != "null" {
                let message = match serde_json::from_str::<Vec<&RawValue>>(raw.get()) {
                    Err(e) => super::without_position(&e),
                    Ok(_) => "not an array".to_owned(),
                };
                fields.projects = Projects::NotAnArray(FeedError::WrongShape {
                    field: "projects",
                    message,
                });
            }
            return Ok(());
        }
        Key::Other => {
            return text.value(|t, more| one::<serde::de::IgnoredAny>(t, more).map(drop));
        }
    };
    let raw = text.value(|t, more| one::<&RawValue>(t, more).map(RawValue::to_owned))?;
    *slot = (raw.get() != "null").then_some(raw);
    Ok(())
}

/// The elements of `projects`, after its `[`, each validated as soon as it is read.
fn read_records<'a, I: Iterator<Item = Chunk<'a>>>(
    text: &mut Text<'a, I>,
    validator: &mut Validator,
) -> Result<(), FeedError> {
    match text.peek()? {
        None => return Err(text.eof("EOF while parsing a list")),
        Some(b']') => {
            text.bump();
            return Ok(());
        }
        Some(_) => {}
    }
    let mut index = 0;
    loop {
        text.value(|record, more| read_record(validator, index, record, more))?;
        index += 1;
        match text.peek()? {
            None => return Err(text.eof("EOF while parsing a list")),
            Some(b',') => text.bump(),
            Some(b']') => {
                text.bump();
                return Ok(());
            }
            Some(_) => return Err(text.unexpected("expected `,` or `]`")),
        }
        // The array was always read by serde's `ignore_value`, which has no trailing-comma
        // message: a `]` there is a missing value.
        match text.peek()? {
            None => return Err(text.eof("EOF while parsing a value")),
            Some(b']') => return Err(text.unexpected("expected value")),
            Some(_) => {}
        }
    }
}

/// One record at the start of `text`: straight into its typed shape (one pass), or, when
/// serde cannot read it so, taken raw (JSON, but a wrong type or a lone surrogate) and
/// validated alone so it is rejected with its place. Whatever the raw read refuses is not
/// JSON, named as the raw read names it. Nothing is validated until the record is whole.
fn read_record(validator: &mut Validator, index: usize, text: &str, more: bool) -> Attempt<()> {
    match one::<wire::Object<wire::Project<'_>>>(text, more) {
        Attempt::Done(wire::Object(wire), used) => {
            let project = validator.project_from_wire(index, wire);
            validator.keep(project);
            Attempt::Done((), used)
        }
        Attempt::More => Attempt::More,
        Attempt::Failed(_) => match one::<&RawValue>(text, more) {
            Attempt::Done(raw, used) => {
                let project = validator.project(index, raw);
                validator.keep(project);
                Attempt::Done((), used)
            }
            other => other.map(drop),
        },
    }
}
