//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}` at once": the tasks share a 16-permit `Semaphore` and each waits for a permit before sending, so beyond 16 ids the later requests wait for earlier ones to finish; up to 16 ids every task is spawned at once, sends its GET at once and ends as the contract asks.

use std::sync::Arc;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

/// At most this many requests on the wire at once, however many ids come in: the chapter's
/// "unbounded concurrency" pitfall.
const MAX_IN_FLIGHT: usize = 16;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let permits = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let permits = Arc::clone(&permits);
            tokio::spawn(async move {
                // Held until the task ends; the semaphore is never closed, so this is `Ok`.
                let _permit = permits.acquire_owned().await;
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            })
        })
        .collect()
}
