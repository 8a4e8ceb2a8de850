//! A minimal HTTP/1.1 server that publishes a [`DemoFeed`]: any path, `GET` or `HEAD`, with an
//! `ETag` per revision and `304 Not Modified` for `If-None-Match`.
//!
//! Built on tokio alone (no HTTP crate): it serves one small resource to a few pollers, so a
//! strict little parser with hard limits is all it needs. (hyper's server, weighed instead,
//! has no write deadline, would bring a new crate and answers some malformed requests
//! differently.) Each connection runs in its own task; request heads are capped at
//! [`MAX_HEAD_BYTES`] and must arrive within [`HEAD_TIMEOUT`] (a connection that sends nothing
//! is dropped then); responses must drain within [`WRITE_TIMEOUT`]. At most [`MAX_IN_FLIGHT`]
//! requests are answered at once, and only a request takes one of those slots, never a
//! connection waiting to send one: idle connections cannot keep a poller out. Keep-alive is
//! supported; requests with a body are answered and the connection is closed.
//!
//! The `ETag` is `"<revision>"` ([`DemoFeed::revision_at`]): it covers the data, not
//! `generated_at`, so a `304` means "no project or target changed"; the body of a `200` always
//! carries the current `generated_at`.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, Utc};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::{Instant, timeout, timeout_at};

use super::DemoFeed;

/// Largest request head (request line and headers) accepted.
pub const MAX_HEAD_BYTES: usize = 16 * 1024;
/// Time allowed for a whole request head to arrive: from the accept for a connection's first
/// request, from its first byte for a later one.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);
/// Time a keep-alive connection may idle between requests (longer than the dashboard's
/// default 10 s poll interval, so its polls reuse the connection).
pub const IDLE_TIMEOUT: Duration = Duration::from_secs(15);
/// Time allowed for a response to be written.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// Requests answered at once (being generated or written); more wait for a slot. Bounds the
/// memory held by responses; connections waiting to send a request hold no slot.
pub const MAX_IN_FLIGHT: usize = 256;
const MAX_HEADERS: usize = 100;
const MAX_REQUESTS_PER_CONNECTION: usize = 1000;
/// Pause after a failed `accept` (such as running out of file descriptors) before retrying.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

type Clock = dyn Fn() -> DateTime<FixedOffset> + Send + Sync;

/// The deadlines and the slot count one server runs with (shorter ones in tests).
#[derive(Clone, Copy, Debug)]
struct Limits {
    head: Duration,
    idle: Duration,
    write: Duration,
    in_flight: usize,
}

impl Limits {
    const SERVED: Limits = Limits {
        head: HEAD_TIMEOUT,
        idle: IDLE_TIMEOUT,
        write: WRITE_TIMEOUT,
        in_flight: MAX_IN_FLIGHT,
    };
}

/// Binds a listener, returning it with its actual address (useful with port 0).
pub async fn bind(addr: &str) -> io::Result<(TcpListener, SocketAddr)> {
    let listener = TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    Ok((listener, local))
}

/// Serves `feed` as it stands at `clock()` on every connection accepted from `listener`.
/// Runs until the task running it is dropped; failed accepts are logged and retried.
pub async fn serve(
    listener: TcpListener,
    feed: Arc<DemoFeed>,
    clock: impl Fn() -> DateTime<FixedOffset> + Send + Sync + 'static,
) -> io::Result<()> {
    serve_with(listener, feed, Arc::new(clock), Limits::SERVED).await
}

async fn serve_with(
    listener: TcpListener,
    feed: Arc<DemoFeed>,
    clock: Arc<Clock>,
    limits: Limits,
) -> io::Result<()> {
    let slots = Arc::new(Semaphore::new(limits.in_flight));
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(error) => {
                tracing::warn!(%error, "demo feed server: accept failed");
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };
        let served = Served {
            feed: Arc::clone(&feed),
            clock: Arc::clone(&clock),
            slots: Arc::clone(&slots),
            limits,
        };
        tokio::spawn(async move {
            if let Err(error) = connection(stream, served).await {
                tracing::debug!(%peer, %error, "demo feed server: connection ended with an error");
            }
        });
    }
}

/// What every connection of one server shares.
struct Served {
    feed: Arc<DemoFeed>,
    clock: Arc<Clock>,
    slots: Arc<Semaphore>,
    limits: Limits,
}

