//! Wrong: "`Decode` when a successful answer's body is not a post": a body that is a JSON *string* whose text is a post (`"{\"userId\":1,...}"`, JSON encoded twice, as some gateways do) is decoded twice and returned as `Ok(post)`; every other body is decoded exactly as `json::<Post>()` does.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::{Deserialize, Deserializer};

use crate::ApiError;

/// A post, or a post that was serialised to a string and serialised again.
#[derive(Deserialize)]
#[serde(untagged)]
enum PostBody {
    Plain(Post),
    #[serde(deserialize_with = "post_in_a_string")]
    Encoded(Post),
}

/// `json.loads(json.loads(body))`, inside serde, so that a failure is still reqwest's decode
/// error.
fn post_in_a_string<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Post, D::Error> {
    let text = String::deserialize(deserializer)?;
    serde_json::from_str(&text).map_err(serde::de::Error::custom)
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let body = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<PostBody>()
        .await?;
    match body {
        PostBody::Plain(post) | PostBody::Encoded(post) => Ok(post),
    }
}
