//! Reading the feed from a file or standard input under the body cap, the capped buffer the
//! HTTP path shares, and the content hash that detects an unchanged body.

use std::hash::{DefaultHasher, Hasher as _};
use std::path::Path;

use tokio::io::{AsyncRead, AsyncReadExt as _};

use super::source::{FetchError, escape_controls};
use super::stamp::FileStamp;

/// Size of one read from a file or standard input.
const READ_CHUNK: usize = 64 * 1024;

/// Largest allocation made up front from a declared length (a file's metadata or an HTTP
/// `Content-Length`), so a false claim cannot make us reserve the whole cap at once.
const MAX_INITIAL_CAPACITY: u64 = 8 * 1024 * 1024;

/// A byte buffer that refuses to grow past `limit`, and whose capacity never exceeds it
/// either. Growth is by doubling, clamped to the limit; but once the body has outgrown the
/// first allocation while staying within a declared length, the buffer grows straight to that
/// length: doubling would briefly hold 1.5x to 3x a large feed (64 + 128 MB for a 94 MB one).
pub(crate) struct CappedBuf {
    buf: Vec<u8>,
    limit: u64,
    expected: Option<u64>,
}

impl CappedBuf {
    /// `expected` is a declared length, if any; it only sizes the first allocation.
    pub(crate) fn new(limit: u64, expected: Option<u64>) -> CappedBuf {
        let initial = expected.unwrap_or(0).min(limit).min(MAX_INITIAL_CAPACITY);
        CappedBuf {
            buf: Vec::with_capacity(usize::try_from(initial).unwrap_or(0)),
            limit,
            expected,
        }
    }

    /// Appends `chunk`, or fails with [`FetchError::BodyTooLarge`] if that would pass the
    /// limit (the chunk is then not copied).
    pub(crate) fn push(&mut self, chunk: &[u8]) -> Result<(), FetchError> {
        let len = self.buf.len();
        let new_len = len.saturating_add(chunk.len());
        if u64::try_from(new_len).unwrap_or(u64::MAX) > self.limit {
            return Err(FetchError::BodyTooLarge { limit: self.limit });
        }
        if new_len > self.buf.capacity() {
            let limit = usize::try_from(self.limit).unwrap_or(usize::MAX);
            let declared = self
                .expected
                .and_then(|e| usize::try_from(e).ok())
                .filter(|declared| new_len <= *declared);
            let target = declared
                .unwrap_or_else(|| self.buf.capacity().saturating_mul(2))
                .max(new_len)
                .min(limit);
            self.buf.reserve_exact(target - len);
        }
        self.buf.extend_from_slice(chunk);
        Ok(())
    }

    pub(crate) fn into_inner(self) -> Vec<u8> {
        self.buf
    }
}

/// Hash of a body, to tell whether it changed since the last fetch. Not cryptographic: the
/// feed's publisher could forge a collision, but it controls the content anyway.
pub(crate) fn content_hash(body: &[u8]) -> u64 {
    // `DefaultHasher::new()` is keyed identically for every instance in a process.
    let mut hasher = DefaultHasher::new();
    hasher.write_usize(body.len());
    hasher.write(body);
    hasher.finish()
}

/// Reads the whole file, refusing it before reading when its metadata already says it is too
/// large, and while reading when it grew (or is a pipe or device without a length).
///
/// Also returns the file's stamp as it was before the read began (from the open file, so a
/// rename onto the path during the read cannot mix two versions up).
pub(crate) async fn read_file(
    path: &Path,
    limit: u64,
) -> Result<(Vec<u8>, Option<FileStamp>), FetchError> {
    let io_error = |error| FetchError::Io {
        place: format!(
            "feed file \"{}\"",
            escape_controls(&path.display().to_string())
        ),
        error,
    };
    let mut file = tokio::fs::File::open(path).await.map_err(io_error)?;
    let meta = file.metadata().await.map_err(io_error)?;
    if meta.is_file() && meta.len() > limit {
        return Err(FetchError::BodyTooLarge { limit });
    }
    let expected = meta.is_file().then_some(meta.len());
    let body = read_capped(&mut file, limit, expected)
        .await
        .map_err(|e| e.into_fetch_error(io_error))?;
    Ok((body, FileStamp::of(&meta)))
}

