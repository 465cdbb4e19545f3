//! Correct: no `client.clone()` written out: `client.get(url).send()` is called in the closure and
//! the future it returns (which owns its request and a clone of `client` made by `get`, so the
//! same settings and pool) is moved into the task. It is `'static`, and it starts when the task
//! is first polled, so the request is on its way without the handle being awaited. Catches a
//! check that looks for `.clone()` or for `send()` inside the spawned block.

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
        .map(|id| {
            let response = client.get(format!("{base_url}/posts/{id}")).send();
            tokio::spawn(async move {
                let post: Post = response.await?.error_for_status()?.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
