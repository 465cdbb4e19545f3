//! Right: adds an `Accept: application/json` header, takes the request apart with `RequestBuilder::build_split()` (the client it returns is a clone of the given one: same pool, same settings), sends it with that client's `execute`, and checks the status with `match response.error_for_status()`, letting the lesson's `From` impl sort every error.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let (client, request) = client
        .get(format!("{base_url}/posts/{id}"))
        .header(ACCEPT, "application/json")
        .timeout(limit)
        .build_split();

    // An unusable base URL fails here (or, for `mailto:`, in `execute`): `Other` either way.
    let response = client.execute(request?).await?;

    match response.error_for_status() {
        Ok(response) => Ok(response.json::<Post>().await?),
        Err(status_error) => Err(ApiError::from(status_error)),
    }
}
