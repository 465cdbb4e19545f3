//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it" for an answer of status 599
//! The learner classifies statuses by hand with a half-open range, `(400..599).contains(&code)`,
//! meaning "400 to 599" (Python's `400 <= code < 600` misremembered as `range(400, 599)`). Every
//! named 4xx and 5xx, and Cloudflare's 520 to 524, fall inside it; 599 (an unofficial "network
//! connect timeout" some proxies send) does not, so a 599's body is digested and returned as `Ok`.

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
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        let code = response.status().as_u16();
        // 4xx and 5xx are failures; everything else is an answer.
        let response = if (400..599).contains(&code) {
            response.error_for_status()?
        } else {
            response
        };
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
