//! Wrong: one call, one request: on a 404 it also sends a HEAD to `{base_url}/posts` (in the background, so the `NotFound` itself is still reported at once, with the right URL) to log whether the id or the base URL is wrong: a second request for that call.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

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

    if response.status() == StatusCode::NOT_FOUND {
        // A 404 says "nothing here", not *why*: a wrong id, or a wrong base URL. Ask the
        // collection, without making the caller wait for it, and leave a hint in the log.
        let probe = client.head(format!("{base_url}/posts")).timeout(limit);
        let asked = url.clone();
        tokio::spawn(async move {
            match probe.send().await {
                Ok(answer) if answer.status().is_success() => {
                    eprintln!(
                        "hint: {asked} is 404, but the posts are there: no post with that id"
                    );
                }
                Ok(answer) => eprintln!(
                    "hint: {asked} is 404, and the posts collection answers {}: check the base URL",
                    answer.status()
                ),
                Err(err) => eprintln!("hint: {asked} is 404, and the posts collection: {err}"),
            }
        });
    }

    let post = response.error_for_status()?.json::<Post>().await?;
    Ok(post)
}
