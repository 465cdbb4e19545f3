//! Wrong: breaks "retry only … a 429, any 5xx, or no answer at all (… a timeout). Anything else is returned at once: … any other 4xx": it reads "a timeout" as including the server's `408 Request Timeout` (and `425 Too Early`, "try again later"), so those 4xx answers are retried up to `max_attempts` times instead of returned after one request.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

fn status_is_transient(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::REQUEST_TIMEOUT
        || status.as_u16() == 425
        || status.is_server_error()
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mut jitter = crate::Jitter::seeded(seed, 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let retry = match &outcome {
            Ok(response) => status_is_transient(response.status()),
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
