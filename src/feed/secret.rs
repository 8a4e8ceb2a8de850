//! The bearer token: a value that never prints, loaded from the environment or a file.

use std::ffi::OsString;
use std::fmt;
use std::io::Read as _;
use std::path::Path;

use super::error::SourceError;
use crate::sanitize::escape_controls;

/// Name of the environment variable [`Secret::from_env`] reads the bearer token from.
pub const TOKEN_ENV: &str = "INVESTBOARD_TOKEN";

/// A token file larger than this is refused: it is surely not a token (or it is `/dev/zero`).
const MAX_TOKEN_FILE_BYTES: u64 = 64 * 1024;

/// A credential. `Debug` and `Display` print `[redacted]`, so it can sit in structs that are
/// logged; [`Secret::expose`] is the one way to the value.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The secret value, for building the request header and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The token from [`TOKEN_ENV`], or `None` when it is unset or blank.
    pub fn from_env() -> Result<Option<Secret>, SourceError> {
        Secret::from_env_value(std::env::var_os(TOKEN_ENV))
    }

    fn from_env_value(value: Option<OsString>) -> Result<Option<Secret>, SourceError> {
        let Some(value) = value else {
            return Ok(None);
        };
        let value = value
            .into_string()
            .map_err(|_| SourceError::TokenNotUnicode {
                variable: TOKEN_ENV,
            })?;
        let token = value.trim();
        Ok((!token.is_empty()).then(|| Secret::new(token)))
    }

    /// The token stored in a file, surrounding whitespace (the trailing newline editors add)
    /// removed. Warns through `tracing` when the file is readable by group or others.
    pub fn from_file(path: &Path) -> Result<Secret, SourceError> {
        let shown = escape_controls(&path.display().to_string());
        let file_error = |error| SourceError::TokenFile {
            path: shown.clone(),
            error,
        };
        let file = std::fs::File::open(path).map_err(file_error)?;
        warn_if_shared(&file, &shown);
        let mut bytes = Vec::new();
        file.take(MAX_TOKEN_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(file_error)?;
        let invalid = |reason| SourceError::TokenFileInvalid {
            path: shown.clone(),
            reason,
        };
        if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_TOKEN_FILE_BYTES {
            return Err(invalid("larger than 64 KiB"));
        }
        let text = String::from_utf8(bytes).map_err(|_| invalid("not valid UTF-8"))?;
        let token = text.trim();
        if token.is_empty() {
            return Err(invalid("empty"));
        }
        Ok(Secret::new(token))
    }
}

#[cfg(unix)]
fn warn_if_shared(file: &std::fs::File, shown: &str) {
    use std::os::unix::fs::PermissionsExt as _;
    if let Ok(meta) = file.metadata()
        && meta.permissions().mode() & 0o077 != 0
    {
        tracing::warn!(path = shown, "token file is readable by group or others");
    }
}

#[cfg(not(unix))]
fn warn_if_shared(_file: &std::fs::File, _shown: &str) {}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::options::FetchOptions;

    #[test]
    fn secret_never_prints() {
        let secret = Secret::new("TOKEN-SECRET");
        assert_eq!(format!("{secret} {secret:?}"), "[redacted] [redacted]");
        let options = FetchOptions {
            token: Some(secret.clone()),
            ..FetchOptions::default()
        };
        assert!(!format!("{options:?}").contains("TOKEN-SECRET"));
        assert_eq!(secret.expose(), "TOKEN-SECRET");
    }

    #[test]
    fn secret_from_env_value_trims_and_treats_blank_as_unset() {
        let token = Secret::from_env_value(Some("abc\n".into())).expect("ok");
        assert_eq!(token.map(|t| t.expose().to_owned()), Some("abc".to_owned()));
        assert!(
            Secret::from_env_value(Some("  \n".into()))
                .expect("ok")
                .is_none()
        );
        assert!(Secret::from_env_value(None).expect("ok").is_none());
    }

    #[test]
    fn secret_from_file_trims_trailing_newline() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("token");
        std::fs::write(&path, "TOKEN-SECRET\r\n").expect("write");
        let token = Secret::from_file(&path).expect("token");
        assert_eq!(token.expose(), "TOKEN-SECRET");

        std::fs::write(&path, "\n").expect("write");
        let err = Secret::from_file(&path).expect_err("empty");
        assert!(err.to_string().ends_with("is not a token: empty"), "{err}");

        let err = Secret::from_file(&dir.path().join("missing")).expect_err("missing");
        assert!(err.to_string().contains("missing"), "{err}");
    }
}
