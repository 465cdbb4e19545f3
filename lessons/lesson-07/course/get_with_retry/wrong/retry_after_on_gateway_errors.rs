//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead ... On any other answer (a 500, a 502, …) `Retry-After` is ignored: back off as usual": it also obeys `Retry-After` on a 502 and a 504, reasoning that every "come back later" status (the overloaded server's 503 and the gateway's 502 and 504) may say when, and only a 500, a bug in the server, may not; so a 500 with `Retry-After` is still ignored, but a 502 or 504 with one waits what it says instead of backing off.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut jitter = Jitter::seeded(clock_nanos(), 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        // The statuses that mean "not now, later": too many requests, unavailable, and the
        // gateway's two ways of saying the server behind it is (for now) out of reach.
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS
                        | StatusCode::BAD_GATEWAY
                        | StatusCode::SERVICE_UNAVAILABLE
                        | StatusCode::GATEWAY_TIMEOUT
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

/// This moment's nanoseconds since the epoch: a different seed for every call.
fn clock_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos() as u64)
}
