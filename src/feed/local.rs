//! Reading the feed from a file or standard input under the body cap.

use std::path::Path;

use tokio::io::{AsyncRead, AsyncReadExt as _};

use super::error::FetchError;
use super::sink::{BodySink, ChunkConsumer, ContentHashes, Matching, Reading};
use super::stamp::FileStamp;
use crate::sanitize::escape_controls;

/// Size of one read from a file or standard input: a chunk. Each read is a round trip to
/// tokio's blocking pool; 64 KiB reads made a 64 MB file 1,000 of them (15-22 ms of `status`).
const READ_CHUNK: usize = super::body::CHUNK_BYTES;

/// Reads the whole file into `sink`, refusing it before reading when its metadata already
/// says it is too large, and while reading when it grew (or is a pipe or device without a
/// length).
///
/// Returns the file's stamp as it was before the read began (from the open file, so a rename
/// onto the path during the read cannot mix two versions up).
pub(crate) async fn read_file<C: ChunkConsumer, F: FnMut() -> C + Send>(
    path: &Path,
    limit: u64,
    previous: Option<(ContentHashes, Matching)>,
    start: F,
) -> Result<(BodySink<C, F>, Option<FileStamp>), FetchError> {
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
    let mut sink = BodySink::new(limit, expected, previous, start);
    read_into(&mut file, &mut sink)
        .await
        .map_err(|e| e.into_fetch_error(io_error))?;
    Ok((sink, FileStamp::of(&meta)))
}

/// Reads standard input to its end into a sink.
pub(crate) async fn read_stdin<C: ChunkConsumer, F: FnMut() -> C + Send>(
    limit: u64,
    previous: Option<(ContentHashes, Matching)>,
    start: F,
) -> Result<BodySink<C, F>, FetchError> {
    let mut sink = BodySink::new(limit, None, previous, start);
    read_into(&mut tokio::io::stdin(), &mut sink)
        .await
        .map_err(|e| {
            e.into_fetch_error(|error| FetchError::Io {
                place: "standard input".to_owned(),
                error,
            })
        })?;
    Ok(sink)
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

async fn read_into<R: AsyncRead + Unpin, C: ChunkConsumer, F: FnMut() -> C + Send>(
    reader: &mut R,
    sink: &mut BodySink<C, F>,
) -> Result<(), ReadError> {
    let mut chunk = vec![0; READ_CHUNK];
    loop {
        let n = reader.read(&mut chunk).await.map_err(ReadError::Io)?;
        if n == 0 {
            return Ok(());
        }
        if sink.push(&chunk[..n]).await.map_err(ReadError::Capped)? == Reading::Enough {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::body::Body;
    use crate::feed::sink::tests::new_output;

    #[tokio::test]
    async fn reading_refuses_a_stream_over_the_limit() {
        let data = vec![b'x'; 200_000];
        let mut sink = BodySink::new(100_000, None, None, Body::default);
        let err = read_into(&mut &data[..], &mut sink).await;
        assert!(matches!(
            err,
            Err(ReadError::Capped(FetchError::BodyTooLarge {
                limit: 100_000
            }))
        ));
        let mut sink = BodySink::new(200_000, None, None, Body::default);
        assert!(read_into(&mut &data[..], &mut sink).await.is_ok());
        let output =
            new_output(sink.finish().await.ok().expect("kept")).expect("a first body is new");
        assert_eq!(output.len(), 200_000);
    }
}
