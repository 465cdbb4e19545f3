//! Correct, written another way: builds the `Request` first (`build()?`, so a base URL that is not a URL is an `Other` before anything is sent), sets the timeout through `Request::timeout_mut`, sends it with `Client::execute`, and converts each `reqwest::Error` with an explicit `ApiError::from` in a `match` instead of a chain of `?`.

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
    // The request as a value: a URL that cannot be parsed fails here, and nothing is sent.
    let mut request = client
        .get(format!("{base_url}/posts/{id}"))
        .build()
        .map_err(ApiError::from)?;
    // Its own timeout, which takes the place of the client's for this request only.
    *request.timeout_mut() = Some(limit);

    let response = match client.execute(request).await {
        Ok(response) => response,
        Err(err) => return Err(ApiError::from(err)),
    };
    // An error status is reported from the head alone; only a success has its body read.
    match response.error_for_status() {
        Ok(response) => response.json::<Post>().await.map_err(ApiError::from),
        Err(err) => Err(ApiError::from(err)),
    }
}
