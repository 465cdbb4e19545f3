//! Wrong: breaks "`Err(err)` when its request failed: an error status (the error then carries it)": it calls `error_for_status` only for the failures the lesson talks about, a missing post (404) and a failing server (any 5xx), and decodes every other answer, so a 401, 410 or 429 whose body is a post gives `Ok(title)`.

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
                let status = response.status();
                let response = if status == StatusCode::NOT_FOUND || status.is_server_error() {
                    response.error_for_status()?
                } else {
                    response
                };
                let post: Post = response.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
