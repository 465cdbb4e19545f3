//! Wrong: makes sure the base ends in `/`, then adds `/posts/…` too: the path gets `//posts/7`.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let base = if base_url.ends_with('/') {
        base_url.to_owned()
    } else {
        format!("{base_url}/")
    };
    client
        .get(format!("{base}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
