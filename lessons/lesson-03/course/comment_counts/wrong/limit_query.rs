//! Wrong: breaks "one GET `{base_url}/posts/{id}/comments` per entry ..., its URL made by appending to `base_url`": every request carries an extra `?_limit=1000` query (JSONPlaceholder's page-size knob), so it is a different URL, and on a server that honours `_limit` a post with more than 1000 comments is counted as 1000.
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

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// JSONPlaceholder (json-server) pages lists with `_limit`; ask for a page big enough that no
/// post's comments are cut off by a default page size.
const PAGE_SIZE: usize = 1000;

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments?_limit={PAGE_SIZE}"))
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
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    join_all(requests).await
}
