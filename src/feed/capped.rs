//! A byte buffer with a hard cap, shared by the HTTP and the file/stdin readers. A leaf: it
//! knows only [`FetchError`].

use super::error::FetchError;

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
}
