//! A server on a bare socket, for answers wiremock cannot give: a body cut short before its
//! `Content-Length`, or one that stalls.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Answers every request with the same bytes (a head and part of a body, say), then closes the
/// connection, or keeps it open and silent. It counts the requests it receives, and stops when
/// dropped.
#[derive(Debug)]
pub struct RawAnswerServer {
    /// `http://127.0.0.1:{port}`, without a trailing slash.
    pub url: String,
    requests: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for RawAnswerServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl RawAnswerServer {
    /// Answers every request with `reply`, then closes the connection, or, with `stall`, keeps
    /// it open and silent for half a minute.
    ///
    /// # Errors
    /// If no port on loopback can be had.
    pub async fn start(reply: String, stall: bool) -> Result<RawAnswerServer, String> {
        RawAnswerServer::serve(reply, stall, false).await
    }

    /// Reads every request and resets the connection without a word (a TCP RST, as a server
    /// that crashes or a firewall does), where [`RawAnswerServer::start`] with an empty reply
    /// closes it cleanly.
    ///
    /// # Errors
    /// If no port on loopback can be had.
    pub async fn resetting() -> Result<RawAnswerServer, String> {
        RawAnswerServer::serve(String::new(), false, true).await
    }

    async fn serve(reply: String, stall: bool, reset: bool) -> Result<RawAnswerServer, String> {
        // It closes connections on purpose: with the usual handshake.
        let listener = crate::testing::check_listener(mock_server::Closing::Handshake)
            .map_err(|err| format!("the check could not listen on loopback: {err}"))?;
        let address = listener
            .local_addr()
            .map_err(|err| format!("the check's socket has no address: {err}"))?;
        let requests = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&requests);
        let task = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((mut socket, _)) = listener.accept().await {
                let (reply, counter) = (reply.clone(), Arc::clone(&counter));
                connections.spawn(async move {
                    let mut request = Vec::new();
                    let mut buffer = [0u8; 1024];
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut buffer).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&buffer[..n]),
                        }
                    }
                    counter.fetch_add(1, Ordering::SeqCst);
                    if reset {
                        // A linger of zero makes the close a reset; with zero it never blocks,
                        // which is what tokio's deprecation warns of.
                        #[allow(deprecated)]
                        let _ = socket.set_linger(Some(Duration::ZERO));
                        return;
                    }
                    let _ = socket.write_all(reply.as_bytes()).await;
                    let _ = socket.flush().await;
                    if stall {
                        tokio::time::sleep(Duration::from_secs(30)).await;
                    }
                });
                // Forget the connections that are done.
                while connections.try_join_next().is_some() {}
            }
        });
        Ok(RawAnswerServer {
            url: format!("http://{address}"),
            requests,
            task,
        })
    }

    /// How many requests it has received so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

/// The head of an answer with `status`, a JSON content type and a `Content-Length` of 400,
/// followed by only the first bytes of that body: the server then closes the connection.
pub fn cut_short(status: u16) -> String {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason())
        .unwrap_or("Unknown");
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\nContent-Length: \
         400\r\n\r\n{{\"error\": \"the server is bu"
    )
}
