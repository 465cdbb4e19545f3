//! Wrong: breaks "all of them in flight together, not one after another": it takes the chapter's "unbounded concurrency" pitfall to heart and runs the requests through `buffered(8)`, so with more than eight ids the ninth waits for a slot; eight or fewer all go at once, in order, with every count right
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).
//!
//! `comment_counts` asks for the comments of every post in `ids`, all at once, and pairs each id
//! with how many comments its post has. The pairing is the point: each id needs a future of its
//! own that remembers the id, and that future is an `async` block. The chapter ("Warm-ups")
//! shows the compiler error an `async` block that borrows its id runs into, and the fix.
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - one GET `{base_url}/posts/{id}/comments` per entry of `ids` (an id listed twice is asked
//!   twice), its URL made by appending to `base_url`, which may end in a path such as `/api`
//!   that must be kept; all through `client`; no request at all when `ids` is empty;
//! - all of them in flight together, not one after another;
//! - one pair per entry of `ids`, in the order of `ids`: `(id, Ok(n))`, `n` the number of
//!   comments in the list the server sent (`Vec<Comment>`; count them, do not assume five), or
//!   `(id, Err(err))` when that request failed: an error status (the error then carries it),
//!   a body that is not a list of comments, a failed connection, a `base_url` that is no URL
//!   (`127.0.0.1:3000`, its scheme left out and none added by you). No panic, no retry.

use futures::stream::{self, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Never more than this many requests at once: be kind to the server.
const MAX_IN_FLIGHT: usize = 8;

/// The number of comments `/posts/{id}/comments` lists.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    stream::iter(ids.iter().copied())
        .map(|id| async move { (id, count_comments(client, base_url, id).await) })
        // `buffered`, not `buffer_unordered`: the pairs stay in the order of `ids`.
        .buffered(MAX_IN_FLIGHT)
        .collect()
        .await
}
