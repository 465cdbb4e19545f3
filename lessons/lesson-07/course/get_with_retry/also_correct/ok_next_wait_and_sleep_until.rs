//! Correct, written another way: the decision lives in a helper that returns the next wait as an `Option` (`None`: this outcome is final), the seed is all of the clock's nanoseconds since the epoch (not only `subsec_nanos`), the equal-jitter wait is drawn from the top down (d minus up to d/2), and the sleep is `sleep_until` a deadline taken the moment the failure came back.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};
use tokio::time::{Instant, sleep_until};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos() as u64);
    let mut jitter = Jitter::seeded(seed, 0);
    let mut sent: u32 = 0;
    loop {
        let outcome = client.get(url).send().await;
        let failed_at = Instant::now();
        sent += 1;
        match next_wait(&outcome, sent, policy, &mut jitter) {
            None => return outcome,
            Some(wait) => {
                drop(outcome);
                sleep_until(failed_at + wait).await;
            }
        }
    }
}

/// How long to wait before the next attempt, or `None` when `outcome` is the one to return:
/// final by nature, or the last attempt allowed. `sent` is how many requests went out so far,
/// which is also the number of the retry that would come next.
fn next_wait(
    outcome: &Result<Response, reqwest::Error>,
    sent: u32,
    policy: &RetryPolicy,
    jitter: &mut Jitter,
) -> Option<Duration> {
    let server_asked = match outcome {
        Ok(response) if !is_worth_retrying_status(response.status()) => return None,
        Err(err) if !is_worth_retrying_error(err) => return None,
        Ok(response)
            if response.status() == StatusCode::TOO_MANY_REQUESTS
                || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
        {
            retry_after(response)
        }
        _ => None,
    };
    if sent >= policy.max_attempts {
        return None;
    }
    Some(server_asked.unwrap_or_else(|| {
        let ceiling = policy.ceiling(sent);
        ceiling - (ceiling / 2).mul_f64(jitter.fraction())
    }))
}