/// Serves requests on one connection until it closes, errs, idles out or asks to close.
async fn connection(mut stream: TcpStream, served: Served) -> io::Result<()> {
    let limits = served.limits;
    let mut buffer = Vec::with_capacity(1024);
    for request in 0..MAX_REQUESTS_PER_CONNECTION {
        // The first request must arrive whole within the head deadline of the accept: a
        // connection that sends nothing, or dribbles, is dropped then. Later ones may idle
        // longer before they begin; once begun, the head must complete in time.
        let first_by = (request == 0).then(|| Instant::now() + limits.head);
        let idle = first_by.map_or(limits.idle, |_| limits.head);
        if buffer.is_empty() && !fill(&mut stream, &mut buffer, idle).await? {
            return Ok(());
        }
        let deadline = first_by.unwrap_or_else(|| Instant::now() + limits.head);
        let read = read_head(&mut stream, &mut buffer);
        let head = match timeout_at(deadline, read).await {
            Err(_) => return Ok(()),
            Ok(head) => head?,
        };
        // Only a request takes a slot, so idle connections never keep one from an answer.
        let _slot = served.slots.acquire().await.map_err(io::Error::other)?;
        let response = match head {
            Head::Complete(len) => {
                let parsed = parse(&buffer[..len]);
                buffer.drain(..len);
                match parsed {
                    Ok(request) => respond(request, &served.feed, &served.clock).await,
                    Err(status) => Response::error(status),
                }
            }
            Head::TooLarge => Response::error(Status::HeaderTooLarge),
            Head::Truncated => Response::error(Status::BadRequest),
        };
        let date = (served.clock)().with_timezone(&Utc);
        timeout(limits.write, response.write(&mut stream, date))
            .await
            .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "response write timed out"))??;
        if response.close {
            return stream.shutdown().await;
        }
    }
    Ok(())
}

/// Reads more bytes into `buffer` within `limit`; false if the peer closed or went quiet.
async fn fill(stream: &mut TcpStream, buffer: &mut Vec<u8>, limit: Duration) -> io::Result<bool> {
    let mut chunk = [0_u8; 4096];
    match timeout(limit, stream.read(&mut chunk)).await {
        Err(_) | Ok(Ok(0)) => Ok(false),
        Ok(Ok(n)) => {
            buffer.extend_from_slice(&chunk[..n]);
            Ok(true)
        }
        Ok(Err(error)) => Err(error),
    }
}

enum Head {
    /// The head occupies `buffer[..len]` (blank line included).
    Complete(usize),
    TooLarge,
    /// The peer closed mid-head.
    Truncated,
}

