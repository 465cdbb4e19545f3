//! Wrong: backs off nicely, but never reads the server's `Retry-After`.

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut jitter = Jitter::seeded(7, 0);
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
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
        let ceiling = policy.ceiling(attempt);
        tokio::time::sleep(ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())).await;
        attempt += 1;
    }
}
