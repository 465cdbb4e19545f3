//! Right: a `futures` stream over `ids` mapped to request futures and `.buffered(n)` with `n` = the number of ids (at least 1, so an empty stream ends), which keeps the input order and leaves no id waiting for a slot; the status is checked with `error_for_status_ref`.

use futures::stream::{self, StreamExt};
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // As many slots as requests: every one of them is in flight together.
    let in_flight = ids.len().max(1);
    stream::iter(ids)
        .map(|id| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            async move {
                let response = request.send().await?;
                response.error_for_status_ref()?;
                response.json::<Post>().await
            }
        })
        .buffered(in_flight)
        .collect()
        .await
}
