//! Wrong: breaks "No panic, no retry": when a request times out it sends the same GET once more, on the idea that a timeout is a passing network hiccup, so a post whose server stalls is asked twice and its `Err` comes only after the second timeout; every other failure, the counts, the pairs, their order and the concurrency are right.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

/// One GET of `url`, decoded as a list of comments, counted.
async fn fetch_count(client: &Client, url: &str) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}

/// The number of comments of post `id`.
async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}/comments");
    match fetch_count(client, &url).await {
        // A timeout is usually a passing hiccup on the network, not an answer from the
        // server: give the request one more chance before reporting it.
        Err(err) if err.is_timeout() => fetch_count(client, &url).await,
        other => other,
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
