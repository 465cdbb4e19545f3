//! Correct, written another way: each fetch is split with `FutureExt::remote_handle`, its work half given to `tokio::spawn` (the `JoinHandle` dropped, the task detached) and its `RemoteHandle` kept; every handle is awaited, in the order of `ids`, before `collect` picks the first error, so no task is cancelled by an early return.

use futures::FutureExt;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    // `remote_handle` splits a future in two: the part that runs (spawned right away) and a
    // handle that resolves to its output (a panic would be re-raised here, not hidden).
    let handles: Vec<_> = ids
        .iter()
        .map(|id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let (work, handle) = async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<_, reqwest::Error>(post.title)
            }
            .remote_handle();
            tokio::spawn(work);
            handle
        })
        .collect();

    // Wait for every one of them (dropping a `RemoteHandle` would cancel its task), then let
    // `collect` keep the titles, or the first error in the order of `ids`.
    let mut results = Vec::with_capacity(handles.len());
    for handle in handles {
        results.push(handle.await);
    }
    results.into_iter().collect()
}
