//! Wrong: breaks "wait that long instead, even past `max_delay`": the server's `Retry-After` is clamped to `policy.max_delay`, so a `Retry-After: 1` under a shorter cap comes back before the second the server asked for.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

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
        let retryable = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !retryable || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                crate::retry_after(response)
            }
            _ => None,
        };
        let wait = match asked {
            // Honour the server, but never wait longer than our own policy allows:
            // a misbehaving server must not stall us for an hour.
            Some(asked) => asked.min(policy.max_delay),
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
