//! Exercise 3, solved: count the comments of many posts at once (warm-up: `async move`).

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
///
/// The contract is in the stub (`course/comment_counts/stub.rs`).
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // One future per entry, pairing the id with its count. `async move`: the block owns what it
    // uses. Without `move` it would borrow `id`, the closure's own parameter, which is gone by
    // the time `join_all` polls the block (E0373). `client` and `base_url` are references
    // already: moving one in copies the reference, and the caller's client and string outlive
    // the `join_all` below.
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    // All in flight together; the pairs come back in the order of `ids`.
    join_all(requests).await
}

/// How many comments post `id` has.
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
