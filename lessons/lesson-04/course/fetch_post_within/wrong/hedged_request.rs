//! Wrong: breaks "one call, one request, whatever happens: no retry": following "The Tail at Scale", it hedges: when no answer has come by half of `limit`, it sends the same GET a second time and returns whichever of the two finishes first (both within the one overall `limit`); a server that answers (or refuses, or errs) within `limit / 2` sees one request, and every result, variant and timing is right, but a slow server (slower than half the limit) sees two.

use std::pin::pin;
use std::time::Duration;

use futures::future::{self, Either};
use lesson_support::models::Post;
use reqwest::Client;

use crate::{ApiError, fetch_json};

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    // Not a retry: the first request keeps going. A hedge only cuts the tail of slow answers
    // (a stuck connection, an unlucky server behind the load balancer).
    let hedge_after = limit / 2;

    let mut first = pin!(fetch_json::<Post>(client.get(&url).timeout(limit)));
    let wait = pin!(tokio::time::sleep(hedge_after));
    match future::select(first.as_mut(), wait).await {
        Either::Left((result, _)) => return result,
        Either::Right(((), _)) => {}
    }

    // Still nothing after half the limit: ask once more, within what is left of it, and take
    // whichever answer comes first. The other request is dropped (cancelled).
    let second = pin!(fetch_json::<Post>(
        client.get(&url).timeout(limit - hedge_after)
    ));
    match future::select(first, second).await {
        Either::Left((result, _)) | Either::Right((result, _)) => result,
    }
}
