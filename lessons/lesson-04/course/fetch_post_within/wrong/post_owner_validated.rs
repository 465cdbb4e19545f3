//! Wrong: a well-formed post must come back `Ok` as sent, but the decoding also checks that its `userId` is the owner JSONPlaceholder's numbering gives its `id` (posts 1-10 by user 1, 11-20 by user 2, …) and turns any other post into `Decode`; posts 1-10 of user 1, and a wrong post among them, still pass.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

use crate::ApiError;

/// A post whose owner agrees with its id, as the API's numbering promises (see
/// `lesson_support::models::Post`: "Posts 1-10 belong to user 1, 11-20 to user 2, and so on").
/// Checked while decoding, so that a post that breaks the rule fails as a decode error, with the
/// reason in its message.
#[derive(Deserialize)]
#[serde(try_from = "Post")]
struct ConsistentPost(Post);

impl TryFrom<Post> for ConsistentPost {
    type Error = String;

    fn try_from(post: Post) -> Result<Self, Self::Error> {
        let owner = post.id.div_ceil(10);
        if post.user_id == owner {
            Ok(ConsistentPost(post))
        } else {
            Err(format!(
                "post {} belongs to user {owner}, not to user {}: not a record of this API",
                post.id, post.user_id
            ))
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
    let ConsistentPost(post) = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<ConsistentPost>()
        .await?;
    Ok(post)
}
