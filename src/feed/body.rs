//! A fetched feed body held as fixed-size chunks rather than one buffer, so the parser can
//! free each chunk once it has read every record in it (the whole body and the whole snapshot
//! need not coexist), and its content hash. A leaf: knows nothing of JSON or of where the
//! bytes came from.

use std::hash::{BuildHasher as _, Hasher as _};

/// Bytes per chunk. Every chunk but the last holds exactly this many, whatever sizes the
/// reads came in: the content hash, taken chunk by chunk, then depends on the bytes alone.
/// Small enough that freeing chunks as the parse goes keeps little of the body alive, large
/// enough that a record crossing a boundary (copied once) is rare.
pub const CHUNK_BYTES: usize = 1024 * 1024;

/// The bytes of one feed document, in order.
#[derive(Default, Clone, PartialEq, Eq)]
pub struct Body {
    chunks: Vec<Vec<u8>>,
    len: usize,
}

impl Body {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The chunks in order, each dropped by the consumer when done with it.
    pub fn into_chunks(self) -> std::vec::IntoIter<Vec<u8>> {
        self.chunks.into_iter()
    }

    /// One contiguous copy, for callers that need the bytes whole (tests, a doctor's echo).
    pub fn to_vec(&self) -> Vec<u8> {
        self.chunks.concat()
    }

    /// Hash of the body, to tell whether it changed since the last fetch. Not cryptographic:
    /// the feed's publisher could forge a collision, but it controls the content anyway.
    /// foldhash with a fixed seed (the same for every fetch): std's `SipHash` spent 4% of
    /// `status`'s time on a 64 MB body.
    pub(crate) fn content_hash(&self) -> u64 {
        let mut hasher = foldhash::quality::FixedState::with_seed(0x1b_feed).build_hasher();
        hasher.write_usize(self.len);
        for chunk in &self.chunks {
            hasher.write(chunk);
        }
        hasher.finish()
    }

    /// Appends bytes, filling the last chunk to [`CHUNK_BYTES`] before starting another.
    /// `expected` is the whole body's declared length, if any: a chunk that the declared
    /// length says will fill is reserved at once rather than grown by doubling; a false claim
    /// costs at most one chunk.
    fn extend(&mut self, mut bytes: &[u8], expected: Option<u64>) {
        while !bytes.is_empty() {
            let before = self.len;
            let chunk = match self.chunks.last_mut() {
                Some(last) if last.len() < CHUNK_BYTES => last,
                _ => {
                    self.chunks.push(Vec::new());
                    let Some(last) = self.chunks.last_mut() else {
                        return;
                    };
                    last
                }
            };
            let take = (CHUNK_BYTES - chunk.len()).min(bytes.len());
            let needed = chunk.len() + take;
            if needed > chunk.capacity() {
                let start_of_chunk = before - chunk.len();
                let declared = expected
                    .and_then(|e| usize::try_from(e).ok())
                    .map(|e| e.saturating_sub(start_of_chunk))
                    .filter(|declared| needed <= *declared);
                let target = declared
                    .unwrap_or_else(|| chunk.capacity().saturating_mul(2))
                    .max(needed)
                    .min(CHUNK_BYTES);
                chunk.reserve_exact(target - chunk.len());
            }
            chunk.extend_from_slice(&bytes[..take]);
            self.len += take;
            bytes = &bytes[take..];
        }
    }
}

/// The length only: a body may be large, and holds what the publisher wrote.
impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} bytes>", self.len)
    }
}

impl From<&[u8]> for Body {
    fn from(bytes: &[u8]) -> Body {
        let mut body = Body::default();
        body.extend(bytes, u64::try_from(bytes.len()).ok());
        body
    }
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Body {
        Body::from(bytes.as_slice())
    }
}

/// A [`Body`] being read, refusing to grow past a limit.
pub(crate) struct CappedBody {
    body: Body,
    limit: u64,
    expected: Option<u64>,
}

