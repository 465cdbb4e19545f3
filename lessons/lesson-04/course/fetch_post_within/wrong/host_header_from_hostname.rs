//! Wrong: URL clause: it sends `Host: <hostname>` taken from `Url::host_str()` (Python's `urlparse(..).hostname`), which drops the port, so the request is for `http://host/posts/{id}` (port 80), not `{base_url}/posts/{id}`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::HOST;

use crate::ApiError;

/// Fetches post `id`, giving up after `limit`, classifying any failure.
///
/// Some APIs sit behind a reverse proxy that routes by `Host`; my aiohttp code always set it
/// explicitly from the base URL's host name, so this does the same.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let url = format!("{base_url}/posts/{id}");
    let mut request = client.get(&url).timeout(limit);
    // `host_str()` is the host name alone, like Python's `urlparse(url).hostname`.
    if let Some(host) = reqwest::Url::parse(&url)
        .ok()
        .and_then(|parsed| parsed.host_str().map(str::to_owned))
    {
        request = request.header(HOST, host);
    }
    let post = request
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    Ok(post)
}
