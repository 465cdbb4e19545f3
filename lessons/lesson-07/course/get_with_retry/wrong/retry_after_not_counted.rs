//! Wrong: breaks "at most `policy.max_attempts` requests in all, the first one included": the server's `Retry-After` path sleeps and `continue`s before the `attempt += 1` at the bottom of the loop ("the server scheduled that retry, it is not one of our failures"), so retries after a 429 or 503 carrying `Retry-After: <seconds>` use up no attempt: a server that keeps answering 429 with `Retry-After: 1` gets a request every second for ever (with `Retry-After: 0`, in a tight loop), and `max_attempts = 1` still retries such an answer; plain 5xx, 429 without the header and connection errors are counted right.

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

        // The server said when to come back: do as it says.
        let asked = outcome.as_ref().ok().and_then(|response| {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return None;
            }
            let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
            seconds.trim().parse().ok().map(Duration::from_secs)
        });
        if let Some(asked) = asked {
            drop(outcome);
            tokio::time::sleep(asked).await;
            continue;
        }

        // Our own failure: count it, and back off.
        if attempt >= policy.max_attempts {
            return outcome;
        }
        let d = policy.ceiling(attempt);
        let wait = d / 2 + (d / 2).mul_f64(jitter.fraction());
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
