//! Also correct: builds the URL with `Url::path_segments_mut`, which appends to the base URL's
//! path instead of replacing it (and `pop_if_empty` avoids a `//` after a bare host).

use lesson_support::models::Post;
use reqwest::{Client, Url};

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let mut url = Url::parse(base_url).expect("the course gives a valid base URL");
    url.path_segments_mut()
        .expect("an http URL has a path")
        .pop_if_empty()
        .push("posts")
        .push(&id.to_string());
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
