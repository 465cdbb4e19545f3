//! Wrong: breaks "a body that is not a list of comments"
//! It decodes each element into a two-field struct (`postId`, `id`) instead of a full `Comment`,
//! "since only the count matters, no need to allocate every name, email and body". A list of
//! posts, photos, numbers or a plain object is still rejected (no `postId`), so the usual
//! "not a comment list" bodies fail as they should; but a list of objects that carry `postId`
//! and `id` and lack `name`/`email`/`body` (or have them as numbers) is counted as comments.

use futures::future::join_all;
use reqwest::Client;
use serde::Deserialize;

/// Just what makes a comment a comment: the post it belongs to and its own id. Counting needs
/// nothing more, so the strings are skipped.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct CommentKey {
    post_id: u64,
    id: u64,
}

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<CommentKey> = client
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
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    join_all(requests).await
}
