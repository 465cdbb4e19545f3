//! Correct, written another way: each `RequestBuilder` is made eagerly (building one sends nothing), its `send` chain goes into a `futures::stream::FuturesOrdered`, which polls them all together and yields their results in the order they were pushed, collected with `StreamExt::collect`.
//!
//! `fetch_posts` gets the post for every entry of `ids`, concurrently, over the client it is given.

use futures::stream::{FuturesOrdered, StreamExt};
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut in_flight = FuturesOrdered::new();
    for id in ids {
        // A builder for a `base_url` that is no URL carries the error and fails at `send`.
        let request = client.get(format!("{base_url}/posts/{id}"));
        in_flight.push_back(async move {
            let response = request.send().await?.error_for_status()?;
            response.json::<Post>().await
        });
    }
    // An empty `FuturesOrdered` ends at once: no request, an empty `Vec`.
    in_flight.collect().await
}
