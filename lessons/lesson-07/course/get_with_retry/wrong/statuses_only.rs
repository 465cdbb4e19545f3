//! Wrong: retries 429 and 5xx answers, but gives up at once when no answer came at all.

use std::time::Duration;

use reqwest::{Client, Response, StatusCode};

use crate::RetryPolicy;

pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut attempt = 1;
    loop {
        let response = client.get(url).send().await?;
        let status = response.status();
        let worth_retrying = status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error();
        if !worth_retrying || attempt >= policy.max_attempts {
            return Ok(response);
        }
        let retry_after = response
            .headers()
            .get("retry-after")
            .and_then(|value| value.to_str().ok()?.parse().ok())
            .map(Duration::from_secs);
        let ceiling = policy.ceiling(attempt);
        tokio::time::sleep(retry_after.unwrap_or(ceiling * 3 / 4)).await;
        attempt += 1;
    }
}
