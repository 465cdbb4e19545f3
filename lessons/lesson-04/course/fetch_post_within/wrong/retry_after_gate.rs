//! Wrong: breaks "each call on its own, keeping nothing between calls" and "no cache (a second call for the same post sends a request of its own)" (and "retrying is the caller's choice, and `ApiError::is_transient` tells it when"): it does not retry, but it remembers a 429 or 503 that came with `Retry-After: <seconds>`, per `base_url`, and until that time has passed every later call to the same server, for any post, answers the same `Status { status, url }` at once without sending anything ("do not hammer a server that asked us to wait"); each 429/503 itself is one request reported at once, and every call to a server that never sent a `Retry-After` is exactly right.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Servers that asked us to come back later: until when, and what they answered.
static BACK_OFF: Mutex<BTreeMap<String, (Instant, StatusCode)>> = Mutex::new(BTreeMap::new());

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    // The server told us when it will be ready: asking before then only adds to its load, and
    // the answer is known. (The lock is released before any `.await`.)
    {
        let mut back_off = BACK_OFF.lock().unwrap_or_else(PoisonError::into_inner);
        match back_off.get(base_url).copied() {
            Some((until, status)) if Instant::now() < until => {
                return Err(ApiError::Status { status, url });
            }
            Some(_) => {
                back_off.remove(base_url);
            }
            None => {}
        }
    }

    let response = client.get(&url).timeout(limit).send().await?;

    // Not a retry: this call reports the status at once. Only later calls hold back.
    let status = response.status();
    if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE {
        let until = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|text| text.trim().parse::<u64>().ok())
            .and_then(|seconds| Instant::now().checked_add(Duration::from_secs(seconds)));
        if let Some(until) = until {
            BACK_OFF
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(base_url.to_owned(), (until, status));
        }
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
