//! A body parsed on another thread while it is read: the fetcher hands each chunk over as it
//! arrives ([`Fetcher::fetch_with`](super::source::Fetcher::fetch_with)), so the whole body is
//! never resident and the parse overlaps the read.

use super::parse::{FeedError, parse_stream};
use super::sink::ChunkConsumer;
use crate::domain::model::Snapshot;

/// Work for a thread that is not the runtime's (it blocks waiting for chunks).
pub type Job = Box<dyn FnOnce() + Send>;

/// What the parse made of a body: the snapshot or why the document is unusable; `Err` if its
/// thread could not be reached.
pub type Parsed = Result<Result<Snapshot, FeedError>, String>;

/// Gives `work` to `run` as a [`Job`]; its answer comes on the receiver.
pub fn run_as_job<T: Send + 'static>(
    run: impl FnOnce(Job) -> Result<(), String>,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<tokio::sync::oneshot::Receiver<T>, String> {
    let (reply, answer) = tokio::sync::oneshot::channel();
    run(Box::new(move || {
        let _ = reply.send(work());
    }))?;
    Ok(answer)
}

/// Chunks of a new body in flight to the parse at most: the parse keeps pace with the read,
/// and a few MiB of the body are resident, never the whole of it.
const CHUNKS_IN_FLIGHT: usize = 2;

/// Why a parse has no answer: its thread ended without one.
pub const PARSER_STOPPED: &str = "the feed parser thread stopped";

pub struct ParseAsRead {
    /// `None` once the parse has stopped taking chunks (it found the document unusable).
    chunks: Option<tokio::sync::mpsc::Sender<Vec<u8>>>,
    parsed: Result<tokio::sync::oneshot::Receiver<Result<Snapshot, FeedError>>, String>,
}

impl ParseAsRead {
    /// Starts the parse as a job given to `run` (the dashboard's parser thread), which
    /// must run it off the runtime.
    pub fn start(run: impl FnOnce(Job) -> Result<(), String>) -> ParseAsRead {
        let (chunks, mut incoming) = tokio::sync::mpsc::channel::<Vec<u8>>(CHUNKS_IN_FLIGHT);
        let parsed = run_as_job(run, move || {
            parse_stream(std::iter::from_fn(|| incoming.blocking_recv()))
        });
        ParseAsRead {
            chunks: Some(chunks),
            parsed,
        }
    }

    /// Starts the parse on a thread of its own (a one-shot command).
    pub fn on_own_thread() -> ParseAsRead {
        ParseAsRead::start(|job| {
            std::thread::Builder::new()
                .name("feed-parser".to_owned())
                .spawn(job)
                .map(drop)
                .map_err(|e| format!("cannot start the feed parser thread: {e}"))
        })
    }
}

impl ChunkConsumer for ParseAsRead {
    type Output = Parsed;

    async fn take(&mut self, chunk: Vec<u8>) {
        if let Some(chunks) = &self.chunks
            && chunks.send(chunk).await.is_err()
        {
            self.chunks = None;
        }
    }

    fn finish(self) -> impl Future<Output = Parsed> + Send {
        // The parse sees the end of the body when the sender is gone.
        drop(self.chunks);
        async move { self.parsed?.await.map_err(|_| PARSER_STOPPED.to_owned()) }
    }
}
