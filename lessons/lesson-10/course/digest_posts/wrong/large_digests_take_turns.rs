//! Wrong: breaks "the digests of different posts run at the same time"
//! The learner follows the chapter's aside that tokio's blocking pool "is sized for waiting, not
//! computing" and lesson 05's semaphore: small bodies go to `spawn_blocking` at once, but a body
//! over 1 MiB (the "large parse" the chapter talks about) must first take the one permit of a
//! `Semaphore::new(1)`, so that large digests take turns "instead of all grabbing a core and their
//! body's worth of memory at once". Every request is still in flight together, and no digest runs
//! on the runtime: only two large bodies digested in the same call reveal it.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::Semaphore;

/// Above this, a body is "large": its digest waits for its turn.
const LARGE_BODY: usize = 1024 * 1024;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // One semaphore for the whole batch (lesson 05: never one per request), one permit: one
    // large digest at a time.
    let large_turns = Semaphore::new(1);
    let large_turns = &large_turns;
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        // Held until the digest is done, so the next large body waits for this one.
        let _turn = if body.len() > LARGE_BODY {
            Some(
                large_turns
                    .acquire()
                    .await
                    .expect("the semaphore is never closed"),
            )
        } else {
            None
        };
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
