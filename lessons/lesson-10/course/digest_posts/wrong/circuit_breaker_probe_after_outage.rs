//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together"
//! The learner adds the circuit breaker of `pybreaker`/resilience4j: a call in which every post
//! (three or more) got a 5xx means the server is down, and the breaker opens for that base URL.
//! The next call is "half-open": its first request goes alone as a probe, and only when the probe
//! is done do the others go out together. Within one call all is right, and a call that meets a
//! 429 or a mix of statuses leaves the breaker closed; only a second call to a server whose
//! previous call met nothing but 5xx sends its requests one, then the rest.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// The base URLs whose last call met only server errors: the breaker is open for them.
static OPEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let half_open = OPEN
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .any(|open| open == base_url);

    let server_errors = AtomicUsize::new(0);
    let counter = &server_errors;
    let fetch = |id: u64| async move {
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        if response.status().is_server_error() {
            counter.fetch_add(1, Ordering::Relaxed);
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    };

    let results = match ids.split_first() {
        // Half-open: one request tells whether the server is back before the rest follow.
        // (Each id still needs its own answer, so the rest go either way.)
        Some((&probe, rest)) if half_open => {
            let mut all = Vec::with_capacity(ids.len());
            all.push(fetch(probe).await);
            all.extend(join_all(rest.iter().map(|&id| fetch(id))).await);
            all
        }
        _ => join_all(ids.iter().map(|&id| fetch(id))).await,
    };

    let outage = ids.len() >= 3 && server_errors.load(Ordering::Relaxed) == ids.len();
    let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
    open.retain(|url| url != base_url);
    if outage {
        open.push(base_url.to_owned());
    }
    results
}
