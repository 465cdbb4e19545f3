//! Wrong: "never a panic" — it logs every answer's reason phrase with `canonical_reason().expect(..)`, which panics on a status the `http` crate has no phrase for (a 520 from Cloudflare, nginx's 499, a 599, a 299); every registered status behaves exactly like the reference.

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
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).timeout(limit).send().await?;

    // Say what the server answered, in words, the way curl -v does: "404 Not Found".
    let status = response.status();
    let reason = status
        .canonical_reason()
        .expect("every HTTP status has a reason phrase");
    eprintln!("GET {url} -> {} {reason}", status.as_u16());

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
