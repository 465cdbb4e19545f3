//! Correct: no `?` inside the task and no early return: each task returns its request's `Result` built with `and_then`, every handle is awaited with `join_all` (so the call waits for all of them even after a failure), and `collect::<Result<Vec<_>, _>>()` picks the first `Err` in the order of `ids`.
//!
//! The error type never needs a turbofish, because the chain's type is fixed by the helper's
//! signature; the tasks are all spawned before `join_all` polls any handle.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let handles: Vec<_> = ids
        .iter()
        .map(|id| tokio::spawn(title(client.clone(), format!("{base_url}/posts/{id}"))))
        .collect();
    join_all(handles)
        .await
        .into_iter()
        .map(|joined| joined.expect("a fetching task never panics"))
        .collect()
}

/// The title of the post at `url`: owned arguments, so the future is `'static`.
async fn title(client: Client, url: String) -> Result<String, reqwest::Error> {
    match client
        .get(url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
    {
        Ok(response) => response.json::<Post>().await.map(|post| post.title),
        Err(err) => Err(err),
    }
}
