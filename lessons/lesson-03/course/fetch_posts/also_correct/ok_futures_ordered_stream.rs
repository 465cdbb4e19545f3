//! Correct, written another way: the request futures are collected into a `FuturesOrdered` stream, which polls them all at once and yields their outputs in the order they were pushed, then `StreamExt::collect` gathers the stream into the `Vec`.

use futures::stream::{FuturesOrdered, StreamExt};
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    ids.iter()
        .map(|&id| async move {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            response.error_for_status()?.json::<Post>().await
        })
        .collect::<FuturesOrdered<_>>()
        .collect::<Vec<_>>()
        .await
}
