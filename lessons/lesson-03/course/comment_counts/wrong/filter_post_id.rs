//! Wrong: breaks "`n` the number of comments in the list the server sent": it counts only the comments whose `postId` is the id asked for, so a list holding other posts' comments is under-counted; a mock whose comments always match the post gives the same numbers.
//!
//! A defensive Python habit: `len([c for c in comments if c["postId"] == post_id])`.

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
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    // Count only the comments that really belong to this post.
    Ok(comments
        .iter()
        .filter(|comment| comment.post_id == id)
        .count())
}
