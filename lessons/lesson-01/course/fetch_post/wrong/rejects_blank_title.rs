//! Wrong: breaks "`Ok(post)` with every field exactly as the server sent it": it decodes through a validating wrapper that refuses a post whose title or body is empty or only whitespace (the pydantic `constr(min_length=1, strip_whitespace=True)` habit), so a post with a blank title or body, which the server did send as a post, comes back as a decode `Err`.

use lesson_support::models::Post;
use reqwest::Client;
use serde::Deserialize;

/// A post whose text fields carry something readable.
#[derive(Deserialize)]
#[serde(try_from = "Post")]
struct ReadablePost(Post);

impl TryFrom<Post> for ReadablePost {
    type Error = String;

    fn try_from(post: Post) -> Result<Self, Self::Error> {
        if post.title.trim().is_empty() {
            return Err(format!("post {} has a blank title", post.id));
        }
        if post.body.trim().is_empty() {
            return Err(format!("post {} has a blank body", post.id));
        }
        Ok(Self(post))
    }
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let checked: ReadablePost = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(checked.0)
}
