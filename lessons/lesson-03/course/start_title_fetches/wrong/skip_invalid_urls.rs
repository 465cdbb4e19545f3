//! Wrong: "one task per entry of ids … the handles in the order of ids": the learner validates each URL up front with `Url::parse` and silently skips the ones that do not parse, so with a base URL that is not a valid URL the caller gets fewer handles (none at all) instead of one task per entry ending in `Err(err)`; with any valid base the result is identical.

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
        .filter_map(|&id| {
            // Fail fast on a bad URL instead of spawning a task that is bound to fail.
            let url = match Url::parse(&format!("{base_url}/posts/{id}")) {
                Ok(url) => url,
                Err(err) => {
                    eprintln!("skipping post {id}: {base_url:?} does not make a URL ({err})");
                    return None;
                }
            };
            let client = client.clone();
            Some(tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            }))
        })
        .collect()
}
