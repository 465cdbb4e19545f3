//! Wrong: breaks "wait a random time between d/2 and d ... (\"equal jitter\")": it draws full jitter over [0, d] with the lesson's `backoff` and raises it to d/2, so about half the waits are exactly d/2 and the rest spread over [d/2, d]; bounds, growth, cap, `Retry-After` and everything else follow the contract.

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
        // Full jitter from the lesson's `backoff`, but never less than half the ceiling: that
        // keeps the floor equal jitter asks for.
        let wait = asked.unwrap_or_else(|| {
            policy
                .backoff(attempt, &mut jitter)
                .max(policy.ceiling(attempt) / 2)
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
