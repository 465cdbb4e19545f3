//! Wrong: "a task never retries"; here a 503 Service Unavailable is asked once more after a short pause (urllib3's `Retry(status_forcelist=[503])` habit). A second 503 still ends in `Err` carrying the 503, and a 200 on the second try gives the title.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};
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
                let mut response = client.get(&url).send().await?;
                if response.status() == StatusCode::SERVICE_UNAVAILABLE {
                    // "Unavailable" means "come back in a moment", not "no such post".
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    response = client.get(&url).send().await?;
                }
                let post: Post = response.error_for_status()?.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
