//! Also correct: one step per line, `error_for_status_ref` to check the status without giving
//! up the response, and the type named with a turbofish.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = client.get(&url).send().await?;
    response.error_for_status_ref()?;
    let post = response.json::<Post>().await?;
    Ok(post)
}
