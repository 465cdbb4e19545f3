//! Correct: builds each `RequestBuilder` outside the task (it owns a clone of the client
//! already) and moves only the builder in.

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
            let request = client.get(format!("{base_url}/posts/{id}"));
            tokio::spawn(async move {
                let post: Post = request.send().await?.error_for_status()?.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
