//! Wrong: breaks "when a 429 or 503 carries `Retry-After: <seconds>`, wait that long instead … and not a moment longer": it puts the server's value through the same equal jitter as its own ceiling ("so that clients told the same `Retry-After` do not all come back in the same instant"), so `Retry-After: 1` waits a random 0.5 to 1s so the retry always arrives before the second the server asked for (`Retry-After: 0` still retries at once, and past `max_delay` is still allowed); the backoff without the header is right.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::header::RETRY_AFTER;
use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy};

/// The server's `Retry-After`, in whole seconds, on a 429 or a 503 only.
fn server_wait(response: &Response) -> Option<Duration> {
    if !matches!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        return None;
    }
    let seconds = response.headers().get(RETRY_AFTER)?.to_str().ok()?;
    seconds.parse::<u64>().ok().map(Duration::from_secs)
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

        // The ceiling is the server's own wait when it named one (it may be longer than
        // max_delay: the server knows best), else ours. Either way, equal jitter on top, so
        // that a crowd of clients does not come back in step.
        let d = outcome
            .as_ref()
            .ok()
            .and_then(server_wait)
            .unwrap_or_else(|| policy.ceiling(attempt));
        let wait = d / 2 + (d / 2).mul_f64(jitter.fraction());
        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
