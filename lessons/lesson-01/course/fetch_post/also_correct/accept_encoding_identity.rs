//! Correct, written another way: it sends `Accept-Encoding: identity` with the GET, saying out loud that the body must come uncompressed (the course builds reqwest without its gzip feature, so it could not decode a compressed body anyway); the server answers exactly as it would without the header, so the URL, the single request through `client`, the status rule and the decoding are all the reference's.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::ACCEPT_ENCODING;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    client
        .get(format!("{base_url}/posts/{id}"))
        // This client cannot decompress (no `gzip` feature): ask for the body as it is.
        .header(ACCEPT_ENCODING, "identity")
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
