//! Correct: the base URL goes into an `Arc<str>` once, and each task gets a clone of that `Arc`
//! and of the client, building its URL inside the task.

use std::sync::Arc;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let base_url: Arc<str> = Arc::from(base_url);
    let mut handles = Vec::with_capacity(ids.len());
    for &id in ids {
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        handles.push(tokio::spawn(async move {
            let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
            let post = response.error_for_status()?.json::<Post>().await?;
            Ok::<_, reqwest::Error>(post.title)
        }));
    }
    handles
}
