//! Wrong: breaks "random means different from call to call too … seed the random part from something that changes from call to call": following the lesson's `Jitter::seeded(seed, id)` pattern, it seeds from a hash of the URL (a fixed-key FNV hash), so the waits are in range and vary between URLs, but every call for the same URL draws exactly the same waits, and calls that fail together come back together.

use std::time::Duration;

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

/// A stable 64-bit FNV-1a hash: the same URL always gets the same jitter stream.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // One stream per URL, as `fetch_all` gives one per post id.
    let mut jitter = crate::Jitter::seeded(fnv1a(url), 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let retry = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !retry || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked: Option<Duration> = outcome.as_ref().ok().and_then(|response| {
            let status = response.status();
            if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE
            {
                return None;
            }
            let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
            let seconds = value.to_str().ok()?.trim().parse::<u64>().ok()?;
            Some(Duration::from_secs(seconds))
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
