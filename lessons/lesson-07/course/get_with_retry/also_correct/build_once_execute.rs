//! Right: builds the GET once (`client.get(url).build()`, an unbuildable request returned at once as its `Err`) and sends a `try_clone()` of it through `client.execute` on every attempt, classifies the status with a `match` on its number (`429 | 500..=599`), draws the equal-jitter wait as d/2 plus half of the lesson's full-jitter `policy.backoff(n, …)`, and waits with `tokio::time::sleep_until` a deadline computed from `tokio::time::Instant::now()`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response};
use tokio::time::Instant;

use crate::{Jitter, RetryPolicy};

/// What to do after an attempt.
enum Next {
    /// Keep this outcome: it is final, or the attempts are spent.
    Return,
    /// Try again after this long.
    RetryAfter(Duration),
}

/// `Retry-After: <whole seconds>`, read only on a 429 or a 503; anything else is no header.
fn asked_by_server(response: &Response) -> Option<Duration> {
    match response.status().as_u16() {
        429 | 503 => {
            let value = response.headers().get("Retry-After")?;
            let seconds = value.to_str().ok()?.trim().parse::<u64>().ok()?;
            Some(Duration::from_secs(seconds))
        }
        _ => None,
    }
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // A url that does not parse would fail the same way every time: no attempt to repeat.
    let request = client.get(url).build()?;
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::from(since.subsec_nanos()));
    let mut jitter = Jitter::seeded(seed, 0);

    let mut attempt: u32 = 1;
    loop {
        // A GET has no body, so its copy always exists.
        let copy = request
            .try_clone()
            .expect("a GET without a body can always be cloned");
        let outcome = client.execute(copy).await;

        let next = match &outcome {
            _ if attempt >= policy.max_attempts => Next::Return,
            Ok(response) => match response.status().as_u16() {
                429 | 500..=599 => {
                    Next::RetryAfter(asked_by_server(response).unwrap_or_else(|| {
                        policy.ceiling(attempt) / 2 + policy.backoff(attempt, &mut jitter) / 2
                    }))
                }
                _ => Next::Return,
            },
            Err(err) if err.is_connect() || err.is_timeout() || err.is_request() => {
                let d = policy.ceiling(attempt);
                Next::RetryAfter(d / 2 + policy.backoff(attempt, &mut jitter) / 2)
            }
            Err(_) => Next::Return,
        };

        match next {
            Next::Return => return outcome,
            Next::RetryAfter(wait) => {
                drop(outcome);
                tokio::time::sleep_until(Instant::now() + wait).await;
                attempt += 1;
            }
        }
    }
}
