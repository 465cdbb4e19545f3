//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead, even past `max_delay`, and not a moment longer": it never waits more than 60 s for a server's `Retry-After`, so a `Retry-After: 120` (or 3600) is cut to 60 s and the retry comes early; any `Retry-After` up to 60 s (the usual 1, or 0) is honoured exactly, even past `max_delay`, and everything else (attempts, what is retried, equal jitter seeded from the clock's nanoseconds) follows the contract.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// The longest we let a server's `Retry-After` keep a caller waiting. A misconfigured server
/// that says "come back in a day" must not hang the program for a day.
const LONGEST_SERVER_WAIT: Duration = Duration::from_secs(60);

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        // The server's own wait, on a 429 or a 503 only, within reason.
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after)
            .map(|wait| wait.min(LONGEST_SERVER_WAIT));
        let wait = asked.unwrap_or_else(|| {
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
