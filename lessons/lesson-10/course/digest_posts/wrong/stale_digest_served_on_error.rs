//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection)"
//! The learner ports RFC 5861's `stale-if-error`, the resilience habit of CDNs and of
//! `requests-cache`'s `stale_if_error=True`: every good digest is remembered, process-wide, by URL
//! and digest function, and when a later request for that URL fails with an outage (a 5xx, or no
//! answer at all), the last good digest is returned instead of the error ("a copy is better than
//! nothing"; a 4xx, "gone", is never covered). The server is still asked every time and every
//! body still digested, so nothing looks cached: only a URL that answered once and fails in a
//! later call of the same process shows it.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// A post's URL and the digest function (its address): one digest per pair.
type Key = (String, usize);

/// The last good digest of every URL seen, for as long as the program runs.
fn last_good() -> &'static Mutex<HashMap<Key, u64>> {
    static LAST_GOOD: OnceLock<Mutex<HashMap<Key, u64>>> = OnceLock::new();
    LAST_GOOD.get_or_init(|| Mutex::new(HashMap::new()))
}

fn remember(key: Key, digested: u64) {
    last_good()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .insert(key, digested);
}

fn recall(key: &Key) -> Option<u64> {
    last_good()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(key)
        .copied()
}

/// An outage, where the last good copy may stand in: a server error, or no answer at all (a
/// refused, reset or timed-out connection). A 4xx means gone or forbidden: never covered.
fn is_outage(err: &reqwest::Error) -> bool {
    match err.status() {
        Some(status) => status.is_server_error(),
        None => err.is_connect() || err.is_request() || err.is_timeout() || err.is_body(),
    }
}

/// The pipeline of one post: the request and its body on the runtime, the digest on the
/// blocking pool.
async fn fetch_and_digest(
    client: &Client,
    url: &str,
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
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let key: Key = (url.clone(), digest as usize);
        match fetch_and_digest(client, &url, digest).await {
            Ok(digested) => {
                remember(key, digested);
                Ok(digested)
            }
            // stale-if-error: the server is down, the post is not gone; serve the last copy.
            Err(err) if is_outage(&err) => recall(&key).ok_or(err),
            Err(err) => Err(err),
        }
    });
    join_all(each).await
}
