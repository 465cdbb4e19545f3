//! Wrong: "one GET `{base_url}/posts/{id}/comments` per entry" (and nothing else) is broken: each id first sends a GET `{base_url}/posts/{id}` to make sure the post exists (a missing post is reported with that request's 404), then asks for its comments. The comments requests are still one per entry, all concurrent, so a check that counts only the comments path misses the extra request per id.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

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
    // A post that does not exist has no comments to count: say so with the post's own 404
    // rather than with whatever the comments route answers.
    client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?;
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}
