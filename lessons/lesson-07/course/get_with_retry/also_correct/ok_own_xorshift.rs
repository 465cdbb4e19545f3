//! Correct, written another way: no `Jitter` and no lib helpers: its own xorshift64* generator seeded from the clock's nanoseconds, its own status/error/Retry-After tests, and equal jitter written as `d.mul_f64(0.5 + 0.5 * r)`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

/// xorshift64*: plenty for spreading waits, and a few lines instead of a dependency.
struct Xorshift(u64);

impl Xorshift {
    /// Seeded from this moment's nanoseconds, spread over 64 bits (and never zero, which
    /// xorshift would stay stuck at).
    fn from_clock() -> Xorshift {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|since| since.subsec_nanos())
            .unwrap_or(0);
        Xorshift(u64::from(nanos).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A number in `0.0..1.0`.
    fn next_unit(&mut self) -> f64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `Retry-After: <whole seconds>` on a 429 or a 503; anything else is no advice.
fn server_wait(response: &Response) -> Option<Duration> {
    let status = response.status();
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let text = response.headers().get(RETRY_AFTER)?.to_str().ok()?.trim();
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    text.parse::<u64>().ok().map(Duration::from_secs)
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut random = Xorshift::from_clock();
    let mut sent = 0u32;
    loop {
        let outcome = client.get(url).send().await;
        sent += 1;

        let retryable = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            // No answer at all (refused, dropped, timed out). Not a builder or redirect error.
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !retryable || sent >= policy.max_attempts {
            return outcome;
        }

        // `sent` is also the number of the retry about to happen.
        let wait = match outcome.as_ref().ok().and_then(server_wait) {
            Some(asked) => asked,
            None => policy.ceiling(sent).mul_f64(0.5 + 0.5 * random.next_unit()),
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
    }
}
