//! Also correct: one source of jitter for the whole program, seeded once from the clock and
//! shared by every call (the attempts are still each call's own); the ceiling computed by hand.

use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response};

use crate::{Jitter, RetryPolicy};

static JITTER: LazyLock<Mutex<Jitter>> = LazyLock::new(|| {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    Mutex::new(Jitter::seeded(u64::from(nanos), 0))
});

fn equal_jitter(policy: &RetryPolicy, retry: u32) -> Duration {
    let doubled = 2u32.checked_pow(retry - 1).unwrap_or(u32::MAX);
    let ceiling = policy
        .base_delay
        .checked_mul(doubled)
        .unwrap_or(policy.max_delay)
        .min(policy.max_delay);
    let fraction = JITTER
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .fraction();
    ceiling.mul_f64(0.5 + fraction / 2.0)
}

pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut sent = 0;
    loop {
        let outcome = client.get(url).send().await;
        sent += 1;
        let (again, server_wait) = match &outcome {
            Ok(response) if response.status().as_u16() == 429 => {
                (true, response.headers().get("Retry-After"))
            }
            Ok(response) if response.status().as_u16() == 503 => {
                (true, response.headers().get("Retry-After"))
            }
            // Any other 5xx: `Retry-After` there is not ours to honour.
            Ok(response) if response.status().is_server_error() => (true, None),
            Ok(_) => (false, None),
            Err(err) => (
                err.is_connect() || err.is_timeout() || err.is_request(),
                None,
            ),
        };
        if !again || sent == policy.max_attempts {
            return outcome;
        }
        let wait = server_wait
            .and_then(|value| value.to_str().ok()?.trim().parse().ok())
            .map_or_else(|| equal_jitter(policy, sent), Duration::from_secs);
        tokio::time::sleep(wait).await;
    }
}
