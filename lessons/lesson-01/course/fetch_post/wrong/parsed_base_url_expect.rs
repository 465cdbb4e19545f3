//! Wrong: breaks "never a panic": it parses `base_url` into a `reqwest::Url` and appends the segments with `path_segments_mut`, the tidy typed way a Rust developer prefers to `format!`, and since `url::ParseError` is not a `reqwest::Error` and cannot go through `?`, it `expect`s the parse; a base URL that does not parse (`127.0.0.1:3000` without its scheme, a stray space) panics where the reference returns an `Err` from the request builder.

use lesson_support::models::Post;
use reqwest::{Client, Url};

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Typed URL building: the base's own path (`/api/v1`) stays, and no slash is doubled.
    let mut url = Url::parse(base_url).expect("base_url is an absolute http(s) URL");
    {
        let mut segments = url
            .path_segments_mut()
            .expect("an http(s) URL always has a path to append to");
        segments.pop_if_empty().push("posts").push(&id.to_string());
    }
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
