//! Correct, written another way: a stream of per-post pipelines through `StreamExt::buffered`, its limit the number of ids (at least 1, or an empty stream would wait forever), so every request is in flight at once and the results come out in the order of `ids`.
//! `buffered(n)` keeps up to `n` futures polled together and yields their outputs in the order
//! they went in: with `n = ids.len()` nothing waits for a slot, unlike `buffered(4)`. Each
//! future sends, checks the status, reads the raw bytes and awaits `spawn_blocking` for the
//! digest, so a body that is in is digested while slower requests are still on the wire.

use futures::StreamExt;
use futures::stream;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // `buffered(0)` never pulls a future, and never sees its stream end: hence the `max(1)`.
    let all_at_once = ids.len().max(1);
    stream::iter(ids)
        .map(|id| digest_one(client, format!("{base_url}/posts/{id}"), digest))
        .buffered(all_at_once)
        .collect()
        .await
}

/// One post's pipeline: the request on the runtime, then the digest on the blocking pool.
async fn digest_one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    match tokio::task::spawn_blocking(move || digest(&body)).await {
        Ok(digested) => Ok(digested),
        // Only a panic in `digest` ends here, which the contract rules out: pass it on.
        Err(err) => std::panic::resume_unwind(err.into_panic()),
    }
}
