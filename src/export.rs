//! Writing an export file and sending text to the terminal's clipboard: the console's two
//! ways out for data. Files are created new (`create_new`), never over an existing one: a name
//! taken gets a counter (`-2`, `-3`, ...). Errors come back as an [`ExportError`] that the
//! footer words in the user's language, not as raw io text. A leaf: the event loop calls it
//! off its own task.

use std::fs::OpenOptions;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Names tried before giving up: a directory holding a thousand exports of one second is
/// not one to keep filling.
const MAX_TRIES: u32 = 1000;

/// Why an export was not written, with the directory as shown (sanitized).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportError {
    Missing(String),
    Denied(String),
    Full(String),
    ReadOnly(String),
    NotADirectory(String),
    /// Every name of this second is taken.
    TooMany(String),
    /// Anything else: the OS's words (without Rust's "(os error N)") and the directory.
    Other {
        text: String,
        dir: String,
    },
}

/// Writes `bytes` to a new `investboard-<view>-<stamp>.csv` in `dir` (the working directory
/// when empty), with a counter before `.csv` when that name is taken. Returns the path
/// written, or why not.
pub fn write_new(
    dir: &Path,
    view: &str,
    stamp: &str,
    bytes: &[u8],
) -> Result<PathBuf, ExportError> {
    for n in 1..=MAX_TRIES {
        let name = if n == 1 {
            format!("investboard-{view}-{stamp}.csv")
        } else {
            format!("investboard-{view}-{stamp}-{n}.csv")
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                return match file.write_all(bytes).and_then(|()| file.sync_all()) {
                    Ok(()) => Ok(std::path::absolute(&path).unwrap_or(path)),
                    Err(error) => {
                        // Leave no half-written file that looks like a good export.
                        let _ = std::fs::remove_file(&path);
                        Err(humane(&error, dir))
                    }
                };
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(humane(&error, dir)),
        }
    }
    Err(ExportError::TooMany(shown(dir)))
}

/// The directory as the footer shows it: `.` for the working directory.
fn shown(dir: &Path) -> String {
    if dir.as_os_str().is_empty() {
        ".".to_owned()
    } else {
        crate::sanitize::SafeText::new(&dir.display().to_string()).to_string()
    }
}

/// An io error as what it means for the user.
fn humane(error: &io::Error, dir: &Path) -> ExportError {
    let dir = shown(dir);
    match error.kind() {
        io::ErrorKind::NotFound => ExportError::Missing(dir),
        io::ErrorKind::PermissionDenied => ExportError::Denied(dir),
        io::ErrorKind::StorageFull => ExportError::Full(dir),
        io::ErrorKind::ReadOnlyFilesystem => ExportError::ReadOnly(dir),
        io::ErrorKind::NotADirectory => ExportError::NotADirectory(dir),
        _ => {
            let text = error.to_string();
            let text = text.split(" (os error").next().unwrap_or_default();
            ExportError::Other {
                text: crate::sanitize::SafeText::new(text).to_string(),
                dir,
            }
        }
    }
}

/// The escape sequence that asks the terminal to put `text` on the system clipboard (OSC 52,
/// `c`: the clipboard selection). Works over SSH and in tmux with `set-clipboard on`; a
/// terminal without support ignores it.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

/// Standard base64 with padding (RFC 4648 §4): a dozen lines rather than a dependency.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_test_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(osc52("CS-1"), "\x1b]52;c;Q1MtMQ==\x07");
        // UTF-8 bytes, as a terminal decodes them.
        assert_eq!(base64("长".as_bytes()), "6ZW/");
    }

    #[test]
    fn never_overwrites_a_file_and_numbers_the_next_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = write_new(dir.path(), "signings", "20261129-100000", b"one").expect("written");
        let second = write_new(dir.path(), "signings", "20261129-100000", b"two").expect("written");
        assert!(first.ends_with("investboard-signings-20261129-100000.csv"));
        assert!(second.ends_with("investboard-signings-20261129-100000-2.csv"));
        assert_eq!(std::fs::read(&first).expect("read"), b"one");
        assert_eq!(std::fs::read(&second).expect("read"), b"two");
        assert!(first.is_absolute());
    }

    #[test]
    fn a_missing_directory_or_a_file_in_the_way_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("nowhere");
        let error = write_new(&missing, "stalled", "x", b"").expect_err("no such directory");
        assert_eq!(error, ExportError::Missing(missing.display().to_string()));
        let file = dir.path().join("a-file");
        std::fs::write(&file, b"").expect("written");
        let error = write_new(&file, "stalled", "x", b"").expect_err("not a directory");
        assert_eq!(
            error,
            ExportError::NotADirectory(file.display().to_string())
        );
    }
}
