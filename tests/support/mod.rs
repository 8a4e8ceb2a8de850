//! A small fault-injecting HTTP/1.1 server for tests, on `127.0.0.1:0`, built on tokio's
//! `TcpListener`. Each request gets an [`Action`] from a handler (or a script): a normal reply,
//! a delay before the headers, a body trickled one byte at a time, a connection closed mid-body,
//! a declared body never sent, or no answer at all. Every request is recorded (request line and
//! headers) so tests can assert what the client sent.
//!
//! Every reply carries `Connection: close`, so each request arrives on a fresh connection.
//!
//! Shared by several test binaries, each using a part of it.
#![allow(
    dead_code,
    reason = "each test binary uses a different part of this module"
)]

pub mod child;
pub mod ci;
pub mod cli;
pub mod dash;
pub mod tmux;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::{JoinHandle, JoinSet};

/// A request as the server received it.
#[derive(Clone, Debug)]
pub struct Recorded {
    /// For example `GET /feed?x=1 HTTP/1.1`.
    pub request_line: String,
    pub headers: Vec<(String, String)>,
    /// When the request's head had been read.
    pub at: Instant,
}

impl Recorded {
    /// The first header of that name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// How the server treats one request.
#[derive(Clone, Debug)]
pub enum Action {
    Reply(Reply),
    /// Read the request, then hold the connection open and never answer.
    Hang,
    /// Read the request, then close the connection without a word.
    Close,
}

/// A scripted response.
#[derive(Clone, Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Body,
    /// Pause between reading the request and sending the status line.
    pub delay: Duration,
}

/// How the body goes out. The server adds `Content-Length` or `Transfer-Encoding` to match.
#[derive(Clone, Debug)]
pub enum Body {
    /// All at once, with `Content-Length`.
    Full(Vec<u8>),
    /// `Transfer-Encoding: chunked`, in chunks of `chunk` bytes, no length announced.
    Chunked { data: Vec<u8>, chunk: usize },
    /// Chunked, no length announced: one byte per `interval`, forever.
    Trickle { interval: Duration },
    /// Declares `declared` bytes, sends `data` (fewer), then closes: a connection lost mid-body.
    Truncated { data: Vec<u8>, declared: u64 },
    /// Declares `declared` bytes and sends none, holding the connection open: a client that
    /// returns before its timeout cannot have waited for the body.
    Stalled { declared: u64 },
    /// `len` copies of `byte`, made as they are sent (so a huge body costs the test nothing),
    /// with `Content-Length` or, when `chunked`, in 64 KiB chunks with no length announced.
    Repeat { byte: u8, len: u64, chunked: bool },
}

impl Reply {
    pub fn new(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Body::Full(Vec::new()),
            delay: Duration::ZERO,
        }
    }

    /// `200 OK` with this body.
    pub fn ok(body: impl Into<Vec<u8>>) -> Reply {
        Reply::new(200).body(Body::Full(body.into()))
    }

    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    #[must_use]
    pub fn body(mut self, body: Body) -> Reply {
        self.body = body;
        self
    }

    #[must_use]
    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

impl From<Reply> for Action {
    fn from(reply: Reply) -> Action {
        Action::Reply(reply)
    }
}

type Handler = dyn Fn(usize, &Recorded) -> Action + Send + Sync;

/// The running server; stops (and drops every connection) when dropped.
pub struct TestServer {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Recorded>>>,
    sent: Arc<AtomicU64>,
    task: JoinHandle<()>,
}

impl TestServer {
    /// Starts a server whose answer to the `n`-th request (from 0) is `handler(n, &request)`.
    pub async fn start(
        handler: impl Fn(usize, &Recorded) -> Action + Send + Sync + 'static,
    ) -> TestServer {
        TestServer::start_at("127.0.0.1:0", handler).await
    }

    /// Like [`TestServer::start`], on a given address (e.g. a port a client was refused on).
    pub async fn start_at(
        addr: &str,
        handler: impl Fn(usize, &Recorded) -> Action + Send + Sync + 'static,
    ) -> TestServer {
        let listener = TcpListener::bind(addr).await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let sent = Arc::new(AtomicU64::new(0));
        let handler: Arc<Handler> = Arc::new(handler);
        let task = tokio::spawn(accept_loop(
            listener,
            handler,
            Arc::clone(&requests),
            Arc::clone(&sent),
        ));
        TestServer {
            addr,
            requests,
            sent,
            task,
        }
    }

    /// Starts a server answering the `n`-th request with `script[n]`, repeating the last.
    pub async fn scripted(script: Vec<Action>) -> TestServer {
        assert!(!script.is_empty(), "a script needs at least one action");
        TestServer::start(move |n, _| script[n.min(script.len() - 1)].clone()).await
    }

