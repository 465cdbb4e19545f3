//! Wrong: breaks "`Err(ApiError::Connect(..))` when no connection can be made" (lib.rs: "nothing listens at that address, or the name does not resolve") and "`NotFound` for a 404, and only for a 404": like aiohttp's separate `ClientConnectorDNSError`, it singles out a host name that does not resolve (`err.is_dns()`) and reports it as `NotFound { url }` ("no such host: nothing at that URL, and asking again gets the same"); a refused port, a connect timeout (`Timeout`, asked first), bad base URLs, every status, body and timing are right: only a name that does not resolve is misreported.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");

    let response = match client.get(&url).timeout(limit).send().await {
        Ok(response) => response,
        // A host that does not exist will not exist on the next try either: that is "not
        // found", final, not a connection that may work later.
        Err(err) if !err.is_timeout() && err.is_dns() => {
            return Err(ApiError::NotFound { url });
        }
        Err(err) => return Err(err.into()),
    };

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
