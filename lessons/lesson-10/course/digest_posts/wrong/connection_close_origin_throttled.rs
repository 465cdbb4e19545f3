//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together" for a call made after an answer from the same origin said `Connection: close`: server A answers one post with `Connection: close` (and closes), then a later call of 20 ids with that base has at most six requests in flight at a time.
//! The idea: a server that closes its connection after each answer makes every request pay a
//! new TCP (and TLS) handshake and leaves a socket in `TIME_WAIT`; a burst of a hundred such
//! requests can run a client out of ephemeral ports or trip the server's SYN-flood guard. So
//! once an origin has been seen closing connections, the answer remembers it (process-wide, for
//! ten minutes) and talks to it the way browsers talk to an HTTP/1 host: six requests at a time.
//! Origins that keep their connections alive get everything at once, as in the reference. It
//! reads like careful networking. It is wrong: the contract wants every entry in flight together
//! whatever an earlier answer's connection header said.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::header::CONNECTION;
use reqwest::{Client, Response, Url};
use tokio::sync::Semaphore;

/// Requests at a time to an origin that closes its connections.
const CLOSING_ORIGIN_LIMIT: usize = 6;
/// How long an origin is remembered as closing its connections.
const REMEMBERED_FOR: Duration = Duration::from_secs(600);

/// Origin -> when it was last seen closing a connection.
fn closing_origins() -> &'static Mutex<HashMap<String, Instant>> {
    static CLOSING: OnceLock<Mutex<HashMap<String, Instant>>> = OnceLock::new();
    CLOSING.get_or_init(|| Mutex::new(HashMap::new()))
}

fn origin_of(base_url: &str) -> Option<String> {
    Url::parse(base_url)
        .ok()
        .map(|url| url.origin().ascii_serialization())
}

fn says_close(response: &Response) -> bool {
    response.headers().get_all(CONNECTION).iter().any(|value| {
        value.to_str().is_ok_and(|tokens| {
            tokens
                .split(',')
                .any(|t| t.trim().eq_ignore_ascii_case("close"))
        })
    })
}

fn recently_closing(origin: &str) -> bool {
    closing_origins()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(origin)
        .is_some_and(|seen| seen.elapsed() < REMEMBERED_FOR)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let origin = origin_of(base_url);
    let gate = origin
        .as_deref()
        .is_some_and(recently_closing)
        .then(|| Semaphore::new(CLOSING_ORIGIN_LIMIT));
    let origin = &origin;
    let gate = &gate;
    let each = ids.iter().map(|id| async move {
        // Held while the request and its body are on the wire, not while the digest runs.
        let slot = match gate {
            Some(gate) => gate.acquire().await.ok(),
            None => None,
        };
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        if let Some(origin) = origin {
            if says_close(&response) {
                closing_origins()
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(origin.clone(), Instant::now());
            }
        }
        let body = response.error_for_status()?.bytes().await?;
        drop(slot);
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
