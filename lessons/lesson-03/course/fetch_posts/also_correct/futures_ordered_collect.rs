//! Correct, written another way: the request futures come from a named `async fn` borrowing
//! `client` and `base_url`, are collected straight into a `FuturesOrdered` (which polls them all
//! at once, with no limit, and yields their outputs in the order they were pushed, whatever
//! order they finish in), and the stream is drained with `StreamExt::collect`. The status is
//! judged with `error_for_status_ref` before the body is decoded.

use futures::stream::{FuturesOrdered, StreamExt};
use lesson_support::models::Post;
use reqwest::Client;

async fn fetch_one(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
    response.error_for_status_ref()?;
    response.json::<Post>().await
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let in_flight: FuturesOrdered<_> = ids
        .iter()
        .map(|&id| fetch_one(client, base_url, id))
        .collect();
    in_flight.collect().await
}
