//! Wrong: breaks "A value that is not a whole number of seconds (`1.5`, `-1`, an HTTP date) counts as no header": it reads `Retry-After` as a signed number and clamps it at zero ("a wait in the past means: now"), so `Retry-After: -1` on a 429 or 503 retries at once instead of backing off; whole non-negative values, fractions and dates are handled right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

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
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked = match &outcome {
            Ok(response)
                if matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                ) =>
            {
                server_wait(response)
            }
            _ => None,
        };
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}

/// The wait a `Retry-After: <seconds>` header asks for. Anything that is not a whole number
/// (`1.5`, a date) is no advice at all.
fn server_wait(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    let seconds: i64 = value.trim().parse().ok()?;
    // A moment already past: come back now.
    Some(Duration::from_secs(u64::try_from(seconds).unwrap_or(0)))
}

/// This moment's nanoseconds since the epoch: a different seed for every call.
fn clock_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos() as u64)
}
