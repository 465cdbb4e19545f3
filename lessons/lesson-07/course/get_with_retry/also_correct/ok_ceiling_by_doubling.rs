//! Correct, written another way: no `policy.ceiling`: the ceiling is a running `Duration` that starts at min(base, max) and becomes min(2 × itself, max) after each retry (saturating), the wait is `ceiling.mul_f64(0.5 + 0.5 × fraction)`, the Retry-After header is read by hand, and the loop is a `while` over the attempts with the last attempt sent after it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// Whether this outcome may be different next time.
fn worth_another_try(outcome: &Result<Response, reqwest::Error>) -> bool {
    match outcome {
        Ok(response) => {
            let status = response.status();
            status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
        }
        // No answer: refused, dropped, timed out. Not a builder or redirect error.
        Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
    }
}

/// `Retry-After: <whole seconds>` on a 429 or a 503; anything else is no advice.
fn server_asks(outcome: &Result<Response, reqwest::Error>) -> Option<Duration> {
    let response = outcome.as_ref().ok()?;
    if !matches!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        return None;
    }
    let text = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    text.trim().parse::<u64>().ok().map(Duration::from_secs)
}

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
    let mut jitter = Jitter::seeded(nanos, u64::from(std::process::id()));

    // The ceiling before the next retry, capped before anything is drawn from it.
    let mut ceiling = policy.base_delay.min(policy.max_delay);
    let mut sent = 1;
    while sent < policy.max_attempts {
        let outcome = client.get(url).send().await;
        if !worth_another_try(&outcome) {
            return outcome;
        }
        let wait = match server_asks(&outcome) {
            Some(asked) => asked,
            None => ceiling.mul_f64(0.5 + 0.5 * jitter.fraction()),
        };
        // Let go of the failed answer (and its connection) before sleeping.
        drop(outcome);
        tokio::time::sleep(wait).await;
        ceiling = ceiling.saturating_mul(2).min(policy.max_delay);
        sent += 1;
    }
    // The last attempt: whatever it brings goes back as it is, with no wait after it.
    client.get(url).send().await
}
