//! Wrong: breaks "send every attempt … through `client`": after a connection error it sends the retries through a `Client` it builds itself ("the pooled connection may be the broken one"), so those attempts lose everything the caller set on `client` (its short timeout, its user agent and default headers, `no_proxy`, its pool): after a timeout the retry waits with a 30s timeout instead of the caller's, and behind `HTTP_PROXY` a retry to `127.0.0.1` goes to the proxy; retries after a 429 or a 5xx still use `client`, and counts, waits and results are right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// A clean client for retrying after a broken connection: no pooled connection to reuse.
fn fresh_client() -> Option<Client> {
    Client::builder()
        .timeout(Duration::from_secs(30))
        .connect_timeout(Duration::from_secs(5))
        .pool_max_idle_per_host(0)
        .build()
        .ok()
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

    // Set once a connection has failed: from then on, stay away from the old pool.
    let mut fresh: Option<Client> = None;
    let mut attempt = 1;
    loop {
        let outcome = fresh.as_ref().unwrap_or(client).get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => {
                response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status().is_server_error()
            }
            Err(err) => err.is_connect() || err.is_timeout() || err.is_request(),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }

        let asked = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                (|| -> Option<Duration> {
                    let value = response.headers().get(RETRY_AFTER)?;
                    let seconds = value.to_str().ok()?.parse::<u64>().ok()?;
                    Some(Duration::from_secs(seconds))
                })()
            }
            Ok(_) => None,
            Err(_) => {
                if fresh.is_none() {
                    fresh = fresh_client();
                }
                None
            }
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
