//! Wrong: breaks "no timeout of your own (the client's settings say how long to wait)": every request carries `.timeout(10 s)`, which replaces the client's own timeout for it, so an answer slower than 10 s becomes a timeout error (and a client set to wait less waits 10 s instead); concurrency, URLs, order and per-entry results are right.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // One future per id; nothing is sent until `join_all` polls them.
    let requests = ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            // Never let one stuck post hold up the whole batch (`timeout=10` in requests).
            .timeout(Duration::from_secs(10))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    // All in flight together; results come back in the order of `ids`.
    join_all(requests).await
}
