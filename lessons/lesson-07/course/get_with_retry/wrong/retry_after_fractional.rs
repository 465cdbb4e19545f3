//! Wrong: breaks "A value that is not a whole number of seconds (an HTTP date) counts as no header": it reads `Retry-After` on a 429 or 503 as a float (`parse::<f64>()`, like Python's `float(value)`) into `Duration::from_secs_f64`, so `Retry-After: 1.5` or `0.25` is honoured as a fractional wait instead of falling back on the 25-50ms (50-100ms, …) backoff, and `-1`, `NaN` or `inf` (which `f64` also parses) panic inside `from_secs_f64`; whole seconds and HTTP dates are handled right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// The server's wait, on a 429 or a 503. Seconds, possibly with a fraction: servers behind
/// some proxies send `Retry-After: 0.5`, and there is no reason to round it.
fn server_wait(response: &Response) -> Option<Duration> {
    let status = response.status();
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let text = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    // A date does not parse as a number: no header, our own backoff.
    let seconds: f64 = text.trim().parse().ok()?;
    Some(Duration::from_secs_f64(seconds))
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);

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
        let asked = outcome.as_ref().ok().and_then(server_wait);
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
