//! The feed's IO edge: where the bytes of the feed document come from (an HTTP(S) URL, a file
//! or standard input) and how they are fetched safely (time limits, a body cap, same-origin
//! redirects, conditional requests, redacted errors).
//!
//! This module returns bytes and knows nothing of the feed's JSON: decoding belongs to the
//! layers above. It must not depend on the UI or on `domain`.

mod error;
pub mod http;
mod local;
mod secret;
pub mod source;
