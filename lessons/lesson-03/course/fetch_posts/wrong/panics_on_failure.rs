//! Wrong: unwraps each result, so one failed post brings the whole program down.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    join_all(ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await
            .unwrap();
        Ok(response
            .error_for_status()
            .unwrap()
            .json::<Post>()
            .await
            .unwrap())
    }))
    .await
}
