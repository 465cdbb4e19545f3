//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` ..., all in flight together" (and
//! "a digest never waits for other requests")
//! The learner ports the AIMD window of Netflix's `concurrency-limits` (TCP's congestion control), keyed
//! by origin and kept process-wide: a timeout is the loss signal ("the server is drowning, we sent too
//! much"), so a call in which a request timed out (the client's own timeout, set by whoever built it)
//! halves the window for that origin, and each clean call after it widens it by one. A 429, a 5xx or a
//! dropped connection are the server's answer, not congestion, and change nothing; with no timeout ever
//! met, the window is unlimited. After one timeout, the next call has a single request in flight.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use futures::stream::{self, StreamExt};
use reqwest::Client;

/// The congestion window of each origin, once a timeout has set one.
fn windows() -> &'static Mutex<HashMap<String, usize>> {
    static WINDOWS: OnceLock<Mutex<HashMap<String, usize>>> = OnceLock::new();
    WINDOWS.get_or_init(|| Mutex::new(HashMap::new()))
}

fn origin_of(base_url: &str) -> String {
    reqwest::Url::parse(base_url)
        .map(|url| url.origin().ascii_serialization())
        .unwrap_or_else(|_| base_url.to_owned())
}

/// One post: GET on the runtime, status checked, raw bytes, digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let origin = origin_of(base_url);
    let window = windows()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .get(&origin)
        .copied();
    let limit = window.unwrap_or(usize::MAX).min(ids.len()).max(1);

    let results: Vec<Result<u64, reqwest::Error>> = stream::iter(
        ids.iter()
            .map(|id| fetch_and_digest(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .buffered(limit)
    .collect()
    .await;

    let timed_out = results
        .iter()
        .any(|result| matches!(result, Err(err) if err.is_timeout()));
    let mut windows = windows()
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if timed_out {
        // Multiplicative decrease.
        windows.insert(origin, (limit / 2).max(1));
    } else if let Some(current) = windows.get_mut(&origin) {
        // Additive increase.
        *current = current.saturating_add(1);
    }
    results
}
