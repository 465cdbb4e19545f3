//! Wrong: breaks "retry only what may be different next time: [...] or no answer at all (a refused or dropped connection, a timeout)": for errors it retries everything except a builder error, so a redirect loop (`is_redirect`, "too many redirects", which fails the same way every time) is retried up to `max_attempts` times with backoff; a malformed URL is still returned at once, refused/dropped/timed-out requests are retried, and statuses, Retry-After, jitter and the attempt count are right.

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
        .unwrap_or(Duration::ZERO)
        .subsec_nanos();
    let mut jitter = Jitter::seeded(u64::from(seed), 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => {
                let status = response.status();
                status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
            }
            // A builder error (a URL that does not parse) can never succeed: give up at once.
            // Anything else went wrong on the way, so another try may get through.
            Err(err) => !err.is_builder(),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let server_says = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE
            })
            .and_then(retry_after);
        let wait = match server_says {
            Some(wait) => wait,
            None => {
                let ceiling = policy.ceiling(attempt);
                let half = ceiling / 2;
                half + half.mul_f64(jitter.fraction())
            }
        };
        // Let go of the failed response before sleeping.
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
