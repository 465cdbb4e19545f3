//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it ...)" (and with it "one GET `{base_url}/posts/{id}` per entry of `ids`")
//! The learner has understood that there is no waiting of one's own here, so a 429 or a 503 that
//! asks for a retry after a second is an `Err`, as it should be. But a `Retry-After: 0` "costs no
//! wait at all": the rate limiter's window has just reopened, the server says "now", so the post is
//! asked again at once, once, and the second answer is the one that counts.

use futures::future::join_all;
use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| {
        let url = format!("{base_url}/posts/{id}");
        async move {
            let mut response = client.get(&url).send().await?;
            if asks_to_retry_now(&response) {
                drop(response);
                response = client.get(&url).send().await?;
            }
            let body = response.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}

/// A 429 or 503 whose `Retry-After` is zero seconds: "try again right now".
fn asks_to_retry_now(response: &Response) -> bool {
    matches!(response.status().as_u16(), 429 | 503)
        && response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(|text| text.trim().parse::<u64>().ok())
            == Some(0)
}
