//! Right: a `loop` that knows before each send whether it is the last attempt, with a `match` that takes the outcome by value (returning `Ok(response)` or `Err(err)` from inside the arms, the failed response dropped at the end of its arm before the wait), classifies the status by number (`429`, `500..=599`), reads `Retry-After` digit by digit with overflow checks (anything but ASCII digits counts as no header), and draws the wait as `d/2 + (d − d/2)·fraction` from the lesson's `Jitter` seeded with the clock's nanoseconds.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response};
use tokio::time::sleep;

use crate::{Jitter, RetryPolicy};

/// `Retry-After` as a whole number of seconds; a date, a fraction or a sign is no header.
fn whole_seconds(response: &Response) -> Option<Duration> {
    let text = std::str::from_utf8(response.headers().get(RETRY_AFTER)?.as_bytes())
        .ok()?
        .trim();
    if text.is_empty() || !text.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let mut seconds: u64 = 0;
    for byte in text.bytes() {
        seconds = seconds
            .checked_mul(10)?
            .checked_add(u64::from(byte - b'0'))?;
    }
    Some(Duration::from_secs(seconds))
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.subsec_nanos());
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);

    let attempts = policy.max_attempts.max(1);
    let mut attempt = 1;
    loop {
        let last = attempt >= attempts;
        let asked = match client.get(url).send().await {
            Ok(response) => {
                let code = response.status().as_u16();
                let worth_retrying = code == 429 || (500..=599).contains(&code);
                if !worth_retrying || last {
                    return Ok(response);
                }
                if code == 429 || code == 503 {
                    whole_seconds(&response)
                } else {
                    None
                }
            }
            Err(err) => {
                let no_answer = err.is_connect() || err.is_timeout() || err.is_request();
                if !no_answer || last {
                    return Err(err);
                }
                None
            }
        };
        let wait = match asked {
            Some(wait) => wait,
            None => {
                let d = policy.ceiling(attempt);
                let half = d / 2;
                half + (d - half).mul_f64(jitter.fraction())
            }
        };
        sleep(wait).await;
        attempt += 1;
    }
}
