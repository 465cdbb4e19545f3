//! Wrong: `Ok(n)` must count every comment in the list the server sent; this learner's own comment type has `#[serde(deny_unknown_fields)]`, so a list of real comments that carry one field more than the five it names (an API that adds `createdAt`, say) is reported as `Err(decode)` instead of counted. The course's own models ignore unknown fields; a mock that serialises exactly those five fields never shows the difference.

use futures::future::join_all;
use reqwest::Client;
use serde::Deserialize;

/// A comment, checked strictly: anything that is not exactly a comment is refused, so that a
/// wrong endpoint cannot be mistaken for a list of comments.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)] // decoded to be checked, then only counted
struct StrictComment {
    post_id: u64,
    id: u64,
    name: String,
    email: String,
    body: String,
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

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<StrictComment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}
