//! Correct, written another way: a `for` loop over the retry numbers `1..max_attempts` in which
//! each attempt either returns (an answer or error not worth retrying) or yields its wait
//! (`let … else`), and the last attempt sent after the loop, returned as it is; the equal
//! jitter drawn as `ceiling × (0.5 + 0.5 × fraction)`, seeded from the whole clock in
//! nanoseconds.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// Equal jitter: half of `ceiling` for sure, the other half at random.
fn equal_jitter(ceiling: Duration, jitter: &mut Jitter) -> Duration {
    ceiling.mul_f64(0.5 + 0.5 * jitter.fraction())
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // Nanoseconds since the epoch: two calls in the same second still get different seeds.
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos() as u64);
    let mut jitter = Jitter::seeded(seed, 0);

    // Every attempt but the last: each one may be followed by a retry, `retry` being its number.
    for retry in 1..policy.max_attempts {
        let outcome = client.get(url).send().await;
        let wait = match &outcome {
            Ok(response) if is_worth_retrying_status(response.status()) => {
                let server_says = match response.status() {
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                        retry_after(response)
                    }
                    _ => None,
                };
                Some(
                    server_says.unwrap_or_else(|| equal_jitter(policy.ceiling(retry), &mut jitter)),
                )
            }
            Err(err) if is_worth_retrying_error(err) => {
                Some(equal_jitter(policy.ceiling(retry), &mut jitter))
            }
            // A final answer (or an error that would come back the same): returned at once.
            _ => None,
        };
        let Some(wait) = wait else {
            return outcome;
        };
        // Let go of the failed answer's connection before the wait, counted from now.
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
    // The last attempt: whatever it brings is the result, with no wait after it.
    client.get(url).send().await
}
