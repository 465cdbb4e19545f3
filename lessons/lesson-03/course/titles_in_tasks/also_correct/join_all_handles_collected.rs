//! Correct: unusual shape. The handles go straight into `join_all` (which collects them, so every task is spawned before anything is awaited), every task is waited for, and `collect::<Result<Vec<_>, _>>()` over the outputs, in the order of `ids`, stops at the first `Err` *in that order*, not in time. Each task's `?` error type is named by the helper's signature, not a turbofish.

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
    let outputs = join_all(
        ids.iter()
            .map(|&id| tokio::spawn(fetch(client.clone(), format!("{base_url}/posts/{id}")))),
    )
    .await;
    outputs
        .into_iter()
        .map(|joined| joined.expect("a fetching task never panics"))
        .collect()
}

async fn fetch(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}
