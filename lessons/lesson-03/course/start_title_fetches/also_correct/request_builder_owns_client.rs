//! Correct: unusual because there is no explicit `client.clone()`: the closure builds each `RequestBuilder` (`client.get(url)`), which owns a clone of `client` internally (same settings, same pool) and is `Send + 'static`, and the spawned block only sends it.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).

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
