//! Reading the small files that settings name (the config file, the calendar file, the token
//! file): only regular files, at most a size cap, and within a deadline. A FIFO, `/dev/zero`
//! or a file on a hung network mount would otherwise stop the program at start, before it
//! could say anything. A leaf.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// How long a start-up read may take: a local file answers in microseconds, a healthy
/// network mount in milliseconds.
pub const DEADLINE: Duration = Duration::from_secs(5);

/// How an io error reads in English, by its kind where people have a word for it (never
/// "(os error 2)").
pub fn describe_io(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::AddrInUse => "address already in use".to_owned(),
        io::ErrorKind::StorageFull => "disk full".to_owned(),
        io::ErrorKind::IsADirectory => "is a directory".to_owned(),
        io::ErrorKind::ConnectionRefused => "connection refused".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_owned(),
        io::ErrorKind::AddrNotAvailable => "address not available on this machine".to_owned(),
        // Other kinds: the system's words without Rust's "(os error N)".
        _ => {
            let text = error.to_string().replace(['\r', '\n'], " ");
            match text.find(" (os error ") {
                Some(at) => text[..at].to_owned(),
                None => text,
            }
        }
    }
}

/// Why a small file was not read.
#[derive(Debug, thiserror::Error)]
pub enum SmallFileError {
    #[error("not a regular file (a pipe, a device or a directory)")]
    NotRegular,
    #[error("larger than {} KiB", .limit / 1024)]
    TooLarge { limit: u64 },
    #[error("no answer within {} s (a hung mount?)", .0.as_secs())]
    Timeout(Duration),
    #[error("{}", describe_io(.0))]
    Io(#[from] io::Error),
}

impl From<SmallFileError> for io::Error {
    fn from(error: SmallFileError) -> io::Error {
        match error {
            SmallFileError::Io(error) => error,
            other => io::Error::other(other.to_string()),
        }
    }
}

/// The whole file, if it is a regular file of at most `limit` bytes, read within [`DEADLINE`].
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, SmallFileError> {
    read_within(path, limit, DEADLINE)
}

/// [`read`] as UTF-8 text.
pub fn read_text(path: &Path, limit: u64) -> Result<String, SmallFileError> {
    String::from_utf8(read(path, limit)?)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not valid UTF-8").into())
}

fn read_within(path: &Path, limit: u64, deadline: Duration) -> Result<Vec<u8>, SmallFileError> {
    let (answer, answered) = mpsc::channel();
    let owned: PathBuf = path.to_owned();
    // On a hung mount even `stat` blocks: the read runs on its own thread, which is left
    // behind if it never answers (the process does not wait for it at exit).
    let started = std::thread::Builder::new()
        .name("small-file".to_owned())
        .spawn(move || {
            let _ = answer.send(read_now(&owned, limit));
        });
    if let Err(error) = started {
        return Err(SmallFileError::Io(error));
    }
    answered
        .recv_timeout(deadline)
        .unwrap_or(Err(SmallFileError::Timeout(deadline)))
}

fn read_now(path: &Path, limit: u64) -> Result<Vec<u8>, SmallFileError> {
    // `metadata` follows symbolic links and, unlike `open`, never waits for a FIFO's writer.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(SmallFileError::NotRegular);
    }
    if meta.len() > limit {
        return Err(SmallFileError::TooLarge { limit });
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(SmallFileError::TooLarge { limit });
    }
    Ok(bytes)
}

/// Refuses a log path that is a FIFO (the first write would wait for a reader) or a
/// directory. A missing file is fine (it gets created), and so is a device such as
/// `/dev/null`: writing to it never waits.
pub fn refuse_as_log(path: &Path) -> Result<(), SmallFileError> {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt as _;
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(SmallFileError::NotRegular),
        #[cfg(unix)]
        Ok(meta) if meta.file_type().is_fifo() || meta.file_type().is_socket() => {
            Err(SmallFileError::NotRegular)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_small_regular_file_and_refuses_the_rest() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("config.toml");
        std::fs::write(&file, "lang = \"en\"\n").expect("write");
        assert_eq!(read_text(&file, 1024).expect("read"), "lang = \"en\"\n");
        assert!(matches!(
            read(&file, 4),
            Err(SmallFileError::TooLarge { limit: 4 })
        ));
        assert!(matches!(
            read(dir.path(), 1024),
            Err(SmallFileError::NotRegular)
        ));
        assert!(matches!(
            read(Path::new("/dev/zero"), 1024),
            Err(SmallFileError::NotRegular)
        ));
        assert!(matches!(
            read(&dir.path().join("missing"), 1024),
            Err(SmallFileError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let started = std::time::Instant::now();
        assert!(matches!(read(&fifo, 1024), Err(SmallFileError::NotRegular)));
        assert!(started.elapsed() < DEADLINE);
        assert!(matches!(
            refuse_as_log(&fifo),
            Err(SmallFileError::NotRegular)
        ));
        assert!(refuse_as_log(&dir.path().join("new.log")).is_ok());
        assert!(refuse_as_log(Path::new("/dev/null")).is_ok());
    }
}
