//! Wrong: breaks "Anything else is returned at once"
//! The statuses worth retrying are written the way the chapter's Python does it,
//! `resp.status == 429 or resp.status >= 500`, as `status == 429 || status.as_u16() >= 500`.
//! Every 5xx is retried and every 1xx-4xx returned, so the usual scripted statuses all behave;
//! but a status above 599 (hyper accepts any three digits from 100 to 999, and some servers
//! and proxies do send 6xx-9xx codes) is not a 5xx, not a 429, and not "no answer", yet it is
//! retried and waited for instead of returned at once.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, retry_after};

/// A 429, or the server's own trouble.
fn worth_retrying_status(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.as_u16() >= 500
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
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => worth_retrying_status(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                retry_after(response)
            }
            _ => None,
        };
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
