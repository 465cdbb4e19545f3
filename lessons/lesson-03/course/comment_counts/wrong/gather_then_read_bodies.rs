//! Wrong: breaks "`(id, Ok(n))`, `n` the number of comments in the list the server sent ... or `(id, Err(err))` when that request failed": like aiohttp's `gather` of `session.get(..)` followed by the bodies, it reads no body until every response's headers are in, and reqwest's timeout covers the body too, so when one post's server stalls until the client's timeout, the posts that answered at once (every one listed before the stalled one, and all of them on a paused clock) come back `Err(timeout)` instead of their counts; without such a stall it is right: one GET per entry, all in flight together, pairs in the order of `ids`, statuses and bad bodies as errors.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::{Client, Response};

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // Step 1: send every request at once, as `asyncio.gather(*(session.get(url) ...))` would.
    // `join_all` gives the responses back in the order of `ids`.
    let responses = join_all(
        ids.iter()
            .map(|&id| client.get(format!("{base_url}/posts/{id}/comments")).send()),
    )
    .await;

    // Step 2: read the bodies, all at once again, each paired with its id.
    let counts = ids
        .iter()
        .zip(responses)
        .map(|(&id, response)| async move { (id, count_comments(response).await) });
    join_all(counts).await
}

/// Judges one answer: its status first, then its body as a list of comments.
async fn count_comments(
    response: Result<Response, reqwest::Error>,
) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = response?.error_for_status()?.json().await?;
    Ok(comments.len())
}
