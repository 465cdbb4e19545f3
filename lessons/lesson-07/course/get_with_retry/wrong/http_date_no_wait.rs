//! Wrong: breaks "a value that is not a whole number of seconds (an HTTP date) counts as no header": when a 429 or 503 carries `Retry-After` that does not parse, it takes the value as 0 seconds (`parse().unwrap_or(0)`, "the date is probably already past"), so it retries at once instead of waiting the 25-50ms (then 50-100ms …) backoff; a numeric `Retry-After` and a missing header are handled right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

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
        let mut server_wait: Option<Duration> = None;
        let retry = match &outcome {
            Ok(response) => {
                let status = response.status();
                if status == StatusCode::TOO_MANY_REQUESTS
                    || status == StatusCode::SERVICE_UNAVAILABLE
                {
                    if let Some(value) = response.headers().get(reqwest::header::RETRY_AFTER) {
                        let seconds = value
                            .to_str()
                            .ok()
                            .and_then(|text| text.trim().parse::<u64>().ok())
                            .unwrap_or(0);
                        server_wait = Some(Duration::from_secs(seconds));
                    }
                }
                status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !retry || attempt >= policy.max_attempts {
            return outcome;
        }
        let wait = server_wait.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
