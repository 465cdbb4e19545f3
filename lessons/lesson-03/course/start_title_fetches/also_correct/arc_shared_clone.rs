//! Correct: unusual because it clones `client` once, puts that one clone and the base URL in `Arc`s shared by every task, and builds each URL inside its task; every task still owns what it uses (`'static`), sends its GET at once through a clone of the caller's client (same settings, same pool), and the handles come back in the order of `ids`.
//!
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - one task per entry of `ids`, started with `tokio::spawn` before the function returns, so
//!   that every request is on its way whether or not its handle has been awaited yet; the
//!   handles in the order of `ids` (an id listed twice gets two tasks); none for an empty `ids`;
//! - each task sends one GET `{base_url}/posts/{id}` at once, with no timer before it, its URL
//!   made by appending to `base_url`, which may end in a path such as `/v1` that must be kept,
//!   through `client`: a clone of it, which shares the same settings and connections (not a
//!   client of its own, nor a request that asks for its connection to be closed);
//! - each task ends in `Ok(title)`, the title of the post the server sent (whatever its `id`),
//!   or `Err(err)` when its request failed: an error status (the error then carries it), a
//!   body that is not a post, a failed connection, a timeout. A task never panics, and never
//!   retries.

use std::sync::Arc;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    // One owned copy of each, shared by all the tasks, like a module-level session in Python.
    let shared: Arc<(Client, String)> = Arc::new((client.clone(), base_url.to_owned()));
    ids.iter()
        .map(|&id| {
            let shared = Arc::clone(&shared);
            tokio::spawn(async move {
                let (client, base_url) = &*shared;
                let post: Post = client
                    .get(format!("{base_url}/posts/{id}"))
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
