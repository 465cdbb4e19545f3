//! Wrong: breaks "through `client`: a clone of it, which shares the same settings and connections": each request sets its own 10 s timeout (`requests.get(url, timeout=10)`), which replaces the timeout of the client it was given (30 s for the course's client), so a post that answers after 15 s ends in `Err(timeout)` instead of `Ok(title)`; everything else is right: one task per entry spawned before returning, handles in order, the GET sent at once through a clone, status and decode errors kept, no retry.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// No task should hang on one slow post for long.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            // Each task owns its handle on the pool and its URL.
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(fetch_title(client, url))
        })
        .collect()
}

/// One GET with a deadline, the status checked, the title of the post that came back.
async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .timeout(REQUEST_TIMEOUT)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}
