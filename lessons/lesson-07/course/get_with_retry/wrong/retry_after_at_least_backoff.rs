//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead": it takes the server's value as a minimum and waits the longer of it and its own jittered backoff (`max(retry_after, backoff)`, "never come back sooner than we would have anyway"), so `Retry-After: 0` still waits 25-50ms instead of retrying at once, and `Retry-After: 1` before a retry whose d is 4s waits 2-4s instead of 1s; with the usual `Retry-After: 1` and d of a second or less it waits exactly the second.

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
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }

        let d = policy.ceiling(attempt);
        let backoff = d / 2 + (d / 2).mul_f64(jitter.fraction());
        let asked = outcome.as_ref().ok().and_then(|response| {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return None;
            }
            let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
            seconds.trim().parse().ok().map(Duration::from_secs)
        });
        // The server tells us the earliest it can take us again; our own backoff still
        // applies on top of that, so we never come back sooner than we would have anyway.
        let wait = match asked {
            Some(asked) => asked.max(backoff),
            None => backoff,
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
