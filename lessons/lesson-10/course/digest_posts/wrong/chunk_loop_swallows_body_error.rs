//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then `digest` is not called"
//! Reads the body chunk by chunk (Python's `for chunk in resp.iter_content()`, "bodies may be
//! large") with the idiom `while let Ok(Some(chunk)) = response.chunk().await`. The pattern
//! stops on `Ok(None)` (the end) and just as quietly on `Err(_)`: a connection that breaks in
//! the middle of the body, or a body shorter than its `Content-Length`, ends the loop, and the
//! truncated body is digested and returned as `Ok`. Statuses and connections refused before
//! the answer still give `Err`; the mock never cuts a body short, so every check on it passes.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    join_all(
        ids.iter()
            .map(|id| digest_one(client, format!("{base_url}/posts/{id}"), digest)),
    )
    .await
}

/// One post's pipeline: the request on the runtime, then the digest on the blocking pool.
async fn digest_one(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let mut response = client.get(url).send().await?.error_for_status()?;
    // Stream the body in, one chunk at a time, as it arrives.
    let mut body: Vec<u8> = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        body.extend_from_slice(&chunk);
    }
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
