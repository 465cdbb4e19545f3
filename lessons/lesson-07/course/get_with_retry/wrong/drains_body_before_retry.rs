//! Wrong: breaks "wait … counted from the failure (the answer, or the error), not from when the failed request was sent": before the wait, the failed answer's body is read to the end (Go's `io.Copy(io.Discard, resp.Body)`, so the connection goes back to the pool), so when a 503's body is slow or stalls the retry comes that much later (up to the client's timeout) than its wait after the answer; with quick bodies, the statuses retried, Retry-After, equal jitter, the attempt count and the last result are all right.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after};

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    let seed = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| u64::from(since.subsec_nanos()))
        .unwrap_or(0);
    let mut jitter = Jitter::seeded(seed, 0);

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

        let wait = match &outcome {
            Ok(response)
                if response.status() == StatusCode::TOO_MANY_REQUESTS
                    || response.status() == StatusCode::SERVICE_UNAVAILABLE =>
            {
                retry_after(response)
            }
            _ => None,
        }
        .unwrap_or_else(|| {
            let d = policy.ceiling(attempt);
            d / 2 + (d / 2).mul_f64(jitter.fraction())
        });

        // Finish reading the failed answer before letting it go: a connection whose body was
        // read to the end goes back to the pool, so the retry can reuse it instead of opening
        // a new one (the same reason Go code drains resp.Body before closing it).
        if let Ok(response) = outcome {
            let _ = response.bytes().await;
        }

        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
