//! Wrong: `Url::join("posts/7")` on a base without a trailing `/` replaces its last segment, so
//! `http://host/api/v1` becomes `http://host/api/posts/7`.

use lesson_support::models::Post;
use reqwest::{Client, Url};

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let base = Url::parse(base_url).unwrap();
    let url = base.join(&format!("posts/{id}")).unwrap();
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