impl CappedBody {
    /// `expected` is a declared length (a file's size, a `Content-Length`), if any; it only
    /// sizes allocations, never the limit.
    pub(crate) fn new(limit: u64, expected: Option<u64>) -> CappedBody {
        CappedBody {
            body: Body::default(),
            limit,
            expected,
        }
    }

    /// Appends `bytes`, or fails with [`FetchError::BodyTooLarge`] if that would pass the
    /// limit (nothing is then copied).
    pub(crate) fn push(&mut self, bytes: &[u8]) -> Result<(), super::error::FetchError> {
        let new_len = self.body.len.saturating_add(bytes.len());
        if u64::try_from(new_len).unwrap_or(u64::MAX) > self.limit {
            return Err(super::error::FetchError::BodyTooLarge { limit: self.limit });
        }
        // Never reserve past the limit either: a declared length may lie.
        let expected = self.expected.map(|e| e.min(self.limit));
        self.body.extend(bytes, expected);
        Ok(())
    }

    pub(crate) fn into_body(self) -> Body {
        self.body
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::source::FetchError;

    fn capacity(body: &Body) -> usize {
        body.chunks.iter().map(Vec::capacity).sum()
    }

    #[test]
    fn the_body_stops_at_the_limit_and_never_allocates_past_it() {
        let mut body = CappedBody::new(10, None);
        body.push(b"12345").expect("fits");
        body.push(b"6789").expect("fits");
        body.push(b"0").expect("exactly the limit");
        assert!(capacity(&body.body) <= 10);
        assert!(matches!(
            body.push(b"x"),
            Err(FetchError::BodyTooLarge { limit: 10 })
        ));
        assert_eq!(body.into_body().to_vec(), b"1234567890");
        let mut lying = CappedBody::new(10, Some(u64::MAX));
        lying.push(b"1").expect("fits");
        assert!(capacity(&lying.body) <= 10);
    }

    #[test]
    fn chunks_and_hash_depend_on_the_bytes_not_on_how_they_arrived() {
        let bytes: Vec<u8> = (0..CHUNK_BYTES * 2 + 12_345)
            .map(|i| u8::try_from(i % 251).unwrap_or(0))
            .collect();
        let whole = Body::from(bytes.as_slice());
        for (read, declared) in [
            (1, None),
            (7, None),
            (64 * 1024, Some(1)),
            (CHUNK_BYTES + 1, None),
        ] {
            let mut body = CappedBody::new(u64::MAX, declared);
            for piece in bytes.chunks(read) {
                body.push(piece).expect("no limit");
            }
            let body = body.into_body();
            assert_eq!(body, whole, "reads of {read} bytes");
            assert_eq!(body.content_hash(), whole.content_hash());
        }
        let lens: Vec<usize> = whole.chunks.iter().map(Vec::len).collect();
        assert_eq!(lens, [CHUNK_BYTES, CHUNK_BYTES, 12_345]);
        assert_eq!(whole.len(), bytes.len());
        assert_eq!(whole.to_vec(), bytes);
    }

    #[test]
    fn content_hash_tells_bodies_apart() {
        let hash = |bytes: &[u8]| Body::from(bytes).content_hash();
        assert_eq!(hash(b"{}"), hash(b"{}"));
        assert_ne!(hash(b"{}"), hash(b"{ }"));
        assert_ne!(hash(b""), hash(b"\0"));
    }

    #[test]
    fn a_declared_length_reserves_each_chunk_once() {
        let declared = CHUNK_BYTES + CHUNK_BYTES / 2;
        let mut body = CappedBody::new(u64::MAX, u64::try_from(declared).ok());
        for piece in vec![b'x'; declared].chunks(64 * 1024) {
            body.push(piece).expect("within the limit");
        }
        let capacities: Vec<usize> = body.body.chunks.iter().map(Vec::capacity).collect();
        assert_eq!(
            capacities,
            [CHUNK_BYTES, CHUNK_BYTES / 2],
            "not grown by doubling"
        );
    }
}
