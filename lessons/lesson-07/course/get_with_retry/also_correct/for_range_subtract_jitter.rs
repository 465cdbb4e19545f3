//! Right: a `for attempt in 1..max_attempts` loop over the attempts that may be retried, returning early on a final outcome, then the last attempt sent after the loop and returned as it is, status tested by number (`429` or `500..=599`), the wait drawn as `d - (d/2)·fraction` (still in `[d/2, d]`), seeded from the nanoseconds of the clock mixed with a per-process counter, and `Retry-After` read by hand only on a 429 or 503.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response};

use crate::RetryPolicy;

/// Distinguishes calls started within the same clock tick; it only feeds the seed, it never
/// changes how many attempts or how long a call waits.
static CALLS: AtomicU64 = AtomicU64::new(0);

/// The server's `Retry-After` in whole seconds, on a 429 or a 503 only.
fn server_wait(response: &Response) -> Option<Duration> {
    if !matches!(response.status().as_u16(), 429 | 503) {
        return None;
    }
    let text = response.headers().get("retry-after")?.to_str().ok()?;
    text.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mut jitter = crate::Jitter::seeded(nanos, CALLS.fetch_add(1, Ordering::Relaxed));
    for attempt in 1..policy.max_attempts {
        let outcome = client.get(url).send().await;
        let transient = match &outcome {
            Ok(response) => matches!(response.status().as_u16(), 429 | 500..=599),
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !transient {
            return outcome;
        }
        let wait = match outcome.as_ref().ok().and_then(server_wait) {
            Some(wait) => wait,
            None => {
                let d = policy.ceiling(attempt);
                d - (d / 2).mul_f64(jitter.fraction())
            }
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
    // The last attempt: nothing left to wait for, whatever it brings is the answer.
    client.get(url).send().await
}
