//! Wrong: breaks "retry … no answer at all (a refused or dropped connection, a timeout)": only `is_connect()` and `is_timeout()` errors are retried, so a connection the server accepted and then dropped before answering (an `is_request()` error in reqwest 0.13) is returned at once.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

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
            // No answer at all: we could not connect, or the server was too slow.
            // Anything else (a bad URL, a broken body) would fail the same way again.
            Err(err) => err.is_connect() || err.is_timeout(),
        };
        if !retryable || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked: Option<Duration> = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                crate::retry_after(response)
            }
            _ => None,
        };
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
