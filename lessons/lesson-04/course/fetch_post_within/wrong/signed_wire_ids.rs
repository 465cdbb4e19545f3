//! Wrong: a body that is not a post must be `Decode`, but the ids are read as JSON's usual signed integers (`i64`) and cast with `as u64`, so a post whose `id` or `userId` is negative (`-1`) comes back `Ok`, with 18446744073709551615 in it, instead of `Decode` (the other side of the same cast, ids above i64::MAX, nobody meets).

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::ApiError;

/// A post as it travels: JSON numbers are signed, as in JavaScript and Python, so the ids are
/// read as `i64` first and only then made into the `u64` ids of [`Post`].
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WirePost {
    user_id: i64,
    id: i64,
    title: String,
    body: String,
}

impl WirePost {
    fn into_post(self) -> Post {
        Post {
            user_id: self.user_id as u64,
            id: self.id as u64,
            title: self.title,
            body: self.body,
        }
    }
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let wire = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<WirePost>()
        .await?;
    Ok(wire.into_post())
}
