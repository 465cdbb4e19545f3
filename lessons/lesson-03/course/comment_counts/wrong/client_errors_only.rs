//! Wrong: the "error status → `Err` carrying it" clause: only a 4xx is turned into an error;
//! a 5xx goes on to be decoded, so a 5xx whose body is a list of comments comes back as
//! `Ok(n)`, and a 5xx whose body is not a list comes back as a decode error with no status.

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
    // A 4xx means we asked for the wrong thing: report it. A 5xx is the server (or a cache in
    // front of it) having a bad moment, and what it sent may still be the list: if it decodes,
    // use it; if it does not, the decode error says so anyway.
    let response = if response.status().is_client_error() {
        response.error_for_status()?
    } else {
        response
    };
    let comments: Vec<Comment> = response.json().await?;
    Ok(comments.len())
}
