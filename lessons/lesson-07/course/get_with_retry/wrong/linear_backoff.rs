//! Wrong: breaks "d = min(policy.max_delay, policy.base_delay × 2^(n-1))": it grows its own ceiling by adding `base_delay` after each retry (base, 2×base, 3×base, 4×base, …, capped), so the first two retries are right (25-50ms, then 50-100ms with a 50ms base) but retry 3 draws from 75-150ms instead of 100-200ms and retry 4 from 100-200ms instead of 200-400ms; `Retry-After`, the cap, the counts and the results are right.

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

    // The ceiling for the next retry: base_delay first, growing after every retry.
    let mut ceiling = policy.base_delay.min(policy.max_delay);
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

        let asked = outcome.as_ref().ok().and_then(|response| {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return None;
            }
            let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
            seconds.trim().parse().ok().map(Duration::from_secs)
        });
        let wait = asked.unwrap_or_else(|| ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction()));
        // Back off further next time: one more base delay, up to the cap.
        ceiling = ceiling
            .saturating_add(policy.base_delay)
            .min(policy.max_delay);
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
