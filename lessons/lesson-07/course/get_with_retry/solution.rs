//! Exercise 12, solved: retry a GET, with backoff that grows.

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
    // Seeded from the clock: two programs retrying at the same moment draw different waits,
    // which is the whole point of jitter.
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
