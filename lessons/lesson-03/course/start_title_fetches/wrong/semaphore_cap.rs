//! Wrong: breaks "every request is on its way whether or not its handle has been awaited yet": every task is spawned, but each waits for one of ten permits before sending, so beyond ten ids the rest are not on their way when the function returns (a server that answers only once all N requests have arrived never gets them); with ten ids or fewer nothing differs.
//!
//! `asyncio.Semaphore(10)` around each request, the Python way of "not flooding the server".

use std::sync::Arc;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

/// At most this many requests in flight at once.
const MAX_IN_FLIGHT: usize = 10;

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
                // The semaphore is never closed, so this is always `Ok(permit)`, held until the end.
                let _permit = permits.acquire_owned().await;
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
