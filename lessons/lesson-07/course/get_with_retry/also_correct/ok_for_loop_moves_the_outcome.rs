//! Correct, written another way: the first attempt goes out before a `for` loop over the retry numbers, the decision is an enum computed from a borrow, the failed outcome is moved out and the variable re-filled after the sleep, and the seed is the clock's nanoseconds run through std's randomly keyed `RandomState` hasher.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, retry_after};

/// What to do with an attempt's outcome.
enum Next {
    /// Final: hand it back as it is.
    Keep,
    /// Worth another try, after the server's wait if it asked for one.
    Retry(Option<Duration>),
}

/// The clock's nanoseconds, mixed with the keys std draws at random for each `RandomState`, so
/// that two calls in the same nanosecond still get different seeds.
fn fresh_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::from(since.subsec_nanos()));
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(nanos);
    hasher.finish()
}

fn next_step(outcome: &Result<Response, reqwest::Error>) -> Next {
    match outcome {
        Ok(response) => {
            let status = response.status();
            if status == StatusCode::TOO_MANY_REQUESTS || status == StatusCode::SERVICE_UNAVAILABLE
            {
                Next::Retry(retry_after(response))
            } else if status.is_server_error() {
                // A 500, 502, 504, …: its Retry-After, if any, means nothing to us.
                Next::Retry(None)
            } else {
                Next::Keep
            }
        }
        // No answer at all: refused, dropped, too slow.
        Err(err) if err.is_connect() || err.is_timeout() || err.is_request() => Next::Retry(None),
        // Cannot be built, or a redirect loop: the same every time.
        Err(_) => Next::Keep,
    }
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut jitter = Jitter::seeded(fresh_seed(), 0);
    let mut outcome = client.get(url).send().await;
    // Retry number `retry` comes before attempt `retry + 1`: with `max_attempts` attempts there
    // are `max_attempts - 1` retries, and the last attempt's outcome leaves the loop untouched.
    for retry in 1..policy.max_attempts {
        let server_wait = match next_step(&outcome) {
            Next::Keep => return outcome,
            Next::Retry(server_wait) => server_wait,
        };
        let wait = server_wait.unwrap_or_else(|| {
            let half = policy.ceiling(retry) / 2;
            half + half.mul_f64(jitter.fraction())
        });
        // The failed answer goes now, not after the sleep.
        drop(outcome);
        tokio::time::sleep(wait).await;
        outcome = client.get(url).send().await;
    }
    outcome
}
