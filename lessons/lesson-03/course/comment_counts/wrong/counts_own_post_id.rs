//! Wrong: breaks "`n` the number of comments in the list the server sent (`Vec<Comment>`; count them, do not assume five)"
//! It counts only the comments whose `postId` is the id asked for, "to be sure they are this
//! post's comments and not some other post's". With the mock's data every comment under
//! `/posts/{id}/comments` has that `postId`, so every count is right; a list the server sends
//! whose comments carry another `postId` (a canned list reused for every post, or a server
//! that numbers them differently) is counted short, down to `Ok(0)`.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    // Only the comments that really belong to this post.
    Ok(comments
        .iter()
        .filter(|comment| comment.post_id == id)
        .count())
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
