//! Wrong: breaks "wait a random time between d/2 and d" (equal jitter): it uses the chapter's full jitter, `policy.backoff(n, …)`, anywhere from 0 to d, so a wait can be far shorter than d/2 and the waits need not grow.

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
        .unwrap_or_default();
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
        let server_wait = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                crate::retry_after(response)
            }
            _ => None,
        };
        // The lesson's own backoff: a random share of the ceiling.
        let wait = server_wait.unwrap_or_else(|| policy.backoff(attempt, &mut jitter));
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
