//! Wrong: breaks "through `client`: a clone of it, which shares the same settings" (and so "`Err(err)` when ... a timeout" on the client's terms): the aiohttp habit `session.get(url, timeout=10)` puts `.timeout(10 s)` on each request, which replaces the client's own timeout, so against a stalled server a client set to give up after 1 s waits 10 s; with a client timeout above 10 s, it gives up too early instead
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

/// No task may hang forever on a server that does not answer.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

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
                    .timeout(REQUEST_TIMEOUT)
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
