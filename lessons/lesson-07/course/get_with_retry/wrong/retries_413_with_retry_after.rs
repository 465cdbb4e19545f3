//! Wrong: breaks "Anything else is returned at once: ... a 404 or any other 4xx too": a `413` that carries `Retry-After` is retried after the server's wait, as urllib3's `Retry` does (its `RETRY_AFTER_STATUS_CODES` are 413, 429 and 503) and as RFC 9110 suggests for a temporary 413. A 413 without the header, every other 4xx, 3xx and 2xx are returned at once; 429, 5xx and no-answer retries, the backoff with equal jitter, Retry-After on 429 and 503, and the last outcome are all right.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or_default();
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);

    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => {
                let status = response.status();
                is_worth_retrying_status(status)
                    // RFC 9110: a server refusing a request as too large "for now" says so
                    // with Retry-After; then it is about the moment, like a 429.
                    || (status == StatusCode::PAYLOAD_TOO_LARGE && retry_after(response).is_some())
            }
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }

        // The statuses whose Retry-After we obey, as urllib3 does.
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::PAYLOAD_TOO_LARGE
                        | StatusCode::TOO_MANY_REQUESTS
                        | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after);
        let wait = asked.unwrap_or_else(|| {
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
