//! Wrong: retries every status that is not a success, a 404 included.

use std::time::Duration;

use reqwest::{Client, Response};

use crate::RetryPolicy;

pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let failed = match &outcome {
            Ok(response) => !response.status().is_success(),
            Err(_) => true,
        };
        if !failed || attempt >= policy.max_attempts {
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
