//! Right: counts attempts down (`attempts_left`) in a `while` loop and sends the final attempt after it, seeds the jitter from the clock's whole nanosecond count (`as_nanos`), draws the wait as `d × (1 − fraction/2)` (in (d/2, d]), and reads `Retry-After` from the header's raw bytes (`std::str::from_utf8`, `u64::from_str`) on a 429 or 503.

use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// Whether this outcome may be different next time: a 429, a 5xx, or no answer at all.
fn is_transient(outcome: &Result<Response, reqwest::Error>) -> bool {
    match outcome {
        Ok(response) => {
            let status = response.status();
            status.as_u16() == 429 || status.is_server_error()
        }
        Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
    }
}

/// The server's wait on a 429 or a 503 when `Retry-After` is a whole number of seconds.
fn server_wait(response: &Response) -> Option<Duration> {
    if !matches!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        return None;
    }
    let bytes = response.headers().get(RETRY_AFTER)?.as_bytes();
    let text = std::str::from_utf8(bytes).ok()?;
    u64::from_str(text.trim()).ok().map(Duration::from_secs)
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    // The low 64 bits of the nanosecond count: they change from one call to the next.
    let mut jitter = Jitter::seeded(now.as_nanos() as u64, 0);

    let mut attempts_left = policy.max_attempts;
    let mut retry: u32 = 0;
    while attempts_left > 1 {
        let outcome = client.get(url).send().await;
        attempts_left -= 1;
        if !is_transient(&outcome) {
            return outcome;
        }
        retry += 1;
        let wait = match outcome.as_ref().ok().and_then(server_wait) {
            Some(asked) => asked,
            None => policy.ceiling(retry).mul_f64(1.0 - jitter.fraction() / 2.0),
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
    // One attempt left (or max_attempts was 1): whatever it brings is the answer.
    client.get(url).send().await
}
