//! Wrong: breaks "each call on its own, keeping nothing between calls: … each waiting at most its own `limit`" and "with a timeout of `limit` for this request": to avoid parsing and building the same request again, it keeps each built `reqwest::Request` in a process-wide map keyed by its URL and sends a `try_clone()` of it on later calls, forgetting that the built request carries the first call's timeout; so a second call for the same URL waits the first call's `limit`, not its own (a later `Duration::ZERO` or 150 ms call waits the first call's 600 ms or 30 s, a later 45 s call gives up at the first call's 150 ms); every first call for a URL (each test's own server, on its own port) is exactly right, one request through the given client, every variant and timing.

use std::collections::BTreeMap;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Request};

use crate::ApiError;

/// Requests already built, by URL: building one parses and checks the URL every time, and
/// the request for a given post is always the same GET.
static PREPARED: Mutex<BTreeMap<String, Request>> = Mutex::new(BTreeMap::new());

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    // A GET has no body, so `try_clone` always succeeds; the lock is released before any
    // `.await`.
    let prepared = PREPARED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .get(&url)
        .and_then(Request::try_clone);

    let request = match prepared {
        Some(request) => request,
        None => {
            // A URL reqwest cannot use fails here (a builder error, `Other`), and is not kept.
            let request = client.get(url.as_str()).timeout(limit).build()?;
            if let Some(copy) = request.try_clone() {
                PREPARED
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .insert(url, copy);
            }
            request
        }
    };

    let response = client.execute(request).await?;
    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
