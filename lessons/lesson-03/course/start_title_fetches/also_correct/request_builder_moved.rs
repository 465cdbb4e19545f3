//! Correct: unusual because it never calls `client.clone()` by hand. It builds each request in
//! the closure with `client.get(url)` and moves the `RequestBuilder` into the task: a
//! `RequestBuilder` owns a clone of the client (same settings, same pool) and its own URL, so
//! the block is `'static` without naming either. One task per entry, spawned before returning,
//! one GET each, status checked before decoding, no panic, no retry.

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
