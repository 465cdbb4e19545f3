//! Wrong: breaks "random means different from call to call too: calls that fail together must
//! not come back together": it seeds the jitter from a count of calls, so that each call of a
//! program draws other waits; but the count starts at 0 in every program, and two programs
//! that fail together wait exactly alike.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // A new seed for every call of this program.
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let mut jitter = Jitter::seeded(CALLS.fetch_add(1, Ordering::Relaxed), 0);

    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            // No answer at all: refused, dropped, timed out. (Not a malformed URL.)
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }

        // The server's own wait, on a 429 or a 503 only; on any other answer, our backoff.
        let asked_by_server = outcome.as_ref().ok().and_then(|response| {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return None;
            }
            let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
            seconds.trim().parse().ok().map(Duration::from_secs)
        });
        let wait = asked_by_server.unwrap_or_else(|| {
            // Equal jitter: half the ceiling for sure, the other half at random.
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });
        // Done with the failed answer: dropping it before the wait frees its connection.
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
