//! Correct: no explicit `client.clone()`: each task is handed a `RequestBuilder` built outside it with `client.get(…)`, which is `'static` because it holds its own clone of the client (same settings, same pool); the task only sends it.

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
            Ok(response.json::<Post>().await?.title)
        }));
    }
    handles
}
