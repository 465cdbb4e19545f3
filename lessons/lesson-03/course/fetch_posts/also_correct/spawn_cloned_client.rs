//! Right: `tokio::spawn`s one task per id, each with a clone of `client` (same pool, since a `Client` is an `Arc` inside) and an owned URL, then awaits the handles in the order of `ids`; a `JoinError` (only a panicking task) is re-raised as that panic.

use lesson_support::models::Post;
use reqwest::Client;

/// One post, with owned inputs so that it can run as a `'static` task.
async fn fetch_owned(client: Client, url: String) -> Result<Post, reqwest::Error> {
    let response = client.get(url).send().await?;
    let response = response.error_for_status()?;
    response.json::<Post>().await
}

/// Fetches the posts with the given ids concurrently; one result per id, in the order of `ids`.
pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // `asyncio.create_task` for each id: all of them start running now.
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            tokio::spawn(fetch_owned(
                client.clone(),
                format!("{base_url}/posts/{id}"),
            ))
        })
        .collect();

    // Awaiting the handles in order only collects the results; the requests already overlap.
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        match handle.await {
            Ok(result) => results.push(result),
            Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
        }
    }
    results
}
