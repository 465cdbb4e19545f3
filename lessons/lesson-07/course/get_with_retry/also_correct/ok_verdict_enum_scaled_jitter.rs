//! Correct, written another way: each outcome gets a verdict (keep it, or retry after the server's wait or our own), and the equal-jitter wait is the capped ceiling scaled by a factor drawn from [0.5, 1) (`d.mul_f64(0.5 + f / 2)`), with the seed from the clock's nanoseconds mixed with the process id and its own `Retry-After` parser.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// What to do with one attempt's outcome.
enum Verdict {
    /// Final: hand it back as it is.
    Keep,
    /// Worth another try, after the server's wait if it gave one, else our backoff.
    Retry(Option<Duration>),
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::from(since.subsec_nanos()));
    let mut jitter = Jitter::seeded(nanos, u64::from(std::process::id()));

    let mut sent = 0;
    loop {
        let outcome = client.get(url).send().await;
        sent += 1;
        let verdict = match &outcome {
            Ok(response) => match response.status() {
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                    Verdict::Retry(seconds_asked(response))
                }
                status if status.is_server_error() => Verdict::Retry(None),
                _ => Verdict::Keep,
            },
            // No answer at all: refused, dropped, timed out. Not a malformed URL (a builder
            // error) nor a redirect loop (a redirect error).
            Err(err) if err.is_connect() || err.is_timeout() || err.is_request() => {
                Verdict::Retry(None)
            }
            Err(_) => Verdict::Keep,
        };
        let asked = match verdict {
            Verdict::Retry(asked) if sent < policy.max_attempts => asked,
            _ => return outcome,
        };
        // `sent` is also the number of the retry about to happen.
        let wait = asked.unwrap_or_else(|| {
            let ceiling = policy.ceiling(sent);
            ceiling.mul_f64(0.5 + jitter.fraction() / 2.0)
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
}

/// `Retry-After: <whole seconds>`; anything else (a fraction, a sign, a date) is no header.
fn seconds_asked(response: &Response) -> Option<Duration> {
    let value = response.headers().get(RETRY_AFTER)?.to_str().ok()?.trim();
    if value.is_empty() || !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    value.parse().ok().map(Duration::from_secs)
}
