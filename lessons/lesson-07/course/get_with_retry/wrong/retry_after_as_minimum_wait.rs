//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead ... and not a moment longer (`Retry-After: 0`: retry at once)": it treats the header as a floor, waiting max(Retry-After, its own jittered backoff), so `Retry-After: 0` still waits the backoff and a short Retry-After under a long ceiling waits the ceiling.
//!
//! Exercise 12: retry a GET, with backoff that grows. (A learner's reasoning: "the server
//! says at least that long; never come back earlier than our own backoff either".)

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::from(since.subsec_nanos()));
    let mut jitter = Jitter::seeded(seed, 0);
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
        // Our own backoff, always drawn.
        let d = policy.ceiling(attempt);
        let backoff: Duration = d / 2 + (d / 2).mul_f64(jitter.fraction());
        // The server's wish, on a 429 or a 503 only: never come back before it.
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
        let wait = match asked {
            Some(asked) => asked.max(backoff),
            None => backoff,
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
