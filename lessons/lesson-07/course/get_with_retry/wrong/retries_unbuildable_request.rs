//! Wrong: breaks "retry only what may be different next time: … or no answer at all (a refused or dropped connection, a timeout)" (and the chapter's "a request that cannot be built (bad URL): no"): like a Python `except Exception`, it retries every `Err` from `send()`, so a request that can never be built, a malformed url (`"localhost:3000/posts/1"`, `"http://exa mple.com"`) or a scheme reqwest does not speak (`"ftp://…"`), an `is_builder()` error, is tried `max_attempts` times with the full backoff in between (a 2s base with 4 attempts spends seconds) before the same error comes back, instead of at once; every answer and every real network failure is handled right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

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

    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            // An error means no answer came back: refused, dropped, timed out. Try again.
            Err(_) => true,
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }

        let asked = outcome.as_ref().ok().and_then(|response| {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return None;
            }
            let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
            seconds.trim().parse().ok().map(Duration::from_secs)
        });
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
