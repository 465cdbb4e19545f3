//! Wrong: keeps only the posts that arrived (Python's `[p for p in posts if p]`), so the entries shift.

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
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }))
    .await
    .into_iter()
    .filter(Result::is_ok)
    .collect()
}
