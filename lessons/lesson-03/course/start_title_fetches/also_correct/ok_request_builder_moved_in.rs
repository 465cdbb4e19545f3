//! Correct, written another way: no explicit `client.clone()`; the `RequestBuilder` is built outside the task (it owns a handle to the same client, its pool and settings) and moved into the spawned block, and the handles are pushed in a `for` loop.

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
        // A `RequestBuilder` owns everything it needs, the client handle included, so the task
        // can take it whole; nothing is sent until `send()` runs inside the task.
        let request = client.get(format!("{base_url}/posts/{id}"));
        handles.push(tokio::spawn(async move {
            let post = request
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await?;
            Ok::<_, reqwest::Error>(post.title)
        }));
    }
    handles
}
