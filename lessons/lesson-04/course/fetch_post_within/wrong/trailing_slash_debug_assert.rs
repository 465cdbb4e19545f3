//! Wrong: breaks "never a panic": a `debug_assert!` precondition on `base_url` panics (in every debug build, so in `cargo test`) when the base URL ends in `/` (`http://host/`, `http://host/api/`), an input the contract accepts; everything else is the reference's behaviour.

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
    // The URL is `{base_url}/posts/{id}`: a base that ends in `/` would give `//posts`, which
    // some servers route differently. Catch that mistake in the caller while developing; the
    // check costs nothing in a release build.
    debug_assert!(
        !base_url.ends_with('/'),
        "base_url must not end in '/': {base_url:?}"
    );
    let url = format!("{base_url}/posts/{id}");
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
