//! Wrong: breaks "No retry, whatever the failure: the caller decides whether to try again": on a 429 or 503 that carries a short `Retry-After` (0 to 2 s) it sleeps that long and sends a second GET, then classifies that second answer; with no such header (or a long one) it sends exactly one GET, and every status, 404 and body classification is right.

use std::time::Duration;

use lesson_support::models::User;
use reqwest::{Client, Response, StatusCode};

use crate::UserError;

/// Fetches user `id`, classifying any failure.
pub async fn fetch_user(client: &Client, base_url: &str, id: u64) -> Result<User, UserError> {
    let url = format!("{base_url}/users/{id}");
    let mut response = client
        .get(&url)
        .send()
        .await
        .map_err(UserError::Unreachable)?;

    // Be a polite client, like urllib3's `Retry(respect_retry_after_header=True)`: when the
    // server says "come back in a second", a call that would work a moment later should not
    // fail. Only for a short wait; a long one is the caller's business.
    if matches!(
        response.status(),
        StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
    ) {
        if let Some(wait) = short_retry_after(&response) {
            tokio::time::sleep(wait).await;
            response = client
                .get(&url)
                .send()
                .await
                .map_err(UserError::Unreachable)?;
        }
    }

    let status = response.status();
    if status == StatusCode::NOT_FOUND {
        return Err(UserError::NotFound(id));
    }
    if status.is_client_error() || status.is_server_error() {
        return Err(UserError::Server(status));
    }

    response.json::<User>().await.map_err(|err| {
        // Only a parse failure has serde_json's error behind it; a body that broke off or
        // stalled has the connection's (or the timeout's) error there instead.
        let parsed_and_refused =
            std::error::Error::source(&err).is_some_and(|cause| cause.is::<serde_json::Error>());
        if parsed_and_refused {
            UserError::BadBody(err)
        } else {
            UserError::Unreachable(err)
        }
    })
}

/// The server's `Retry-After: <seconds>`, when it is short enough to wait for here.
fn short_retry_after(response: &Response) -> Option<Duration> {
    let seconds: u64 = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()?;
    (seconds <= 2).then(|| Duration::from_secs(seconds))
}
