//! Correct: looks at the status itself and sorts each reqwest error by hand, timeout first,
//! with a cloned client.

use reqwest::StatusCode;
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

fn classify(err: reqwest::Error) -> ApiError {
    if err.is_timeout() {
        ApiError::Timeout(err)
    } else if err.is_connect() {
        ApiError::Connect(err)
    } else if err.is_decode() {
        ApiError::Decode(err)
    } else {
        ApiError::Other(err)
    }
}

pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let client = client.clone();
    let url = format!("{base_url}/posts/{id}");
    let response = match client.get(&url).timeout(limit).send().await {
        Ok(response) => response,
        Err(err) => return Err(classify(err)),
    };
    match response.status() {
        StatusCode::NOT_FOUND => Err(ApiError::NotFound { url }),
        status if status.is_client_error() || status.is_server_error() => {
            Err(ApiError::Status { status, url })
        }
        _ => match response.json::<Post>().await {
            Ok(post) => Ok(post),
            Err(err) => Err(classify(err)),
        },
    }
}
