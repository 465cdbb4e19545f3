//! Wrong: unwraps inside the task (to avoid naming the async block's error type), so a 404
//! panics the task and its handle gives a `JoinError` instead of the request's error.

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
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let response = client.get(url).send().await.unwrap();
                let post: Post = response.error_for_status().unwrap().json().await.unwrap();
                Ok(post.title)
            })
        })
        .collect()
}
