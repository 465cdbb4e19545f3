//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead": it counts the server's seconds from when the failed request was sent (`sleep_until(sent + retry_after)`), so a 429 that took 400 ms to arrive with `Retry-After: 1` is retried 600 ms after the answer instead of 1 s. The backoff (counted from the failure, equal jitter, capped), which failures are retried, the attempt count, and the last outcome returned at once are all right; with a server that answers at once the difference vanishes.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};
use tokio::time::Instant;

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
        .unwrap_or_default();
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);

    let mut attempt = 1;
    loop {
        let sent = Instant::now();
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }

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
        // Let the failed answer (and its connection) go before waiting.
        drop(outcome);

        match asked {
            // The server's clock started when our request reached it: "come back in N
            // seconds" is N seconds after we asked, not after we heard back.
            Some(after) => tokio::time::sleep_until(sent + after).await,
            None => {
                // Our own backoff, counted from the failure: equal jitter under the ceiling.
                let ceiling = policy.ceiling(attempt);
                let wait = ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction());
                tokio::time::sleep(wait).await;
            }
        }
        attempt += 1;
    }
}
