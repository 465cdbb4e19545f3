//! Wrong: breaks "through `client`: a clone of it, which shares the same settings": each request
//! overrides the client's `User-Agent` (and asks for JSON) with headers of its own, "as every
//! API guide says to", so the requests no longer carry the settings the caller's client was
//! built with. It is a clone of `client`, with its connections; a check that marks the client
//! with some other default header sees nothing wrong.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{ACCEPT, USER_AGENT};
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
                let post: Post = client
                    .get(url)
                    .header(USER_AGENT, "title-fetcher/0.1")
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
