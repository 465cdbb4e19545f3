//! Wrong: Decode clause: it spots a timeout by reading the chain of causes for "timed out" (as the book prints them), so a successful answer whose body is not a post and whose serde error quotes a value with those words (`{"id": "request timed out", ..}`) is `Timeout`, not `Decode`.

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
    let outcome = async {
        let post = client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await?;
        Ok::<Post, reqwest::Error>(post)
    }
    .await;
    outcome.map_err(classify)
}

/// The lesson's classification, but a timeout is found the way the book shows it: somewhere
/// down the chain, "operation timed out" (or the OS's "connection timed out"), whichever layer
/// of reqwest, hyper or the connector it came from.
fn classify(err: reqwest::Error) -> ApiError {
    if err.status().is_none()
        && crate::causes(&err)
            .iter()
            .any(|cause| cause.to_lowercase().contains("timed out"))
    {
        return ApiError::Timeout(err);
    }
    ApiError::from(err)
}
