//! Correct, written another way: the URL is assembled with `push_str` instead of `format!`, and the status step is a `Result::map` that turns the checked response into its `json` future (`Response::json::<Post>` as a function path), so one `?` covers the status and a single `.await` decodes.

use lesson_support::models::Post;
use reqwest::{Client, Response};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let id = id.to_string();
    let mut url = String::with_capacity(base_url.len() + "/posts/".len() + id.len());
    url.push_str(base_url);
    url.push_str("/posts/");
    url.push_str(&id);

    let response = client.get(url).send().await?;
    response
        .error_for_status()
        .map(Response::json::<Post>)?
        .await
}
