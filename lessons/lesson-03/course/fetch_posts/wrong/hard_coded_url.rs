//! Wrong: ignores `base_url` and always calls a fixed local address.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    _base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|id| async move {
        client
            .get(format!("http://127.0.0.1:3000/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }))
    .await
}
