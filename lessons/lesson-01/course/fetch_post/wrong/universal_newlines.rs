//! Wrong: breaks "`Ok(post)` with every field exactly as the server sent it ... no trimming: spaces and newlines ... are part of it": it turns Windows line endings (`\r\n`, and a lone `\r`) in the title and body into `\n`, as Python's text mode does, so a post sent with `\r\n` comes back changed; leading and trailing spaces and newlines are kept, and the request, the statuses and the decoding are all right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let mut post: Post = client
        .get(format!("{base_url}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;

    // A server running on Windows sends "\r\n" line breaks. Python's text mode would have
    // turned them into "\n" for us (universal newlines); do the same so output stays tidy.
    post.title = unify_newlines(&post.title);
    post.body = unify_newlines(&post.body);
    Ok(post)
}

/// `\r\n` and a lone `\r` become `\n`.
fn unify_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}
