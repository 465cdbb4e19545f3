//! Wrong: "one GET `{base_url}/posts/{id}`": to keep the base URL's own path (which `Url::join` would drop) it appends to `Url::path()`, but a base URL without a path has the path `/`, so `http://host` asks for `http://host//posts/{id}` (right only for bases such as `http://host/api/v1`).
use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, Url};

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = match Url::parse(base_url) {
        Ok(mut url) => {
            // Keep the base's own path (`/api/v1`) and add ours after it: `join` would replace
            // the last segment instead.
            let path = format!("{}/posts/{id}", url.path());
            url.set_path(&path);
            url.to_string()
        }
        // Not a URL at all: let reqwest report it at `send()`, as the contract says.
        Err(_) => format!("{base_url}/posts/{id}"),
    };

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
