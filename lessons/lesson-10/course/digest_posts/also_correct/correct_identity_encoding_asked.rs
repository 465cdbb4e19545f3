//! Correct: every GET says `Accept-Encoding: identity` (asking the server not to compress), and the body is read with `Response::chunk()` into one `Vec` that goes to `digest`; whatever the server sends anyway (a gzip body it sends regardless) is digested exactly as it arrived
//!
//! The contract fixes the method, the URL and the client, not the request's headers: a header
//! that asks for the plain representation changes nothing for a server that ignores it, and a
//! server that honours it sends the bytes that then arrive. A check must not demand the exact
//! headers reqwest adds by itself.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::{ACCEPT_ENCODING, HeaderValue};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .header(ACCEPT_ENCODING, HeaderValue::from_static("identity"))
            .send()
            .await?
            .error_for_status()?;
        // Read on the runtime, chunk by chunk, kept as the bytes came.
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            body.extend_from_slice(&chunk);
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
