//! Wrong: gives each request 300 ms (aiohttp's `ClientTimeout` habit), so a slow post is an `Err`.

use std::time::Duration;

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|id| async move {
        client
            .get(format!("{base_url}/posts/{id}"))
            .timeout(Duration::from_millis(300))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }))
    .await
}
