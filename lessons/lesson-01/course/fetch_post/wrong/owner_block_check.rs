//! Wrong: breaks "`Ok(post)` with every field exactly as the server sent it": it checks the body against the data set's rule that posts 1-10 belong to user 1, 11-20 to user 2 and so on (the rule `models.rs` documents), and turns a post whose `userId` does not match its `id` into a decode `Err`, a learner treating a documented property of the sample data as a schema.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// A post whose author is consistent with its id.
#[derive(Deserialize)]
#[serde(try_from = "Post")]
struct ConsistentPost(Post);

impl TryFrom<Post> for ConsistentPost {
    type Error = String;

    fn try_from(post: Post) -> Result<Self, Self::Error> {
        let expected_user = post.id.div_ceil(10);
        if post.user_id == expected_user {
            Ok(Self(post))
        } else {
            Err(format!(
                "post {} claims user {}, expected user {expected_user}",
                post.id, post.user_id
            ))
        }
    }
}

/// Fetches post `id` and decodes it into a [`Post`], checked for a consistent author.
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?;
    let post: ConsistentPost = response.json().await?;
    Ok(post.0)
}
