//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` ..., all in flight together"
//! The learner ports the adaptive concurrency of Netflix's `concurrency-limits` (TCP's AIMD): when
//! a server drops or refuses connections, "we opened too many", so the window for that origin is
//! halved, process-wide, and it doubles back after each clean call until it is as wide as the call.
//! The first call is right; a later call to a server that once reset a connection is throttled.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Requests allowed in flight per origin, learned from earlier calls. No entry: no limit.
static WINDOWS: Mutex<Option<HashMap<String, usize>>> = Mutex::new(None);

fn window_for(origin: &str) -> Option<usize> {
    let windows = WINDOWS.lock().unwrap_or_else(PoisonError::into_inner);
    windows.as_ref().and_then(|map| map.get(origin).copied())
}

fn learn(origin: String, window: Option<usize>, wanted: usize, dropped: bool) {
    let mut windows = WINDOWS.lock().unwrap_or_else(PoisonError::into_inner);
    let map = windows.get_or_insert_with(HashMap::new);
    let used = window.unwrap_or(wanted).max(1);
    if dropped {
        // Multiplicative decrease: the server could not take that many at once.
        map.insert(origin, (used / 2).max(1));
    } else if window.is_some() {
        // Growth after a clean call, until the window no longer limits anything.
        let grown = used.saturating_mul(2);
        if grown >= wanted {
            map.remove(&origin);
        } else {
            map.insert(origin, grown);
        }
    }
}

fn origin_of(base_url: &str) -> String {
    match reqwest::Url::parse(base_url) {
        Ok(url) => url.origin().ascii_serialization(),
        Err(_) => base_url.to_string(),
    }
}

async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
    gate: &Semaphore,
    dropped: &AtomicBool,
) -> Result<u64, reqwest::Error> {
    let permit = gate.acquire().await.ok();
    let response = match client.get(url).send().await {
        Ok(response) => response,
        Err(err) => {
            if err.is_connect() || (err.is_request() && !err.is_timeout()) {
                dropped.store(true, Ordering::Relaxed);
            }
            return Err(err);
        }
    };
    let body = response.error_for_status()?.bytes().await?;
    drop(permit);
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
    let window = window_for(&origin);
    let permits = window.unwrap_or(ids.len()).clamp(1, Semaphore::MAX_PERMITS);
    let gate = Semaphore::new(permits);
    let dropped = AtomicBool::new(false);
    let each = ids.iter().map(|id| {
        one_post(
            client,
            format!("{base_url}/posts/{id}"),
            digest,
            &gate,
            &dropped,
        )
    });
    let results = join_all(each).await;
    learn(origin, window, ids.len(), dropped.load(Ordering::Relaxed));
    results
}
