//! Correct, written another way: each request is tagged with its position in `ids` and run in a
//! `FuturesUnordered` (all polled at once, outputs in arrival order); the tagged results are
//! collected and sorted back by position, so each entry keeps the answer to its own request.
//! The request is a `RequestBuilder` made up front (it shares `client`'s pool and settings),
//! and the status check is a `Result::and_then` instead of `?`.

use futures::stream::{FuturesUnordered, StreamExt};
use lesson_support::models::Post;
use reqwest::{Client, Response};

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let in_flight: FuturesUnordered<_> = ids
        .iter()
        .enumerate()
        .map(|(position, id)| {
            let request = client.get(format!("{base_url}/posts/{id}"));
            async move {
                let post = match request.send().await.and_then(Response::error_for_status) {
                    Ok(response) => response.json::<Post>().await,
                    Err(err) => Err(err),
                };
                (position, post)
            }
        })
        .collect();

    let mut answered: Vec<(usize, Result<Post, reqwest::Error>)> = in_flight.collect().await;
    answered.sort_unstable_by_key(|&(position, _)| position);
    answered.into_iter().map(|(_, post)| post).collect()
}