    /// A server treating every request the same way.
    pub async fn always(action: impl Into<Action>) -> TestServer {
        TestServer::scripted(vec![action.into()]).await
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port><path>`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The requests received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Body bytes the clients accepted so far (written without error), over all replies.
    pub fn body_bytes_sent(&self) -> u64 {
        self.sent.load(Ordering::SeqCst)
    }
}

/// A gzip stream of `decoded` zero bytes: about a thousandth of that on the wire.
pub fn gzip_bomb(decoded: usize) -> Vec<u8> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let block = vec![0u8; 1024 * 1024];
    let mut left = decoded;
    while left > 0 {
        let n = left.min(block.len());
        encoder.write_all(&block[..n]).expect("compress");
        left -= n;
    }
    encoder.finish().expect("compress")
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn accept_loop(
    listener: TcpListener,
    handler: Arc<Handler>,
    requests: Arc<Mutex<Vec<Recorded>>>,
    sent: Arc<AtomicU64>,
) {
    let count = Arc::new(AtomicUsize::new(0));
    // Dropping the set (when this task is aborted) aborts every connection task.
    let mut connections = JoinSet::new();
    while let Ok((stream, _)) = listener.accept().await {
        let handler = Arc::clone(&handler);
        let requests = Arc::clone(&requests);
        let count = Arc::clone(&count);
        let sent = Arc::clone(&sent);
        connections.spawn(async move {
            let mut stream = stream;
            let Some(request) = read_request(&mut stream).await else {
                return;
            };
            let n = count.fetch_add(1, Ordering::SeqCst);
            requests
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(request.clone());
            let action = handler(n, &request);
            // Write errors mean the client gave up, which is what many tests provoke.
            let _ = serve(stream, action, &sent).await;
        });
        while connections.try_join_next().is_some() {}
    }
}

async fn read_request(stream: &mut TcpStream) -> Option<Recorded> {
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.ok()?;
        if n == 0 || head.len() > 64 * 1024 {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let text = String::from_utf8_lossy(&head);
    let mut lines = text.split("\r\n");
    let request_line = lines.next()?.to_owned();
    let headers = lines
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Some(Recorded {
        request_line,
        headers,
        at: Instant::now(),
    })
}

async fn serve(mut stream: TcpStream, action: Action, sent: &AtomicU64) -> std::io::Result<()> {
    let reply = match action {
        Action::Reply(reply) => reply,
        Action::Hang => return hold(stream).await,
        Action::Close => return Ok(()),
    };
    tokio::time::sleep(reply.delay).await;
    let reason = reqwest::StatusCode::from_u16(reply.status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Whatever");
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", reply.status);
    for (name, value) in &reply.headers {
        head.extend([name.as_str(), ": ", value.as_str(), "\r\n"]);
    }
    let framing = match &reply.body {
        Body::Full(data) => format!("Content-Length: {}\r\n", data.len()),
        Body::Chunked { .. } | Body::Trickle { .. } | Body::Repeat { chunked: true, .. } => {
            "Transfer-Encoding: chunked\r\n".to_owned()
        }
        Body::Truncated { declared, .. } | Body::Stalled { declared } => {
            format!("Content-Length: {declared}\r\n")
        }
        Body::Repeat { len, .. } => format!("Content-Length: {len}\r\n"),
    };
    head.push_str(&framing);
    head.push_str("Connection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).await?;
    let count = |n: usize| {
        sent.fetch_add(u64::try_from(n).unwrap_or(u64::MAX), Ordering::SeqCst);
    };
    match reply.body {
        Body::Full(data) | Body::Truncated { data, .. } => {
            stream.write_all(&data).await?;
            count(data.len());
        }
        Body::Chunked { data, chunk } => {
            for piece in data.chunks(chunk.max(1)) {
                write_chunk(&mut stream, piece).await?;
                count(piece.len());
            }
            stream.write_all(b"0\r\n\r\n").await?;
        }
        Body::Trickle { interval } => loop {
            stream.write_all(b"1\r\n \r\n").await?;
            stream.flush().await?;
            count(1);
            tokio::time::sleep(interval).await;
        },
        Body::Stalled { .. } => return hold(stream).await,
        Body::Repeat { byte, len, chunked } => {
            let block = vec![byte; 64 * 1024];
            let mut left = len;
            while left > 0 {
                let n = usize::try_from(left).unwrap_or(usize::MAX).min(block.len());
                if chunked {
                    write_chunk(&mut stream, &block[..n]).await?;
                } else {
                    stream.write_all(&block[..n]).await?;
                }
                count(n);
                left -= u64::try_from(n).unwrap_or(u64::MAX);
            }
            if chunked {
                stream.write_all(b"0\r\n\r\n").await?;
            }
        }
    }
    stream.flush().await?;
    stream.shutdown().await
}

async fn write_chunk(stream: &mut TcpStream, piece: &[u8]) -> std::io::Result<()> {
    stream
        .write_all(format!("{:x}\r\n", piece.len()).as_bytes())
        .await?;
    stream.write_all(piece).await?;
    stream.write_all(b"\r\n").await
}

/// Keeps the connection open until the client closes it or the server is dropped.
async fn hold(mut stream: TcpStream) -> std::io::Result<()> {
    let mut sink = [0u8; 1024];
    while stream.read(&mut sink).await? > 0 {}
    Ok(())
}
