//! Wrong: breaks "calls made at the same time send their requests at once, each waiting at most its own `limit` (no spacing, queue or rate limit of your own between requests: pacing them is the caller's choice)"
//!
//! Keeps, for each origin (scheme, host, port), a semaphore of six permits, and takes one
//! before sending: at most six requests in flight per server, the limit browsers use per host.
//! The learner means to be polite to a public API and knows the browser rule. One call, or a
//! handful at once, behaves exactly like the reference; a seventh call made at the same time
//! waits in a queue before its request is even sent, and since its `limit` only starts with
//! the request, it can take longer than `limit` and still succeed. The table of semaphores
//! also outlives every call.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Semaphore;

use crate::ApiError;

/// How many requests may be in flight to one server at once, as a browser allows per host.
const PER_HOST: usize = 6;

/// One semaphore per origin (`http://127.0.0.1:3000`).
static HOSTS: LazyLock<Mutex<HashMap<String, Arc<Semaphore>>>> = LazyLock::new(Default::default);

/// The semaphore of `url`'s origin, or `None` for a URL without one (reqwest reports it).
fn slots_for(url: &str) -> Option<Arc<Semaphore>> {
    let origin = reqwest::Url::parse(url).ok()?.origin();
    if !origin.is_tuple() {
        return None;
    }
    let mut hosts = HOSTS.lock().unwrap_or_else(PoisonError::into_inner);
    let slots = hosts
        .entry(origin.ascii_serialization())
        .or_insert_with(|| Arc::new(Semaphore::new(PER_HOST)));
    Some(Arc::clone(slots))
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    // Held until the call ends, or until its future is dropped.
    let _slot = match slots_for(&url) {
        Some(slots) => slots.acquire_owned().await.ok(),
        None => None,
    };
    let post = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
