//! Wrong: breaks "one task per entry of `ids`, started with `tokio::spawn`": the tasks are spawned on a private, process-wide runtime of the function's own (kept in a `OnceLock`), not on the caller's runtime, so they ignore the caller's runtime (its paused clock, its shutdown, its cancellation) and keep two worker threads alive for the rest of the process.
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

use std::sync::OnceLock;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::runtime::{Builder, Runtime};
use tokio::task::JoinHandle;

/// The fetches must outlive the caller: give them a runtime that outlives it too, like a
/// background event loop in a thread of its own.
fn background() -> &'static Runtime {
    static BACKGROUND: OnceLock<Runtime> = OnceLock::new();
    BACKGROUND.get_or_init(|| {
        Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("title-fetches")
            .enable_all()
            .build()
            .expect("a runtime for the background fetches")
    })
}

async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
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
            background().spawn(fetch_title(client, url))
        })
        .collect()
}
