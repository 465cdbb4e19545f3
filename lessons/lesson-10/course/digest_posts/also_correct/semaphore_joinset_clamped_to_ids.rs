//! Correct: lesson 05's `photos_with_semaphore`, kept whole and given "no real limit": a
//! `Semaphore` of `usize::MAX.clamp(1, ids.len().max(1))` permits (the lesson's own clamp, so
//! exactly one permit per entry and never a panic), a permit taken with `acquire_owned` before each
//! task is spawned into a `JoinSet` (a clone of `client`, `base_url` in an `Arc<str>`) and held
//! until its digest is done; the results, gathered with `join_next` as the tasks finish, are put
//! back in the order of `ids` by their position. Each task sends its request and reads its body on
//! the runtime and awaits its digest on `spawn_blocking`.

use std::sync::Arc;

use reqwest::Client;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// "No real limit", as a caller of lesson 05's function says it.
const NO_REAL_LIMIT: usize = usize::MAX;

/// One post: the request and its body on the runtime, the digest on the blocking pool.
async fn fetch_and_digest(
    client: &Client,
    base_url: &str,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Lesson 05: a limit of 0 would start nothing, and `Semaphore::new` panics above
    // `MAX_PERMITS`: more permits than ids change nothing.
    let permits = Arc::new(Semaphore::new(NO_REAL_LIMIT.clamp(1, ids.len().max(1))));
    let base_url: Arc<str> = Arc::from(base_url);
    let mut tasks = JoinSet::new();
    for (index, &id) in ids.iter().enumerate() {
        let permit = Arc::clone(&permits)
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        let client = client.clone();
        let base_url = Arc::clone(&base_url);
        tasks.spawn(async move {
            let result = fetch_and_digest(&client, &base_url, id, digest).await;
            drop(permit);
            (index, result)
        });
    }
    let mut slots: Vec<Option<Result<u64, reqwest::Error>>> = ids.iter().map(|_| None).collect();
    while let Some(joined) = tasks.join_next().await {
        let (index, result) =
            joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        slots[index] = Some(result);
    }
    slots
        .into_iter()
        .map(|slot| slot.expect("every task fills its slot"))
        .collect()
}
