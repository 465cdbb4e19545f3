//! Wrong: "a failed connection" must give `(id, Err(err))` and nothing may panic; here `send()` is `expect`ed ("the mock server is always up"), so a dropped or refused connection panics and takes every other result down with it. Statuses and bodies are handled correctly.
//! Exercise 3: count the comments of many posts at once (warm-up: `async move`).

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
        let response = client
            .get(format!("{base_url}/posts/{id}/comments"))
            .send()
            .await
            .expect("the API server is reachable");
        (id, count(response).await)
    });
    join_all(requests).await
}

/// The status and the body can go wrong for one post without it being a bug: those are errors.
async fn count(response: reqwest::Response) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = response.error_for_status()?.json().await?;
    Ok(comments.len())
}
