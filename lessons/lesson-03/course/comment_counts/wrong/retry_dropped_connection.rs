//! Wrong: the "no retry" clause: a request whose connection was dropped without an answer
//! (not a refused connection, not a timeout) is sent a second time, as aiohttp users do for
//! `ServerDisconnectedError`. The result is still an `Err` if the second try fails too.

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
    let url = format!("{base_url}/posts/{id}/comments");
    let response = match client.get(&url).send().await {
        Ok(response) => response,
        // The server hung up on a connection it had accepted: a stale keep-alive connection,
        // most likely. A GET is safe to repeat, so give it one more go on a fresh one.
        Err(err) if err.is_request() && !err.is_connect() && !err.is_timeout() => {
            client.get(&url).send().await?
        }
        Err(err) => return Err(err),
    };
    let comments: Vec<Comment> = response.error_for_status()?.json().await?;
    Ok(comments.len())
}
