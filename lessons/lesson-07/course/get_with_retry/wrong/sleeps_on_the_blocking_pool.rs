//! Wrong: breaks "wait with `tokio::time::sleep`, never a call that blocks the thread": it waits with `std::thread::sleep` moved onto tokio's blocking pool (`spawn_blocking`), so the runtime's own thread stays free but every wait ties up a pool thread for its whole length (hundreds of calls backing off at once queue behind the pool's limit and wait far longer than drawn), the wait cannot be cancelled (dropping the call leaves the thread asleep), and tokio's paused test clock cannot move it. Which failures are retried, the attempt count, Retry-After on a 429 or 503, equal jitter seeded from the clock's nanoseconds, and the last outcome returned at once are all right.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // A fresh seed per call, from this moment's nanoseconds.
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or_default();
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);

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

        // Retry-After means something on a 429 or a 503 only.
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after);
        let wait = asked.unwrap_or_else(|| {
            // Equal jitter: half the ceiling for sure, the other half at random.
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);

        // Sleeping is blocking work, and blocking work belongs on the blocking pool, not on
        // the runtime's thread where it would stall every other task.
        let _ = tokio::task::spawn_blocking(move || std::thread::sleep(wait)).await;
        attempt += 1;
    }
}
