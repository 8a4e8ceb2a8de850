//! Receiving a body as it is read: cut into [`CHUNK_BYTES`] chunks, capped, hashed, and handed
//! to a [`ChunkConsumer`] while the rest is still arriving, once it is clear the body is not
//! the one fetched last time. A consumer that parses (the dashboard's poller) then builds the
//! new data while the body is read, and the whole body is never resident at once.
//!
//! Whether a body is new is known for sure only at its end (its hash); holding every chunk
//! until then would keep the whole body resident, and parsing every body at once would parse
//! an unchanged one again at every poll of a server without validators. So each full chunk's
//! running hash is compared with the one the last body had at the same place: chunks are kept
//! only while the body so far is the same as last time, and handed on from the first one that
//! differs (with those kept before it). A feed that changes near its start (its
//! `generated_at`) streams from the first chunk; an unchanged one is never handed on. A body
//! that can be read again (a file) keeps nothing: its matching chunks are let go, and if it
//! then differs it is read again from its start ([`Matching::LetGo`]).

use std::future::Future;
use std::hash::{BuildHasher as _, Hasher as _};

use super::body::{Body, CHUNK_BYTES};
use super::error::FetchError;

/// Takes a new body's chunks in order as they are read (every chunk but the last
/// [`CHUNK_BYTES`] long), then answers once the body has ended.
pub trait ChunkConsumer: Send {
    type Output: Send;

    /// The next chunk. A consumer that needs no more (it has found a syntax error) may drop
    /// it: the body is still read to its end, to know its hash.
    fn take(&mut self, chunk: Vec<u8>) -> impl Future<Output = ()> + Send;

    /// The body ended: what the consumer made of it.
    fn finish(self) -> impl Future<Output = Self::Output> + Send;
}

/// Collecting the chunks: the body whole, for callers that look at it as one (a one-shot
/// command, `doctor`).
impl ChunkConsumer for Body {
    type Output = Body;

    fn take(&mut self, chunk: Vec<u8>) -> impl Future<Output = ()> + Send {
        self.push_chunk(chunk);
        std::future::ready(())
    }

    fn finish(self) -> impl Future<Output = Body> + Send {
        std::future::ready(self)
    }
}

/// What identifies a body's content, to tell the next one apart from it: the running hash
/// after each full chunk, and the hash of the whole (its bytes, then its length). foldhash
/// with a fixed seed: not cryptographic (the publisher could forge a collision, but it
/// controls the content anyway); std's `SipHash` spent 4% of `status`'s time on a 64 MB body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContentHashes {
    pub chunks: Vec<u64>,
    pub whole: u64,
}

/// How a body ended: new, and what the consumer made of it; or the same as last time, never
/// handed to a consumer.
pub(crate) enum Received<T> {
    New { output: T, hashes: ContentHashes },
    Unchanged { hashes: ContentHashes },
}

/// What to do with chunks the same as the last body's, while it is not yet known whether the
/// body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Matching {
    /// Keep them, to hand them on if the body differs later: a body that cannot be read again
    /// for free (HTTP; it is then resident whole, as long as it matches).
    Keep,
    /// Let them go: the body can be read again (a file), from its start, if it differs.
    LetGo,
}

/// Whether reading on is of any use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Reading {
    Continue,
    /// The body differs after chunks were let go: it must be read again from its start
    /// ([`BodySink::finish`] says so), so the rest of this read is not needed.
    Enough,
}

/// A body being read, refusing to grow past a limit (see the module's text).
pub(crate) struct BodySink<C, F> {
    limit: u64,
    /// A declared length (a file's size, a `Content-Length`), if any: it sizes allocations,
    /// never the limit.
    expected: Option<u64>,
    received: u64,
    filling: Vec<u8>,
    hasher: foldhash::quality::FoldHasher<'static>,
    chunk_hashes: Vec<u64>,
    previous: Option<ContentHashes>,
    matching: Matching,
    /// Full chunks equal (by their running hash) to the last body's, kept until the body
    /// turns out new or the same ([`Matching::Keep`]).
    held: Vec<Vec<u8>>,
    /// Matching chunks were let go ([`Matching::LetGo`]).
    let_go: bool,
    /// The body differs after chunks were let go: it must be read again.
    lost: bool,
    start: F,
    consumer: Option<C>,
}

