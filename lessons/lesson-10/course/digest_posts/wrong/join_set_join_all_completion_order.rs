//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` ..."
//! The learner follows the lesson's `batch` (a spawned task per post) but swaps the `Vec` of
//! handles for tokio's `JoinSet` and collects it with `JoinSet::join_all`, reading the name as
//! the same `join_all` as lesson 03's `futures::future::join_all`, which keeps the input's order.
//! tokio's `JoinSet::join_all` returns the outputs in the order the tasks *completed* (its own doc
//! example gives `[2, 1, 0]`), so whenever the posts finish in another order than `ids`, the
//! results are shuffled; when they finish in order (one quick local server), it looks right.

use reqwest::Client;
use tokio::task::JoinSet;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let mut set = JoinSet::new();
    for &id in ids {
        // A clone shares the caller's connection pool and settings; a task must own what it uses.
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        set.spawn(async move {
            let body = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok::<u64, reqwest::Error>(
                digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
            )
        });
    }
    // Waits for every task; a panicking task's panic is passed on.
    set.join_all().await
}
