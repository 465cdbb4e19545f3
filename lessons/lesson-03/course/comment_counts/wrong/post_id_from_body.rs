//! Wrong: each pair must carry the entry of `ids` it answers; here a successful pair carries the `postId` of the first comment the server sent (the id of the request only when the list is empty), so a server whose comments name another post gets pairs with the wrong id.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids.iter().map(|&id| async move {
        match fetch_comments(client, base_url, id).await {
            // The comments say which post they belong to: pair the count with that.
            Ok(comments) => {
                let post_id = comments.first().map_or(id, |comment| comment.post_id);
                (post_id, Ok(comments.len()))
            }
            Err(err) => (id, Err(err)),
        }
    });
    join_all(requests).await
}

async fn fetch_comments(
    client: &Client,
    base_url: &str,
    id: u64,
) -> Result<Vec<Comment>, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