impl<C: ChunkConsumer, F: FnMut() -> C + Send> BodySink<C, F> {
    /// `previous` is the last body's hashes, if there was one, and `matching` what to do with
    /// chunks equal to its; `start` makes the consumer when the body turns out new.
    pub(crate) fn new(
        limit: u64,
        expected: Option<u64>,
        previous: Option<(ContentHashes, Matching)>,
        start: F,
    ) -> BodySink<C, F> {
        let (previous, matching) = match previous {
            Some((hashes, matching)) => (Some(hashes), matching),
            None => (None, Matching::Keep),
        };
        BodySink {
            limit,
            expected: expected.map(|e| e.min(limit)),
            received: 0,
            filling: Vec::new(),
            hasher: foldhash::quality::FixedState::with_seed(0x1b_feed).build_hasher(),
            chunk_hashes: Vec::new(),
            previous,
            matching,
            held: Vec::new(),
            let_go: false,
            lost: false,
            start,
            consumer: None,
        }
    }

    /// Bytes taken so far.
    pub(crate) fn len(&self) -> u64 {
        self.received
    }

    /// Appends `bytes`, or fails with [`FetchError::BodyTooLarge`] if that would pass the
    /// limit (nothing is then taken).
    pub(crate) async fn push(&mut self, mut bytes: &[u8]) -> Result<Reading, FetchError> {
        if self.lost {
            return Ok(Reading::Enough);
        }
        let after = u64::try_from(bytes.len())
            .ok()
            .and_then(|n| self.received.checked_add(n));
        if after.is_none_or(|after| after > self.limit) {
            return Err(FetchError::BodyTooLarge { limit: self.limit });
        }
        while !bytes.is_empty() {
            let take = (CHUNK_BYTES - self.filling.len()).min(bytes.len());
            self.reserve(take);
            self.filling.extend_from_slice(&bytes[..take]);
            self.received += take as u64;
            bytes = &bytes[take..];
            if self.filling.len() == CHUNK_BYTES {
                let chunk = std::mem::take(&mut self.filling);
                self.full_chunk(chunk).await;
                if self.lost {
                    return Ok(Reading::Enough);
                }
            }
        }
        Ok(Reading::Continue)
    }

    /// Room for `more` bytes in the chunk being filled: the whole chunk at once when the
    /// declared length says it will fill (a false claim costs at most one chunk), else by
    /// doubling; never past [`CHUNK_BYTES`].
    fn reserve(&mut self, more: usize) {
        let needed = self.filling.len() + more;
        if needed <= self.filling.capacity() {
            return;
        }
        let start_of_chunk = self.received - self.filling.len() as u64;
        let declared = self
            .expected
            .map(|e| e.saturating_sub(start_of_chunk))
            .and_then(|e| usize::try_from(e).ok())
            .filter(|declared| needed <= *declared);
        let target = declared
            .unwrap_or_else(|| self.filling.capacity().saturating_mul(2))
            .clamp(needed, CHUNK_BYTES);
        self.filling.reserve_exact(target - self.filling.len());
    }

    async fn full_chunk(&mut self, chunk: Vec<u8>) {
        self.hasher.write(&chunk);
        let hash = self.hasher.finish();
        let place = self.chunk_hashes.len();
        self.chunk_hashes.push(hash);
        let same_so_far = self.consumer.is_none()
            && self
                .previous
                .as_ref()
                .is_some_and(|previous| previous.chunks.get(place) == Some(&hash));
        match (same_so_far, self.matching) {
            (true, Matching::Keep) => self.held.push(chunk),
            (true, Matching::LetGo) => self.let_go = true,
            (false, _) if self.let_go => self.lost = true,
            (false, _) => self.hand_on(chunk).await,
        }
    }

