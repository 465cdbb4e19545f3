//! Wrong: `Url::join("/posts/7")` replaces the base URL's whole path, so `http://host/api/v1`
//! loses its `/api/v1`.

use lesson_support::models::Post;
use reqwest::{Client, Url};

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = Url::parse(base_url)
        .unwrap()
        .join(&format!("/posts/{id}"))
        .unwrap();
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
