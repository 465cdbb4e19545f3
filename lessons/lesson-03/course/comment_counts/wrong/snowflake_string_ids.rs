//! Wrong: breaks "`(id, Err(err))` when that request failed: an error status (the error then carries it), a body that is not a list of comments, a failed connection": its own comment type reads `postId` and `id` from a number or from a string of digits, so a list whose comments carry `"postId": "3"` or `"id": "12"` is counted as `Ok(n)` instead of being an `Err`; lists of real comments, every other bad body, the statuses, the order, the URLs and the concurrency are right.

use futures::future::join_all;
use reqwest::Client;
use serde::{Deserialize, Deserializer};

/// One comment as the server sends it.
///
/// APIs that deal in 64-bit ids often send them as strings (Twitter's `id_str`, Discord's
/// snowflakes), because JavaScript cannot hold them in a number; so the ids are read from either
/// form. Every field is still required, so something that is not a comment is refused.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // only counted, but decoded in full so that a non-comment is an error
struct CommentRecord {
    #[serde(deserialize_with = "id_from_number_or_string")]
    post_id: u64,
    #[serde(deserialize_with = "id_from_number_or_string")]
    id: u64,
    name: String,
    email: String,
    body: String,
}

/// `3` or `"3"`, both as the number 3.
fn id_from_number_or_string<'de, D>(deserializer: D) -> Result<u64, D::Error>
where
    D: Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrText {
        Number(u64),
        Text(String),
    }

    match NumberOrText::deserialize(deserializer)? {
        NumberOrText::Number(n) => Ok(n),
        NumberOrText::Text(text) => text.parse().map_err(serde::de::Error::custom),
    }
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

/// How many comments post `id` has: the length of the list the server sends.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<CommentRecord> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}
