//! Right: reuses the lesson's `is_worth_retrying_status`, `is_worth_retrying_error` and `retry_after` (the last only on a 429 or a 503), sends the first attempt before a `for retry in 1..max_attempts` loop that `break`s on a final outcome, and draws the wait as `d.mul_f64(0.5 + 0.5 × fraction)`.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};
use tokio::time::sleep;

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.as_nanos())
        .unwrap_or(0);
    // Fold all 128 bits in, so that the seed changes with every nanosecond.
    let mut jitter = Jitter::seeded((nanos as u64) ^ ((nanos >> 64) as u64), 0);

    let mut outcome = client.get(url).send().await;
    for retry in 1..policy.max_attempts {
        let asked = match &outcome {
            Ok(response) if is_worth_retrying_status(response.status()) => {
                match response.status() {
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                        retry_after(response)
                    }
                    _ => None,
                }
            }
            Err(err) if is_worth_retrying_error(err) => None,
            _ => break,
        };
        let wait = match asked {
            Some(wait) => wait,
            None => policy.ceiling(retry).mul_f64(0.5 + 0.5 * jitter.fraction()),
        };
        drop(outcome);
        sleep(wait).await;
        outcome = client.get(url).send().await;
    }
    outcome
}
