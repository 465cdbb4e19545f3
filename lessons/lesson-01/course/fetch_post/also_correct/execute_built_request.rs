//! Also correct: builds the request first, then hands it to `client.execute`.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let request = client.get(format!("{base_url}/posts/{id}")).build()?;
    let response = client.execute(request).await?;
    response.error_for_status()?.json::<Post>().await
}
