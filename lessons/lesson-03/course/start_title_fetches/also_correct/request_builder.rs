//! Correct: no explicit `client.clone()` and no `format!` kept for the task: each task owns a `RequestBuilder` made by `client.get(..)`, which holds its own clone of the caller's `Client` (same settings, same pool), so the request still goes through a clone of `client`.
//!
//! The builder is `Send + 'static`, so it moves into `async move` as is; a URL that does not parse
//! is kept inside the builder and surfaces as the task's `Err` at `send()`, not as a panic.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles = Vec::with_capacity(ids.len());
    for id in ids {
        let request = client.get(format!("{base_url}/posts/{id}"));
        handles.push(tokio::spawn(async move {
            let response = request.send().await?.error_for_status()?;
            response.json::<Post>().await.map(|post| post.title)
        }));
    }
    handles
}
