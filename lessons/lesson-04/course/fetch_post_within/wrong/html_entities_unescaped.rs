//! Wrong: "Ok(post), the post as the server sent it (every field unchanged)": HTML entities in `title` and `body` (&amp; &lt; &gt; &quot; &#39;) are unescaped before the post is returned, so a post whose text contains "&amp;" comes back changed.

use std::time::Duration;

use lesson_support::models::Post;
use reqwest::Client;

use crate::ApiError;

/// Web APIs often escape text for HTML pages; turn the common entities back into characters so
/// that the caller gets the text a person wrote.
fn unescape_html(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
}

/// Fetches post `id`, giving up after `limit`, classifying any failure.
pub async fn fetch_post_within(
    client: &Client,
    base_url: &str,
    id: u64,
    limit: Duration,
) -> Result<Post, ApiError> {
    let mut post = client
        .get(format!("{base_url}/posts/{id}"))
        .timeout(limit)
        .send()
        .await?
        .error_for_status()?
        .json::<Post>()
        .await?;
    post.title = unescape_html(&post.title);
    post.body = unescape_html(&post.body);
    Ok(post)
}
