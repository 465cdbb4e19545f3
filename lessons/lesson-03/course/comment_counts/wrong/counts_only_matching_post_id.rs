//! Wrong: breaks "`n` the number of comments in the list the server sent": to be safe it counts only the comments whose `postId` is the id asked for, so a server (or a base path that rewrites ids) whose list holds comments with another `postId` gets a smaller count than it sent
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

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// The number of comments of post `id` in the list `/posts/{id}/comments` sends.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    // Do not trust the server blindly: count only the comments that belong to this post.
    Ok(comments
        .iter()
        .filter(|comment| comment.post_id == id)
        .count())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    join_all(requests).await
}