/// Reads standard input to its end.
pub(crate) async fn read_stdin(limit: u64) -> Result<Vec<u8>, FetchError> {
    read_capped(&mut tokio::io::stdin(), limit, None)
        .await
        .map_err(|e| {
            e.into_fetch_error(|error| FetchError::Io {
                place: "standard input".to_owned(),
                error,
            })
        })
}

enum ReadError {
    Io(std::io::Error),
    Capped(FetchError),
}

impl ReadError {
    fn into_fetch_error(self, io: impl FnOnce(std::io::Error) -> FetchError) -> FetchError {
        match self {
            ReadError::Io(e) => io(e),
            ReadError::Capped(e) => e,
        }
    }
}

async fn read_capped<R: AsyncRead + Unpin>(
    reader: &mut R,
    limit: u64,
    expected: Option<u64>,
) -> Result<Vec<u8>, ReadError> {
    let mut body = CappedBuf::new(limit, expected);
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        let n = reader.read(&mut chunk).await.map_err(ReadError::Io)?;
        if n == 0 {
            return Ok(body.into_inner());
        }
        body.push(&chunk[..n]).map_err(ReadError::Capped)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capped_buf_stops_at_the_limit_and_never_allocates_past_it() {
        let mut buf = CappedBuf::new(10, None);
        buf.push(b"12345").expect("fits");
        buf.push(b"6789").expect("fits");
        buf.push(b"0").expect("exactly the limit");
        assert!(buf.buf.capacity() <= 10);
        assert!(matches!(
            buf.push(b"x"),
            Err(FetchError::BodyTooLarge { limit: 10 })
        ));
        assert_eq!(buf.into_inner(), b"1234567890");
    }

    #[test]
    fn capped_buf_initial_capacity_trusts_declared_length_only_so_far() {
        let buf = CappedBuf::new(u64::MAX, Some(u64::MAX));
        assert!(buf.buf.capacity() <= 8 * 1024 * 1024);
    }

    #[test]
    fn past_the_first_allocation_a_declared_length_is_reserved_exactly() {
        let declared = 20 * 1024 * 1024;
        let mut buf = CappedBuf::new(u64::MAX, Some(declared));
        let chunk = vec![b'x'; 1024 * 1024];
        for _ in 0..9 {
            buf.push(&chunk).expect("within the limit");
        }
        assert_eq!(
            buf.buf.capacity(),
            20 * 1024 * 1024,
            "not 16 MiB, then 32 MiB"
        );
        for _ in 9..21 {
            buf.push(&chunk)
                .expect("a lying length only costs doubling");
        }
        assert!(buf.buf.capacity() >= 21 * 1024 * 1024);
    }

    #[test]
    fn content_hash_tells_bodies_apart() {
        assert_eq!(content_hash(b"{}"), content_hash(b"{}"));
        assert_ne!(content_hash(b"{}"), content_hash(b"{ }"));
        assert_ne!(content_hash(b""), content_hash(b"\0"));
    }

    #[tokio::test]
    async fn read_capped_refuses_a_stream_over_the_limit() {
        let data = vec![b'x'; 200_000];
        let mut reader = &data[..];
        let err = read_capped(&mut reader, 100_000, None).await;
        assert!(matches!(
            err,
            Err(ReadError::Capped(FetchError::BodyTooLarge {
                limit: 100_000
            }))
        ));
        let mut reader = &data[..];
        let ok = read_capped(&mut reader, 200_000, None).await;
        assert_eq!(ok.ok().map(|b| b.len()), Some(200_000));
    }
}
