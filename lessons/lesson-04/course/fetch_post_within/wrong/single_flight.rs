//! Wrong: breaks "one call, one request" ("a second call for the same post sends a request of its own") and "each call on its own, keeping nothing between calls: calls made at the same time send their requests at once, each waiting at most its own `limit`": like Go's `singleflight`, calls for the same URL made while a request for it is still in flight join that request instead of sending their own (a `tokio::sync::OnceCell` per URL, forgotten as soon as it is done), so N concurrent calls for one post make one request and share its post, and a joining call waits on the first call's `limit`, not its own; a failed request is not shared (each joiner then sends its own), and every call made after the previous one finished is exactly right.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::OnceCell;

use crate::{ApiError, fetch_json};

/// The requests in flight right now, by URL. Not a cache: an entry lives only as long as its
/// request, and is removed the moment it finishes.
static IN_FLIGHT: Mutex<BTreeMap<String, Arc<OnceCell<Post>>>> = Mutex::new(BTreeMap::new());

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    // Join the request for this URL that is already on its way, or start one (the lock is
    // released before any `.await`).
    let flight = {
        let mut in_flight = IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner);
        Arc::clone(in_flight.entry(url.clone()).or_default())
    };

    // The first caller sends the GET; the others wait for its post. If it fails, the error is
    // that caller's alone and the next one waiting sends its own request.
    let outcome = flight
        .get_or_try_init(|| fetch_json::<Post>(client.get(&url).timeout(limit)))
        .await
        .cloned();

    // Done: forget this flight, so that a later call asks the server again.
    {
        let mut in_flight = IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner);
        if in_flight
            .get(&url)
            .is_some_and(|current| Arc::ptr_eq(current, &flight))
        {
            in_flight.remove(&url);
        }
    }

    outcome
}
