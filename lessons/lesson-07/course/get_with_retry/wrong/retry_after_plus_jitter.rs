//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead, even past `max_delay`, and not a moment longer": it adds the usual jitter (up to d/2) on top of the server's `Retry-After`, so that callers told to come back at the same second do not all come back together; the header is honoured otherwise (no cap, 0 is at once), and everything else follows the contract.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

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
        // The server's own wait, on a 429 or a 503 only.
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after);
        let ceiling = policy.ceiling(attempt);
        // Spread the callers a server sent away at once, so they do not all come back at the
        // same instant: a little jitter on top of the server's wait.
        let wait = match asked {
            Some(asked) => asked + (ceiling / 2).mul_f64(jitter.fraction()),
            None => ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction()),
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
