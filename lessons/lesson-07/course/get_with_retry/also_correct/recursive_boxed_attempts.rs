//! Correct, written another way: each attempt is a recursive boxed future (`attempt(n)` sends,
//! then returns its outcome or sleeps and awaits `attempt(n + 1)`), the statuses matched by
//! number (`429 | 503`, `500..=599`), and the equal jitter drawn downward from the ceiling,
//! `d - (d/2) × fraction`, which also lies between d/2 and d.

use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, retry_after};

/// One attempt and, if it must be retried, all those after it.
type Attempts<'a> = Pin<Box<dyn Future<Output = Result<Response, reqwest::Error>> + Send + 'a>>;

/// Equal jitter: the ceiling, less a random part of at most its half.
fn equal_jitter(ceiling: Duration, jitter: &mut Jitter) -> Duration {
    ceiling - (ceiling / 2).mul_f64(jitter.fraction())
}

/// Sends attempt number `number` (1 for the first); returns its outcome if it is final or the
/// last one allowed, otherwise waits and hands over to the next attempt.
fn attempt<'a>(
    client: &'a Client,
    url: &'a str,
    policy: &'a RetryPolicy,
    jitter: &'a mut Jitter,
    number: u32,
) -> Attempts<'a> {
    Box::pin(async move {
        let outcome = client.get(url).send().await;
        if number >= policy.max_attempts {
            return outcome;
        }
        // Before retry number `number`: the server's own wait on a 429 or 503, else backoff.
        let wait = match &outcome {
            Ok(response) => match response.status().as_u16() {
                429 | 503 => Some(
                    retry_after(response)
                        .unwrap_or_else(|| equal_jitter(policy.ceiling(number), &mut *jitter)),
                ),
                500..=599 => Some(equal_jitter(policy.ceiling(number), &mut *jitter)),
                _ => None,
            },
            Err(err) if is_worth_retrying_error(err) => {
                Some(equal_jitter(policy.ceiling(number), &mut *jitter))
            }
            Err(_) => None,
        };
        let Some(wait) = wait else {
            return outcome;
        };
        // Let go of the failed answer (and its connection) before the wait, counted from now.
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt(client, url, policy, jitter, number + 1).await
    })
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // This call's own generator, seeded from this moment's nanoseconds.
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);
    attempt(client, url, policy, &mut jitter, 1).await
}
