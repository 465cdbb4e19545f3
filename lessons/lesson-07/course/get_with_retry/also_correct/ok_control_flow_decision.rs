//! Correct, written another way: the decision after each attempt is a separate function returning `std::ops::ControlFlow` (`Break(outcome)` to hand back, `Continue(wait)` to sleep and go again), which takes the outcome by value so a failed answer is dropped before the wait; the equal-jitter draw is written as `ceiling × (1 - fraction/2)`, and the seed mixes the clock's nanoseconds with the process id.

use std::ops::ControlFlow;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

type Outcome = Result<Response, reqwest::Error>;

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let mut jitter = Jitter::seeded(u64::from(nanos), u64::from(std::process::id()));

    let mut sent = 0;
    loop {
        let outcome = client.get(url).send().await;
        sent += 1;
        match decide(outcome, sent, policy, &mut jitter) {
            ControlFlow::Break(outcome) => return outcome,
            ControlFlow::Continue(wait) => tokio::time::sleep(wait).await,
        }
    }
}

/// After attempt number `sent`: stop with the outcome, or the wait before retry number `sent`.
fn decide(
    outcome: Outcome,
    sent: u32,
    policy: &RetryPolicy,
    jitter: &mut Jitter,
) -> ControlFlow<Outcome, Duration> {
    let worth_retrying = match &outcome {
        Ok(response) => is_worth_retrying_status(response.status()),
        Err(err) => is_worth_retrying_error(err),
    };
    if !worth_retrying || sent >= policy.max_attempts {
        return ControlFlow::Break(outcome);
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
    // `fraction` is in [0, 1), so the factor is in (1/2, 1]: from half the ceiling to all of it.
    let wait = asked.unwrap_or_else(|| policy.ceiling(sent).mul_f64(1.0 - jitter.fraction() / 2.0));
    // `outcome` is dropped here, before the caller sleeps.
    ControlFlow::Continue(wait)
}
