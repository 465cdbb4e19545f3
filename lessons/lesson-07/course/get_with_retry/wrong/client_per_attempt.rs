//! Wrong: `reqwest::get` builds a new client, and a new connection, for every attempt.

use std::time::Duration;

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

pub async fn get_with_retry(
    _client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut attempt = 1;
    loop {
        let outcome = reqwest::get(url).await;
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
        let retry_after = outcome.as_ref().ok().and_then(|response| {
            let value = response.headers().get("retry-after")?.to_str().ok()?;
            value.parse().ok().map(Duration::from_secs)
        });
        let ceiling = policy.ceiling(attempt);
        tokio::time::sleep(retry_after.unwrap_or(ceiling * 3 / 4)).await;
        attempt += 1;
    }
}
