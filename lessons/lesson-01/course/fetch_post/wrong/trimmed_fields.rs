//! Wrong: breaks "`Ok(post)` with every field as the server sent it": the title and body are tidied with `trim()` (Python's `.strip()`) before they are returned, so a post whose text starts or ends with spaces or newlines comes back changed; posts without such whitespace (the mock's) are unaffected.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;

    // Titles and bodies are typed by users: drop the stray whitespace around them.
    Ok(Post {
        title: post.title.trim().to_owned(),
        body: post.body.trim().to_owned(),
        ..post
    })
}
