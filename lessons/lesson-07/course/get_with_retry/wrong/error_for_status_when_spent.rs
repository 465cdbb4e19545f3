//! Wrong: breaks "return the last attempt's result as it is … `Ok(response)` for any answer (even the last 503 once the attempts are spent)": when the attempts run out on a retryable answer it turns it into an error with `Response::error_for_status`, so a call that gets 503, 503, 503 (or ends on a 429 or a 500) returns `Err(status error)` instead of `Ok(503)`, and the caller loses the response, its headers and its body; final answers (200, 404, …), connection errors and all the waits are right.

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
        if !worth_retrying {
            return outcome;
        }
        if attempt >= policy.max_attempts {
            // Out of attempts: the failure is final now, so report it as one. `?` in the
            // caller then sees an error, not a 503 that looks like an answer.
            return outcome.and_then(Response::error_for_status);
        }

        let asked = outcome.as_ref().ok().and_then(|response| {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return None;
            }
            let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
            seconds.trim().parse().ok().map(Duration::from_secs)
        });
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
