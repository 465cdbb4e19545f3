//! Wrong: breaks "On any other answer (a 500, a 502, …) `Retry-After` is ignored: back off as usual": once a 429 or 503 of this call has carried `Retry-After`, every later retry of the call waits that long too, even after a 500 or a dropped connection with no header (and after a `Retry-After: 0` it retries those at once); a call whose only `Retry-After` is on its last failure, or that never gets one, behaves exactly as the contract says (attempt count, what is retried, equal jitter seeded from the clock's nanoseconds, waits counted from the failure).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // A seed of our own for every call: this moment's nanoseconds.
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| u64::from(since.subsec_nanos()))
        .unwrap_or_default();
    let mut jitter = Jitter::seeded(seed, 0);
    // Once the server has told us how long to stay away, it knows its own load better than
    // our formula does: keep to its pace for the rest of this call.
    let mut server_pace: Option<Duration> = None;
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
        if let Ok(response) = &outcome {
            // `Retry-After` only means something on a 429 or a 503.
            if matches!(
                response.status(),
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
            ) {
                if let Some(asked) = retry_after(response) {
                    server_pace = Some(asked);
                }
            }
        }
        let wait = server_pace.unwrap_or_else(|| {
            // Equal jitter: half of the ceiling for sure, the other half at random.
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });
        // Let go of the failed answer (and its connection) before sleeping.
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
