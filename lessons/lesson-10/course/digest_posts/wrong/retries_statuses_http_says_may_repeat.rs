//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it"
//! The learner took retries from RFC 9110 rather than from a retry library: most error statuses are
//! final, but after a 408 Request Timeout "the client MAY repeat that request", after a 421
//! Misdirected Request it "MAY retry the request over a different connection", and RFC 8470 says
//! the same of 425 Too Early; browsers do resend a GET that got a 408. So exactly those three are
//! asked again, once and at once, and the second answer is the one that counts (one entry, two
//! GETs); a 404, a 429, a 502 or a 503 is an `Err` after one request, as it should be.

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// The statuses whose definition lets the client send the same request again.
fn http_says_repeat(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::REQUEST_TIMEOUT | StatusCode::MISDIRECTED_REQUEST | StatusCode::TOO_EARLY
    )
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
        if http_says_repeat(response.status()) {
            response = client.get(&url).send().await?;
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
