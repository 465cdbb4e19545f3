//! Wrong: no cache (a second call for the same post sends a request of its own) — it keeps a post for as long as the answer's `Cache-Control: max-age=N` allows, as a browser would, and answers a second call from memory without a request; a server that sends no `Cache-Control` (wiremock's default) never fills the cache, so the usual "call twice, count two requests" check cannot see it.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{CACHE_CONTROL, HeaderMap};

use crate::ApiError;

/// Posts whose answers said they stay fresh for a while: URL -> (fresh until, post).
static FRESH: Mutex<Option<HashMap<String, (Instant, Post)>>> = Mutex::new(None);

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    if let Some(post) = fresh(&url) {
        return Ok(post);
    }
    let response = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;
    let max_age = max_age(response.headers());
    let post = response.json::<Post>().await?;
    if let Some(max_age) = max_age {
        let mut cache = FRESH.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(until) = Instant::now().checked_add(max_age) {
            cache
                .get_or_insert_with(HashMap::new)
                .insert(url, (until, post.clone()));
        }
    }
    Ok(post)
}

/// The post kept for `url`, if its answer is still fresh.
fn fresh(url: &str) -> Option<Post> {
    let mut cache = FRESH.lock().unwrap_or_else(PoisonError::into_inner);
    let entries = cache.as_mut()?;
    match entries.get(url) {
        Some((until, post)) if Instant::now() < *until => Some(post.clone()),
        Some(_) => {
            entries.remove(url);
            None
        }
        None => None,
    }
}

/// How long the server lets us reuse this answer: `max-age` from `Cache-Control`, unless the
/// same header forbids keeping it (`no-store`, `no-cache`, `private` is fine for us).
fn max_age(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(CACHE_CONTROL)?.to_str().ok()?;
    let mut max_age = None;
    for directive in value.split(',').map(str::trim) {
        let directive = directive.to_ascii_lowercase();
        if directive == "no-store" || directive == "no-cache" {
            return None;
        }
        if let Some(seconds) = directive.strip_prefix("max-age=") {
            max_age = seconds.trim_matches('"').parse::<u64>().ok();
        }
    }
    max_age
        .filter(|&seconds| seconds > 0)
        .map(Duration::from_secs)
}
