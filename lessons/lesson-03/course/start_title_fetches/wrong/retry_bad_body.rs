//! Wrong: breaks "never retries": when a 200's body does not decode as a post (a half-written or truncated answer, the learner thinks), the task sends the GET a second time and returns that attempt's result; a body that is never a post still ends in `Err`, so only a count of requests shows the retry.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).
//!
//! `start_title_fetches` is a plain `fn`, not an `async fn`: it starts one task per post and
//! hands back their handles at once.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

async fn fetch_title(client: &Client, url: &str) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
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
                match fetch_title(&client, &url).await {
                    // A body that did not decode is often a cut-off answer: ask once more.
                    Err(err) if err.is_decode() => fetch_title(&client, &url).await,
                    other => other,
                }
            })
        })
        .collect()
}
