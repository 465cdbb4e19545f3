//! Wrong: breaks "each call counts its own attempts: nothing is kept from one call to another": the retry number behind the backoff is a process-wide failure counter, reset only by a final good answer, so after a call that spent its attempts (or beside calls failing at the same time) the next call's first wait starts from a later, longer ceiling.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// Failures in a row against the server, shared by every call, so that a struggling server
/// gets backed off from as a whole (like a small circuit breaker).
static FAILURES_IN_A_ROW: AtomicU32 = AtomicU32::new(0);

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos() as u64)
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(seed, 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let retryable = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !retryable {
            // The server answered for good: it is healthy again.
            FAILURES_IN_A_ROW.store(0, Ordering::Relaxed);
            return outcome;
        }
        let failures = FAILURES_IN_A_ROW.fetch_add(1, Ordering::Relaxed) + 1;
        if attempt >= policy.max_attempts {
            return outcome;
        }
        let asked: Option<Duration> = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                crate::retry_after(response)
            }
            _ => None,
        };
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(failures);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
