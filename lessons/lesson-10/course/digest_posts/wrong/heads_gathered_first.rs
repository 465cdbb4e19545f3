//! Wrong: breaks "a successful answer's body ... goes to `digest` once, as soon as that body is in: a digest never waits for other requests"
//! The aiohttp idiom, ported: `responses = await asyncio.gather(*(session.get(u) for u in urls))`,
//! then `await asyncio.gather(*(process(r) for r in responses))`. All the requests go out at once
//! and their heads are gathered; then every body is read and digested on the blocking pool, all
//! together. But no body is read, and so nothing digested, until the slowest head is in.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // Stage one: every request in flight together, their answers' heads gathered.
    let heads = join_all(
        ids.iter()
            .map(|id| client.get(format!("{base_url}/posts/{id}")).send()),
    )
    .await;
    // Stage two: every answer processed together, its body read, then digested off the runtime.
    let each = heads.into_iter().map(|head| async move {
        let body = head?.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
