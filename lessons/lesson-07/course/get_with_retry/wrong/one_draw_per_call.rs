//! Wrong: breaks "before retry number n (1 for the first retry), wait a random time between d/2 and d": the random fraction is drawn once per call and reused for every retry, so after the first wait every later one is fixed (each is exactly twice the one before until the cap); each wait is within [d/2, d], the seed comes from the clock's nanoseconds so calls differ, and Retry-After, what is retried and the attempt count are right.

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
        .map(|since| u64::from(since.subsec_nanos()))
        .unwrap_or(0);
    // This call's place in the spread: drawn once, so that calls which failed together are
    // pulled apart, and each call keeps a steady, predictable pace of its own.
    let spread = Jitter::seeded(nanos, 0).fraction();

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
        let asked = match &outcome {
            Ok(response)
                if matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                ) =>
            {
                retry_after(response)
            }
            _ => None,
        };
        let wait = asked.unwrap_or_else(|| {
            // Equal jitter: half of the ceiling for sure, plus this call's share of the other half.
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(spread)
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
