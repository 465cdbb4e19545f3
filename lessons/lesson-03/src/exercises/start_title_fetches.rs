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
//!   carries it), a body that is not a post (every field of `Post`, its ids whole JSON numbers
//!   from 0 up, as `u64`, not strings), a failed connection, a timeout. A task never panics, and
//!   never retries.

use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    // TODO: for each id, give a task its own clone of `client` and its own URL (`String`), and
    // `tokio::spawn` an `async move` block that fetches the post and returns its title.
    // Delete the next line: it only keeps the compiler from warning about unused arguments.
    let _ = (client, base_url, ids);
    todo!()
}
