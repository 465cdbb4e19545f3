//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}`": each task first sends a HEAD
//! to the same URL to see whether the post exists (error status -> `Err` at once, no GET), and
//! only then the GET. Every result is right; the server just sees two requests per task, one of
//! them not a GET.

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
                // Cheap existence check: no body to download for a missing post.
                client.head(&url).send().await?.error_for_status()?;
                let post: Post = client
                    .get(&url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
