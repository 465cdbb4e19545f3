//! Wrong: breaks "A task never panics, and never retries."
//! The learner distrusts `format!` for URLs and builds each one with `Url::parse` and
//! `path_segments_mut().push(..)`, which keeps a path such as `/v1` and percent-encodes the
//! segments. Both steps can fail (a base that does not parse, a cannot-be-a-base URL) with
//! errors that are not `reqwest::Error`, so the learner reaches for `expect`. Every valid base
//! URL, with or without a path, works; a `base_url` that is not a URL makes every task panic
//! (a `JoinError` at the caller), where `client.get(String)` would have ended the task in
//! `Err(builder error)`.

use reqwest::{Client, Url};
use tokio::task::JoinHandle;

/// `{base_url}/posts/{id}`, built segment by segment so the base's own path is kept.
fn post_url(base_url: &str, id: u64) -> Url {
    let mut url = Url::parse(base_url).expect("base_url is a valid URL");
    url.path_segments_mut()
        .expect("base_url can have a path")
        .push("posts")
        .push(&id.to_string());
    url
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
            let base_url = base_url.to_owned();
            tokio::spawn(async move {
                let post: lesson_support::models::Post = client
                    .get(post_url(&base_url, id))
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
