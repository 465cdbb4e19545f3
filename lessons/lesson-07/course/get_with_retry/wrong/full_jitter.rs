//! Wrong: copies the lesson's own backoff, full jitter (anywhere in [0, d]), where the exercise
//! asks for equal jitter (d/2 plus a random part of d/2), so some waits hardly wait at all.

use std::time::Duration;

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
            Err(err) => err.is_request(),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let retry_after = outcome.as_ref().ok().and_then(|response| {
            let value = response.headers().get("retry-after")?.to_str().ok()?;
            value.parse().ok().map(Duration::from_secs)
        });
        let wait = retry_after.unwrap_or_else(|| policy.backoff(attempt, &mut jitter));
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
