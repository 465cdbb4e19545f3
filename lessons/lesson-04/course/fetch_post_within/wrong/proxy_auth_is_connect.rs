//! Wrong: "`Status` for any other error status": a 407 Proxy Authentication Required or a 511 Network Authentication Required (a captive portal) becomes `Connect`, on the idea that the network in between refused us and the API was never reached; but a status the server sent is `Status`, whatever it says.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?;
    match response.error_for_status() {
        Ok(response) => Ok(response.json::<Post>().await?),
        Err(err) => match err.status() {
            // A proxy or a captive portal answered, not the API: as far as the caller is
            // concerned, no connection to the server was made (reqwest itself reports a
            // proxy's refusal to tunnel as a connect error).
            Some(
                StatusCode::PROXY_AUTHENTICATION_REQUIRED
                | StatusCode::NETWORK_AUTHENTICATION_REQUIRED,
            ) => Err(ApiError::Connect(err)),
            _ => Err(err.into()),
        },
    }
}
