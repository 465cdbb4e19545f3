//! Wrong: breaks "return the last attempt's result as it is": it remembers the latest connection error and the latest retryable response separately and, once the attempts are spent, returns the error if there was one, so a dropped connection followed by a final 503 gives `Err(connection error)` instead of `Ok(503)`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// The server's `Retry-After: <seconds>` on a 429 or a 503; a date counts as none.
fn asked_wait(response: &Response) -> Option<Duration> {
    if !matches!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        return None;
    }
    let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
    value
        .to_str()
        .ok()?
        .parse::<u64>()
        .ok()
        .map(Duration::from_secs)
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

    let mut last_error: Option<reqwest::Error> = None;
    let mut last_response: Option<Response> = None;

    for attempt in 1..=policy.max_attempts {
        let mut asked = None;
        match client.get(url).send().await {
            Ok(response) => {
                let status = response.status();
                if status != StatusCode::TOO_MANY_REQUESTS && !status.is_server_error() {
                    return Ok(response);
                }
                asked = asked_wait(&response);
                last_response = Some(response);
            }
            Err(err) => {
                if !(err.is_connect() || err.is_timeout() || err.is_request()) {
                    return Err(err);
                }
                last_error = Some(err);
            }
        }
        if attempt == policy.max_attempts {
            break;
        }
        let wait = asked.unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });
        tokio::time::sleep(wait).await;
    }

    // The attempts are spent: report what went wrong.
    match (last_error, last_response) {
        (Some(err), _) => Err(err),
        (None, Some(response)) => Ok(response),
        // `max_attempts` is at least 1, so one of the two is always set; send once more to
        // have something to return all the same.
        (None, None) => client.get(url).send().await,
    }
}
