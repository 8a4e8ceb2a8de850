//! Reading the feed from a file or standard input under the body cap.

use std::path::Path;

use tokio::io::{AsyncRead, AsyncReadExt as _};

use super::body::{Body, CappedBody};
use super::error::FetchError;
use super::stamp::FileStamp;
use crate::sanitize::escape_controls;

/// Size of one read from a file or standard input.
const READ_CHUNK: usize = 64 * 1024;

/// Reads the whole file, refusing it before reading when its metadata already says it is too
/// large, and while reading when it grew (or is a pipe or device without a length).
///
/// Also returns the file's stamp as it was before the read began (from the open file, so a
/// rename onto the path during the read cannot mix two versions up).
pub(crate) async fn read_file(
    path: &Path,
    limit: u64,
) -> Result<(Body, Option<FileStamp>), FetchError> {
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
pub(crate) async fn read_stdin(limit: u64) -> Result<Body, FetchError> {
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
) -> Result<Body, ReadError> {
    let mut body = CappedBody::new(limit, expected);
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        let n = reader.read(&mut chunk).await.map_err(ReadError::Io)?;
        if n == 0 {
            return Ok(body.into_body());
        }
        body.push(&chunk[..n]).map_err(ReadError::Capped)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
