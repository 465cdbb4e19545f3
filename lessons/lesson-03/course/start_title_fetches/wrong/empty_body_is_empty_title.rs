//! Wrong: breaks "`Err(err)` when ... a body that is not a post": a successful answer with an empty body (Python's `if not text: return ""`) becomes `Ok("")` instead of a decode error; any non-empty body that is not a post still fails as it should.
//!
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
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let response = client.get(url).send().await?.error_for_status()?;
                // A post without content has no title yet.
                if response.content_length() == Some(0) {
                    return Ok(String::new());
                }
                let post: Post = response.json().await?;
                Ok(post.title)
            })
        })
        .collect()
}
