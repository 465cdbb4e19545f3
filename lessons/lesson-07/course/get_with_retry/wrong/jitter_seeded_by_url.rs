//! Wrong: breaks "seed the random part from something that changes from call to call (the clock's nanoseconds), not a constant": it seeds the jitter with a hash of `url`, so every call for the same URL draws the very same waits, and calls that fail together against one URL come back together; calls to different URLs do differ, and the rest (attempts, what is retried, equal jitter within d/2..d from the capped ceiling, `Retry-After` on 429/503 only) follows the contract.

use std::hash::{DefaultHasher, Hash, Hasher};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // Seed from the URL, as the lesson seeds each post's stream from its id: two different
    // requests never wait in step, and the waits of one request can be replayed when debugging.
    let mut hasher = DefaultHasher::new();
    url.hash(&mut hasher);
    let mut jitter = Jitter::seeded(hasher.finish(), 0);

    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after);
        let wait = asked.unwrap_or_else(|| {
            // Equal jitter: d/2 for sure, plus up to d/2 more.
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
