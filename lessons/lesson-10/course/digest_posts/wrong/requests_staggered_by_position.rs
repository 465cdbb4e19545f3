//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together"
//! (and with it "goes to `digest` once, as soon as that body is in"): the entry at place `n` of
//! `ids` waits `n * 5 ms` (at most 2 s) before its request leaves, so a call of 131 ids sends its
//! last request about 650 ms after its first; with answers held by the server, the server sees
//! the requests trickle in instead of all of them at once, and a post listed late is digested
//! late even when its answer would have been ready at once.
//! Why a learner would think it right: "jitter your requests, don't stampede the server" is
//! standard etiquette (thundering herd, rate limits), the delay is async (`tokio::time::sleep`,
//! no thread held) and every request is still its own task in one `join_all`, so it "still runs
//! them all concurrently". Otherwise the reference pipeline.

use std::time::Duration;

use futures::future::join_all;
use reqwest::Client;

/// The gap between two consecutive requests of one call.
const STAGGER: Duration = Duration::from_millis(5);
/// The longest any request is held back.
const MAX_STAGGER: Duration = Duration::from_secs(2);

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().enumerate().map(|(place, &id)| {
        let url = format!("{base_url}/posts/{id}");
        let delay = STAGGER
            .saturating_mul(u32::try_from(place).unwrap_or(u32::MAX))
            .min(MAX_STAGGER);
        async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
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
        }
    });
    join_all(each).await
}
