//! Wrong: breaks "`NotFound` for a 404, whatever its body" and "`Status` for any other error status": before returning the error it drains the error answer's body (`bytes().await?`, "so the keep-alive connection goes back to the pool"), so an error answer whose body is slow or cut short becomes `Timeout` or `Other` instead of `NotFound`/`Status`, though the status had arrived in time; a 404 or 5xx with a prompt body, and every success, is right.

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
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).timeout(limit).send().await?;
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        // Read the rest of the answer so that the connection can be reused.
        let _ = response.bytes().await?;
        return Err(if status == StatusCode::NOT_FOUND {
            ApiError::NotFound { url }
        } else {
            ApiError::Status { status, url }
        });
    }
    Ok(response.json::<Post>().await?)
}
