//! Wrong: builds each URL with `Url::join("/posts/{id}")`, whose leading `/` replaces the path
//! of a base URL such as `http://host/v1`.

use lesson_support::models::Post;
use reqwest::{Client, Url};
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
            let url = Url::parse(base_url)
                .and_then(|base| base.join(&format!("/posts/{id}")))
                .map_or_else(|_| format!("{base_url}/posts/{id}"), String::from);
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
