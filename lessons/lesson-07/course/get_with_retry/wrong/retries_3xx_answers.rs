//! Wrong: breaks "a 3xx that reqwest hands back instead of following (a 304, a 300) ... is returned at once": it treats every answer that is neither a success nor a client's mistake (other than 429) as the server's trouble, so a 304 or a 300 is retried like a 5xx.
//!
//! Exercise 12: retry a GET, with backoff that grows. (A learner's structure: "2xx is fine,
//! 4xx is my fault, anything else is the server's fault: retry it".)

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, retry_after};

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
            Ok(response) => {
                let status = response.status();
                // A success is kept, a client error is ours and will not change (except a 429,
                // which is about the moment); everything else is the server's trouble.
                let final_answer = status.is_success()
                    || (status.is_client_error() && status != StatusCode::TOO_MANY_REQUESTS);
                !final_answer
            }
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
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
