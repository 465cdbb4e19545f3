//! Wrong: breaks "d = min(policy.max_delay, policy.base_delay × 2^(n-1)) ... at the cap too": it computes the ceiling itself with `2u32.pow(n - 1)` and a saturating multiply, but the power overflows first at retry 33 (a panic in a debug build, 0 and so no wait at all in a release build), where `policy.ceiling` clamps the shift
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

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);
    let mut attempt: u32 = 1;
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
        let wait = asked.unwrap_or_else(|| {
            // base × 2^(n-1), saturating so that a long run cannot overflow, then capped.
            let factor = 2u32.pow(attempt - 1);
            let d = policy
                .base_delay
                .saturating_mul(factor)
                .min(policy.max_delay);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