    /// Hands `chunk` to the consumer, starting it (with the chunks held so far) if needed.
    async fn hand_on(&mut self, chunk: Vec<u8>) {
        if self.consumer.is_none() {
            let consumer = self.start_with_held().await;
            self.consumer = Some(consumer);
        }
        if let Some(consumer) = &mut self.consumer {
            consumer.take(chunk).await;
        }
    }

    async fn start_with_held(&mut self) -> C {
        let mut consumer = (self.start)();
        for held in std::mem::take(&mut self.held) {
            consumer.take(held).await;
        }
        consumer
    }

    /// The body has ended: the same as last time, or new and what the consumer made of it;
    /// `Err` with the consumer's maker when it is new but chunks of it were let go: read it
    /// again, from its start.
    pub(crate) async fn finish(mut self) -> Result<Received<C::Output>, F> {
        if self.lost {
            return Err(self.start);
        }
        let last = std::mem::take(&mut self.filling);
        self.hasher.write(&last);
        self.hasher.write_u64(self.received);
        let hashes = ContentHashes {
            chunks: std::mem::take(&mut self.chunk_hashes),
            whole: self.hasher.finish(),
        };
        let unchanged = self.consumer.is_none()
            && self
                .previous
                .as_ref()
                .is_some_and(|previous| previous.whole == hashes.whole);
        if unchanged {
            return Ok(Received::Unchanged { hashes });
        }
        if self.let_go {
            return Err(self.start);
        }
        let mut consumer = match self.consumer.take() {
            Some(consumer) => consumer,
            None => self.start_with_held().await,
        };
        if !last.is_empty() {
            consumer.take(last).await;
        }
        Ok(Received::New {
            output: consumer.finish().await,
            hashes,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A consumer that notes each chunk and how many bytes the sink had taken when it came.
    #[derive(Default)]
    struct Noting {
        chunks: Vec<Vec<u8>>,
        received_at: Vec<u64>,
        now: std::sync::Arc<std::sync::atomic::AtomicU64>,
    }

    impl ChunkConsumer for Noting {
        type Output = Noting;

        fn take(&mut self, chunk: Vec<u8>) -> impl Future<Output = ()> + Send {
            self.received_at
                .push(self.now.load(std::sync::atomic::Ordering::SeqCst));
            self.chunks.push(chunk);
            std::future::ready(())
        }

        fn finish(self) -> impl Future<Output = Noting> + Send {
            std::future::ready(self)
        }
    }

    fn bytes(len: usize, salt: u8) -> Vec<u8> {
        (0..len)
            .map(|i| u8::try_from(i % 251).unwrap_or(0) ^ salt)
            .collect()
    }

    /// Reads `body` in pieces of `read` bytes into a sink; `Noting` consumers see how far the
    /// read had got when each chunk came.
    async fn receive(
        body: &[u8],
        read: usize,
        previous: Option<ContentHashes>,
    ) -> (Received<Noting>, usize) {
        let now = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
        let starts = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let (now_seen, starts_seen) = (now.clone(), starts.clone());
        let mut sink = BodySink::new(
            u64::MAX,
            None,
            previous.map(|p| (p, Matching::Keep)),
            move || {
                starts_seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                Noting {
                    now: now_seen.clone(),
                    ..Noting::default()
                }
            },
        );
        for piece in body.chunks(read.max(1)) {
            now.fetch_add(piece.len() as u64, std::sync::atomic::Ordering::SeqCst);
            sink.push(piece).await.expect("no limit");
        }
        let received = sink.finish().await.ok().expect("nothing let go");
        (received, starts.load(std::sync::atomic::Ordering::SeqCst))
    }

    fn hashes<T>(received: &Received<T>) -> ContentHashes {
        match received {
            Received::New { hashes, .. } | Received::Unchanged { hashes } => hashes.clone(),
        }
    }

    /// What the consumer made of a new body; `None` if it was unchanged.
    pub(crate) fn new_output<T>(received: Received<T>) -> Option<T> {
        match received {
            Received::New { output, .. } => Some(output),
            Received::Unchanged { .. } => None,
        }
    }

    fn delivered(received: Received<Noting>) -> Noting {
        new_output(received).expect("a new body")
    }

    #[tokio::test]
    async fn the_body_stops_at_the_limit_and_never_allocates_past_it() {
        let mut sink = BodySink::new(10, None, None, Body::default);
        sink.push(b"12345").await.expect("fits");
        sink.push(b"6789").await.expect("fits");
        sink.push(b"0").await.expect("exactly the limit");
        assert!(sink.filling.capacity() <= 10);
        assert!(matches!(
            sink.push(b"x").await,
            Err(FetchError::BodyTooLarge { limit: 10 })
        ));
        let output =
            new_output(sink.finish().await.ok().expect("kept")).expect("a first body is new");
        assert_eq!(output.to_vec(), b"1234567890");
        let mut lying = BodySink::new(10, Some(u64::MAX), None, Body::default);
        lying.push(b"1").await.expect("fits");
        assert!(lying.filling.capacity() <= 10);
    }

    #[tokio::test]
    async fn chunks_and_hashes_depend_on_the_bytes_not_on_how_they_arrived() {
        let body = bytes(CHUNK_BYTES * 2 + 12_345, 0);
        let (whole, _) = receive(&body, body.len(), None).await;
        let expected = hashes(&whole);
        assert_eq!(expected.chunks.len(), 2);
        let chunks = delivered(whole).chunks;
        let lens: Vec<usize> = chunks.iter().map(Vec::len).collect();
        assert_eq!(lens, [CHUNK_BYTES, CHUNK_BYTES, 12_345]);
        assert_eq!(chunks.concat(), body);
        for read in [1, 7, 64 * 1024, CHUNK_BYTES + 1] {
            let (received, _) = receive(&body, read, None).await;
            assert_eq!(hashes(&received), expected, "reads of {read} bytes");
            assert_eq!(delivered(received).chunks, chunks, "reads of {read} bytes");
        }
    }

    #[tokio::test]
    async fn hashes_tell_bodies_apart() {
        let whole =
            |body: &'static [u8]| async move { hashes(&receive(body, 1, None).await.0).whole };
        assert_eq!(whole(b"{}").await, whole(b"{}").await);
        assert_ne!(whole(b"{}").await, whole(b"{ }").await);
        assert_ne!(whole(b"").await, whole(b"\0").await);
    }

    #[tokio::test]
    async fn a_body_new_from_its_first_chunk_is_handed_on_as_it_is_read() {
        let first = bytes(CHUNK_BYTES * 3 + 10, 0);
        let (last, _) = receive(&first, 4096, None).await;
        let mut second = first.clone();
        second[5] ^= 0xff;
        let (received, starts) = receive(&second, 4096, Some(hashes(&last))).await;
        assert_eq!(starts, 1);
        let noted = delivered(received);
        assert_eq!(noted.chunks.concat(), second);
        // Each full chunk arrived as soon as it was read, not at the end of the body.
        let chunk = CHUNK_BYTES as u64;
        assert_eq!(
            noted.received_at,
            [chunk, 2 * chunk, 3 * chunk, 3 * chunk + 10]
        );
    }

    #[tokio::test]
    async fn chunks_the_same_as_last_time_are_held_until_the_body_differs() {
        let first = bytes(CHUNK_BYTES * 3 + 10, 0);
        let (last, _) = receive(&first, 4096, None).await;
        let mut second = first.clone();
        second[CHUNK_BYTES * 2 + 1] ^= 0xff;
        let (received, _) = receive(&second, 4096, Some(hashes(&last))).await;
        let noted = delivered(received);
        assert_eq!(noted.chunks.concat(), second);
        let chunk = CHUNK_BYTES as u64;
        assert_eq!(
            noted.received_at,
            [3 * chunk; 3]
                .into_iter()
                .chain([3 * chunk + 10])
                .collect::<Vec<_>>()
        );
        // Cut short where a chunk ends, or longer: new, and whole.
        for other in [
            first[..CHUNK_BYTES * 2].to_vec(),
            [first.as_slice(), b"x"].concat(),
        ] {
            let (received, _) = receive(&other, 4096, Some(hashes(&last))).await;
            assert_eq!(delivered(received).chunks.concat(), other);
        }
    }

    #[tokio::test]
    async fn the_same_body_again_is_never_handed_on() {
        for len in [0, 10, CHUNK_BYTES, CHUNK_BYTES * 2 + 7] {
            let body = bytes(len, 3);
            let (first, starts) = receive(&body, 4096, None).await;
            assert_eq!(starts, 1, "a first body of {len} bytes is new");
            let (again, starts) = receive(&body, 999, Some(hashes(&first))).await;
            assert!(matches!(again, Received::Unchanged { .. }), "{len} bytes");
            assert_eq!(starts, 0, "{len} bytes");
        }
    }

    /// A body that can be read again keeps none of the chunks it shares with the last one:
    /// unchanged, it ends with nothing kept; different after some, reading stops there and
    /// the caller is asked to read it again; different from the first chunk, it streams.
    #[tokio::test]
    async fn letting_go_keeps_nothing_and_asks_for_a_second_read_when_it_differs_late() {
        let first = bytes(CHUNK_BYTES * 3 + 10, 0);
        let (last, _) = receive(&first, 4096, None).await;
        let last = hashes(&last);
        let let_go = |body: Vec<u8>| {
            let last = last.clone();
            async move {
                let mut sink = BodySink::new(
                    u64::MAX,
                    None,
                    Some((last, Matching::LetGo)),
                    Noting::default,
                );
                let mut read = 0;
                for piece in body.chunks(4096) {
                    read += piece.len();
                    if sink.push(piece).await.expect("no limit") == Reading::Enough {
                        break;
                    }
                }
                assert!(sink.held.is_empty(), "a chunk was kept");
                (sink.finish().await, read)
            }
        };
        let (same, read) = let_go(first.clone()).await;
        assert!(matches!(same, Ok(Received::Unchanged { .. })));
        assert_eq!(read, first.len());
        let mut late = first.clone();
        late[CHUNK_BYTES + 3] ^= 0xff;
        let (again, read) = let_go(late).await;
        assert!(again.is_err(), "to be read again");
        assert_eq!(
            read,
            2 * CHUNK_BYTES,
            "reading stopped at the chunk that differs"
        );
        let mut last_bytes = first.clone();
        if let Some(byte) = last_bytes.last_mut() {
            *byte ^= 0xff;
        }
        assert!(let_go(last_bytes).await.0.is_err());
        let mut early = first.clone();
        early[0] ^= 0xff;
        let (streamed, _) = let_go(early.clone()).await;
        let noted = streamed.ok().and_then(new_output).expect("new, handed on");
        assert_eq!(noted.chunks.concat(), early);
    }

    #[tokio::test]
    async fn a_declared_length_reserves_each_chunk_once() {
        let declared = CHUNK_BYTES + CHUNK_BYTES / 2;
        let mut sink = BodySink::new(u64::MAX, u64::try_from(declared).ok(), None, Body::default);
        let mut capacities = Vec::new();
        for piece in vec![b'x'; declared].chunks(64 * 1024) {
            sink.push(piece).await.expect("within the limit");
            let capacity = sink.filling.capacity();
            if capacity != 0 && capacities.last() != Some(&capacity) {
                capacities.push(capacity);
            }
        }
        assert_eq!(
            capacities,
            [CHUNK_BYTES, CHUNK_BYTES / 2],
            "not grown by doubling"
        );
    }
}
