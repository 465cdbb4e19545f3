//! Wrong: breaks "an error status (the error then carries it)": no `error_for_status()`, so an error status fails only because its body does not decode, with an error whose `status()` is `None`, and an error status whose body is a list (`[]`) counts as `Ok(0)`.
//!
//! The aiohttp habit `len(await resp.json())` without `raise_for_status()`: a 404 or a 500 with a
//! JSON object or text body still comes back as an `Err`, so a check that only asks `is_err()`
//! passes.

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
    let response = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?;
    // Anything that is not a list of comments fails to decode, and that is our error.
    let comments: Vec<Comment> = response.json().await?;
    Ok(comments.len())
}