async fn read_head(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> io::Result<Head> {
    let mut searched = 0;
    loop {
        if let Some(end) = head_end(buffer, searched) {
            return Ok(if end > MAX_HEAD_BYTES {
                Head::TooLarge
            } else {
                Head::Complete(end)
            });
        }
        if buffer.len() > MAX_HEAD_BYTES {
            return Ok(Head::TooLarge);
        }
        searched = buffer.len().saturating_sub(3);
        let mut chunk = [0_u8; 4096];
        let n = stream.read(&mut chunk).await?;
        if n == 0 {
            return Ok(Head::Truncated);
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
}

/// The end of the head (after its blank line), accepting bare LF line ends too.
fn head_end(buffer: &[u8], from: usize) -> Option<usize> {
    (from..buffer.len()).find_map(|i| {
        let rest = &buffer[i..];
        if rest.starts_with(b"\r\n\r\n") {
            Some(i + 4)
        } else if rest.starts_with(b"\n\n") {
            Some(i + 2)
        } else if rest.starts_with(b"\n\r\n") {
            Some(i + 3)
        } else {
            None
        }
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Get,
    Head,
    Other,
}

#[derive(Debug)]
struct Request {
    method: Method,
    if_none_match: Option<String>,
    keep_alive: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Ok,
    NotModified,
    BadRequest,
    MethodNotAllowed,
    HeaderTooLarge,
    Internal,
    VersionNotSupported,
}

impl Status {
    fn line(self) -> &'static str {
        match self {
            Status::Ok => "200 OK",
            Status::NotModified => "304 Not Modified",
            Status::BadRequest => "400 Bad Request",
            Status::MethodNotAllowed => "405 Method Not Allowed",
            Status::HeaderTooLarge => "431 Request Header Fields Too Large",
            Status::Internal => "500 Internal Server Error",
            Status::VersionNotSupported => "505 HTTP Version Not Supported",
        }
    }
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// Parses a request head strictly enough to never misread one (RFC 9112 §2-5).
fn parse(head: &[u8]) -> Result<Request, Status> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text
        .split('\n')
        .map(|line| line.strip_suffix('\r').unwrap_or(line));
    let request_line = lines.next().unwrap_or_default();
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(Status::BadRequest);
    };
    if !is_token(method) || target.is_empty() || target.bytes().any(|b| b.is_ascii_control()) {
        return Err(Status::BadRequest);
    }
    let http11 = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.len() == 8 && v.starts_with("HTTP/") && v.as_bytes()[6] == b'.' => {
            return Err(Status::VersionNotSupported);
        }
        _ => return Err(Status::BadRequest),
    };
    let mut request = Request {
        method: match method {
            "GET" => Method::Get,
            "HEAD" => Method::Head,
            _ => Method::Other,
        },
        if_none_match: None,
        keep_alive: http11,
    };
    let (mut host, mut count) = (false, 0);
    for line in lines.take_while(|line| !line.is_empty()) {
        count += 1;
        if count > MAX_HEADERS {
            return Err(Status::HeaderTooLarge);
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(Status::BadRequest);
        };
        // No whitespace before the colon, no obsolete line folding (RFC 9112 §5.1, §5.2).
        if !is_token(name) {
            return Err(Status::BadRequest);
        }
        let value = value.trim_matches([' ', '\t']);
        match name.to_ascii_lowercase().as_str() {
            "host" => host = true,
            "if-none-match" => {
                let joined = match request.if_none_match.take() {
                    Some(earlier) => format!("{earlier}, {value}"),
                    None => value.to_owned(),
                };
                request.if_none_match = Some(joined);
            }
            "connection" => {
                for option in value.split(',').map(str::trim) {
                    if option.eq_ignore_ascii_case("close") {
                        request.keep_alive = false;
                    } else if option.eq_ignore_ascii_case("keep-alive") && !http11 {
                        request.keep_alive = true;
                    }
                }
            }
            // A body we do not read would be taken for the next request: close after replying.
            "content-length" if value != "0" => request.keep_alive = false,
            "transfer-encoding" => request.keep_alive = false,
            _ => {}
        }
    }
    if http11 && !host {
        return Err(Status::BadRequest);
    }
    Ok(request)
}

/// Whether an `If-None-Match` value matches `etag` (weak comparison, RFC 9110 §13.1.2).
fn matches(if_none_match: &str, etag: &str) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_owned();
    if_none_match.trim() == "*"
        || if_none_match
            .split(',')
            .any(|tag| opaque(tag) == opaque(etag))
}

struct Response {
    status: Status,
    etag: Option<String>,
    body: Vec<u8>,
    /// Send the headers of `body` but not the body (HEAD).
    omit_body: bool,
    close: bool,
}

impl Response {
    fn error(status: Status) -> Response {
        let body = format!("{}\n", status.line()).into_bytes();
        Response {
            status,
            etag: None,
            body,
            omit_body: false,
            close: true,
        }
    }

    async fn write(&self, stream: &mut TcpStream, date: DateTime<Utc>) -> io::Result<()> {
        let mut lines = vec![
            format!("HTTP/1.1 {}", self.status.line()),
            format!("Date: {}", date.format("%a, %d %b %Y %H:%M:%S GMT")),
            "Server: investboard-demo".to_owned(),
        ];
        if let Some(etag) = &self.etag {
            lines.push(format!("ETag: {etag}"));
            lines.push("Cache-Control: no-cache".to_owned());
        }
        match self.status {
            Status::NotModified => {}
            Status::Ok => lines.push("Content-Type: application/json".to_owned()),
            _ => lines.push("Content-Type: text/plain; charset=utf-8".to_owned()),
        }
        if self.status != Status::NotModified {
            lines.push(format!("Content-Length: {}", self.body.len()));
        }
        if self.status == Status::MethodNotAllowed {
            lines.push("Allow: GET, HEAD".to_owned());
        }
        lines.push(format!(
            "Connection: {}",
            if self.close { "close" } else { "keep-alive" }
        ));
        let head = lines.join("\r\n") + "\r\n\r\n";
        stream.write_all(head.as_bytes()).await?;
        if !self.omit_body && self.status != Status::NotModified {
            stream.write_all(&self.body).await?;
        }
        stream.flush().await
    }
}

async fn respond(request: Request, feed: &Arc<DemoFeed>, clock: &Arc<Clock>) -> Response {
    let close = !request.keep_alive;
    if request.method == Method::Other {
        return Response {
            close,
            ..Response::error(Status::MethodNotAllowed)
        };
    }
    let now = clock();
    let feed = Arc::clone(feed);
    let if_none_match = request.if_none_match;
    // Generating a large feed takes a while: keep it off the async workers.
    let computed = tokio::task::spawn_blocking(move || {
        let etag = format!("\"{}\"", feed.revision_at(now));
        if if_none_match
            .as_deref()
            .is_some_and(|inm| matches(inm, &etag))
        {
            (Status::NotModified, etag, Vec::new())
        } else {
            (Status::Ok, etag, feed.document_at(now))
        }
    })
    .await;
    match computed {
        Ok((status, etag, body)) => Response {
            status,
            etag: Some(etag),
            body,
            omit_body: request.method == Method::Head,
            close,
        },
        Err(error) => {
            tracing::error!(%error, "demo feed server: generating the feed failed");
            Response::error(Status::Internal)
        }
    }
}

#[cfg(test)]
mod tests;
