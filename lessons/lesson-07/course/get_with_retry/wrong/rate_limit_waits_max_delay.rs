//! Wrong: breaks "before retry number n, wait a random time between d/2 and d ... but when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead": a 429 with no usable Retry-After waits `policy.max_delay` (the longest wait, since the server said we are too fast) instead of the jittered backoff; a 429 or 503 with Retry-After, a 503 or other 5xx without it, and no answer all wait as asked, and what is retried and the attempt count are right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// Equal jitter: half of the ceiling for sure, the other half at random.
fn backoff(policy: &RetryPolicy, retry: u32, jitter: &mut Jitter) -> Duration {
    let d = policy.ceiling(retry);
    d / 2 + (d / 2).mul_f64(jitter.fraction())
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| u64::from(since.subsec_nanos()))
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(nanos, 0);

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
        let wait = match &outcome {
            // Rate-limited: the server told us we are too fast. Take its word for how long if
            // it gave one; if not, back off as far as the policy allows, not a few ms.
            Ok(response) if response.status() == StatusCode::TOO_MANY_REQUESTS => {
                retry_after(response).unwrap_or(policy.max_delay)
            }
            // Overloaded: its Retry-After if any, else our usual backoff.
            Ok(response) if response.status() == StatusCode::SERVICE_UNAVAILABLE => {
                match retry_after(response) {
                    Some(asked) => asked,
                    None => backoff(policy, attempt, &mut jitter),
                }
            }
            _ => backoff(policy, attempt, &mut jitter),
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
