//! Wrong: remembers, per base URL, the slowest answer seen so far and gives up after 4 times that (at least 200 ms) when it is shorter than `limit`, so calls are not independent and a call can end in `Timeout` before its own `limit` has passed.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// The slowest successful answer seen so far, per base URL.
static SLOWEST: OnceLock<Mutex<HashMap<String, Duration>>> = OnceLock::new();

/// How many times the slowest known answer a request may take before it counts as stuck.
const FACTOR: u32 = 4;

/// Never give up sooner than this on a server we know.
const FLOOR: Duration = Duration::from_millis(200);

fn slowest() -> &'static Mutex<HashMap<String, Duration>> {
    SLOWEST.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    // An adaptive timeout: once we know how fast this server answers, a request that takes
    // several times longer than its slowest answer so far is stuck, and waiting out a generous
    // `limit` only wastes the caller's time.
    let known = slowest()
        .lock()
        .map(|seen| seen.get(base_url).copied())
        .unwrap_or(None);
    let timeout = match known {
        Some(slowest) => limit.min(slowest.saturating_mul(FACTOR).max(FLOOR)),
        None => limit,
    };

    let started = tokio::time::Instant::now();
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(timeout)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    let took = started.elapsed();

    if let Ok(mut seen) = slowest().lock() {
        let entry = seen.entry(base_url.to_owned()).or_insert(took);
        if took > *entry {
            *entry = took;
        }
    }
    Ok(post)
}
