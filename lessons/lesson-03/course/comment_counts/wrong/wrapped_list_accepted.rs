//! Wrong: breaks "`(id, Err(err))` when that request failed: ... a body that is not a list of comments": an object that wraps a list (`{"comments": [...]}`, `{"data": [...]}`, `{"items": [...]}`) is accepted and its inner list counted, as `Ok(n)`.
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
use serde::Deserialize;

/// What a comments endpoint sends back. JSONPlaceholder sends a bare list, but plenty of APIs
/// wrap their lists in an envelope object (`{"data": [...]}`), as many a Flask/Django API did;
/// accepting both keeps this working if the API grows an envelope.
#[derive(Deserialize)]
#[serde(untagged)]
enum CommentList {
    Bare(Vec<Comment>),
    Wrapped {
        #[serde(alias = "data", alias = "items")]
        comments: Vec<Comment>,
    },
}

impl CommentList {
    fn count(&self) -> usize {
        match self {
            Self::Bare(comments) | Self::Wrapped { comments } => comments.len(),
        }
    }
}

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let list: CommentList = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(list.count())
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
