//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/v1` that must be kept": the URL is built with `Url::join("/posts/{id}")`, whose leading `/` replaces the base's whole path, so `http://host/v1` asks `http://host/posts/1`; under a base URL with no path the requests are exactly right.
//!
//! Python's `urljoin(base_url, f"/posts/{post_id}")`, "the proper way to build a URL".

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
            let url = post_url(base_url, id);
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

/// `{base_url}/posts/{id}`, joined as a URL rather than glued as a string.
fn post_url(base_url: &str, id: u64) -> String {
    match Url::parse(base_url).and_then(|base| base.join(&format!("/posts/{id}"))) {
        Ok(url) => url.into(),
        // Not a URL at all: let reqwest report it when the task sends the request.
        Err(_) => format!("{base_url}/posts/{id}"),
    }
}
