//! Wrong: breaks "`n` the number of comments in the list the server sent (`Vec<Comment>`; count them, do not assume five)": it decodes into its own row type, a field-for-field copy of the API's comment in which the learner, a Rust developer used to sizing integers, typed the ids as `u32` ("posts go to 100 and comments to 500"); a list of real comments whose `id` or `postId` is past `u32::MAX` (snowflake-style ids, sent as JSON numbers) becomes a decode `Err` where `Vec<Comment>` counts it.

use futures::future::join_all;
use reqwest::Client;
use serde::Deserialize;

/// A comment as `/posts/{id}/comments` lists it: every field required, as in the API.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // decoded to check the shape, only counted
struct CommentRow {
    post_id: u32,
    id: u32,
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
    let comments: Vec<CommentRow> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}
