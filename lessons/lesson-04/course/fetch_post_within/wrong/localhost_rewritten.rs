//! Wrong: a base URL on `localhost` is rewritten to `127.0.0.1` "to skip the lookup", so the GET is not `{base_url}/posts/{id}` (another Host header, no IPv6 `::1`: a server listening only there gives `Connect`), and `NotFound`/`Status` carry a URL that was not asked for.

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
    // `localhost` costs a resolver lookup for every new connection, and may resolve to `::1`
    // first and fall back slowly: go to the loopback address directly, it is the same machine.
    let on_localhost =
        reqwest::Url::parse(base_url).is_ok_and(|url| url.host_str() == Some("localhost"));
    let base = if on_localhost {
        base_url.replacen("localhost", "127.0.0.1", 1)
    } else {
        base_url.to_owned()
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
