//! Also correct: a `for` loop over the attempts that may be retried, then the last attempt on
//! its own; the random part from std's `RandomState` (a fresh random key for every call).

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::time::Duration;

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

fn worth_retrying(outcome: &Result<Response, reqwest::Error>) -> bool {
    match outcome {
        Ok(response) => {
            response.status() == StatusCode::TOO_MANY_REQUESTS
                || response.status().is_server_error()
        }
        Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
    }
}

fn asked_by_server(outcome: &Result<Response, reqwest::Error>) -> Option<Duration> {
    let response = outcome.as_ref().ok()?;
    if response.status() != StatusCode::TOO_MANY_REQUESTS
        && response.status() != StatusCode::SERVICE_UNAVAILABLE
    {
        return None;
    }
    let value = response.headers().get("retry-after")?.to_str().ok()?;
    let seconds: u64 = value.trim().parse().ok()?;
    Some(Duration::from_secs(seconds))
}

pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let random = RandomState::new();
    for attempt in 1..policy.max_attempts {
        let outcome = client.get(url).send().await;
        if !worth_retrying(&outcome) {
            return outcome;
        }
        let wait = asked_by_server(&outcome).unwrap_or_else(|| {
            let ceiling = policy.ceiling(attempt);
            let fraction = (random.hash_one(attempt) >> 11) as f64 / (1u64 << 53) as f64;
            ceiling / 2 + (ceiling / 2).mul_f64(fraction)
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
    // The last attempt: whatever it gives is the answer.
    client.get(url).send().await
}
