//! Wrong: "NotFound for a 404, and only for a 404" / "Decode when a successful answer's body is not a post" — a 2xx whose Content-Type is text/html is taken for a single-page-app host's catch-all index.html and reported as `NotFound` at once, instead of being read and reported as `Decode` (and a post sent as text/html is refused instead of being `Ok`).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::CONTENT_TYPE;

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
        .await?
        .error_for_status()?;

    // Hosts that serve a single-page app answer every path they do not know with
    // `200 OK` and their `index.html`: a "soft 404". An HTML page is never a post, so
    // say what it really means, without downloading the page.
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .trim_start()
                .to_ascii_lowercase()
                .starts_with("text/html")
        });
    if is_html {
        return Err(ApiError::NotFound {
            url: response.url().to_string(),
        });
    }

    let post = response.json::<Post>().await?;
    Ok(post)
}
