//! Wrong: breaks "Random means different from call to call too: calls that fail together must not come back together"
//! The wait is drawn the full-jitter way the lesson's `policy.backoff` does it, from 0 to the
//! ceiling, and then raised to at least half the ceiling with `.max(d / 2)`. Every wait is
//! within d/2..=d, so each one alone passes any bound check, and the waits still grow; but
//! every draw below one half becomes exactly d/2: about half of the calls that fail together
//! wait the very same time and come back together.

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
    let mut attempt: u32 = 1;
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
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            // A random wait up to the ceiling, but never less than half of it.
            d.mul_f64(jitter.fraction()).max(d / 2)
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
