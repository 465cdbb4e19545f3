//! Correct, written another way: each task's request is one `TryFutureExt` chain (`and_then` for the status and for the body, `map_ok` for the title) instead of `?`s, and the clone and the URL are still made outside the spawned block.

use futures::TryFutureExt;
use futures::future;
use lesson_support::models::Post;
use reqwest::{Client, Response};
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                client
                    .get(url)
                    .send()
                    .and_then(|response| future::ready(response.error_for_status()))
                    .and_then(Response::json::<Post>)
                    .map_ok(|post| post.title)
                    .await
            })
        })
        .collect()
}
