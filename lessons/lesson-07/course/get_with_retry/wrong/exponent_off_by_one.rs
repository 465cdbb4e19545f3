//! Wrong: breaks "d = min(max_delay, base_delay × 2^(n-1))": it computes the ceiling itself as base_delay × 2^n, so the first retry waits 50-100ms instead of 25-50ms with a 50ms base, and every later wait is twice too long (until the cap).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| u64::from(elapsed.subsec_nanos()))
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(seed, 0);

    // `retries` counts the retries made so far; the first attempt is not a retry.
    let mut retries: u32 = 0;
    loop {
        let outcome = client.get(url).send().await;
        let retryable = match &outcome {
            Ok(response) => {
                let status = response.status();
                status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !retryable || retries + 1 >= policy.max_attempts {
            return outcome;
        }
        retries += 1;

        let asked: Option<Duration> = match &outcome {
            Ok(response)
                if matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                ) =>
            {
                (|| -> Option<Duration> {
                    let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
                    let seconds = value.to_str().ok()?.parse::<u64>().ok()?;
                    Some(Duration::from_secs(seconds))
                })()
            }
            _ => None,
        };
        let wait = match asked {
            Some(wait) => wait,
            None => {
                // Exponential: base, doubled once per retry, capped.
                let d = policy
                    .base_delay
                    .saturating_mul(2u32.saturating_pow(retries))
                    .min(policy.max_delay);
                d / 2 + (d / 2).mul_f64(jitter.fraction())
            }
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
}
