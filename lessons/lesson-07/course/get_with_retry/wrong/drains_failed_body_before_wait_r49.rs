//! Wrong: breaks "counted from the failure (the answer, or the error), not from when the failed request was sent"
//! Before the wait, the failed answer's body is read to the end and thrown away, the Go habit
//! (`io.Copy(io.Discard, resp.Body)`) meant to hand the keep-alive connection back to the pool
//! for the next attempt instead of closing it. With the short bodies of a scripted 503 or 429
//! that takes no time, and every wait looks right. But the wait now starts when the body has
//! finished, not when the answer came: a 503 whose body trickles in for two seconds is retried
//! two seconds late (a `Retry-After: 1` becomes three), and one whose body never ends is never
//! retried, nor returned.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
        .map_or(0, |since| since.subsec_nanos());
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
        let wait: Duration = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        // Finish reading the failed answer, so that its connection can be reused by the next
        // attempt rather than closed. What the body says does not matter.
        if let Ok(response) = outcome {
            let _ = response.bytes().await;
        }
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
