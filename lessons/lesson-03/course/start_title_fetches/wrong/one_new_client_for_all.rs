//! Wrong: builds one client of its own, shared by the tasks through an `Arc`, instead of
//! cloning the `client` given: the requests leave without the caller's settings.

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
    let _ = client;
    let shared = Arc::new(Client::builder().build().expect("a client"));
    ids.iter()
        .map(|&id| {
            let client = Arc::clone(&shared);
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
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
