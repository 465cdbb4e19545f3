//! Wrong: breaks "each task sends one GET `{base_url}/posts/{id}` at once, with no timer before it"
//! Each task first awaits `tokio::time::sleep(Duration::ZERO)`, the learner's Rust spelling of
//! Python's `await asyncio.sleep(0)`: "give the loop a turn, so that every task is spawned before
//! the first one sends". It waits for no measurable time, so every request still leaves at once,
//! through a clone of the client, whether or not a handle is awaited, and every status, body and
//! failure ends as the reference's does. But it is a timer: tokio rounds its deadline up to the
//! next millisecond tick, so nothing is sent until the time driver turns; on a paused clock the
//! runtime must advance the clock before any request leaves; and on a runtime built without the
//! time driver (`enable_io()` only) every task panics ("timers are disabled") before it sends.

use std::time::Duration;

use lesson_support::models::Post;
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
                // `asyncio.sleep(0)`: yield once, so the loop above finishes spawning first.
                tokio::time::sleep(Duration::ZERO).await;
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
