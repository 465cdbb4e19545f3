//! Wrong: breaks "`NotFound` for a 404, and only for a 404" and "`Ok(post)` for any successful answer": when the client has followed a redirect (the answer's URL is not the one asked for) it reports `NotFound { url }` ("the post is not where we asked, we were sent elsewhere") instead of returning the 200's post.

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
    let url = format!("{base_url}/posts/{id}");
    let response = client
        .get(&url)
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?;

    // reqwest follows redirects on its own. An answer that comes from another address is not
    // the post at the address we asked for: a moved or missing post, or a login page.
    if let Ok(asked) = Url::parse(&url) {
        if response.url() != &asked {
            return Err(ApiError::NotFound {
                url: asked.to_string(),
            });
        }
    }

    let post = response.json::<Post>().await?;
    Ok(post)
}
