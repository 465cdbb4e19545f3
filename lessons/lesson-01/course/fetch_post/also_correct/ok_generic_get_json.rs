//! Correct, written another way: the send / status / decode chain lives in a generic `get_json::<T>` helper for any `DeserializeOwned` type, and the URL is assembled with `write!` into a `String` sized up front.

use std::fmt::Write as _;

use lesson_support::models::Post;
use reqwest::Client;
use serde::de::DeserializeOwned;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let mut url = String::with_capacity(base_url.len() + "/posts/".len() + 20);
    url.push_str(base_url);
    // Writing into a `String` cannot fail.
    let _ = write!(url, "/posts/{id}");
    get_json(client, url).await
}

/// One GET, an error status turned into an `Err`, the body decoded into whatever `T` is asked for.
async fn get_json<T: DeserializeOwned>(client: &Client, url: String) -> Result<T, reqwest::Error> {
    let response = client.get(url).send().await?;
    let response = response.error_for_status()?;
    response.json::<T>().await
}
