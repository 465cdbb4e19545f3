//! Wrong: breaks "`(id, Err(err))` when ... a body that is not a list of comments": the body is
//! decoded as `Option<Vec<Comment>>` (Python's `await resp.json() or []`), so a 200 whose body is
//! `null` counts as `Ok(0)` instead of an error.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Option<Vec<Comment>> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    // A post with no comments may come back as `null`: treat it as an empty list.
    Ok(comments.map_or(0, |comments| comments.len()))
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
