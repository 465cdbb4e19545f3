//! Correct, written another way: no explicit `client.clone()`: each `RequestBuilder` is built outside the task with `client.get(..)`, which already holds a clone of the client, and the builder itself is moved into the task.

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
        // A `RequestBuilder` owns its own handle on the client (the same pool and settings,
        // as `client.clone()` would give) and its URL: it is `'static`, ready to move.
        let request = client.get(format!("{base_url}/posts/{id}"));
        handles.push(tokio::spawn(async move {
            let response = request.send().await?.error_for_status()?;
            let post = response.json::<Post>().await?;
            Ok::<String, reqwest::Error>(post.title)
        }));
    }
    handles
}
