//! Wrong: breaks "retry only what may be different next time: a 429, any 5xx (500, 502, 503, 504, …)"
//! The statuses worth retrying are the well-known list from Python's urllib3 and most retry
//! libraries, `status_forcelist=[429, 500, 502, 503, 504]`, written out as constants instead of
//! `is_server_error()`. Every status a test usually scripts is in it, so the retries look
//! right; but a 501, 505, 507, 508 or 511, and the 520-526 a CDN answers when the origin is
//! down, are returned at once instead of retried.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, retry_after};

/// The answers that may be different next time.
const RETRY_STATUSES: [StatusCode; 5] = [
    StatusCode::TOO_MANY_REQUESTS,
    StatusCode::INTERNAL_SERVER_ERROR,
    StatusCode::BAD_GATEWAY,
    StatusCode::SERVICE_UNAVAILABLE,
    StatusCode::GATEWAY_TIMEOUT,
];

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);
    let mut attempt: u32 = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => RETRY_STATUSES.contains(&response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after);
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
