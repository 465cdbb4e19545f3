//! Wrong: breaks "retry … any 5xx (500, 502, 503, 504, …)": only the four statuses the chapter's table names are retried, so a 501, 505, 507 or 599 is returned at once after a single attempt.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// The statuses that mean "try again later".
const RETRYABLE: [StatusCode; 5] = [
    StatusCode::TOO_MANY_REQUESTS,
    StatusCode::INTERNAL_SERVER_ERROR,
    StatusCode::BAD_GATEWAY,
    StatusCode::SERVICE_UNAVAILABLE,
    StatusCode::GATEWAY_TIMEOUT,
];

fn retry_after_secs(response: &Response) -> Option<Duration> {
    let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
    let seconds = value.to_str().ok()?.parse::<u64>().ok()?;
    Some(Duration::from_secs(seconds))
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|elapsed| elapsed.as_nanos() as u64)
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(seed, 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let (retryable, asked) = match &outcome {
            Ok(response) => {
                let status = response.status();
                let asked = if status == StatusCode::TOO_MANY_REQUESTS
                    || status == StatusCode::SERVICE_UNAVAILABLE
                {
                    retry_after_secs(response)
                } else {
                    None
                };
                (RETRYABLE.contains(&status), asked)
            }
            Err(err) => (
                err.is_connect() || err.is_timeout() || err.is_request(),
                None,
            ),
        };
        if !retryable || attempt >= policy.max_attempts {
            return outcome;
        }
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
