//! Wrong: breaks "every error status (any 4xx or 5xx) is an `Err` that carries that status": the status is matched against the error statuses an API usually sends (400, 401, 403, 404, 408, 410, 429 and every 5xx), and any other answer is decoded, so a 405, 409, 418, 422 or 451 comes back as a decode error without a status (or as `Ok` if its body looks like a post).

use lesson_support::models::Post;
use reqwest::{Client, StatusCode};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;

    // The failures a REST API documents: the client's mistakes, and the server's.
    let response = match response.status() {
        StatusCode::BAD_REQUEST
        | StatusCode::UNAUTHORIZED
        | StatusCode::FORBIDDEN
        | StatusCode::NOT_FOUND
        | StatusCode::REQUEST_TIMEOUT
        | StatusCode::GONE
        | StatusCode::TOO_MANY_REQUESTS => response.error_for_status()?,
        status if status.is_server_error() => response.error_for_status()?,
        // 200, and anything else the server may send with the post.
        _ => response,
    };

    response.json::<Post>().await
}
