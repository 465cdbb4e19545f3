//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it ...)" (asked once, then an `Err`)
//! The learner has used the OpenAI and Anthropic Python SDKs, whose generated clients obey the
//! server's own `x-should-retry` header: when an error answer says `x-should-retry: true`, the
//! server itself vouches that a second try is safe, so the request is sent once more at once.
//! No error status is retried otherwise, so every named input (429, 503, 500, 502, 408, the sweep
//! with `Retry-After: 0`, `Proxy-Status`) is one request and an `Err`; only a header the checks
//! never send shows the second GET.

use futures::future::join_all;
use reqwest::{Client, Response};

/// Whether an error answer carries the server's own "you may try again" (`x-should-retry: true`).
fn server_vouches_for_retry(response: &Response) -> bool {
    let status = response.status();
    (status.is_client_error() || status.is_server_error())
        && response
            .headers()
            .get("x-should-retry")
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.trim().eq_ignore_ascii_case("true"))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let mut response = client.get(&url).send().await?;
        if server_vouches_for_retry(&response) {
            // The server said so: one more try, at once (no waiting of our own).
            response = client.get(&url).send().await?;
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
