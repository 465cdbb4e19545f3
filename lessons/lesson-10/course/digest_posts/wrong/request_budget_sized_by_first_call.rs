//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together"
//! The learner takes lesson 05's semaphore "with no real limit" (as many permits as there are ids)
//! and makes it process-wide, "so that two calls at once share one budget, the way every request
//! of an aiohttp session shares its connector". It is made once, on first use, sized by the batch
//! the program runs. The first call is right; a later call with more ids than the first had, or
//! two calls at once, has only that many requests in flight.

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// The process's request budget, one permit per request in flight.
static BUDGET: OnceLock<Semaphore> = OnceLock::new();

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // "No real limit": as wide as the batch, at least one permit (lesson 05's clamp).
    let budget = BUDGET.get_or_init(|| Semaphore::new(ids.len().clamp(1, Semaphore::MAX_PERMITS)));
    let each = ids.iter().map(|id| async move {
        let body = {
            // The budget is for the server: held over the request and its body, not the digest.
            // The semaphore is never closed, so `acquire` does not fail.
            let _permit = budget.acquire().await.ok();
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
