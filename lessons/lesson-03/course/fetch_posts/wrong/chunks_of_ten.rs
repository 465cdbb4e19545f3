//! Wrong: fetches the ids in batches of 10, each batch waiting for the previous one.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut results = Vec::with_capacity(ids.len());
    for batch in ids.chunks(10) {
        results.extend(
            join_all(batch.iter().map(|id| async move {
                client
                    .get(format!("{base_url}/posts/{id}"))
                    .send()
                    .await?
                    .error_for_status()?
                    .json::<Post>()
                    .await
            }))
            .await,
        );
    }
    results
}
