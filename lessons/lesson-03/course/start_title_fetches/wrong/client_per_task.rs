//! Wrong: gives each task a `Client::new()` of its own, the quickest way past the `'static`
//! error, so the requests leave without the settings of the `client` given.

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
    ids.iter()
        .map(|&id| {
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = Client::new()
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
