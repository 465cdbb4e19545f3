//! Wrong: counts the failures in a `static`, shared by every call that runs at the same time
//! (reset when a call returns, so calls one after another look right).

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// How many attempts have failed so far.
static FAILURES: AtomicU32 = AtomicU32::new(0);

pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);

    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        let attempt = FAILURES.fetch_add(1, Ordering::SeqCst) + 1;
        if !worth_retrying || attempt >= policy.max_attempts {
            FAILURES.store(0, Ordering::SeqCst);
            return outcome;
        }
        let asked_by_server = outcome.as_ref().ok().and_then(|response| {
            let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
            seconds.trim().parse().ok().map(Duration::from_secs)
        });
        let wait = asked_by_server.unwrap_or_else(|| {
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });
        tokio::time::sleep(wait).await;
    }
}
