//! Correct, written another way: the decision is a separate function returning an enum (keep the outcome, or retry with the wait the server asked for, if any), the header is parsed inline, the seed is the whole clock reading in nanoseconds, and the equal-jitter wait is drawn as d × (0.5 + 0.5 × fraction)
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
//!   at once; so does a redirect loop (reqwest's "too many redirects", `err.is_redirect()`):
//!   it was answered, every time, and would be again;
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

use reqwest::{Client, Response, StatusCode, header::RETRY_AFTER};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error};

/// What to do with one attempt's outcome.
enum Next {
    /// An answer worth keeping, or an error that would come back the same: hand it back.
    Keep,
    /// Worth another try, after the server's `Retry-After` if it gave one we honour.
    Retry(Option<Duration>),
}

fn next_step(outcome: &Result<Response, reqwest::Error>) -> Next {
    match outcome {
        Ok(response) => {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && !status.is_server_error() {
                return Next::Keep;
            }
            let honours_header = status == StatusCode::TOO_MANY_REQUESTS
                || status == StatusCode::SERVICE_UNAVAILABLE;
            let asked = if honours_header {
                response
                    .headers()
                    .get(RETRY_AFTER)
                    .and_then(|value| value.to_str().ok())
                    .and_then(|text| text.trim().parse::<u64>().ok())
                    .map(Duration::from_secs)
            } else {
                None
            };
            Next::Retry(asked)
        }
        Err(err) if is_worth_retrying_error(err) => Next::Retry(None),
        Err(_) => Next::Keep,
    }
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // Truncating the u128 keeps the low 64 bits, nanoseconds included.
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos() as u64;
    let mut jitter = Jitter::seeded(seed, 0);
    let mut sent: u32 = 0;
    loop {
        let outcome = client.get(url).send().await;
        sent += 1;
        let asked = match next_step(&outcome) {
            Next::Keep => return outcome,
            Next::Retry(asked) => asked,
        };
        if sent >= policy.max_attempts {
            return outcome;
        }
        drop(outcome);
        // `sent` requests have failed: the next one is retry number `sent`.
        let wait = match asked {
            Some(wait) => wait,
            None => policy.ceiling(sent).mul_f64(0.5 + 0.5 * jitter.fraction()),
        };
        tokio::time::sleep(wait).await;
    }
}
