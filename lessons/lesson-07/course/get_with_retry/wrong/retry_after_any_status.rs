//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead" (otherwise the jittered backoff): like the chapter's Python sketch, it honours `Retry-After` on every retried answer, so a 500, 502 or 504 that carries `Retry-After: 1` waits a whole second instead of 25-50ms.

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
        .map(|d| d.subsec_nanos() as u64)
        .unwrap_or(0);
    let mut jitter = crate::Jitter::seeded(seed, 0);
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
        // The server knows best when it can take us again.
        let asked = outcome.as_ref().ok().and_then(|response| {
            let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
            let seconds: u64 = value.to_str().ok()?.trim().parse().ok()?;
            Some(Duration::from_secs(seconds))
        });
        let wait = match asked {
            Some(wait) => wait,
            None => {
                let d = policy.ceiling(attempt);
                d / 2 + (d / 2).mul_f64(jitter.fraction())
            }
        };
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
