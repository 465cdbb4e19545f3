//! Correct: each digest runs on a `std::thread` of its own, and the `.join()` that waits for it is
//! itself done on tokio's blocking pool (`spawn_blocking(move || handle.join())`), so the task
//! awaits a `JoinHandle` and no runtime thread ever blocks; a panic is passed on either way.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let worker = std::thread::spawn(move || digest(&body));
        let value = match tokio::task::spawn_blocking(move || worker.join()).await {
            Ok(Ok(value)) => value,
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        };
        Ok(value)
    });
    join_all(each).await
}
