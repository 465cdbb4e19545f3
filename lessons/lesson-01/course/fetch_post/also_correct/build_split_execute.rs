//! Correct, written another way: `RequestBuilder::build_split` hands back the request and the
//! client it belongs to (a handle on the same pool as `client`), the request is sent with
//! `Client::execute` (a base that is no URL fails at `request?` with the very error `send()`
//! would give, since `send()` only passes that stored error on), and the status is judged in a
//! `match` on `error_for_status()` whose good arm is the body's decode, the match itself being the
//! function's value.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let (client, request) = client.get(format!("{base_url}/posts/{id}")).build_split();
    let response = client.execute(request?).await?;
    match response.error_for_status() {
        Ok(response) => response.json::<Post>().await,
        Err(status_error) => Err(status_error),
    }
}
