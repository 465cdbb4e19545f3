//! Wrong: breaks "before retry number n (1 for the first retry), wait a random time between d/2 and d": the random part is drawn up to d instead of d/2, so the wait is d/2 plus up to d, from d/2 to 3d/2, past d about half the time; the floor, the growth, the cap, `Retry-After` and everything else follow the contract.

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
        // Equal jitter: half the ceiling for sure, plus a random part so that callers spread.
        let wait = asked.unwrap_or_else(|| ceiling / 2 + ceiling.mul_f64(jitter.fraction()));
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
