//! Wrong: each call on its own / no rate limit of your own: an aiolimiter-style leaky bucket shared by all calls (bursts of 100, then 100 per second) holds back every request past the burst, and that wait does not count against `limit`; below 100 requests in a second it never delays anything.

use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Like Python's `aiolimiter.AsyncLimiter(100, 1)`: at most 100 requests in any one second.
const CAPACITY: f64 = 100.0;
const PER_SECOND: f64 = 100.0;

/// How full the bucket is, and when it was last looked at.
struct Bucket {
    level: f64,
    last: Option<Instant>,
}

static BUCKET: Mutex<Bucket> = Mutex::new(Bucket {
    level: 0.0,
    last: None,
});

/// Takes a place in the bucket and says how long to wait before using it.
fn reserve() -> Duration {
    let mut bucket = BUCKET.lock().unwrap_or_else(PoisonError::into_inner);
    let now = Instant::now();
    if let Some(last) = bucket.last {
        let leaked = now.duration_since(last).as_secs_f64() * PER_SECOND;
        bucket.level = (bucket.level - leaked).max(0.0);
    }
    bucket.last = Some(now);
    bucket.level += 1.0;
    let excess = bucket.level - CAPACITY;
    if excess > 0.0 {
        Duration::from_secs_f64(excess / PER_SECOND)
    } else {
        Duration::ZERO
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // Be a polite client: never more than the server's fair share, however many callers.
    let wait = reserve();
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }

    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
