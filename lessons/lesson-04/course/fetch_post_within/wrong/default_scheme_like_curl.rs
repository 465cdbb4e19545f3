//! Wrong: breaks "`Other(..)` for … a `base_url` that no request can go to (`not a url`, `mailto:me@example.com`): reqwest reports that as an error at `send()`, and nothing is sent": like curl, it adds `http://` to a base URL without `://` (so `localhost:3000` works), which turns `mailto:me@example.com` into `http://mailto:me@example.com/posts/{id}`, a request to `example.com` (a `Connect` when the name does not resolve, a `NotFound` when it does); `not a url` is still `Other`, and every http base URL is right.

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
    // `localhost:3000` or `127.0.0.1:3000` is what people type; reqwest wants a scheme. Assume
    // plain HTTP when none is given, as curl does. A base URL that is still unusable after
    // that is reported by reqwest at `send()`.
    let base = if base_url.contains("://") {
        base_url.to_owned()
    } else {
        format!("http://{base_url}")
    };

    let post = client
        .get(format!("{base}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
