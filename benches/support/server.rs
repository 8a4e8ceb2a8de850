//! A static feed server for the poll bench: HTTP/1.1 with keep-alive (as a real feed server
//! behind a CDN or nginx would be), one document with a fixed `ETag`, `304 Not Modified` when
//! `If-None-Match` carries it. Costs next to nothing per request, so a poll's measured time is
//! the client's and the loopback's.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

pub const ETAG: &str = "\"feed-v1\"";

/// Requests answered so far, by status.
#[derive(Default)]
pub struct Counts {
    pub ok: AtomicU64,
    pub not_modified: AtomicU64,
}

/// Starts the server on its own thread and runtime; returns its address and counters.
pub fn start(body: Arc<Vec<u8>>) -> (SocketAddr, Arc<Counts>) {
    let counts = Arc::new(Counts::default());
    let (tx, rx) = std::sync::mpsc::channel();
    let served = Arc::clone(&counts);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            tx.send(listener.local_addr().expect("address"))
                .expect("send address");
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let (body, counts) = (Arc::clone(&body), Arc::clone(&served));
                tokio::spawn(async move {
                    let _ = connection(stream, &body, &counts).await;
                });
            }
        });
    });
    (rx.recv().expect("server address"), counts)
}

async fn connection(mut stream: TcpStream, body: &[u8], counts: &Counts) -> std::io::Result<()> {
    let mut buffer = Vec::with_capacity(4096);
    let mut chunk = [0u8; 4096];
    loop {
        let end = loop {
            if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break end + 4;
            }
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buffer.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buffer[..end]).to_ascii_lowercase();
        buffer.drain(..end);
        let fresh = head
            .lines()
            .filter_map(|line| line.strip_prefix("if-none-match:"))
            .any(|value| value.trim() == ETAG);
        if fresh {
            counts.not_modified.fetch_add(1, Ordering::Relaxed);
            let reply = format!("HTTP/1.1 304 Not Modified\r\nETag: {ETAG}\r\n\r\n");
            stream.write_all(reply.as_bytes()).await?;
        } else {
            counts.ok.fetch_add(1, Ordering::Relaxed);
            let reply = format!(
                "HTTP/1.1 200 OK\r\nETag: {ETAG}\r\nContent-Type: application/json\r\n\
                 Content-Length: {}\r\n\r\n",
                body.len()
            );
            stream.write_all(reply.as_bytes()).await?;
            stream.write_all(body).await?;
        }
    }
}
