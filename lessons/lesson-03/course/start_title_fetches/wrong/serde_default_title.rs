//! Wrong: breaks "`Err(err)` when ... a body that is not a post": the task decodes into a struct
//! whose only field is `title`, with `#[serde(default)]` ("some posts may lack a title"), so any
//! JSON object at all (`{}`, an error object, a comment) decodes and the task ends in
//! `Ok("")` or `Ok(<whatever title field it has>)`.

use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

#[derive(Deserialize)]
struct TitleOnly {
    #[serde(default)]
    title: String,
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
                let post: TitleOnly = client
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
