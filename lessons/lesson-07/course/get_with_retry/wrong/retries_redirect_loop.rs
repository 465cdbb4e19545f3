//! Wrong: breaks "so does a redirect loop (reqwest's too many redirects, `err.is_redirect()`): return its error at once": it retries every error except a builder error (a malformed URL), so a redirect loop is followed ten redirects deep on every attempt and retried with backoff until the attempts are spent.
//!
//! Exercise 12: retry a GET, with backoff that grows. (A learner's habit from Python:
//! `except aiohttp.ClientError: retry`, carving out only "my own bug", the bad URL.)

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| u64::from(since.subsec_nanos()));
    let mut jitter = Jitter::seeded(seed, 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
            // Any trouble on the way is worth another go, unless the request itself could
            // not be built: that one would fail the same way every time.
            Err(err) => !err.is_builder(),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
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
        let wait: Duration = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
