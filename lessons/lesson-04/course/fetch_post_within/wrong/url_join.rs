//! Wrong: builds the URL with `Url::join("/posts/{id}")`, whose leading `/` replaces the base
//! URL's path: with a base URL ending in `/api/v1` the request goes outside the API.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = reqwest::Url::parse(base_url)
        .unwrap()
        .join(&format!("/posts/{id}"))
        .unwrap();
    let post = client
        .get(url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
