//! Correct: unusual because it runs the requests through a `buffered` stream (whose cap is the number of ids, so every request is in flight at once) and sends prebuilt `reqwest::Request`s with `client.execute`, instead of `join_all` over `client.get(..).send()`; a check that looks for `join_all`, or that treats any `buffered(n)` as a cap, would reject it wrongly.
//!
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).
//!
//! The contract, which `cargo test -p lesson-03` checks:
//! - one GET `{base_url}/posts/{id}/comments` per entry of `ids` (an id listed twice is asked
//!   twice), its URL made by appending to `base_url`, which may end in a path such as `/api`
//!   that must be kept; all through `client`; no request at all when `ids` is empty;
//! - all of them in flight together, not one after another;
//! - one pair per entry of `ids`, in the order of `ids`: `(id, Ok(n))`, `n` the number of
//!   comments in the list the server sent (`Vec<Comment>`; count them, do not assume five), or
//!   `(id, Err(err))` when that request failed: an error status (the error then carries it),
//!   a body that is not a list of comments, a failed connection. No panic, no retry.

use futures::stream::{self, StreamExt};
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // As many slots as there are ids: nothing waits for a slot, and `buffered` keeps the
    // outputs in the order of the input.
    let all_at_once = ids.len().max(1);
    stream::iter(ids.iter().copied())
        .map(|id| async move {
            let counted = async {
                let request = client
                    .get(format!("{base_url}/posts/{id}/comments"))
                    .build()?;
                let comments: Vec<Comment> = client
                    .execute(request)
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(comments.len())
            }
            .await;
            (id, counted)
        })
        .buffered(all_at_once)
        .collect()
        .await
}
