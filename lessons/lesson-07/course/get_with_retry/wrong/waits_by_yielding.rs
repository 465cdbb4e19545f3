//! Wrong: breaks "wait with `tokio::time::sleep`, never a call that blocks the thread": to wait "not a moment longer" than asked (tokio's timer rounds to whole milliseconds), the wait is a loop of `tokio::task::yield_now()` until `Instant::now()` reaches the moment, a busy wait that keeps a CPU core spinning for the whole wait while other tasks still run; which statuses are retried, Retry-After, equal jitter, the seed, the attempt count and the last result are right.

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// Waits until `until` without blocking the thread: other tasks run between our checks.
/// (tokio's `sleep` works in whole milliseconds; this is exact.)
async fn wait_until(until: Instant) {
    while Instant::now() < until {
        tokio::task::yield_now().await;
    }
}

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

    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        // The wait is counted from here, the moment the failure is known.
        let failed_at = Instant::now();
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
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
        wait_until(failed_at + wait).await;
        attempt += 1;
    }
}
