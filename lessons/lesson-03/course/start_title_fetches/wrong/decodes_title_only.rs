//! Wrong: breaks "or `Err(err)` when its request failed: an error status (the error then carries it), a body that is not a post": it decodes only a `title` field, so any object with a title (a to-do, an album, a photo, `{"title": "x"}`) is taken as `Ok(title)`; HTML, a list or an object without a title is still an `Err`, and the tasks, URL, client clone and status errors are right.

use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// The one field we need from a post: serde skips the rest of the body.
#[derive(Deserialize)]
struct Titled {
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
            // Each task owns what it uses: its own handle on the shared client, its own URL.
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Titled = client
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
