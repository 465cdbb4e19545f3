//! Wrong: breaks "wait a random time between d/2 and d, where d = min(max_delay, base_delay × 2^(n-1)) … Random means different from call to call too": it draws the equal jitter from the uncapped base_delay × 2^(n-1) and clamps the result to `max_delay` afterwards, so once base_delay × 2^(n-1) reaches twice `max_delay` every wait is exactly `max_delay`, with no random part at all (calls that fail together at the cap come back together), and just below that most waits pile up on `max_delay`; the waits before the cap is reached are right.

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

    let mut attempt: u32 = 1;
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
        let wait = asked.unwrap_or_else(|| {
            // Exponential backoff with equal jitter, then the cap: max_delay is the longest
            // we are ever willing to wait.
            let exponential = policy
                .base_delay
                .saturating_mul(1u32 << (attempt - 1).min(31));
            let jittered = exponential / 2 + (exponential / 2).mul_f64(jitter.fraction());
            jittered.min(policy.max_delay)
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
