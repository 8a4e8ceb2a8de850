//! A feed body held as fixed-size chunks rather than one buffer, so the parser can free each
//! chunk once it has read every record in it (the whole body and the whole snapshot need not
//! coexist). The chunks are cut as a body is read (`sink.rs`). A leaf: knows nothing of JSON
//! or of where the bytes came from.

/// Bytes per chunk. Every chunk but the last holds exactly this many, whatever sizes the
/// reads came in: the content hashes, taken chunk by chunk, then depend on the bytes alone.
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

    /// Appends a chunk as the sink cut it: [`CHUNK_BYTES`] long unless it is the last.
    pub(crate) fn push_chunk(&mut self, chunk: Vec<u8>) {
        self.len += chunk.len();
        self.chunks.push(chunk);
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
        for chunk in bytes.chunks(CHUNK_BYTES) {
            body.push_chunk(chunk.to_vec());
        }
        body
    }
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Body {
        Body::from(bytes.as_slice())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_from_bytes_is_cut_where_a_sink_would_cut_it() {
        let bytes = vec![7; CHUNK_BYTES * 2 + 5];
        let body = Body::from(bytes.as_slice());
        let lens: Vec<usize> = body.clone().into_chunks().map(|c| c.len()).collect();
        assert_eq!(lens, [CHUNK_BYTES, CHUNK_BYTES, 5]);
        assert_eq!(body.len(), bytes.len());
        assert_eq!(body.to_vec(), bytes);
        assert!(Body::from(&b""[..]).is_empty());
    }
}
