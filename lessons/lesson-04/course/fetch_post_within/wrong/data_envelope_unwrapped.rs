//! Wrong: breaks "`Decode` when a successful answer's body is not a post (JSON of another shape)" and "the post as the server sent it": it also accepts a post wrapped in a `{"data": {...}}` envelope, as many REST APIs send, and returns the inner post as `Ok` instead of `Decode`.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::ApiError;

/// The two ways APIs send one record: bare, or inside a `data` envelope.
#[derive(Deserialize)]
#[serde(untagged)]
enum Answer {
    Bare(Post),
    Enveloped { data: Post },
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let answer = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Answer>()
        .await?;
    match answer {
        Answer::Bare(post) | Answer::Enveloped { data: post } => Ok(post),
    }
}
