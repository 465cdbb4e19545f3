//! Wrong: breaks "retry only what may be different next time: a 429, any 5xx (500, 502, 503, 504, …)": 501 Not Implemented and 505 HTTP Version Not Supported are taken for permanent refusals and returned at once, so they get one attempt instead of up to `max_attempts`; 429, 500, 502, 503, 504 and other 5xx, no-answer errors, Retry-After, the equal-jitter backoff and the last result are right.

use std::time::{SystemTime, UNIX_EPOCH};

use reqwest::{Client, Response, StatusCode};

use crate::{Jitter, RetryPolicy, is_worth_retrying_error, retry_after};

/// Whether an answer may be different if we ask again.
///
/// A 429 or a server error, except the two 5xx that describe the server itself rather than
/// its state: 501 (it does not implement this at all) and 505 (it does not speak our HTTP
/// version). Neither gets better with time, so asking again only adds load.
fn worth_retrying(status: StatusCode) -> bool {
    if status == StatusCode::NOT_IMPLEMENTED || status == StatusCode::HTTP_VERSION_NOT_SUPPORTED {
        return false;
    }
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// GETs `url`, retrying failures worth retrying with a growing, jittered wait.
pub async fn get_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Response, reqwest::Error> {
    // A different seed for every call: this moment's nanoseconds.
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|since| since.subsec_nanos())
        .unwrap_or_default();
    let mut jitter = Jitter::seeded(u64::from(nanos), 0);

    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let retry = match &outcome {
            Ok(response) => worth_retrying(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !retry || attempt >= policy.max_attempts {
            return outcome;
        }

        // The server's own wait, on a 429 or a 503 only; otherwise equal jitter.
        let asked = match &outcome {
            Ok(response)
                if matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                ) =>
            {
                retry_after(response)
            }
            _ => None,
        };
        let wait = asked.unwrap_or_else(|| {
            let ceiling = policy.ceiling(attempt);
            ceiling / 2 + (ceiling / 2).mul_f64(jitter.fraction())
        });

        drop(outcome);
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
