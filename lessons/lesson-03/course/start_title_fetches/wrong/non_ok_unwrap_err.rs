//! Wrong: breaks "a task never panics" (and "Ok(title)" for any success): anything but exactly 200 is sent to `error_for_status().expect_err(…)`, which panics on a 201, 203 or 206 carrying a post, since those are successes; a check that only answers 200, 404 and 503 never sees it.

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
                let response = client.get(url).send().await?;
                // Only a 200 OK has our post; anything else becomes the status error to return.
                if response.status() != StatusCode::OK {
                    return Err(response
                        .error_for_status()
                        .expect_err("a status other than 200 is an error status"));
                }
                let post: Post = response.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
