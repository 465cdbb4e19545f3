//! Wrong: breaks "one task per entry of `ids`, started with `tokio::spawn` before the function returns, so that every request is on its way whether or not its handle has been awaited yet"
//! Every task is spawned at once, but each first takes a permit from a `Semaphore` of 10 shared
//! by the batch, and holds it until its request is done. The learner took the chapter's
//! "Unbounded concurrency" pitfall to heart ("`join_all` over ten ids is fine", "the bound
//! belongs in your code") and capped the tasks at ten in flight. With ten ids or fewer nothing
//! changes: every request leaves at once, through a clone of the client, and every status, body
//! and failure ends as the reference's does. With eleven or more against a slow server, the
//! eleventh request is not on its way until one of the first ten has been answered, although
//! its task was started and nobody is awaiting anything.

use std::sync::Arc;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

/// At most this many requests of one batch on the wire at once: the chapter's "ten is fine".
const MAX_IN_FLIGHT: usize = 10;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let slots = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let slots = Arc::clone(&slots);
            tokio::spawn(async move {
                // The semaphore is never closed, so this is always `Some`; held to the end.
                let _slot = slots.acquire_owned().await.ok();
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
