//! Correct, written another way: each task runs a named `async fn` that owns its client clone
//! and URL (its signature names the error type, so no turbofish is needed), the handles are
//! all spawned into a `Vec` first, and then drained in order by `stream::iter(..).then(..)`
//! with `TryStreamExt::try_collect`, which stops at the first `Err` in the order of `ids`
//! (handles still running are dropped, which detaches their tasks, as a `for` loop would).

use futures::stream::{self, StreamExt, TryStreamExt};
use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// One post's title, from a task: everything it uses is its own.
async fn owned_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // Every task is spawned here, before anything is awaited.
    let handles: Vec<JoinHandle<Result<String, reqwest::Error>>> = ids
        .iter()
        .map(|id| {
            tokio::spawn(owned_title(
                client.clone(),
                format!("{base_url}/posts/{id}"),
            ))
        })
        .collect();

    stream::iter(handles)
        .then(|handle| async move { handle.await.expect("a fetching task never panics") })
        .try_collect()
        .await
}
