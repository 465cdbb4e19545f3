//! Wrong: breaks "`Err(err)` when ... a body that is not a post": the body is decoded as `lesson_support::models::Album` (also `userId`, `id`, `title`; the wrong model picked from the list), which has no `body` field, so `{"userId":1,"id":1,"title":"t"}` (a post missing its `body`) is taken as a title instead of failing; every real post still decodes.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).
//!
//! `start_title_fetches` is a plain `fn`, not an `async fn`: it starts one task per post and
//! hands back their handles at once.

use lesson_support::models::Album;
use reqwest::Client;
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
                // All we need is the title; the model with `userId`, `id` and `title` has it.
                let post: Album = client
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
