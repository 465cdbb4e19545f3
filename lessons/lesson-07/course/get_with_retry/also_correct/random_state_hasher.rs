//! Right: no `Jitter` and no clock: the random part comes from a `std` `RandomState` made per call (fresh random keys every time) hashing the retry number, the wait is built in whole nanoseconds in `[d/2, d]`, and the decision after each attempt is a small enum computed by a helper.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::Duration;

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

/// What to do after an attempt.
enum Next {
    /// Keep this outcome: it is final.
    Keep,
    /// Try again, after the server's wait if it named one.
    Retry(Option<Duration>),
}

fn judge(outcome: &Result<Response, reqwest::Error>) -> Next {
    match outcome {
        Ok(response) => {
            let status = response.status();
            if status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error() {
                let asked = if status == StatusCode::TOO_MANY_REQUESTS
                    || status == StatusCode::SERVICE_UNAVAILABLE
                {
                    response
                        .headers()
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|value| value.to_str().ok())
                        .and_then(|text| text.trim().parse::<u64>().ok())
                        .map(Duration::from_secs)
                } else {
                    None
                };
                Next::Retry(asked)
            } else {
                Next::Keep
            }
        }
        Err(err) if err.is_connect() || err.is_timeout() || err.is_request() => Next::Retry(None),
        Err(_) => Next::Keep,
    }
}

/// Equal jitter: half of `ceiling` for sure, plus a random share of the other half.
fn equal_jitter(ceiling: Duration, randomness: &RandomState, retry: u32) -> Duration {
    let mut hasher = randomness.build_hasher();
    hasher.write_u32(retry);
    let random = hasher.finish();
    let half = ceiling / 2;
    let rest = u64::try_from((ceiling - half).as_nanos()).unwrap_or(u64::MAX);
    let extra = match rest.checked_add(1) {
        Some(span) => random % span,
        None => random,
    };
    half + Duration::from_nanos(extra)
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // Each `RandomState::new()` gets keys no other one has, so two calls never draw alike.
    let randomness = RandomState::new();
    let mut retry: u32 = 0;
    loop {
        let outcome = client.get(url).send().await;
        let next = judge(&outcome);
        retry += 1;
        match next {
            Next::Retry(asked) if retry < policy.max_attempts => {
                let wait = asked
                    .unwrap_or_else(|| equal_jitter(policy.ceiling(retry), &randomness, retry));
                drop(outcome);
                tokio::time::sleep(wait).await;
            }
            _ => return outcome,
        }
    }
}
