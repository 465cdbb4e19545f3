//! Wrong: breaks "return the last attempt's result as it is, at once (there is no wait after the last attempt)": like a Python `for` loop that sleeps at the bottom of every failed iteration, it backs off after each retryable failure before checking whether the attempts are spent, so a call that ends on a 503, a 429 or a dropped connection sleeps one more jittered wait (or a whole `Retry-After: 1` second) before handing back its last outcome, and `max_attempts = 1` still waits once; the number of requests, the waits between them and the returned outcome are all right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// The server's `Retry-After`, in whole seconds, on a 429 or a 503 only.
fn server_wait(response: &Response) -> Option<Duration> {
    let status = response.status();
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    seconds.trim().parse().ok().map(Duration::from_secs)
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

    let mut attempt = 0;
    loop {
        attempt += 1;
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

        // A failure: back off first, so that whoever comes next (our retry, or the caller's
        // next request) does not hit a struggling server straight away.
        let wait = outcome
            .as_ref()
            .ok()
            .and_then(server_wait)
            .unwrap_or_else(|| {
                let d = policy.ceiling(attempt);
                d / 2 + (d / 2).mul_f64(jitter.fraction())
            });
        tokio::time::sleep(wait).await;

        if attempt >= policy.max_attempts {
            return outcome;
        }
    }
}
