//! Wrong: breaks "each task sends one GET at once, with no timer before it": every task first awaits `tokio::time::sleep(Duration::ZERO)` (the translation of asyncio's `await asyncio.sleep(0)` "let the others start"), a real timer registration before the request; it costs only a timer tick, so the requests still all arrive.
//!
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
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
                // Like `await asyncio.sleep(0)`: give the other tasks a chance to start first.
                tokio::time::sleep(Duration::ZERO).await;
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
