//! Correct: the generator is created lazily at the first failure (seeded with that moment's nanoseconds, via `Option::get_or_insert_with`), the decision is one nested match yielding `Option<Option<Duration>>` (final / retry with or without the server's wait), and the wait is a `sleep_until(failed_at + wait)` on tokio's Instant taken right after the attempt, instead of a plain `sleep`.
//!
//! Exercise 12: retry a GET, with backoff that grows.
//!
//! `get_with_retry` sends `GET url` through `client` until it gets an answer worth keeping,
//! waiting longer after each failure. `RetryPolicy` is this lesson's (in `lib.rs`).
//!
//! The contract, which `cargo test -p lesson-07` checks:
//! - at most `policy.max_attempts` requests in all, the first one included (`max_attempts` is at
//!   least 1). Each call counts its own attempts: nothing is kept from one call to another,
//!   not even a server's `Retry-After` (it is the wait before that call's next retry, not a
//!   cool-down for later calls: every call sends its first request at once);
//! - retry only what may be different next time: a 429, any 5xx (500, 502, 503, 504, …), or no
//!   answer at all (a refused or dropped connection, a timeout). Anything else is returned at
//!   once: a 200 whatever its body (the caller decodes it), a 3xx that reqwest hands back
//!   instead of following (a 304, a 300), and a 404 or any other 4xx too (a `408 Request
//!   Timeout` and a `425 Too Early` included: they are answers, not "no answer"). A request
//!   that cannot be built (a malformed `url`) fails the same way every time: return its error
//!   at once;
//! - before retry number n (1 for the first retry), wait a random time between d/2 and d, where
//!   d = min(policy.max_delay, policy.base_delay × 2^(n-1)) ("equal jitter"; `policy.ceiling(n)`
//!   computes d), counted from the failure (the answer, or the error), not from when the failed
//!   request was sent. With a 50ms base that is 25-50ms, then 50-100ms, then 100-200ms, and so
//!   on; at the cap too: cap first, then draw, so that waits at the cap are spread over
//!   max_delay/2 to max_delay, not all max_delay. Random means different from call to call
//!   too: calls that fail together must not come back together, so seed the random part from
//!   something that changes from call to call (the clock's nanoseconds), not a constant, nor
//!   the clock's seconds, which calls made in the same second share;
//! - but when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead, even past
//!   `max_delay`, and not a moment longer (`Retry-After: 0`: retry at once). A value that is
//!   not a whole number of seconds (`1.5`, `-1`, an HTTP date) counts as no header. On any
//!   other answer (a 500, a 502, …) `Retry-After` is ignored: back off as usual;
//! - wait with `tokio::time::sleep`, never a call that blocks the thread, and send every attempt,
//!   a GET of `url` as it is, through `client`;
//! - return the last attempt's result as it is, at once (there is no wait after the last
//!   attempt): `Ok(response)` for any answer (even the last 503 once the attempts are spent),
//!   `Err(error)` when the last attempt got no answer.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};
use tokio::time::Instant;

use crate::{Jitter, RetryPolicy};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // No generator until a first failure needs one: a call that succeeds at once draws nothing.
    let mut jitter: Option<Jitter> = None;
    let mut sent: u32 = 0;
    loop {
        let outcome = client.get(url).send().await;
        // The moment of the failure, before anything else: the wait is counted from here.
        let failed_at = Instant::now();
        sent += 1;
        let server_wait = match &outcome {
            Ok(response) => match response.status() {
                StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE => {
                    Some(retry_after_seconds(response))
                }
                status if status.is_server_error() => Some(None),
                _ => None,
            },
            Err(err) if err.is_connect() || err.is_timeout() || err.is_request() => Some(None),
            Err(_) => None,
        };
        // `None`: final. `Some(asked)`: worth another try, with the server's wait if it gave one.
        let Some(asked) = server_wait else {
            return outcome;
        };
        if sent >= policy.max_attempts {
            return outcome;
        }
        let wait = asked.unwrap_or_else(|| {
            let jitter = jitter.get_or_insert_with(|| Jitter::seeded(clock_nanos(), 0));
            let half = policy.ceiling(sent) / 2;
            half + half.mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep_until(failed_at + wait).await;
    }
}

/// `Retry-After` as whole seconds; anything else (a date, `1.5`, `-1`) is no advice.
fn retry_after_seconds(response: &Response) -> Option<Duration> {
    let text = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?;
    text.trim().parse::<u64>().ok().map(Duration::from_secs)
}

/// This moment's nanoseconds, different for calls made a few microseconds apart.
fn clock_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::from(since.subsec_nanos()))
}
