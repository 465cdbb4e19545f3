//! Right: no loop and no `Jitter`: each attempt is a boxed async step (`Pin<Box<dyn Future + Send>>`) that sends, decides, sleeps with `tokio::time::sleep` and then awaits the step for the next attempt number; the random part comes from a SplitMix64 generator seeded with the clock's full nanosecond count and carried from step to step, and the wait is drawn in whole nanoseconds in `[d/2, d]` under `policy.ceiling(n)`.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

type Outcome = Result<Response, reqwest::Error>;

/// SplitMix64: advances `state` and returns the next random number.
fn next_random(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Half of `d` for sure, plus a random share (0 to all) of the other half.
fn equal_jitter(d: Duration, random: u64) -> Duration {
    let half = d / 2;
    let rest = u64::try_from((d - half).as_nanos()).unwrap_or(u64::MAX);
    half + Duration::from_nanos(random % rest.saturating_add(1))
}

/// `None` when the outcome is final; `Some(server's wait, if any)` when it is worth retrying.
fn retry_wanted(outcome: &Outcome) -> Option<Option<Duration>> {
    match outcome {
        Ok(response) => {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && !status.is_server_error() {
                return None;
            }
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return Some(None);
            }
            let asked = (|| {
                let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
                let seconds = value.to_str().ok()?.parse::<u64>().ok()?;
                Some(Duration::from_secs(seconds))
            })();
            Some(asked)
        }
        Err(err) if err.is_connect() || err.is_timeout() || err.is_request() => Some(None),
        Err(_) => None,
    }
}

/// Attempt number `attempt` and, when it is worth it and allowed, the ones after it.
fn attempt_from<'a>(
    client: &'a Client,
    url: &'a str,
    policy: &'a RetryPolicy,
    attempt: u32,
    mut random_state: u64,
) -> Pin<Box<dyn Future<Output = Outcome> + Send + 'a>> {
    Box::pin(async move {
        let outcome = client.get(url).send().await;
        let Some(asked) = retry_wanted(&outcome) else {
            return outcome;
        };
        if attempt >= policy.max_attempts {
            return outcome;
        }
        drop(outcome);
        let wait = match asked {
            Some(wait) => wait,
            None => equal_jitter(policy.ceiling(attempt), next_random(&mut random_state)),
        };
        tokio::time::sleep(wait).await;
        attempt_from(client, url, policy, attempt + 1, random_state).await
    })
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    // Fold all of the nanosecond count in; SplitMix64 spreads neighbouring seeds apart.
    let seed = (nanos as u64) ^ ((nanos >> 64) as u64);
    attempt_from(client, url, policy, 1, seed).await
}
