//! Wrong: breaks "Ok(title), the title of the post the server sent": posts are decoded strictly (`deny_unknown_fields`), so a post with one field more than `userId`, `id`, `title`, `body` ends in a decode error; a check whose posts have exactly those four fields passes it.

use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// A post, and nothing but a post: like pydantic's `extra = "forbid"`.
#[allow(dead_code)] // every field is checked on decoding; only the title is used
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StrictPost {
    user_id: u64,
    id: u64,
    title: String,
    body: String,
}

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
                let post: StrictPost = client
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
