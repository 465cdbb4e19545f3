//! Correct, written another way: a `for` loop over the retries only (1..max_attempts) whose body decides with a helper returning `Option<Duration>` (None: this outcome is final), and one last plain `send()` after the loop, so no attempt counter is compared and the last attempt can never be followed by a wait.
//!
//! Exercise 12: retry a GET, with backoff that grows.
//!
//! `get_with_retry` sends `GET url` through `client` until it gets an answer worth keeping,
//! waiting longer after each failure. `RetryPolicy` is this lesson's (in `lib.rs`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // All of the clock's nanoseconds since the epoch, folded into 64 bits: they change between
    // any two calls, and the low bits change fastest.
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    let mut jitter = Jitter::seeded((nanos as u64) ^ ((nanos >> 64) as u64), 0);

    // Retry number `retry` follows attempt number `retry`; the attempt numbered
    // `max_attempts` is the last one and is sent after the loop.
    for retry in 1..policy.max_attempts {
        let outcome = client.get(url).send().await;
        match wait_before_retry(&outcome, policy, retry, &mut jitter) {
            None => return outcome,
            Some(wait) => {
                // Let go of the failed answer (and its connection) before sleeping.
                drop(outcome);
                tokio::time::sleep(wait).await;
            }
        }
    }
    client.get(url).send().await
}

/// How long to wait before retry number `retry`, or `None` when `outcome` is final.
fn wait_before_retry(
    outcome: &Result<Response, reqwest::Error>,
    policy: &RetryPolicy,
    retry: u32,
    jitter: &mut Jitter,
) -> Option<Duration> {
    let asked = match outcome {
        Err(err) if is_worth_retrying_error(err) => None,
        Err(_) => return None,
        Ok(response) if !is_worth_retrying_status(response.status()) => return None,
        Ok(response) => match response.status() {
            StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                retry_after(response)
            }
            _ => None,
        },
    };
    Some(asked.unwrap_or_else(|| {
        let ceiling = policy.ceiling(retry);
        let half = ceiling / 2;
        // Equal jitter: the sure half, plus a random share of the rest (ceiling - half, so that
        // an odd number of nanoseconds is not lost).
        half + (ceiling - half).mul_f64(jitter.fraction())
    }))
}
