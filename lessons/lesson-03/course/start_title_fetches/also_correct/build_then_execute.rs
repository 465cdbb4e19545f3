//! Correct: the request is built with `RequestBuilder::build()` outside the task (so a bad URL is already a `reqwest::Error` the task returns, never a panic) and sent with `Client::execute` on the clone inside it; the `for` loop pushes a `tokio::spawn` per entry (repeats too) before returning, and the task body is a `match` chain without `?`.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).
//!
//! `start_title_fetches` is a plain `fn`, not an `async fn`: it starts one task per post and
//! hands back their handles at once.

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
    for &id in ids {
        // Owned by the task: a client handle (same pool, same settings) and a finished request.
        let client = client.clone();
        let request = client.get(format!("{base_url}/posts/{id}")).build();
        handles.push(tokio::spawn(async move {
            let request = match request {
                Ok(request) => request,
                Err(err) => return Err(err),
            };
            let response = match client.execute(request).await {
                Ok(response) => response,
                Err(err) => return Err(err),
            };
            match response.error_for_status() {
                Ok(response) => response.json::<Post>().await.map(|post| post.title),
                Err(err) => Err(err),
            }
        }));
    }
    handles
}
