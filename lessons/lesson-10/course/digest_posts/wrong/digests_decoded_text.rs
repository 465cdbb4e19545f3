//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! Reads the body with `Response::text()` (Python's `resp.text`) and digests `text.as_bytes()`.
//! With reqwest's `charset` feature on, `text()` decodes the bytes through encoding_rs by the
//! `Content-Type` charset: invalid UTF-8 becomes U+FFFD, a leading UTF-8 BOM is stripped, and a
//! `charset=iso-8859-1` (or UTF-16) body is transcoded to UTF-8. So `digest` sees other bytes
//! than the server sent. The mock's JSON is plain UTF-8 with no BOM, where decoding gives back
//! the very same bytes: only a body that is not clean UTF-8 tells the two apart.

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
    // The body is JSON, which is text: read it as text.
    let text = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .text()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(text.as_bytes())).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}
