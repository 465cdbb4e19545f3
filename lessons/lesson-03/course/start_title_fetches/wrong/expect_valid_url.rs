//! Wrong: a task never panics, and a request that cannot be made ends in `Err`; here each task builds its URL "properly", parsing `base_url` and pushing path segments, with `expect` on both steps, so a base URL that does not parse (or cannot be a base) panics the task where `client.get` would have given a builder `Err`.

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
            let base_url = base_url.to_owned();
            tokio::spawn(async move {
                // Segments, not string pasting: keeps a path like `/v1` and copes with a
                // trailing slash.
                let mut url = Url::parse(&base_url).expect("base_url is a valid URL");
                url.path_segments_mut()
                    .expect("base_url can take a path")
                    .pop_if_empty()
                    .push("posts")
                    .push(&id.to_string());
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
