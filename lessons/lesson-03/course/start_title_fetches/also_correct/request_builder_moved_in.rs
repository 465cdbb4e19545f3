//! Correct, written another way: each `RequestBuilder` is made outside the task with
//! `client.get(..)` (a builder owns a clone of the client it came from, so it shares the
//! caller's settings and pool) and is moved into the spawned block whole; the body is decoded
//! with `json::<Post>()` and mapped to its title, with no helper and no named `client` clone.

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
        // Owned and `'static`: the builder holds its own `Client` handle and the URL.
        let request = client.get(format!("{base_url}/posts/{id}"));
        handles.push(tokio::spawn(async move {
            let response = request.send().await?.error_for_status()?;
            response.json::<Post>().await.map(|post| post.title)
        }));
    }
    handles
}
