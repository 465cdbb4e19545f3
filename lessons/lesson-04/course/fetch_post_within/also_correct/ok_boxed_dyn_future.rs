//! Correct, written another way: the reqwest chain lives in a helper that returns a boxed `dyn Future` of `reqwest::Result<Post>`, and the conversion to `ApiError` is one `map_err(ApiError::from)` at the end.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use lesson_04::ApiError;
use lesson_support::models::Post;
use reqwest::Client;

/// A request in progress, not yet classified.
type Pending<'a, T> = Pin<Box<dyn Future<Output = Result<T, reqwest::Error>> + Send + 'a>>;

/// The GET with its own timeout, the status check and the decoding, all as reqwest errors.
fn get_post(client: &Client, url: String, limit: Duration) -> Pending<'_, Post> {
    Box::pin(async move {
        client
            .get(url)
            .timeout(limit)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    })
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    get_post(client, format!("{base_url}/posts/{id}"), limit)
        .await
        .map_err(ApiError::from)
}
