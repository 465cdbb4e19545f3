//! Wrong: breaks "`Err(err)` when ... a body that is not a post": the body is read as a `serde_json::Value` and the title taken with `value["title"]`, so any JSON that is not a post (`{}`, `[]`, `{"title": 3}`) ends in `Ok("")`; only a body that is not JSON at all, or an error status, gives an `Err`.
//!
//! Python's `(await resp.json())["title"]`, made panic-free with `unwrap_or_default`, because there
//! is no way to build a `reqwest::Error` for "no title".

use reqwest::Client;
use serde_json::Value;
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
                let post: Value = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post["title"].as_str().unwrap_or_default().to_owned())
            })
        })
        .collect()
}
