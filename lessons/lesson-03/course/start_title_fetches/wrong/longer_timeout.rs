//! Wrong: breaks "a clone of it, which shares the same settings": each request sets its own 60 s timeout, which replaces the client's (30 s for the course's client) for that request; on a paused clock the task still ends in a timeout error, only 30 virtual seconds later.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// How long one fetch may take: the caller may await the handle much later, so be generous.
const FETCH_TIMEOUT: Duration = Duration::from_secs(60);

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
                let post: Post = client
                    .get(url)
                    .timeout(FETCH_TIMEOUT)
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
