//! Wrong: breaks "seed the random part from something that changes from call to call (the clock's nanoseconds), not a constant"
//! One generator for the whole program, seeded once with a constant (the lesson's "a seed makes
//! a run repeatable"), kept in a `static` behind a mutex, the way Python code calls the
//! `random` module: every call, every retry, draws the next number from the same sequence.
//! Calls made in one process therefore do draw different waits (two dozen calls failing
//! together come back spread out), but nothing in the seed changes from call to call or from
//! run to run: every process replays the same waits, so two clients that fail together come
//! back together, and the state of the generator is kept from one call to the next.

use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::Duration;

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// The program's one source of jitter: seeded once, so that a run can be repeated.
static JITTER: LazyLock<Mutex<Jitter>> = LazyLock::new(|| Mutex::new(Jitter::seeded(53, 0)));

/// Equal jitter: half of `ceiling` for sure, the other half drawn from the shared generator.
fn equal_jitter(ceiling: Duration) -> Duration {
    // The guard is a temporary: the lock is released at the end of this statement.
    let fraction = JITTER
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .fraction();
    ceiling / 2 + (ceiling / 2).mul_f64(fraction)
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
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
        let wait = asked.unwrap_or_else(|| equal_jitter(policy.ceiling(attempt)));
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
