//! Wrong: breaks "each task sends one GET ... at once, with no timer before it": to avoid a burst it makes task `i` sleep `i * 5 ms` before its request (the `await asyncio.sleep(i * delay)` stagger), so every task is spawned and every request does go out without awaiting a handle, only late, the twentieth 95 ms after the first
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).
//!
//! `start_title_fetches` is a plain `fn`, not an `async fn`: it starts one task per post and
//! hands back their handles at once. The caller awaits them when it likes, perhaps long after
//! this function has returned and its borrowed arguments are gone, so each task must own
//! everything it uses. The chapter ("Warm-ups") shows the compiler error a task that borrows
//! runs into, and the fix.
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
//!   or `Err(err)` when its request failed: an error status, any 4xx or 5xx (the error then
//!   carries it), a body that is not a post (every field of `Post`, its ids JSON numbers, not
//!   strings), a failed connection, a timeout. A task never panics, and never retries.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The gap between two starts: spreads the requests out a little instead of one burst.
const STAGGER: Duration = Duration::from_millis(5);

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .zip(0u32..)
        .map(|(&id, index)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                tokio::time::sleep(STAGGER * index).await;
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
