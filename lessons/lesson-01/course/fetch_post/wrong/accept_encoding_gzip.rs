//! Wrong: breaks "`Ok(post)` with every field exactly as the server sent it": it sends `Accept-Encoding: gzip, deflate` (the headers Python's `requests` sends), but the course's reqwest is built without its `gzip` feature and never undoes the compression, so a server that honours the header (JSONPlaceholder behind its CDN does) sends a compressed post that `.json()` cannot read: a decode `Err` for a good post; against a server that ignores the header, the one GET, its URL, the status check and the decoding are all right.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::{ACCEPT, ACCEPT_ENCODING};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}"))
        // What `requests` sends by default: ask for JSON, and for a compressed body so the
        // answer is smaller on the wire.
        .header(ACCEPT, "application/json")
        .header(ACCEPT_ENCODING, "gzip, deflate")
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
