//! Wrong: concurrent, but `reqwest::get` builds a new client (and connection) per request.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    _client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|id| async move {
        reqwest::get(format!("{base_url}/posts/{id}"))
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }))
    .await
}
