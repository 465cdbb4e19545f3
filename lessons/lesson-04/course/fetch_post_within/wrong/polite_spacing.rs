//! Wrong: breaks "waits at most `limit` for the answer" ("give up once `limit` has passed, … not much after", `Duration::ZERO` gives up "at once") by keeping state across calls: to be polite to the API, like an aiohttp `AsyncLimiter`, it spaces requests at least 25 ms apart with a process-wide "next free slot" instant, and that wait comes before the request (and its `limit`) starts; a call made 25 ms or more after the previous one is exactly right, but calls close together (five `Connect`s in a row, checks running in parallel) each wait their turn first, so they come back up to 25 ms per queued call later than their limit.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::Client;

use crate::{ApiError, fetch_json};

/// At most one request every 25 ms, whoever sends it: 40 requests a second.
const SPACING: Duration = Duration::from_millis(25);

/// When the last request was (or will be) sent, shared by every call in the process.
static LAST_SENT: Mutex<Option<Instant>> = Mutex::new(None);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Book the next free slot (the lock is released before any `.await`), then wait for it.
    let wait = {
        let mut last = LAST_SENT.lock().unwrap_or_else(PoisonError::into_inner);
        let now = Instant::now();
        let slot = match *last {
            Some(previous) => (previous + SPACING).max(now),
            None => now,
        };
        *last = Some(slot);
        slot.saturating_duration_since(now)
    };
    tokio::time::sleep(wait).await;

    // The caller's limit is for the request itself, from here.
    fetch_json::<Post>(client.get(format!("{base_url}/posts/{id}")).timeout(limit)).await
}
