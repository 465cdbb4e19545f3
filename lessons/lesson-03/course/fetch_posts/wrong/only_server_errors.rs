//! Wrong: turns only 5xx statuses into errors, so a 4xx body is decoded as if it were a post.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|id| async move {
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        let response = if response.status().is_server_error() {
            response.error_for_status()?
        } else {
            response
        };
        response.json::<Post>().await
    }))
    .await
}
