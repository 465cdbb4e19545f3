//! Right: every request also says `Accept: application/json`, the answer it wants; the client
//! and its connections are the caller's, and nothing about them changes.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT;
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
                // As with aiohttp's `headers={"Accept": "application/json"}`: say what we want back.
                let post: Post = client
                    .get(url)
                    .header(ACCEPT, "application/json")
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
