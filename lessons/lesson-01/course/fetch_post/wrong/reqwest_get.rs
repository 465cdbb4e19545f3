//! Wrong: `reqwest::get` builds a throwaway client instead of using the one given.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(_client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    reqwest::get(format!("{base_url}/posts/{id}"))
        .await?
        .error_for_status()?
        .json()
        .await
}
