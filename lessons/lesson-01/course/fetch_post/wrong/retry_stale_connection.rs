//! Wrong: breaks "a server that closes the connection without answering is an `Err` too, after that one request (no retry)": a connection dropped before the answer (an `is_request()` error that is not `is_connect()`) is taken for a stale keep-alive connection and the GET is sent once more, so such a server sees two GETs; refused connections, every status and every body are handled right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = match client.get(&url).send().await {
        Ok(response) => response,
        // A pooled keep-alive connection the server already closed fails like this; a fresh
        // connection fixes it (it is a GET, so sending it again is safe).
        Err(err) if err.is_request() && !err.is_connect() && !err.is_timeout() => {
            client.get(&url).send().await?
        }
        Err(err) => return Err(err),
    };
    response.error_for_status()?.json::<Post>().await
}
