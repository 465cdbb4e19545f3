//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again)"
//! A body whose `Content-Type` declares a charset other than UTF-8 is read with `text()`, which
//! decodes it, and its UTF-8 bytes digested: "the digest should see the text, whatever the server's
//! encoding", the habit of `resp.text()` in aiohttp. Those are other bytes.

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
        // The request is async: it waits on the runtime without holding a thread.
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // A charset other than UTF-8: decode it, so the digest sees the text.
        let declared = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| {
                value.contains("charset=") && !value.to_ascii_lowercase().contains("utf-8")
            });
        let body = if declared {
            response.text().await?.into_bytes()
        } else {
            response.bytes().await?.to_vec()
        };
        // The digest blocks, so it runs on tokio's blocking pool. `Bytes` is cheap to move in,
        // and the task awaits the result without holding its own thread meanwhile.
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        // A `JoinError` means the digest panicked (the contract says it never does) or the
        // runtime is shutting down: pass a panic on, as calling `digest` directly would.
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    // Every request in flight together, each digested as soon as its own body is in, and the
    // results in the order of `ids`.
    join_all(each).await
}
