//! Correct, written another way: a `for` loop over the retries that can still happen, with the last attempt sent after the loop and returned as it is; the wait is one `mul_f64(0.5 + fraction / 2)`, the seed is the clock's whole nanosecond count (truncated to 64 bits), and one `match` both decides and picks the wait.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos() as u64);
    let mut jitter = Jitter::seeded(seed, 0);
    // Equal jitter over the ceiling of retry `n`: from half of it up to all of it.
    let mut backoff =
        |n: u32| -> Duration { policy.ceiling(n).mul_f64(0.5 + jitter.fraction() / 2.0) };

    // Every attempt but the last may be followed by a retry; `retry` numbers that retry.
    for retry in 1..policy.max_attempts {
        let outcome = client.get(url).send().await;
        let wait = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                Some(retry_after(response).unwrap_or_else(|| backoff(retry)))
            }
            Ok(response) if response.status().is_server_error() => Some(backoff(retry)),
            Err(err) if err.is_connect() || err.is_timeout() || err.is_request() => {
                Some(backoff(retry))
            }
            // Anything else is final: a success, a 3xx, a 4xx, a request that cannot be built.
            _ => None,
        };
        let Some(wait) = wait else {
            return outcome;
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
    // The last attempt (the only one when `max_attempts` is 1): whatever it brings is the result.
    client.get(url).send().await
}
