//! Wrong: keeps a process-wide count of calls in flight and, past 6 at once ("what a browser opens per host"), answers a made-up `Status { 429 }` without sending anything; the contract says calls made at the same time all send their requests at once, and `Status` is a status the server sent.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// How many requests this function lets run at once, like a browser's connections per host.
const MAX_IN_FLIGHT: usize = 6;

static IN_FLIGHT: AtomicUsize = AtomicUsize::new(0);

/// Gives its place back when the call ends, however it ends (even when dropped mid-request).
struct Slot;

impl Drop for Slot {
    fn drop(&mut self) {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    // Shed load instead of piling more requests onto a busy server: the caller gets the same
    // answer the server would give ("429 Too Many Requests"), which `is_transient()` already
    // says is worth a retry later.
    if IN_FLIGHT.fetch_add(1, Ordering::SeqCst) >= MAX_IN_FLIGHT {
        IN_FLIGHT.fetch_sub(1, Ordering::SeqCst);
        return Err(ApiError::Status {
            status: StatusCode::TOO_MANY_REQUESTS,
            url,
        });
    }
    let _slot = Slot;
    crate::fetch_json::<Post>(client.get(url).timeout(limit)).await
}
